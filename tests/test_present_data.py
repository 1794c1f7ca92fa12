"""Talks and people as lines and JSON (the presentation layer's small pieces), tested
directly: what the CLI, the exports and the screens build on."""

from __future__ import annotations

import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from companion.loading import read_valid
from companion.present.data import person_json, talk_json
from companion.present.talk import short_authors, talk_line, talk_place
from companion.program import Program
from companion.validation import validate_document
from tests.programs import tiny_program

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def tiny() -> Program:
    """The tiny program, alpha with a link, delta outside any session in a room and a track."""
    document: dict[str, Any] = tiny_program()
    alpha, *_, delta = document["talks"]
    alpha["links"] = [{"label": "Paper", "url": "https://example.org/alpha"}]
    delta.update(session=None, room="Hall B", track="Compilers")
    return read_valid(validate_document(document, "tiny"))


@pytest.mark.parametrize(
    ("authors", "shown"),
    [
        ((), ""),
        (("A",), "A"),
        (("A", "B", "C"), "A, B, C"),  # a third name costs no more than "et al."
        (("A", "B", "C", "D"), "A, B et al."),
    ],
)
def test_short_authors(authors: tuple[str, ...], shown: str) -> None:
    assert short_authors(authors) == shown


def test_a_talk_is_placed_by_its_session_else_its_room_and_track(
    tiny: Program, program: Program
) -> None:
    assert talk_place(tiny, tiny.talk("alpha")) == "Session One · talk 1 of 2"
    assert talk_place(tiny, tiny.talk("delta")) == "room Hall B · track Compilers"
    assert talk_place(program, program.talk("magellan")).endswith("talk 1 of 3")


def test_talk_json_carries_every_field_as_plain_values(tiny: Program) -> None:
    data = talk_json(tiny.talk("alpha"), starred=True, note="ask\x1b[2J about it")
    assert json.loads(json.dumps(data)) == data  # plain JSON values only
    assert data["id"] == "alpha" and data["starred"] is True and data["estimated"] is True
    assert data["authors"] == ["Ann Able", "Émile Zola"]
    assert data["session"] == "Session One"
    assert data["start"] == "2030-03-04T09:10:00+01:00"
    assert data["end"] == "2030-03-04T09:40:00+01:00"
    assert data["links"] == [{"label": "Paper", "url": "https://example.org/alpha"}]
    assert data["note"] == "ask about it"  # what a terminal would obey is gone
    assert "note" not in talk_json(tiny.talk("alpha"), starred=False)


def test_person_json(tiny: Program) -> None:
    [ann] = [person for person in tiny.people if person.name == "Ann Able"]
    assert person_json(ann) == {
        "id": ann.id,
        "name": "Ann Able",
        "affiliations": ["U1", "U3"],
        "roles": ["author"],
        "talks": ["alpha", "gamma"],
    }


def test_talk_lines_line_up_with_the_window_and_star(tiny: Program) -> None:
    starred = talk_line(tiny.talk("alpha"), PARIS, starred=True)
    plain = talk_line(tiny.talk("gamma"), PARIS, starred=False)
    assert starred.startswith("≈09:10–09:40") and "★" in starred and starred.endswith("Alpha")
    assert plain.startswith("10:30–11:00") and "★" not in plain and plain.endswith("Gamma")
    assert starred.index("Alpha") == plain.index("Gamma")  # titles line up
    assert talk_line(tiny.talk("gamma"), ZoneInfo("UTC"), starred=False).startswith("09:30–10:00")
