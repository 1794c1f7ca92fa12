"""What an update changed, talk by talk: unit tests of `companion.changes` and of its JSON,
on two versions of the same small programs (native and c3voc)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from companion.changes import Changed, Field, ProgramChanges, compare
from companion.present.changes import changes_json, summary
from tests.programs import opened, t, tiny_program, venue_program

CONGRESS = Path(__file__).parent / "fixtures" / "congressish.json"
OPENING = "aaaaaaaa-0000-4000-8000-000000000001"


def _talk(document: dict[str, Any], talk_id: str) -> dict[str, Any]:
    talk: dict[str, Any] = next(talk for talk in document["talks"] if talk["id"] == talk_id)
    return talk


def _moved(document: dict[str, Any]) -> None:
    _talk(document, "gamma").update(start=t("10:35"), end=t("11:05"))


def _renamed(document: dict[str, Any]) -> None:
    _talk(document, "gamma")["title"] = "Gamma, revised"


def _new_speaker(document: dict[str, Any]) -> None:
    _talk(document, "gamma")["authors"] = ["Ann Able", "Dee Dunn"]


def _to_other_room(document: dict[str, Any]) -> None:
    _talk(document, "a2")["room"] = "B"


def _to_other_room_later(document: dict[str, Any]) -> None:
    _talk(document, "a3").update(room="B", start=t("12:00"), end=t("12:45"))


def _new_abstract(document: dict[str, Any]) -> None:
    _talk(document, "gamma")["abstract"] = "Now with an abstract."


Document = Callable[[], dict[str, Any]]


@pytest.mark.parametrize(
    ("make", "edit", "fields"),
    [
        (tiny_program, _moved, (Field.TIME,)),
        (tiny_program, _renamed, (Field.TITLE,)),
        (tiny_program, _new_speaker, (Field.SPEAKERS,)),
        (venue_program, _to_other_room, (Field.ROOM,)),
        (venue_program, _to_other_room_later, (Field.TIME, Field.ROOM)),
    ],
    ids=["time", "title", "speakers", "room", "time-and-room"],
)
def test_each_field_an_attendee_plans_by_is_named(
    make: Document, edit: Callable[[dict[str, Any]], None], fields: tuple[Field, ...]
) -> None:
    old = opened(make())
    document = make()
    edit(document)
    changes = compare(old, opened(document))
    assert changes.new == () and changes.cancelled == ()
    [changed] = changes.changed
    assert changed.fields == fields


def test_a_change_to_other_fields_is_no_change_to_report() -> None:
    document = tiny_program()
    _new_abstract(document)
    changes = compare(opened(tiny_program()), opened(document))
    assert not changes and changes == ProgramChanges((), (), ())
    assert summary("tiny-2030", changes).endswith("no talk's time, room, title or speakers changed")


def test_new_and_cancelled_talks_follow_their_programs_order() -> None:
    document = tiny_program()
    document["talks"] = [talk for talk in document["talks"] if talk["id"] not in {"gamma", "delta"}]
    document["talks"].append(dict(_talk(tiny_program(), "delta"), id="epsilon", title="Eps"))
    document["talks"].insert(0, dict(_talk(tiny_program(), "gamma"), id="aaa", title="Aaa"))
    changes = compare(opened(tiny_program()), opened(document))
    assert changes == ProgramChanges(("aaa", "epsilon"), (), ("gamma", "delta"))
    assert summary("tiny-2030", changes) == "tiny-2030: 2 new, 2 cancelled"


def test_a_room_change_in_a_congress_schedule_and_its_json() -> None:
    old = json.loads(CONGRESS.read_text(encoding="utf-8"))
    new = json.loads(CONGRESS.read_text(encoding="utf-8"))
    rooms = new["schedule"]["conference"]["days"][0]["rooms"]
    opening = rooms["Saal 1"].pop(0)
    opening.update(room="Saal 2", title="Opening")
    rooms["Saal 2"].insert(0, opening)
    changes = compare(opened(old, "v1.json"), opened(new, "v2.json"))
    assert changes == ProgramChanges((), (Changed(OPENING, (Field.ROOM, Field.TITLE)),), ())
    assert json.loads(json.dumps(changes_json(changes))) == {
        "new": [],
        "changed": [{"id": OPENING, "fields": ["room", "title"]}],
        "cancelled": [],
    }


def test_every_talk_is_new_when_there_was_no_copy_before() -> None:
    program = opened(tiny_program())
    changes = compare(None, program)
    assert changes.new == tuple(talk.id for talk in program.talks)
    assert changes_json(changes)["changed"] == [] and changes_json(changes)["cancelled"] == []
