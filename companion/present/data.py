"""Talks, people and stars as JSON-ready data: `--json` output and the JSON export."""

from __future__ import annotations

from typing import Any

from companion.program import Person, Talk
from companion.reconcile import StarStatus
from companion.text import safe_prose


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
    }
    if note is not None:
        data["note"] = safe_prose(note)
    return data


def person_json(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "affiliations": list(person.affiliations),
        "roles": [str(role) for role in person.roles],
        "talks": list(person.talk_ids),
    }


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
