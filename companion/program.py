"""The resolved program: talks with their time windows, people, and queries.

A `Program` is built from a validated `ProgramFile`. Talks whose exact slot
was not published get an even share of their session's window, rounded to the
minute, and carry `estimated=True` so every view and export can say so.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from companion.model import Conference, Link, ProgramFile, Slot, SlotKind, TalkEntry
from companion.text import name_sort_key, slugify


class Talk(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    authors: tuple[str, ...]
    affiliation: str | None
    session_id: str
    session: str
    order: int
    start: datetime
    end: datetime
    estimated: bool
    links: tuple[Link, ...] = ()


class Role(StrEnum):
    AUTHOR = "author"
    ORGANIZER = "organizer"


class Person(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    affiliations: tuple[str, ...]
    roles: tuple[Role, ...]
    talk_ids: tuple[str, ...]


def split_evenly(start: datetime, end: datetime, parts: int) -> list[tuple[datetime, datetime]]:
    """Split a window into `parts` consecutive windows, boundaries rounded to the minute."""
    total_seconds = int((end - start).total_seconds())
    boundaries = [
        start + timedelta(minutes=(2 * i * total_seconds + parts * 60) // (parts * 120))
        for i in range(parts)
    ]
    boundaries.append(end)
    return list(itertools.pairwise(boundaries))


def _resolve_talks(document: ProgramFile) -> list[Talk]:
    by_session: dict[str, list[TalkEntry]] = {}
    for entry in document.talks:
        by_session.setdefault(entry.session, []).append(entry)
    talks: list[Talk] = []
    for slot in document.slots:
        entries = by_session.get(slot.id, [])
        if not entries:
            continue
        estimated = entries[0].start is None
        if estimated:
            assert slot.end is not None  # guaranteed by ProgramFile validation
            windows = split_evenly(slot.start, slot.end, len(entries))
        else:
            windows = [(e.start, e.end) for e in entries]  # type: ignore[misc]
        for order, (entry, (start, end)) in enumerate(zip(entries, windows, strict=True), 1):
            talks.append(
                Talk(
                    id=entry.id,
                    title=entry.title,
                    authors=tuple(entry.authors),
                    affiliation=entry.affiliation,
                    session_id=slot.id,
                    session=slot.title,
                    order=order,
                    start=start,
                    end=end,
                    estimated=estimated,
                    links=tuple(entry.links),
                )
            )
    return sorted(talks, key=lambda talk: (talk.start, talk.order))


def _derive_people(conference: Conference, talks: list[Talk]) -> list[Person]:
    """Everyone named in the program, once each; same name (ignoring accents) is one person."""
    found: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}

    def add(name: str, role: Role, affiliation: str | None, talk_id: str | None) -> None:
        key = slugify(name)
        names.setdefault(key, name)
        entry = found.setdefault(key, {"affiliations": [], "roles": [], "talks": []})
        for field, value in (("affiliations", affiliation), ("roles", role), ("talks", talk_id)):
            if value is not None and value not in entry[field]:
                entry[field].append(value)

    for organizer in conference.organizers:
        add(organizer.name, Role.ORGANIZER, organizer.affiliation, None)
    for talk in talks:
        for author in talk.authors:
            add(author, Role.AUTHOR, talk.affiliation, talk.id)
    people = [
        Person(
            id=key,
            name=names[key],
            affiliations=tuple(entry["affiliations"]),
            roles=tuple(Role(role) for role in entry["roles"]),
            talk_ids=tuple(entry["talks"]),
        )
        for key, entry in found.items()
    ]
    return sorted(people, key=lambda person: name_sort_key(person.name))


class Program:
    """A conference program, ready to query; immutable once built."""

    def __init__(self, document: ProgramFile) -> None:
        self.document = document
        self.conference = document.conference
        self.slots: tuple[Slot, ...] = tuple(sorted(document.slots, key=lambda s: s.start))
        self.talks: tuple[Talk, ...] = tuple(_resolve_talks(document))
        self.people: tuple[Person, ...] = tuple(_derive_people(self.conference, list(self.talks)))
        self._talks_by_id = {talk.id: talk for talk in self.talks}
        self._people_by_id = {person.id: person for person in self.people}

    def talk(self, talk_id: str) -> Talk:
        """The talk with this id; KeyError when there is none."""
        return self._talks_by_id[talk_id]

    def person(self, person_id: str) -> Person:
        """The person with this id; KeyError when there is none."""
        return self._people_by_id[person_id]

    def has_talk(self, talk_id: str) -> bool:
        return talk_id in self._talks_by_id

    def talks_in_session(self, session_id: str) -> tuple[Talk, ...]:
        return tuple(talk for talk in self.talks if talk.session_id == session_id)

    def agenda(self) -> Iterator[tuple[Slot, tuple[Talk, ...]]]:
        """The day in order: each slot with its talks (none outside sessions)."""
        for slot in self.slots:
            yield slot, self.talks_in_session(slot.id) if slot.kind is SlotKind.SESSION else ()

    def speakers_of(self, talk: Talk) -> tuple[Person, ...]:
        return tuple(self._people_by_id[slugify(name)] for name in talk.authors)
