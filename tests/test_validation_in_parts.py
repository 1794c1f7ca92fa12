"""An import's validation of a large program, a part of its talks and people at a time:
the same canonical document and the same first problem as the whole program's validation,
in less memory than the document itself (issue 17: 50,000 talks under 400 MB)."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from companion.loading import ProgramError
from companion.validation import canonical_document, validate_document
from tests.programs import t, tiny_program

TALKS = 2500  # three parts of talks and of people, the last one short


def many_talks(count: int = TALKS) -> dict[str, Any]:
    """The tiny program (two sessions, estimated and timed talks) and `count` more talks
    outside its sessions, each given by a person of the program's `people`."""
    document = tiny_program()
    document["talks"] += [
        {
            "id": f"t{index}",
            "title": f"Talk {index}",
            "authors": [f"Speaker {index}"],
            "people": [f"p{index}"],
            "room": "A",
            "start": t("12:00"),
            "end": t("12:30"),
        }
        for index in range(count)
    ]
    document["people"] = [
        {"id": f"p{index}", "name": f"Speaker {index}", "biography": "Hi."}
        for index in range(count)
    ]
    return document


def test_the_document_is_the_canonical_text_parsed() -> None:
    whole = json.loads(validate_document(many_talks(), "file"))
    document = many_talks()
    assert canonical_document(document, "file") == whole
    assert document == {}  # let go, as before


def _problem(check: Callable[[], object]) -> str:
    with pytest.raises(ProgramError) as raised:
        check()
    return str(raised.value)


BREAKS: dict[str, Callable[[dict[str, Any]], object]] = {
    "a talk in a later part": lambda d: d["talks"][2100].update(title=""),
    "two talks in two parts": lambda d: (d["talks"][5].update(x=1), d["talks"][1500].pop("id")),
    "a talk not an object": lambda d: d["talks"].__setitem__(1200, 5),
    "an id repeated across parts": lambda d: d["talks"][2400].update(id="t7"),
    "a talk's own rule": lambda d: d["talks"][1300].update(end=t("11:00")),
    "a person unknown": lambda d: d["talks"][2200].update(people=["nobody"]),
    "a person repeated": lambda d: d["people"][1800].update(id="p3"),
    "a person and a talk": lambda d: (
        d["people"][1100].update(name=""),
        d["talks"][9].pop("title"),
    ),
    "a session unknown": lambda d: d["talks"][2000].update(session="s9"),
    "a time outside its session": lambda d: d["talks"][1900].update(session="s2"),
    "a session half timed": lambda d: d["talks"][1].update(start=t("09:10"), end=t("09:40")),
    "the conference and a talk": lambda d: (
        d["conference"].pop("name"),
        d["talks"][1000].pop("authors"),
    ),
    "a key unknown": lambda d: d.update(extra=1),
    "talks not a list": lambda d: d.update(talks={"a": 1}),
}


@pytest.mark.parametrize(
    ("broken", "labelled"),
    [(broken, True) for broken in BREAKS] + [("a talk in a later part", False)],
)
def test_the_first_problem_is_said_as_the_whole_programs_validation_says_it(
    broken: str, labelled: bool
) -> None:
    document, same = broken_document(broken), broken_document(broken)
    labels = [f"event {index}" for index in range(len(document["talks"]))] if labelled else None
    whole = _problem(lambda: validate_document(same, "file", labels))
    assert _problem(lambda: canonical_document(document, "file", labels)) == whole


def broken_document(broken: str) -> dict[str, Any]:
    """The program broken as `broken` says: made afresh for each validation, which lets go
    of what it is given (a deep copy of it took as long as both validations)."""
    document = many_talks()
    BREAKS[broken](document)
    return document


def test_an_import_validates_in_less_memory_than_its_document() -> None:
    """The models of the whole program were made before any was dumped: at 50,000 talks
    that was 125 MiB beside the document before and after them (peak 2.3 times the
    document given, here; now less than it)."""
    tracemalloc.start()
    try:
        document = many_talks(8000)
        given = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        canonical_document(document, "file")
        peak = tracemalloc.get_traced_memory()[1] - given
    finally:
        tracemalloc.stop()
    assert peak < given
