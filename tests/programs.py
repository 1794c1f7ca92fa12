"""Small program documents for tests, built as plain dicts so each test can break one rule."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from companion.catalog import open_program
from companion.program import Program


def t(hm: str, day: str = "2030-03-04", offset: str = "+01:00") -> str:
    return f"{day}T{hm}:00{offset}"


BASE: dict[str, Any] = {
    "format": "c4ml-companion-program",
    "format_version": 1,
    "conference": {
        "id": "tiny-2030",
        "name": "Tiny 2030",
        "title": "A tiny workshop",
        "start_date": "2030-03-04",
        "end_date": "2030-03-04",
        "timezone": "Europe/Paris",
        "venue": {"name": "Hall A"},
        "organizers": [{"name": "Zoë Ørsted", "affiliation": "Org U"}],
    },
    "slots": [
        {
            "id": "opening",
            "kind": "opening",
            "title": "Opening",
            "start": t("09:00"),
            "end": t("09:10"),
        },
        {
            "id": "s1",
            "kind": "session",
            "title": "Session One",
            "start": t("09:10"),
            "end": t("10:10"),
        },
        {
            "id": "coffee",
            "kind": "break",
            "title": "Coffee",
            "start": t("10:10"),
            "end": t("10:30"),
        },
        {
            "id": "s2",
            "kind": "session",
            "title": "Session Two",
            "start": t("10:30"),
            "end": t("11:30"),
        },
    ],
    "talks": [
        {
            "id": "alpha",
            "title": "Alpha",
            "authors": ["Ann Able", "Émile Zola"],
            "affiliation": "U1",
            "session": "s1",
        },
        {
            "id": "beta",
            "title": "Beta",
            "authors": ["Bob Baker"],
            "affiliation": "U2",
            "session": "s1",
        },
        {
            "id": "gamma",
            "title": "Gamma",
            "authors": ["Ann Able"],
            "affiliation": "U3",
            "session": "s2",
            "start": t("10:30"),
            "end": t("11:00"),
        },
        {
            "id": "delta",
            "title": "Delta",
            "authors": ["Cy Cole"],
            "session": "s2",
            "start": t("11:00"),
            "end": t("11:30"),
        },
    ],
}


def tiny_program() -> dict[str, Any]:
    """A fresh, valid copy of the tiny program."""
    return copy.deepcopy(BASE)


def opened(content: bytes | str | dict[str, Any], name: str = "program") -> Program:
    """`content` (a document, or a program file's bytes or text) opened as `companion
    --program FILE` opens a file: read, recognised, imported, validated and kept."""
    if isinstance(content, dict):
        content = json.dumps(content)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return open_program(str(path)).program


def _timed(talk_id: str, room: str, start: str, end: str, day: str = "2030-03-04") -> Any:
    return {
        "id": talk_id,
        "title": talk_id.upper(),
        "authors": [f"Speaker {talk_id}"],
        "room": room,
        "start": t(start, day),
        "end": t(end, day),
    }


def venue_program() -> dict[str, Any]:
    """Two days, three rooms, a full-day workshop in parallel with talks, a related event
    and a Closing without an end: the day at a multi-room event."""
    day_two = "2030-03-05"
    document = tiny_program()
    document["conference"].update(id="rooms-2030", name="Rooms 2030", end_date=day_two)
    document["slots"] = [
        {"id": "closing", "kind": "closing", "title": "Closing", "start": t("17:30")},
        {
            "id": "panel",
            "kind": "related",
            "title": "Neighbour panel",
            "start": t("08:00", day_two),
            "end": t("08:45", day_two),
        },
    ]
    document["talks"] = [
        _timed("workshop", "C", "09:00", "17:00"),
        _timed("a1", "A", "09:00", "09:45"),
        _timed("b1", "B", "09:30", "10:15"),
        _timed("a2", "A", "10:00", "10:45"),
        _timed("b2", "B", "10:15", "10:45"),
        _timed("a3", "A", "11:00", "11:45"),
        _timed("b3", "B", "11:15", "12:00"),
        _timed("a4", "A", "13:00", "13:30"),
        _timed("c1", "A", "09:00", "10:00", day_two),
        _timed("d1", "B", "09:45", "10:45", day_two),
        _timed("c2", "A", "10:30", "11:00", day_two),
    ]
    return document
