"""Importing frab/Pentabarf schedule.xml and c3voc schedule.json programs."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from companion.catalog import open_program
from companion.loading import ProgramError
from companion.program import Program
from companion.store import Store
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import FIXTURES
from tests.programs import opened

FRAB = FIXTURES / "fosdemish.xml"
C3VOC = FIXTURES / "congressish.json"


def parse(path: Path) -> Program:
    """The program in a file, opened as `companion --program FILE` opens it."""
    return open_program(str(path)).program


def test_frab_xml_multi_day_multi_room_with_parallel_talks() -> None:
    program = parse(FRAB)
    conference = program.conference
    assert (conference.id, conference.name, conference.title) == (
        "devconf-2030",
        "DevConf Brussels 2030",  # the header shows the name: a title, not an acronym
        "DevConf Brussels 2030",
    )
    assert conference.timezone == "Europe/Brussels"
    assert [str(day) for day in program.days] == ["2030-02-02", "2030-02-03"]
    assert program.rooms == ("Janson", "K.1.105")
    assert program.tracks == ("Keynotes", "LLVM", "Social")
    keynote = program.talk("0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa")  # the guid, lower-cased
    assert keynote.start.isoformat() == "2030-02-02T10:00:00+01:00"
    assert keynote.end - keynote.start == timedelta(minutes=50)
    assert not keynote.estimated and keynote.session_title is None
    assert keynote.authors == ("Zoë Ørsted", "José Cano")
    assert (keynote.room, keynote.track, keynote.kind, keynote.language) == (
        "Janson",
        "Keynotes",
        "keynote",
        "en",
    )
    assert keynote.subtitle == "Why every runtime grows one"
    assert keynote.abstract == "Ahead-of-time, just-in-time."
    assert keynote.description == "A longer description."
    assert [link.url for link in keynote.links] == [
        "https://devconf.example.org/2030/schedule/event/keynote/",
        "https://devconf.example.org/slides/101.pdf",
    ]
    parallel = [talk for talk in program.talks if talk.start == keynote.start]
    assert {talk.room for talk in parallel} == {"Janson", "K.1.105"}
    midnight = program.talk("0e5d2b6c-2222-4a8b-9c55-bbbbbbbbbbbb")
    assert midnight.end.isoformat() == "2030-02-03T00:30:00+01:00"  # crosses midnight
    assert midnight.authors == ()
    assert "markus-bock" in {person.id for person in program.people}


def test_frab_events_outside_any_day_are_loaded_from_their_own_date(tmp_path: Path) -> None:
    """frab lists events in a day's rooms; a file made by hand may list some beside the
    days. Each is read with its own <date>, one without a date is skipped and said so."""
    outside = (
        '<event guid="outside"><date>2030-02-02T18:00:00+01:00</date><start>18:00</start>'
        "<duration>00:30</duration><room>Hall</room><title>Beside the days</title></event>"
        '<room name="Yard"><event guid="in-a-room"><date>2030-02-03T09:00:00+01:00</date>'
        "<start>09:00</start><duration>00:20</duration><title>In a room of no day</title>"
        "</event></room>"
        '<event guid="undated"><start>12:00</start><duration>00:30</duration>'
        "<title>No date at all</title></event>"
        # A list apart may repeat the days' events: not read.
        '<events><event guid="listed-apart"><date>2030-02-02T19:00:00+01:00</date>'
        "<start>19:00</start><duration>00:30</duration><title>Again</title></event></events>"
    )
    path = tmp_path / "schedule.xml"
    path.write_text(FRAB.read_text().replace("</schedule>", f"{outside}</schedule>"))
    opened = open_program(str(path))
    program = opened.program
    assert program.talk("outside").title == "Beside the days"
    assert program.talk("outside").start.isoformat() == "2030-02-02T18:00:00+01:00"
    assert program.talk("in-a-room").start.isoformat() == "2030-02-03T09:00:00+01:00"
    assert program.talk("in-a-room").room == "Yard"
    assert len(program.talks) == len(parse(FRAB).talks) + 2
    assert [note.event for note in opened.import_notes or ()] == [
        "event undated ('No date at all')"
    ]


def test_c3voc_json_in_another_time_zone_crossing_midnight() -> None:
    program = parse(C3VOC)
    assert program.conference.timezone == "America/New_York"
    assert program.conference.id == "39c3"
    assert len(program.days) == 2 and program.rooms == ("Saal 1", "Saal 2")
    opening = program.talk("aaaaaaaa-0000-4000-8000-000000000001")
    assert opening.start.isoformat() == "2029-12-27T11:00:00-05:00"
    assert opening.authors == ("Émile Zola",)
    assert opening.subtitle is None and opening.description is None  # blanks are absent
    assert [link.label for link in opening.links] == ["Event page", "Extra"]
    late = program.talk("aaaaaaaa-0000-4000-8000-000000000002")
    assert late.end.isoformat() == "2029-12-28T00:30:00-05:00"
    assert late.authors == ("Ann Able", "Bob Baker") and late.language == "de"
    assert program.talk("aaaaaaaa-0000-4000-8000-000000000004").kind == "workshop"
    assert program.conflicts(
        {"aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000003"}
    ) == {"aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000003"}


def test_ids_fall_back_from_guid_to_id_to_a_slug() -> None:
    data = json.loads(C3VOC.read_text(encoding="utf-8"))
    events = data["schedule"]["conference"]["days"][0]["rooms"]["Saal 1"]
    del events[0]["guid"]
    del events[1]["guid"], events[1]["id"]
    events.append(dict(events[1]))  # the same title again
    program = opened(data)
    ids = [talk.id for talk in program.talks]
    assert "11" in ids
    assert "late-night-lightning-talks" in ids and "late-night-lightning-talks-2" in ids


def test_ids_survive_a_re_export_with_moved_talks() -> None:
    original = parse(FRAB)
    moved = FRAB.read_text(encoding="utf-8").replace(
        "<date>2030-02-02T10:30:00+01:00</date>", "<date>2030-02-02T15:00:00+01:00</date>"
    )
    changed = opened(moved)
    assert {t.id for t in original.talks} == {t.id for t in changed.talks}
    tiling = "0e5d2b6c-4444-4a8b-9c55-dddddddddddd"
    assert changed.talk(tiling).start.hour == 15


def test_recognised_by_content_not_by_name(tmp_path: Path) -> None:
    disguised = tmp_path / "program.txt"
    shutil.copy(FRAB, disguised)
    talks = json.loads(call_cli("--program", str(disguised), "talks", "--json").stdout)
    assert len(talks) == 5 and talks[0]["room"] in {"Janson", "K.1.105"}
    assert talks[0]["start"].endswith("+01:00")


def test_an_import_is_kept_for_offline_use(tmp_path: Path) -> None:
    copy = tmp_path / "schedule.json"
    shutil.copy(C3VOC, copy)
    first = call_cli("--program", str(copy), "talks")
    assert first.returncode == 0 and "kept 39th Example Congress" in first.stderr
    assert "kept" not in call_cli("--program", str(copy), "talks").stderr  # unchanged: quiet
    copy.unlink()
    offline = json.loads(call_cli("--program", "39c3", "talks", "--json").stdout)
    assert len(offline) == 4
    programs = json.loads(call_cli("programs", "--json").stdout)
    assert [(p["id"], p["bundled"]) for p in programs] == [("c4ml-2026", True), ("39c3", False)]
    assert "39th Example Congress" in call_cli("programs").stdout
    assert_clean_error(call_cli("--program", "no-such-program", "talks"), "companion programs")


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE schedule [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<schedule><conference><title>&x;</title></conference></schedule>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<schedule><conference><title>&lol2;</title></conference></schedule>"""


