"""Hostile program files (issue 11): every refusal is one `companion: error:` line and exit
status 2, never a traceback, a hang or memory exhaustion; and times are read right."""

from __future__ import annotations

import codecs
import json
import os
import resource
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from companion.catalog import open_program
from companion.importers.fields import ImportProblem
from companion.importers.times import parse_duration
from companion.loading import BUNDLED_ID
from companion.program import Program
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import FIXTURES
from tests.programs import opened

FRAB = FIXTURES / "fosdemish.xml"
C3VOC = FIXTURES / "congressish.json"

# The CLI with the reading limits of companion.loading set from the first two arguments.
PATCHED_CLI = """
import sys
from companion import loading
loading.READ_TIMEOUT_SECONDS = float(sys.argv.pop(1))
loading.MAX_PROGRAM_BYTES = int(sys.argv.pop(1))
from companion.__main__ import main
main()
"""
MEMORY_LIMIT = 1 << 30  # a runaway read fails fast instead of exhausting the machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_companion(
    *args: str,
    read_timeout: float = 10.0,
    max_bytes: int = 32 * 2**20,
    stdin: str | None = None,
    timeout: float = 30,
) -> subprocess.CompletedProcess[str]:
    """`companion ARGS` with a memory limit and the given reading limits."""
    return subprocess.run(
        [sys.executable, "-c", PATCHED_CLI, str(read_timeout), str(max_bytes), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        preexec_fn=_limit_memory,
    )


def test_dev_zero_is_refused_at_the_size_cap() -> None:
    """A device has no size to check: the read itself stops one byte past the cap."""
    result = run_companion("--program", "/dev/zero", "talks")
    assert_clean_error(result, "/dev/zero", "larger than 32 MiB")


def test_a_fifo_without_a_writer_is_refused_after_the_timeout(tmp_path: Path) -> None:
    fifo = tmp_path / "schedule.xml"
    os.mkfifo(fifo)
    result = run_companion("--program", str(fifo), "talks", read_timeout=0.2, timeout=20)
    assert_clean_error(result, str(fifo), "nothing to read after 0.2 seconds")


def test_a_pipe_over_the_cap_is_refused() -> None:
    result = run_companion(
        "--program", "/dev/stdin", "talks", max_bytes=1024, stdin=FRAB.read_text(encoding="utf-8")
    )
    assert_clean_error(result, "/dev/stdin", "larger than")


def test_a_program_from_a_pipe_loads() -> None:
    result = run_companion(
        "--program", "/dev/stdin", "talks", stdin=C3VOC.read_text(encoding="utf-8")
    )
    assert result.returncode == 0, result.stderr
    assert "Late Night Lightning Talks" in result.stdout


def _frab_with(*replacements: tuple[str, str]) -> str:
    text = FRAB.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def _c3voc_with(path: list[str | int], value: object) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(C3VOC.read_text(encoding="utf-8"))
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


SAAL_1: list[str | int] = ["schedule", "conference", "days", 0, "rooms", "Saal 1"]
NATIVE = (Path(__file__).parent.parent / "assets" / "c4ml-2026.json").read_text(encoding="utf-8")
FIVE_THOUSAND_DIGITS = "9" * 5000
REFUSED = {
    "100,000-deep JSON": ("[" * 100_000 + "]" * 100_000, "not readable JSON (nested too deeply)"),
    "a 5,000-digit integer in a native file": (
        NATIVE.replace('"format_version": 1', f'"format_version": {FIVE_THOUSAND_DIGITS}'),
        "not readable JSON (Exceeds the limit (4300 digits)",
    ),
    "a 5,000-digit integer in a c3voc event": (
        json.dumps(_c3voc_with([*SAAL_1, 0, "id"], "DIGITS")).replace(
            '"DIGITS"', FIVE_THOUSAND_DIGITS
        ),
        "not readable JSON (Exceeds the limit (4300 digits)",
    ),
    "XML declaring UTF-7": (
        _frab_with(('encoding="UTF-8"', 'encoding="UTF-7"')),
        "not readable XML (multi-byte encodings are not supported)",
    ),
    "XML declaring Shift JIS": (
        _frab_with(('encoding="UTF-8"', 'encoding="Shift_JIS"')),
        "not readable XML (multi-byte encodings are not supported)",
    ),
    "a conference in year 1": (
        _frab_with(("<start>2030-02-02</start>", "<start>0001-01-01</start>")),
        "start_date 0001-01-01 is not a plausible date",
    ),
    "a conference ending in year 9999": (
        json.dumps(_c3voc_with(["schedule", "conference", "end"], "9999-12-31")),
        "end_date 9999-12-31 is not a plausible date",
    ),
    "a native conference in year 9999": (
        NATIVE.replace('"end_date": "2026-02-01"', '"end_date": "9999-12-31"'),
        "conference: end_date 9999-12-31 is not a plausible date",
    ),
    "a time zone that is a directory": (
        _frab_with(("Europe/Brussels", "America")),
        "unknown time zone 'America'",
    ),
    "a native time zone too long for a file name": (
        NATIVE.replace('"Australia/Sydney"', f'"{"A" * 300}"'),
        "conference: unknown time zone",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_with_one_line(case: str, tmp_path: Path) -> None:
    content, expected = REFUSED[case]
    path = tmp_path / "schedule"
    path.write_text(content, encoding="utf-8")
    assert_clean_error(call_cli("--program", str(path), "talks"), str(path), expected)


def test_a_byte_order_mark_that_lies_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "schedule.xml"
    path.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
    assert_clean_error(call_cli("--program", str(path), "talks"), "not UTF-16-LE text")


@pytest.mark.parametrize("now", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_an_implausible_now_is_refused(now: str) -> None:
    assert_clean_error(call_cli("--now", now, "now"), f"--now: {now!r} is not a plausible date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("00:30", timedelta(minutes=30)),
        ("1:30", timedelta(minutes=90)),
        ("25:00", timedelta(hours=25)),
        ("00:30:00", timedelta(minutes=30)),
        ("01:30:00", timedelta(minutes=90)),
        ("00:00:45", timedelta(seconds=45)),
        ("1:02:00:00", timedelta(days=1, hours=2)),
        ("PT1H30M", timedelta(minutes=90)),
        ("P1DT2H", timedelta(days=1, hours=2)),
        ("PT90M", timedelta(minutes=90)),
        ("PT45S", timedelta(seconds=45)),
        (" 00:45 ", timedelta(minutes=45)),
    ],
)
def test_durations_are_read_by_their_format(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "25:99",
        "00:60",
        "00:30:60",
        "1:24:00:00",
        "1:02:00:00:00",
        "99999999999:00:00",
        "1:5",
        "soon",
        "",
        "P",
        "PT",
        "P1DT",
        "P1M",
        "P1Y",
        "PT1.5H",
        "pt1h",
        "١٢:٠٠",  # digits, but not ASCII ones
    ],
)
def test_other_durations_are_refused(text: str) -> None:
    with pytest.raises(ImportProblem, match="duration"):
        parse_duration(text)


def test_colon_durations_are_hours_and_minutes_not_days(tmp_path: Path) -> None:
    path = tmp_path / "schedule.xml"
    path.write_text(
        _frab_with(
            ("<duration>00:50</duration>", "<duration>00:30:00</duration>"),
            ("<duration>01:00</duration>", "<duration>01:30:00</duration>"),
        ),
        encoding="utf-8",
    )
    talks = open_program(str(path)).program.talks
    lengths = {talk.id[-4:]: talk.end - talk.start for talk in talks}
    assert lengths["aaaa"] == timedelta(minutes=30)
    assert lengths["bbbb"] == timedelta(minutes=90)


def _night_program(day_attributes: str, conference_extra: str = "") -> str:
    return f"""<?xml version="1.0"?>
<schedule>
  <conference>
    <acronym>night-2030</acronym><title>Night 2030</title>
    <time_zone_name>Europe/Brussels</time_zone_name>{conference_extra}
  </conference>
  <day date="2030-02-02" {day_attributes}>
    <room name="Janson">
      <event id="1"><start>23:00</start><duration>01:00</duration><title>Late</title></event>
      <event id="2"><start>01:30</start><duration>00:30</duration><title>After</title></event>
    </room>
  </day>
</schedule>"""


@pytest.mark.parametrize(
    ("program", "after_midnight"),
    [
        (
            _night_program('start="2030-02-02T10:00:00+01:00" end="2030-02-03T03:00:00+01:00"'),
            "2030-02-03T01:30:00+01:00",
        ),
        (_night_program("", "<day_change>04:00</day_change>"), "2030-02-03T01:30:00+01:00"),
        (_night_program(""), "2030-02-02T01:30:00+01:00"),  # nothing says the day runs late
    ],
    ids=["day start", "conference day change", "neither"],
)
def test_frab_events_after_midnight_without_a_date(program: str, after_midnight: str) -> None:
    imported = opened(program)
    assert imported.talk("1").start.isoformat() == "2030-02-02T23:00:00+01:00"
    assert imported.talk("2").start.isoformat() == after_midnight


def test_c3voc_events_after_midnight_without_a_date() -> None:
    data = _c3voc_with([*SAAL_1, 1, "start"], "00:30")
    del data["schedule"]["conference"]["days"][0]["rooms"]["Saal 1"][1]["date"]
    imported = opened(data)
    late = imported.talk("aaaaaaaa-0000-4000-8000-000000000002")
    assert late.start.isoformat() == "2029-12-28T00:30:00-05:00"  # day_start is 10:00


def _berlin(day: str, event: str) -> str:
    return f"""<schedule>
  <conference><acronym>dst-2026</acronym><title>DST 2026</title>
    <time_zone_name>Europe/Berlin</time_zone_name></conference>
  <day date="{day}"><room name="Saal"><event id="1">{event}</event></room></day>
</schedule>"""


def test_a_talk_across_the_dst_fold_lasts_what_it_says(tmp_path: Path) -> None:
    """02:30 on the last Sunday of October happens twice in Berlin; the first one, CEST."""
    path = tmp_path / "schedule.xml"
    event = "<start>02:30</start><duration>00:30</duration><title>Fold</title>"
    path.write_text(_berlin("2026-10-25", event), encoding="utf-8")
    [talk] = open_program(str(path)).program.talks
    assert (talk.start.isoformat(), talk.end.isoformat()) == (
        "2026-10-25T02:30:00+02:00",
        "2026-10-25T02:00:00+01:00",
    )
    assert talk.end - talk.start == timedelta(minutes=30)


def test_now_finds_a_talk_across_the_dst_gap(tmp_path: Path) -> None:
    """At 04:00 CEST a talk from 01:30 CET to 04:30 CEST (two hours) is on."""
    path = tmp_path / "schedule.xml"
    event = "<date>2026-03-29T01:30:00+01:00</date><duration>02:00</duration><title>Gap</title>"
    path.write_text(_berlin("2026-03-29", event), encoding="utf-8")
    result = call_cli("--program", str(path), "--now", "2026-03-29T04:00", "now")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Now: 01:30–04:30 Gap")


@pytest.mark.parametrize(
    ("mark", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_a_frab_file_with_a_byte_order_mark_loads(mark: bytes, codec: str, tmp_path: Path) -> None:
    path = tmp_path / "schedule.xml"
    declared = codec.removesuffix("-le").removesuffix("-be").upper()
    text = _frab_with(('encoding="UTF-8"', f'encoding="{declared}"'))
    path.write_bytes(mark + text.encode(codec))
    talks = open_program(str(path)).program.talks
    assert len(talks) == 5 and talks[0].authors == ("Zoë Ørsted", "José Cano")


def test_a_c3voc_file_in_utf_16_loads(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    path.write_bytes(C3VOC.read_text(encoding="utf-8").encode("utf-16"))  # with its mark
    assert len(open_program(str(path)).program.talks) == 4


def test_the_bundled_id_is_the_bundled_programs(program: Program) -> None:
    assert program.conference.id == BUNDLED_ID


def test_a_loaded_program_with_the_bundled_id_is_kept_apart(tmp_path: Path) -> None:
    """An edited copy of the bundled program neither replaces it nor shares its stars."""
    copy = tmp_path / "c4ml.json"
    copy.write_text(NATIVE, encoding="utf-8")
    assert call_cli("star", "magellan").returncode == 0
    loaded = call_cli("--program", str(copy), "star", "xtc")
    assert loaded.returncode == 0, loaded.stderr
    assert "kept C4ML 2026 for offline use as c4ml-2026-loaded" in loaded.stderr
    assert "(c4ml-2026 is the bundled program's id)" in loaded.stderr
    assert "--program c4ml-2026-loaded" in loaded.stderr

    def starred(spec: str | None) -> list[str]:
        args = ("--program", spec) if spec else ()
        return [talk["id"] for talk in json.loads(call_cli(*args, "starred", "--json").stdout)]

    assert starred(None) == starred("c4ml-2026") == ["magellan"]
    assert starred("c4ml-2026-loaded") == starred(str(copy)) == ["xtc"]  # reloading keeps them
    programs = json.loads(call_cli("programs", "--json").stdout)
    assert [(p["id"], p["bundled"]) for p in programs] == [
        ("c4ml-2026", True),
        ("c4ml-2026-loaded", False),
    ]


def test_a_copy_kept_under_the_bundled_id_does_not_replace_it(data_dir: Path) -> None:
    """As versions before the fix kept a loaded program whose id was the bundled one's."""
    kept = data_dir / "programs" / f"{BUNDLED_ID}.json"
    kept.parent.mkdir(parents=True)
    kept.write_text(NATIVE.replace("Compilers for Machine Learning", "Impostors"), "utf-8")
    assert "Impostors" not in call_cli("--program", BUNDLED_ID, "about").stdout
    programs = json.loads(call_cli("programs", "--json").stdout)
    assert [(p["id"], p["bundled"]) for p in programs] == [("c4ml-2026", True)]


def test_a_file_that_is_no_program_at_all_says_so(tmp_path: Path) -> None:
    """Neither markup, JSON nor a calendar: not 'not valid JSON' for a .ics of noise."""
    for name, content in (("noise.ics", bytes(range(256)) * 8), ("empty.ics", b"")):
        path = tmp_path / name
        path.write_bytes(content)
        assert_clean_error(call_cli("--program", str(path), "talks"), "not a program (neither")
