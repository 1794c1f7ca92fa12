"""The resolved program: talks with their time windows, people, and queries.

A `Program` is built from a validated `ProgramFile`. Talks whose exact slot
was not published get an even share of their session's window, rounded to the
minute, and carry `estimated=True` so every view and export can say so.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from companion.model import Conference, Link, ProgramFile, Slot, SlotKind, TalkEntry
from companion.text import name_sort_key, slugify


class Talk(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    subtitle: str | None = None
    authors: tuple[str, ...]
    affiliation: str | None
    session_id: str | None
    session: str | None
    order: int  # in its session, from 1; 0 outside sessions
    start: datetime
    end: datetime
    estimated: bool
    room: str | None = None
    track: str | None = None
    kind: str | None = None
    language: str | None = None
    abstract: str | None = None
    description: str | None = None
    links: tuple[Link, ...] = ()

    @property
    def where(self) -> str:
        """The talk's place in the program: its session, else its room (or track)."""
        return self.session or self.room or self.track or ""


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


Window = tuple[datetime, datetime, bool, int]  # start, end, estimated, order in session


def _session_windows(document: ProgramFile) -> dict[str, Window]:
    """Each session talk's window: published, or an even share of its session."""
    by_session: dict[str, list[TalkEntry]] = {}
    for entry in document.talks:
        if entry.session is not None:
            by_session.setdefault(entry.session, []).append(entry)
    windows: dict[str, Window] = {}
    for slot in document.slots:
        entries = by_session.get(slot.id, [])
        if entries and entries[0].start is None:
            assert slot.end is not None  # guaranteed by ProgramFile validation
            shares = split_evenly(slot.start, slot.end, len(entries))
            for order, (entry, (start, end)) in enumerate(zip(entries, shares, strict=True), 1):
                windows[entry.id] = (start, end, True, order)
        else:
            for order, entry in enumerate(entries, 1):
                assert entry.start is not None and entry.end is not None
                windows[entry.id] = (entry.start, entry.end, False, order)
    return windows


def _resolve_talks(document: ProgramFile) -> list[Talk]:
    sessions = {slot.id: slot.title for slot in document.slots}
    windows = _session_windows(document)
    talks = []
    for entry in document.talks:
        if entry.id in windows:
            start, end, estimated, order = windows[entry.id]
        else:
            assert entry.start is not None and entry.end is not None
            start, end, estimated, order = entry.start, entry.end, False, 0
        talks.append(
            Talk(
                id=entry.id,
                title=entry.title,
                subtitle=entry.subtitle,
                authors=tuple(entry.authors),
                affiliation=entry.affiliation,
                session_id=entry.session,
                session=sessions[entry.session] if entry.session else None,
                order=order,
                start=start,
                end=end,
                estimated=estimated,
                room=entry.room,
                track=entry.track,
                kind=entry.kind,
                language=entry.language,
                abstract=entry.abstract,
                description=entry.description,
                links=tuple(entry.links),
            )
        )
    # Stable: parallel talks keep the file's order (frab and c3voc list them room by room).
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

    def entries(self, day: date | None = None) -> list[Slot | Talk]:
        """Slots and talks in time order, a session before its talks; one day's, if given."""
        zone = self.conference.zone
        items: list[Slot | Talk] = [*self.slots, *self.talks]
        if day is not None:
            items = [item for item in items if item.start.astimezone(zone).date() == day]
        return sorted(items, key=lambda item: (item.start, isinstance(item, Talk)))

    @cached_property
    def days(self) -> tuple[date, ...]:
        """The days, in the venue's zone, on which something starts."""
        zone = self.conference.zone
        items: list[Slot | Talk] = [*self.slots, *self.talks]
        starts = {item.start.astimezone(zone).date() for item in items}
        return tuple(sorted(starts))

    @cached_property
    def rooms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(talk.room for talk in self.talks if talk.room))

    @cached_property
    def tracks(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(talk.track for talk in self.talks if talk.track))

    def conflicts(self, starred: AbstractSet[str]) -> set[str]:
        """Starred talks whose time overlaps another starred talk's."""
        chosen = sorted(
            (self.talk(i) for i in starred if self.has_talk(i)), key=lambda talk: talk.start
        )
        clashing: set[str] = set()
        latest: Talk | None = None  # the chosen talk ending last so far
        for talk in chosen:
            if latest is not None and talk.start < latest.end:
                clashing.update({talk.id, latest.id})
            if latest is None or talk.end > latest.end:
                latest = talk
        return clashing

    def speakers_of(self, talk: Talk) -> tuple[Person, ...]:
        return tuple(self._people_by_id[slugify(name)] for name in talk.authors)
