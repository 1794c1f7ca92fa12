"""Talks, people and stars as JSON-ready data: `--json` output and the JSON export."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from companion.clock import DayStatus, Item, now_next
from companion.program import Person, Program, Talk
from companion.records import Conference
from companion.text import safe_prose

if TYPE_CHECKING:
    from companion.reconcile import StarStatus


def talk_json(talk: Talk, *, starred: bool, note: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": talk.id,
        "title": talk.title,
        "authors": list(talk.authors),
        "affiliation": talk.affiliation,
        "session": talk.session_title,
        "session_id": talk.session_id,
        "order": talk.order,
        "start": talk.start.isoformat(),
        "end": talk.end.isoformat(),
        "day": talk.day.isoformat(),
        "estimated": talk.estimated,
        "starred": starred,
        "links": [{"label": link.label, "url": link.url} for link in talk.links],
        "room": talk.room,
        "track": talk.track,
        "subtitle": talk.subtitle,
        "kind": talk.kind,
        "language": talk.language,
        "abstract": talk.abstract,
        "description": talk.description,
        "aliases": list(talk.aliases),
    }
    if note is not None:
        data["note"] = safe_prose(note)
    return data


def person_json(person: Person) -> dict[str, Any]:
    """A person; their biography and links only where the program publishes them."""
    data = {
        "id": person.id,
        "name": person.name,
        "affiliations": list(person.affiliations),
        "roles": [str(role) for role in person.roles],
        "talks": list(person.talk_ids),
    }
    if person.biography:
        data["biography"] = person.biography
    if person.links:
        data["links"] = _plain(person.links)
    if person.aliases:
        data["aliases"] = list(person.aliases)
    return data


def star_json(status: StarStatus, note: str) -> dict[str, Any]:
    """A star: its talk as `talk_json` gives it, or what was last seen of a talk that left
    the program; with whether it is in the program and what moved."""
    if status.talk is not None:
        data = talk_json(status.talk, starred=True, note=note)
    else:
        record = status.record
        data = {
            "id": record.talk_id,
            "title": record.title,
            "place": record.place,  # a session or a room, as it was when starred
            "start": record.start.isoformat() if record.start else None,
            "end": record.end.isoformat() if record.end else None,
            "starred": True,
            "note": note,
        }
    data["in_program"] = status.in_program
    data["moved"] = status.moved
    return data


def _plain(value: object) -> Any:
    """Records as JSON: named tuples as objects, tuples as arrays, dates in ISO 8601."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: _plain(item) for key, item in value._asdict().items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def conference_json(conference: Conference) -> dict[str, Any]:
    """The event's facts, every field the program gives (`companion about --json`)."""
    data: dict[str, Any] = _plain(conference)
    return data


def now_json(program: Program, now: datetime, starred: AbstractSet[str]) -> dict[str, Any]:
    """What is on and what comes next, headline first (`companion now --json`)."""
    state = now_next(program, now, starred)
    status = {DayStatus.BEFORE: "before", DayStatus.DURING: "during", DayStatus.AFTER: "after"}

    def item(entry: Item) -> dict[str, Any]:
        return {
            "id": entry.entry.id,
            "kind": "talk" if entry.talk is not None else str(entry.entry.kind),
            "title": entry.title,
            "start": entry.start.isoformat(),
            "end": entry.shown_end.isoformat() if entry.shown_end else None,
            "estimated": entry.estimated,
            "room": entry.where or None,
            "related": entry.is_related,
            "starred": entry.talk is not None and entry.talk.id in starred,
        }

    return {
        "now": now.isoformat(),
        "status": status[state.status],
        "current": [item(entry) for entry in state.current],
        "next": [item(entry) for entry in state.next],
    }
