"""The plain-text and JSON views of talks and people that the CLI and exports share,
tested directly: facts, not layout."""

from __future__ import annotations

import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from companion.importers import parse_any
from companion.program import Program
from companion.render import (
    person_details,
    person_json,
    short_authors,
    talk_details,
    talk_json,
    talk_line,
    talk_place,
)
from tests.programs import tiny_program

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def tiny() -> Program:
    """The tiny program, alpha with a link and an abstract, delta outside any session."""
    document: dict[str, Any] = tiny_program()
    alpha, *_, delta = document["talks"]
    alpha.update(
        links=[{"label": "Paper", "url": "https://example.org/alpha"}], abstract="Why alpha."
    )
    delta.update(session=None, room="Hall B", track="Compilers")
    return parse_any(json.dumps(document).encode(), "tiny.json")[0]


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


def test_talk_json_carries_every_field_as_iso_and_plain_values(tiny: Program) -> None:
    data = talk_json(tiny.talk("alpha"), starred=True, note="ask\x1b[2J about it")
    assert json.loads(json.dumps(data)) == data  # plain JSON values only
    assert data["id"] == "alpha" and data["starred"] is True and data["estimated"] is True
    assert data["authors"] == ["Ann Able", "Émile Zola"]
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


def test_a_talk_line_has_the_star_the_window_and_the_title(tiny: Program) -> None:
    starred = talk_line(tiny.talk("alpha"), PARIS, starred=True)
    assert starred.startswith("★ ≈09:10–09:40") and starred.endswith(" Alpha")
    plain = talk_line(tiny.talk("gamma"), PARIS, starred=False)
    assert plain.startswith("  10:30–11:00") and plain.endswith(" Gamma")
    assert starred.index("Alpha") == plain.index("Gamma")  # titles line up


def test_talk_details_tell_everything_known(tiny: Program) -> None:
    lines = talk_details(tiny, tiny.talk("alpha"), PARIS, starred=True, note="bring\x07 slides")
    text = "\n".join(lines)
    assert lines[0] == "Alpha"
    for fact in (
        "Ann Able, Émile Zola",
        "U1",
        "Session One · talk 1 of 2",
        "Mon 04 Mar 2030 ≈09:10–09:40",
        "estimated",
        "Paper <https://example.org/alpha>",
        "Why alpha.",
        "bring slides",
        "alpha",
    ):
        assert fact in text, fact
    delta = "\n".join(talk_details(tiny, tiny.talk("delta"), PARIS, starred=False))
    assert "estimated" not in delta and "not published" in delta  # no affiliation


def test_talk_details_in_another_zone(tiny: Program) -> None:
    text = "\n".join(talk_details(tiny, tiny.talk("gamma"), ZoneInfo("UTC"), starred=False))
    assert "09:30–10:00" in text


def test_person_details_list_their_talks_with_stars(tiny: Program) -> None:
    [ann] = [person for person in tiny.people if person.name == "Ann Able"]
    lines = person_details(tiny, ann, PARIS, {"gamma"})
    assert lines[0] == "Ann Able"
    [alpha] = [line for line in lines if "Alpha" in line]
    [gamma] = [line for line in lines if "Gamma" in line]
    assert "[alpha]" in alpha and "★" not in alpha
    assert "[gamma]" in gamma and "★" in gamma
    assert lines.index(alpha) < lines.index(gamma)
