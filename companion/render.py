"""Plain-text and JSON views of talks and people, shared by the CLI and exports."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from companion.clock import format_window
from companion.program import Person, Program, Talk
from companion.text import safe_prose


def short_authors(authors: tuple[str, ...], shown: int = 2) -> str:
    """ "A, B et al." past `shown` authors; all of them when they fit."""
    if len(authors) <= shown + 1:
        return ", ".join(authors)
    return f"{', '.join(authors[:shown])} et al."


def talk_place(program: Program, talk: Talk) -> str:
    """ "Session 3: ... · talk 1 of 3", or the room and track of a talk outside sessions."""
    parts = []
    if talk.session_id:
        count = len(program.talks_in_session(talk.session_id))
        parts.append(f"{talk.session_title} · talk {talk.order} of {count}")
    if talk.room:
        parts.append(f"room {talk.room}")
    if talk.track:
        parts.append(f"track {talk.track}")
    return " · ".join(parts) or "not published"


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


def talk_line(talk: Talk, zone: tzinfo, *, starred: bool) -> str:
    window = format_window(talk.start, talk.end, zone, talk.estimated)
    return f"{'★' if starred else ' '} {window:<12} {talk.title}"


def talk_details(
    program: Program, talk: Talk, zone: tzinfo, *, starred: bool, note: str = ""
) -> list[str]:
    """Everything known about a talk, as lines of text."""
    window = format_window(talk.start, talk.end, zone, talk.estimated)
    lines = [
        talk.title,
        "",
        f"Authors:     {', '.join(talk.authors)}",
        f"Affiliation: {talk.affiliation or 'not published'}",
        f"Where:       {talk_place(program, talk)}",
        f"Time:        {talk.start.astimezone(zone):%a %d %b %Y} {window}",
    ]
    if talk.estimated:
        lines.append(
            "             estimated: only the session's window and the order of its "
            "talks were published"
        )
    lines.extend(f"Link:        {link.label} <{link.url}>" for link in talk.links)
    for label, text in (("Abstract", talk.abstract), ("Description", talk.description)):
        if text:
            lines += ["", f"{label}:", text]
    lines.append(f"Starred:     {'yes' if starred else 'no'}")
    if note:
        lines.append(f"Note:        {safe_prose(note)}")
    lines.append(f"Id:          {talk.id}")
    return lines


def person_details(
    program: Program, person: Person, zone: tzinfo, starred_ids: set[str]
) -> list[str]:
    lines = [
        person.name,
        "",
        f"Role:        {', '.join(str(role) for role in person.roles)}",
    ]
    lines.extend(f"Affiliation: {affiliation}" for affiliation in person.affiliations)
    if person.talk_ids:
        lines.append("Talks:")
        for talk_id in person.talk_ids:
            talk = program.talk(talk_id)
            lines.append(f"  {talk_line(talk, zone, starred=talk.id in starred_ids)}  [{talk.id}]")
    lines.append(f"Id:          {person.id}")
    return lines