def _frab_with(old: str, new: str) -> bytes:
    return FRAB.read_text(encoding="utf-8").replace(old, new, 1).encode()


def _c3voc_with(path: list[str | int], value: object) -> bytes:
    data = json.loads(C3VOC.read_text(encoding="utf-8"))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(data).encode()


MALFORMED = {
    "truncated xml": (FRAB.read_bytes()[:700], "not well-formed XML"),
    "external entity": (XXE, "refused unsafe XML"),
    "entity expansion": (LAUGHS, "refused unsafe XML"),
    "wrong root": (b"<html><body/></html>", "not <schedule>"),
    "no conference": (b"<schedule><day/></schedule>", "no <conference>"),
    "unknown zone": (_frab_with("Europe/Brussels", "Mars/Olympus"), "unknown time zone"),
    "truncated json": (C3VOC.read_bytes()[:500], "not valid JSON"),
    "days not a list": (
        _c3voc_with(["schedule", "conference", "days"], {"a": 1}),
        "conference.days is not a list",
    ),
    "bad day date": (
        _frab_with("<start>2030-02-02</start>", "")
        .replace(b'date="2030-02-02"', b'date="someday"')
        .replace(b'date="2030-02-03"', b'date="later"'),
        "start_date",
    ),
    "bad conference date": (
        _c3voc_with(["schedule", "conference", "start"], "someday"),
        "start_date",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_files_are_one_clear_line_and_the_store_is_untouched(
    case: str, tmp_path: Path, data_dir: Path
) -> None:
    content, expected = MALFORMED[case]
    assert call_cli("star", "magellan").returncode == 0
    path = tmp_path / "schedule.bin"
    path.write_bytes(content)
    assert_clean_error(call_cli("--program", str(path), "talks"), str(path), expected)
    assert not (data_dir / "programs").exists()
    store = Store.open(data_dir, "c4ml-2026")
    assert store.starred_ids() == {"magellan"}
    assert all(p.name.startswith("c4ml-2026.sqlite3") for p in data_dir.iterdir())


def test_oversized_files_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from companion import loading

    monkeypatch.setattr(loading, "MAX_PROGRAM_BYTES", 1024)
    with pytest.raises(ProgramError, match="larger than"):
        parse(FRAB)


def test_starred_of_a_multi_day_program_by_day_with_overlaps(tmp_path: Path) -> None:
    keynote, mlir = "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa", "0e5d2b6c-3333-4a8b-9c55-cccccccccccc"
    closing = "0e5d2b6c-5555-4a8b-9c55-eeeeeeeeeeee"
    assert call_cli("--program", str(FRAB), "star", keynote, mlir, closing).returncode == 0
    lines = call_cli("--program", "devconf-2030", "starred").stdout.splitlines()
    assert lines[0] == "3 starred talks"
    assert lines[2] == "== Saturday 2 February 2030 =="
    assert lines[4].strip() == "! clashes with MLIR in Production · Janson"  # names it
    assert lines[6].strip() == "! clashes with Keynote: Compilers Everywhere · K.1.105"
    assert lines[8] == "== Sunday 3 February 2030 =="
    assert lines[10].strip() == "Janson"
