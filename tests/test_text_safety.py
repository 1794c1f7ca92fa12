"""Text from a program file is data: no escape sequence or control character reaches a
terminal, a file or a spreadsheet; Markdown and CSV readers are given nothing to run."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.catalog import open_program
from companion.cli import run
from companion.export import ExportFormat, build_export, render
from companion.text import safe_line, safe_prose, safe_url, strip_controls
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import FIXTURES, run_cli

# What a terminal obeys: C0 but tab and newline (CR only as a line ending), DEL, C1.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
OSC_52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"  # "write this to the clipboard"
RETITLE = "\x1b]0;pwned\x1b\\"
WIPE = "\x1b[2J\x1b[H"
C1_CSI = "\x9b2J"  # the same wipe, as one 8-bit control


def assert_inert(text: str) -> None:
    found = CONTROL.search(text)
    assert found is None, f"{found.group()!r} at {found.start()} in {text[:200]!r}"


@pytest.mark.parametrize(
    ("raw", "line", "prose"),
    [
        (f"Clip{OSC_52}board", "Clipboard", "Clipboard"),
        (f"Re{RETITLE}titled", "Retitled", "Retitled"),
        (f"Wi{WIPE}ped{C1_CSI}", "Wiped", "Wiped"),
        ("bell\x07 nul\x00 del\x7f", "bell nul del", "bell nul del"),
        ("two\r\nlines\rhere", "two lines here", "two\nlines\nhere"),
        ("  tab\tand   spaces  ", "tab and spaces", "tab\tand   spaces"),
        ("lone \ud800surrogate", "lone surrogate", "lone surrogate"),
        ("Ngân (NV) Vũ", "Ngân (NV) Vũ", "Ngân (NV) Vũ"),
        ("admin\u202e\u2066txt.exe\u2069", "admintxt.exe", "admintxt.exe"),  # reads reversed
        ("שלום \u200fעולם", "שלום \u200fעולם", "שלום \u200fעולם"),  # a mark, no override
        ("[ @click=app.quit()]markup stays text[/]", None, None),
    ],
)
def test_shown_text_keeps_what_a_reader_sees_and_nothing_a_terminal_obeys(
    raw: str, line: str | None, prose: str | None
) -> None:
    assert safe_line(raw) == (line if line is not None else raw)
    assert safe_prose(raw) == (prose if prose is not None else raw)
    assert_inert(safe_line(raw))
    assert_inert(safe_prose(raw))


def test_overlong_text_is_cut_with_an_ellipsis() -> None:
    title = safe_line("x" * 5_000_000)
    assert len(title) == 1000 and title.endswith("…")
    assert len(safe_prose("word " * 100_000)) <= 20_000


def test_urls_cannot_end_a_link_or_an_attribute() -> None:
    assert safe_url('https://e.org/a b"<x>`') == "https://e.org/a%20b%22%3Cx%3E%60"
    assert safe_url("https://e.org/ok%20already?q=1&r=[2]#f") == (
        "https://e.org/ok%20already?q=1&r=[2]#f"
    )
    assert strip_controls(safe_url(f"https://e.org/{OSC_52}")) == "https://e.org/"


def hostile_c3voc(text: str) -> dict[str, Any]:
    """The congress fixture with `text` in every field a person reads."""
    document: dict[str, Any] = json.loads((FIXTURES / "congressish.json").read_text("utf-8"))
    conference = document["schedule"]["conference"]
    conference["title"] = f"Congress {text}"
    for day in conference["days"]:
        for events in day["rooms"].values():
            for event in events:
                event["title"] = f"Talk {text}"
                event["subtitle"] = f"Sub {text}"
                event["abstract"] = f"Abstract {text}\nsecond line {text}"
                event["description"] = f"Description {text}"
                event["track"] = f"Track {text}"
                event["persons"] = [{"public_name": f"Ann {text}"}]
                event["links"] = [{"url": f"https://e.org/{text}", "title": f"Slides {text}"}]
    return document


def write_program(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_c3voc(text), ensure_ascii=False), encoding="utf-8")
    return path


ATTACK = f"{OSC_52}{RETITLE}{WIPE}{C1_CSI}\x07\x00"
# Each listing and export of a program, as a user runs it.
COMMANDS = [
    ("talks",),
    ("talks", "--json"),
    ("speakers",),
    ("speakers", "--json"),
    ("starred",),
    ("starred", "--json"),
    ("now",),
    ("about",),
    ("programs",),
    *(("export", "-f", fmt.value, "-o", "-", "--all") for fmt in ExportFormat),
]


def test_no_byte_of_an_escape_sequence_in_any_cli_output(tmp_path: Path) -> None:
    """The first and last commands run as a user runs them, in a process of their own;
    the listings and exports between run in this one, through the same command line."""
    path = write_program(tmp_path, ATTACK)
    first = run_cli("--program", str(path), "star", "aaaaaaaa-0000-4000-8000-000000000001")
    assert first.returncode == 0, first.stderr
    assert_inert(first.stdout + first.stderr)  # the "kept for offline use" line among them
    for command in COMMANDS:
        result = call_cli("--program", str(path), *command)
        assert result.returncode == 0, (command, result.stderr)
        assert_inert(result.stdout.replace("\r\n", "\n") + result.stderr)
        assert "\x1b" not in result.stdout and "pwned" not in result.stdout
    shown = run_cli("--program", str(path), "show", "aaaaaaaa-0000-4000-8000-000000000001")
    assert "Talk 2J" not in shown.stdout  # the sequence went whole, not just its ESC
    assert_inert(shown.stdout)


def test_a_pasted_note_is_shown_and_exported_inert(tmp_path: Path) -> None:
    assert call_cli("star", "magellan").returncode == 0
    assert call_cli("note", "magellan", f"see{WIPE} slides").returncode == 0
    for command in (("show", "magellan"), ("note", "magellan"), ("starred", "--json")):
        result = call_cli(*command)  # in this process: what a user's process would print
        assert result.returncode == 0, result.stderr
        assert_inert(result.stdout)
    for fmt in ExportFormat:
        result = call_cli("export", "-f", fmt.value, "-o", "-")
        assert_inert(result.stdout.replace("\r\n", "\n"))


def test_csv_cells_that_would_be_formulas_are_written_as_text(tmp_path: Path) -> None:
    document = hostile_c3voc("")
    events = document["schedule"]["conference"]["days"][0]["rooms"]["Saal 1"]
    formulas = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)"]
    for event, formula in zip(events, formulas, strict=False):
        event["title"] = formula
    path = tmp_path / "formulas.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = call_cli("--program", str(path), "export", "-f", "csv", "-o", "-", "--all")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    titles = {row["title"] for row in rows}
    shown = formulas[: len(events)]
    assert {f"'{formula}" for formula in shown} <= titles
    assert not any(row[column].startswith(("=", "+", "-", "@")) for row in rows for column in row)


def test_markdown_structure_comes_only_from_the_exporter(tmp_path: Path) -> None:
    document = hostile_c3voc("")
    event = document["schedule"]["conference"]["days"][0]["rooms"]["Saal 1"][0]
    event["title"] = "Innocent\n# Injected heading\n- [click](javascript:alert(1))"
    event["links"] = [{"url": "https://e.org/x> [evil](https://evil.example)", "title": "Slides"}]
    path = tmp_path / "md.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = call_cli("--program", str(path), "export", "-f", "md", "-o", "-", "--all")
    lines = result.stdout.splitlines()
    assert not any(line.startswith("# Injected") or line.startswith("- [click]") for line in lines)
    title_line = next(line for line in lines if "Innocent" in line)
    assert title_line.startswith("### ") and "\\# Injected heading" in title_line
    link_line = next(line for line in lines if line.startswith("- Link: Slides"))
    assert link_line == "- Link: Slides <https://e.org/x%3E%20[evil](https://evil.example)>"


def test_a_multi_line_note_stays_inside_its_list_item() -> None:
    program = open_program(str(FIXTURES / "fosdemish.xml")).program
    talk = program.talks[0]
    export = build_export(program, {talk.id}, {talk.id: "first\n# not a heading\n- nor a list"})
    text = render(export, ExportFormat.MD)
    assert "- Note: first\n  \\# not a heading\n  - nor a list\n" in text


@pytest.mark.parametrize(
    ("output", "fragment"),
    [
        ("newdir/", "names a folder"),
        ("x" * 300 + ".ics", "File name too long"),
    ],
)
def test_export_targets_that_cannot_be_a_file_are_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, fragment: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = call_cli("export", "-f", "ics", "-o", output)
    assert_clean_error(result, fragment)
    assert list(tmp_path.iterdir()) == []


def test_export_never_replaces_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    result = run_cli("export", "-f", "ics", "-o", str(fifo), "--force")
    assert_clean_error(result, "not a regular file")
    assert fifo.is_fifo()


def test_output_that_cannot_show_every_character_is_not_a_crash() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "companion", "show", "markus-bock"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"Markus B?ck")


# Arbitrary text, with what attackers and bad luck favour mixed in.
nasty = st.text(
    alphabet=st.characters(codec="utf-8")
    | st.sampled_from(["\x1b", "\x9b", "\x9d", "\x07", "[", "]", "@", "\n", "\r", "\u0301"]),
    max_size=30,
)


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=nasty)
def test_any_text_goes_through_every_command_and_export_inert(text: str, tmp_path: Path) -> None:
    path = tmp_path / "fuzzed.json"
    path.write_text(json.dumps(hostile_c3voc(text)), encoding="utf-8")
    for command in [("star", "aaaaaaaa-0000-4000-8000-000000000001"), *COMMANDS]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = run(["--program", str(path), *command])
        assert status == 0, err.getvalue()
        assert_inert(out.getvalue().replace("\r\n", "\n") + err.getvalue())
    program = open_program(str(path)).program
    calendar = render(build_export(program, set(), {}, everything=True), ExportFormat.ICS)
    assert len(list(icalendar.Calendar.from_ical(calendar).walk("VEVENT"))) == len(program.talks)


def test_a_remembered_title_from_the_store_is_shown_inert(data_dir: Path) -> None:
    """A star keeps a copy of the talk's title (written by any version, or by hand); when
    the talk has left the program, that copy is what is shown."""
    assert call_cli("star", "magellan").returncode == 0
    with sqlite3.connect(data_dir / "c4ml-2026.sqlite3") as db:
        db.execute("UPDATE stars SET talk_id = 'gone', title = ?", (f"Old{WIPE}{OSC_52} title",))
    db.close()
    for command in (("starred",), ("starred", "--json")):
        result = call_cli(*command)
        assert result.returncode == 0, result.stderr
        assert "Old title" in result.stdout
        assert_inert(result.stdout)
