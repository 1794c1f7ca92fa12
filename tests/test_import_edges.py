"""The edges of liberal import: a field of the wrong type costs at most its event, never
the document; unreadable day boundaries are ignored once; days follow the events' starts;
ids given to repeats never take one the file uses; HTML `<pre>` keeps its indent."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from companion.catalog import open_program
from companion.importers.c3voc_json import read_c3voc
from companion.importers.document import Built, build_document
from companion.importers.fields import Fix, ImportNote, ImportProblem
from companion.importers.frab_xml import read_frab_xml
from companion.present.import_report import import_summary, note_line
from tests.cli_driving import call_cli
from tests.conftest import FIXTURES

Data = dict[str, Any]


def _congress() -> Data:
    data: Data = json.loads((FIXTURES / "congressish.json").read_text(encoding="utf-8"))
    return data


def _days(data: Data) -> list[Any]:
    days: list[Any] = data["schedule"]["conference"]["days"]
    return days


def _event(data: Data, event_id: int) -> Data:
    for day in _days(data):
        for events in day["rooms"].values():
            for event in events:
                if event.get("id") == event_id:
                    found: Data = event
                    return found
    raise LookupError(event_id)


def _built_c3voc(data: Data) -> Built:
    return build_document(read_c3voc(data))


def _talks(built: Built) -> dict[str, Data]:
    return {talk["aliases"][0]: talk for talk in built.document["talks"] if talk["aliases"]}


def _lines(notes: list[ImportNote]) -> list[str]:
    return [note_line(note) for note in notes]


# Per field of the wrong type in event 12 ("Late Night Lightning Talks"): its value, and
# the line `check` gives; the event loads without that field.
DROPPED: dict[str, tuple[object, str]] = {
    "persons": ("Alice", "persons is not a list; loaded without it"),
    "person": ([[1, 2]], "persons: expected text, found list; loaded without it"),
    "room": (["Saal 9"], "room is a list, not text; loaded without it"),
    "links": ("x", "links is not a list; loaded without it"),
    "subtitle": ({"x": 1}, "subtitle is an object, not text; loaded without it"),
    "abstract": ([], "abstract is a list, not text; loaded without it"),
}


@pytest.mark.parametrize("field", sorted(DROPPED))
def test_an_optional_field_of_the_wrong_type_is_dropped_from_its_event_alone(field: str) -> None:
    data = _congress()
    value, line = DROPPED[field]
    _event(data, 12)["persons" if field == "person" else field] = value
    built = _built_c3voc(data)
    talks = _talks(built)
    assert len(talks) == 4  # every event, this one too
    assert _lines(built.notes) == [f"event 12 ('Late Night Lightning Talks'): {line}"]
    assert talks["11"]["authors"] == ["Émile Zola"]  # the others as the file gives them
    late = talks["12"]
    assert late["title"] == "Late Night Lightning Talks"
    if field == "room":
        assert late["room"] == "Saal 1"  # the room the day lists it in
    if field in ("persons", "person"):
        assert late["authors"] == []


@pytest.mark.parametrize("field", ["title", "date", "start"])
def test_an_event_whose_title_or_time_is_of_the_wrong_type_is_skipped(field: str) -> None:
    data = _congress()
    _event(data, 12)[field] = {"x": 1}
    built = _built_c3voc(data)
    assert sorted(_talks(built)) == ["11", "13", "14"]
    [line] = _lines(built.notes)
    assert line.startswith("event 12") and line.endswith(f"{field} is an object, not text; skipped")


def test_a_duration_of_the_wrong_type_makes_a_moment() -> None:
    data = _congress()
    _event(data, 12)["duration"] = {"minutes": 45}
    built = _built_c3voc(data)
    assert _talks(built)["12"]["end"] == "2029-12-27T23:50:00-05:00"
    [note] = built.notes
    assert (note.problem, note.fix) == ("duration is an object, not text", Fix.MOMENT)


SHAPES: dict[str, tuple[Callable[[Data], object], list[str]]] = {
    "a day's rooms an empty list": (
        lambda data: _days(data).append({"date": "2029-12-29", "rooms": []}),
        [],
    ),
    "a day's rooms a list of events": (
        lambda data: _days(data).append({"date": "2029-12-29", "rooms": [{"id": 1}]}),
        ["day 2029-12-29: rooms is not an object: no events read; ignored"],
    ),
    "a room's events an object": (
        lambda data: _days(data)[1]["rooms"].update({"Saal 3": {"id": 1}}),
        ["day 2029-12-28, room 'Saal 3': is not a list of events: none read; ignored"],
    ),
    "an event not an object": (
        lambda data: _days(data)[1]["rooms"]["Saal 2"].insert(0, 42),
        ["day 2029-12-28, room 'Saal 2', event 1: is not an object; skipped"],
    ),
    "a day not an object": (
        lambda data: _days(data).append("2029-12-29"),
        ["days[2]: is not an object; ignored"],
    ),
    "a day's date of the wrong type": (
        lambda data: _days(data)[1].update({"date": {"y": 2029}}),
        ["day 2: date is an object, not text; ignored"],
    ),
}


@pytest.mark.parametrize("case", sorted(SHAPES))
def test_a_misshapen_day_or_room_costs_only_what_is_in_it(case: str) -> None:
    data = _congress()
    change, lines = SHAPES[case]
    change(data)
    built = _built_c3voc(data)
    assert sorted(_talks(built)) == ["11", "12", "13", "14"]
    assert _lines(built.notes) == lines


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda data: data.update({"schedule": []}), "schedule is not an object"),
        (
            lambda data: data["schedule"]["conference"].update({"days": {"a": 1}}),
            "conference.days is not a list",
        ),
    ],
)
def test_a_document_not_shaped_as_a_program_is_still_refused(
    change: Callable[[Data], object], says: str
) -> None:
    data = _congress()
    change(data)
    with pytest.raises(ImportProblem, match=says):
        _built_c3voc(data)


def _built_frab(old: str, new: str) -> Built:
    xml = (FIXTURES / "fosdemish.xml").read_text(encoding="utf-8")
    assert old in xml
    return build_document(read_frab_xml(xml.replace(old, new, 1).encode()))


FRAB_CASES: dict[str, tuple[str, str, str]] = {
    "markup in a title": (
        "<title>Midnight Hacking</title>",
        "<title>Midnight <b>Hacking</b></title>",
        "event 102: title holds elements where text is expected; skipped",
    ),
    "markup in an abstract": (
        "<abstract>Ahead-of-time, just-in-time.</abstract>",
        "<abstract><p>Ahead-of-time</p></abstract>",
        "event 101 ('Keynote: Compilers Everywhere'): "
        "abstract holds elements where text is expected; loaded without it",
    ),
    "markup in a person": (
        '<person id="2">José Cano</person>',
        '<person id="2"><b>José</b> Cano</person>',
        "event 101 ('Keynote: Compilers Everywhere'): "
        "persons: person holds elements where text is expected; loaded without it",
    ),
}


@pytest.mark.parametrize("case", sorted(FRAB_CASES))
def test_frab_elements_holding_elements_where_text_is_expected(case: str) -> None:
    old, new, line = FRAB_CASES[case]
    built = _built_frab(old, new)
    assert _lines(built.notes) == [line]
    loaded = {talk["aliases"][0] for talk in built.document["talks"]}
    assert ("102" in loaded) == (case != "markup in a title")
    assert len(loaded) == 5 - (case == "markup in a title")


def test_loading_counts_ignored_values_apart_from_events() -> None:
    data = _congress()
    _days(data).append("2029-12-29")
    _event(data, 12)["links"] = "x"
    summary = import_summary(_built_c3voc(data).notes, "schedule.json")
    assert summary is not None
    assert summary.startswith("loaded with 1 event adjusted and 1 value ignored: ")


def test_a_repeat_never_takes_an_id_the_file_gives_a_later_event() -> None:
    data = _congress()
    for event_id, guid in ((11, "talk"), (12, "talk"), (13, "talk-2")):
        _event(data, event_id)["guid"] = guid
    built = _built_c3voc(data)
    titles = {talk["id"]: talk["title"] for talk in built.document["talks"]}
    assert titles["talk"] == "Opening Ceremony"
    assert titles["talk-2"] == "Parallel Talk on Hardware"  # its own id, as the file gives it
    assert titles["talk-3"] == "Late Night Lightning Talks"
    assert _lines(built.notes) == [
        "event 12 ('Late Night Lightning Talks'): id 'talk' is repeated; loaded as talk-3"
    ]


def test_a_title_made_id_never_takes_an_id_the_file_gives_an_event() -> None:
    data = _congress()
    opening = _event(data, 11)
    del opening["guid"], opening["id"]
    opening["title"] = "Talk"
    _event(data, 12)["guid"] = "talk"
    built = _built_c3voc(data)
    titles = {talk["id"]: talk["title"] for talk in built.document["talks"]}
    assert (titles["talk"], titles["talk-2"]) == ("Late Night Lightning Talks", "Talk")
    assert built.notes == []


def _times_only(data: Data) -> Data:
    """The events given by their day's date and a time of day, as frab's `<start>` does."""
    for day in _days(data):
        for events in day["rooms"].values():
            for event in events:
                del event["date"]
    return data


def _starts(built: Built) -> dict[str, str]:
    return {talk["aliases"][0]: talk["start"] for talk in built.document["talks"]}


AS_IF_ABSENT = {  # day 1 begins at midnight then: 11:00, 23:45 and 11:30 that day
    "11": "2029-12-27T11:00:00-05:00",
    "12": "2029-12-27T23:45:00-05:00",
    "13": "2029-12-27T11:30:00-05:00",
    "14": "2029-12-28T12:00:00-05:00",
}


def test_an_unreadable_day_start_is_ignored_once_and_its_events_placed_without_it() -> None:
    data = _times_only(_congress())
    _days(data)[0]["day_start"] = "at ten"
    built = _built_c3voc(data)
    assert _starts(built) == AS_IF_ABSENT
    [line] = _lines(built.notes)
    assert line.startswith("day 2029-12-27: day start: 'at ten' is not")
    assert line.endswith("; ignored")


def test_an_unreadable_day_change_is_ignored_once_and_the_events_placed_without_it() -> None:
    data = _times_only(_congress())
    for day in _days(data):
        day.pop("day_start", None)
    data["schedule"]["conference"]["day_change"] = "ten"
    built = _built_c3voc(data)
    assert _starts(built) == AS_IF_ABSENT
    assert _lines(built.notes) == ["the conference: day change 'ten' is not a time of day; ignored"]


def test_a_frab_day_start_that_cannot_be_read_is_noted_once_per_day() -> None:
    built = _built_frab('start="2030-02-02T09:00:00+01:00"', 'start="nine"')
    [note] = built.notes
    assert (note.event, note.fix) == ("day 2030-02-02", Fix.IGNORED)
    assert len(built.document["talks"]) == 5


@pytest.mark.parametrize(
    ("starts", "day", "line"),
    [
        ("2029-12-28T01:30:00-05:00", "2029-12-27", None),  # the night after the listed day
        ("2029-12-27T09:00:00-05:00", "2029-12-27", None),
        ("2030-01-20T23:45:00-05:00", "2030-01-20", "listed under day 2029-12-27, but starts"),
        ("2030-01-21T03:00:00-05:00", "2030-01-20", "listed under day 2029-12-27, but starts"),
        ("2029-12-20T12:00:00-05:00", "2029-12-20", "listed under day 2029-12-27, but starts"),
    ],
)
def test_a_listed_day_is_kept_only_when_the_event_starts_on_it_or_the_night_after(
    starts: str, day: str, line: str | None
) -> None:
    data = _congress()
    _event(data, 12)["date"] = starts
    built = _built_c3voc(data)
    assert {t["aliases"][0]: t["day"] for t in built.document["talks"]}["12"] == day
    if line is None:
        assert built.notes == []
    else:
        [note] = _lines(built.notes)
        assert note == (
            f"event 12 ('Late Night Lightning Talks'): {line} {starts[:10]}; "
            "filed under the day it starts"
        )


def test_preformatted_code_keeps_the_indent_of_its_first_line(tmp_path: Path) -> None:
    data = _congress()
    _event(data, 11)["abstract"] = "<pre>    while True:\n        pass</pre>"
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    talk = open_program(str(path)).program.talk("aaaaaaaa-0000-4000-8000-000000000001")
    assert talk.abstract == "    while True:\n        pass"
    shown = call_cli("--program", str(path), "show", "11")
    assert shown.returncode == 0, shown
    assert "\n    while True:\n        pass\n" in shown.stdout


@pytest.mark.parametrize("key", ["acronym", "url", "day_change", "end"])
def test_a_conference_field_of_the_wrong_type_is_ignored_and_noted(key: str) -> None:
    data = _congress()
    data["schedule"]["conference"][key] = {"x": 1}
    built = _built_c3voc(data)
    assert len(built.document["talks"]) == 4
    assert _lines(built.notes) == [f"the conference: {key} is an object, not text; ignored"]


def test_a_frab_conference_element_holding_elements_is_ignored_and_noted() -> None:
    built = _built_frab("<acronym>devconf-2030</acronym>", "<acronym><b>dc</b></acronym>")
    assert built.document["conference"]["name"] == "DevConf Brussels 2030"
    assert _lines(built.notes) == [
        "the conference: acronym holds elements where text is expected; ignored"
    ]


def test_a_conference_without_a_readable_title_is_still_refused() -> None:
    data = _congress()
    data["schedule"]["conference"]["title"] = ["39C3"]
    with pytest.raises(ImportProblem, match="the conference has no title"):
        _built_c3voc(data)
