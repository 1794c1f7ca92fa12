"""The resolved program: talks with their time windows, people, and queries.

A `Program` is read from a program document known to be valid. Talks whose exact slot
was not published get an even share of their session's window, rounded to the
minute, and carry `estimated=True` so every view and export can say so.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import NamedTuple

from companion.records import Conference, Document, Link, Profile, Slot, links
from companion.text import name_sort_key, slugify


class Talk(NamedTuple):
    """A talk with its resolved time window (a named tuple, as the records are: see
    `companion.records`)."""

    id: str
    title: str
    authors: tuple[str, ...]
    affiliation: str | None
    session_id: str | None
    session_title: str | None
    order: int  # in its session, from 1; 0 outside sessions
    start: datetime
    end: datetime
    estimated: bool
    day: date  # the conference day it is listed under (a night's talk: the evening's day)
    subtitle: str | None = None
    room: str | None = None
    track: str | None = None
    kind: str | None = None
    language: str | None = None
    abstract: str | None = None
    description: str | None = None
    links: tuple[Link, ...] = ()
    aliases: tuple[str, ...] = ()  # short names besides the id (see `companion.talk_names`)
    person_ids: tuple[str, ...] = ()  # its authors' ids, in step, when the program gives them

    @property
    def where(self) -> str:
        """The talk's place in the program: its session, else its room (or track)."""
        return self.session_title or self.room or self.track or ""


class Role(StrEnum):
    AUTHOR = "author"
    ORGANIZER = "organizer"


class Person(NamedTuple):
    id: str
    name: str
    affiliations: tuple[str, ...]
    roles: tuple[Role, ...]
    talk_ids: tuple[str, ...]
    biography: str | None = None
    links: tuple[Link, ...] = ()
    aliases: tuple[str, ...] = ()  # the source's own ids for them


def split_evenly(start: datetime, end: datetime, parts: int) -> list[tuple[datetime, datetime]]:
    """Split a window into `parts` consecutive windows, boundaries rounded to the minute.

    Adding to `start` is real time, not wall-clock time, because records carry fixed
    offsets (they are read from ISO 8601 text), never a zone with DST changes.
    """
    total_seconds = int((end - start).total_seconds())
    boundaries = [
        start + timedelta(minutes=(2 * i * total_seconds + parts * 60) // (parts * 120))
        for i in range(parts)
    ]
    boundaries.append(end)
    return list(itertools.pairwise(boundaries))


Window = tuple[datetime, datetime, bool, int]  # start, end, estimated, order in session


def _session_windows(slots: tuple[Slot, ...], entries: list[Document]) -> dict[str, Window]:
    """Each session talk's window: published, or an even share of its session."""
    by_session: dict[str, list[Document]] = {}
    for entry in entries:
        if entry.get("session") is not None:
            by_session.setdefault(entry["session"], []).append(entry)
    windows: dict[str, Window] = {}
    for slot in slots:
        in_session = by_session.get(slot.id, [])
        if in_session and in_session[0].get("start") is None:
            assert slot.end is not None  # guaranteed by ProgramFile validation
            shares = split_evenly(slot.start, slot.end, len(in_session))
            for order, (entry, (start, end)) in enumerate(zip(in_session, shares, strict=True), 1):
                windows[entry["id"]] = (start, end, True, order)
        else:
            for order, entry in enumerate(in_session, 1):
                windows[entry["id"]] = (*_published(entry), False, order)
    return windows


def _published(entry: Document) -> tuple[datetime, datetime]:
    return _moment(entry["start"]), _moment(entry["end"])


@lru_cache(maxsize=4096)
def _moment(text: str) -> datetime:
    """Talks share their start and end times: one object for each time, where one for each
    talk's were 11 MiB at 50,000 talks."""
    return datetime.fromisoformat(text)


def _listed_day(entry: Document, start: datetime, zone: tzinfo) -> date:
    """The conference day a talk is listed under: as the file says, else its start's date."""
    listed = entry.get("day")
    return date.fromisoformat(listed) if listed else start.astimezone(zone).date()


def _shared(text: str | None) -> str | None:
    """One copy of a text that many talks give (a room, a track, a kind, a language), where
    one for each talk's were 11 MiB at 50,000 talks."""
    return None if text is None else sys.intern(text)


def _resolve_talks(slots: tuple[Slot, ...], entries: list[Document], zone: tzinfo) -> list[Talk]:
    session_titles = {slot.id: slot.title for slot in slots}
    windows = _session_windows(slots, entries)
    talks = []
    for entry in entries:
        talk_id = entry["id"]
        if talk_id in windows:
            start, end, estimated, order = windows[talk_id]
        else:
            start, end, estimated, order = (*_published(entry), False, 0)
        session_id = entry.get("session")  # the file's name for the session's id
        talks.append(
            Talk(
                id=talk_id,
                title=entry["title"],
                subtitle=entry.get("subtitle"),
                authors=tuple(entry["authors"]),
                affiliation=entry.get("affiliation"),
                session_id=session_id,
                session_title=session_titles[session_id] if session_id else None,
                order=order,
                start=start,
                end=end,
                estimated=estimated,
                day=_listed_day(entry, start, zone),
                room=_shared(entry.get("room")),
                track=_shared(entry.get("track")),
                kind=_shared(entry.get("kind")),
                language=_shared(entry.get("language")),
                abstract=entry.get("abstract"),
                description=entry.get("description"),
                links=links(entry),
                aliases=tuple(entry.get("aliases", ())),
                person_ids=tuple(entry.get("people", ())),
            )
        )
    # Stable: parallel talks keep the file's order (frab and c3voc list them room by room).
    return sorted(talks, key=lambda talk: (talk.start, talk.order))


class _PersonDraft:
    """A person being gathered. Dicts serve as ordered sets: first-seen order,
    constant-time membership."""

    __slots__ = ("affiliations", "name", "roles", "talks")

    def __init__(self, name: str) -> None:
        self.name = name
        self.affiliations: dict[str, None] = {}
        self.roles: dict[Role, None] = {}
        self.talks: dict[str, None] = {}


def _derive_people(
    conference: Conference, talks: list[Talk], profiles: dict[str, Profile]
) -> list[Person]:
    """Everyone named in the program, once each: by the id the program gives a talk's
    author, else by name (the same name, ignoring accents, is one person)."""
    drafts: dict[str, _PersonDraft] = {}
    keys: dict[str, str] = {}  # name -> person id, so each distinct name is folded once

    def add(
        name: str, role: Role, affiliation: str | None, talk_id: str | None, key: str | None
    ) -> None:
        if key is None:
            key = keys.get(name)
            if key is None:
                key = keys[name] = slugify(name)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _PersonDraft(name)
        draft.roles[role] = None
        if affiliation is not None:
            draft.affiliations[affiliation] = None
        if talk_id is not None:
            draft.talks[talk_id] = None

    for organizer in conference.organizers:
        add(organizer.name, Role.ORGANIZER, organizer.affiliation, None, None)
    for talk in talks:
        ids: Iterable[str | None] = talk.person_ids or itertools.repeat(None)
        for author, key in zip(talk.authors, ids, strict=False):
            add(author, Role.AUTHOR, talk.affiliation, talk.id, key)
    people = []
    for key, draft in drafts.items():
        profile = profiles.get(key)
        people.append(
            Person(
                key,
                draft.name,
                tuple(draft.affiliations),
                tuple(draft.roles),
                tuple(draft.talks),
                biography=profile.biography if profile else None,
                links=profile.links if profile else (),
                aliases=profile.aliases if profile else (),
            )
        )
    return sorted(people, key=lambda person: name_sort_key(person.name))


class Program:
    """A conference program, ready to query; immutable once built."""

    def __init__(self, document: Document) -> None:
        """Read a document that is known to be valid (see `companion.loading`)."""
        self.conference = Conference.from_document(document["conference"])
        slots = (Slot.from_document(slot) for slot in document["slots"])
        self.slots: tuple[Slot, ...] = tuple(sorted(slots, key=lambda slot: slot.start))
        self.talks: tuple[Talk, ...] = tuple(
            _resolve_talks(self.slots, document.get("talks", []), self.conference.zone)
        )
        self._talks_by_id = {talk.id: talk for talk in self.talks}
        self._entries: dict[date | None, list[Slot | Talk]] = {}  # per day, built on demand
        self._profiles: list[Document] = document.get("people", [])

    @cached_property
    def people(self) -> tuple[Person, ...]:
        """Everyone named in the program, by family name; derived on first use."""
        profiles = (Profile.from_document(data) for data in self._profiles)
        by_id = {profile.id: profile for profile in profiles}
        self._profiles = []  # read: its documents need not stay (25 MiB at 50,000 talks)
        return tuple(_derive_people(self.conference, list(self.talks), by_id))

    @cached_property
    def shared_names(self) -> frozenset[str]:
        """Names that more than one person has: the program tells them apart by id."""
        names = Counter(person.name for person in self.people)
        return frozenset(name for name, number in names.items() if number > 1)

    def author_ids(self, talk: Talk) -> tuple[str, ...]:
        """The person ids of a talk's authors, in their order."""
        return talk.person_ids or tuple(slugify(author) for author in talk.authors)

    @cached_property
    def people_by_id(self) -> dict[str, Person]:
        """Every person by id, made on first use (the app makes it beside its search index)."""
        return {person.id: person for person in self.people}

    def talk(self, talk_id: str) -> Talk:
        """The talk with this id; KeyError when there is none."""
        return self._talks_by_id[talk_id]

    def talk_after(self, talk_id: str, offset: int) -> Talk | None:
        """The talk `offset` places after this one in program order (before it, when
        negative); None past either end."""
        index = self._positions[talk_id] + offset
        return self.talks[index] if 0 <= index < len(self.talks) else None

    def talks_among(self, talk_ids: AbstractSet[str]) -> list[Talk]:
        """The program's talks whose ids are among `talk_ids`, in program order: each looked
        up (a day's stars among 10,000 talks), not found by reading every talk at each
        visit to Starred. Ids not in the program are left out."""
        positions = self._positions
        found = sorted(positions[talk_id] for talk_id in talk_ids if talk_id in positions)
        return [self.talks[position] for position in found]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {talk.id: index for index, talk in enumerate(self.talks)}

    def person(self, person_id: str) -> Person:
        """The person with this id; KeyError when there is none."""
        return self.people_by_id[person_id]

    def has_person(self, person_id: str) -> bool:
        return person_id in self.people_by_id

    def has_talk(self, talk_id: str) -> bool:
        return talk_id in self._talks_by_id

    def talks_in_session(self, session_id: str) -> tuple[Talk, ...]:
        """A session's talks in program order; asked once per session on a day, so looked
        up, not searched for: thousands of sessions over 50,000 talks took seconds."""
        return self._talks_by_session.get(session_id, ())

    @cached_property
    def _talks_by_session(self) -> dict[str, tuple[Talk, ...]]:
        by_session: defaultdict[str, list[Talk]] = defaultdict(list)
        for talk in self.talks:
            if talk.session_id is not None:
                by_session[talk.session_id].append(talk)
        return {session_id: tuple(talks) for session_id, talks in by_session.items()}

    def entries(self, day: date | None = None) -> list[Slot | Talk]:
        """Slots and talks in time order, a session before its talks; one day's, if given."""
        if day not in self._entries:
            items: list[Slot | Talk] = [*self.slots, *self.talks]
            if day is not None:
                items = [item for item in items if self.day_of(item) == day]
            self._entries[day] = sorted(
                items, key=lambda item: (item.start, isinstance(item, Talk))
            )
        return self._entries[day]

    def day_of(self, item: Slot | Talk) -> date:
        """The conference day an item belongs to: a talk's listed day (a congress's day
        runs past midnight), else the date it starts on in the venue's zone."""
        if isinstance(item, Talk):
            return item.day
        return item.start.astimezone(self.conference.zone).date()

    @cached_property
    def _day_spans(self) -> dict[date, tuple[datetime, datetime]]:
        """Per conference day, when its first item starts and its last one ends."""
        spans: dict[date, tuple[datetime, datetime]] = {}
        items: list[Slot | Talk] = [*self.slots, *self.talks]
        for item in items:
            day, end = self.day_of(item), item.end or item.start
            first, last = spans.get(day, (item.start, end))
            spans[day] = (min(first, item.start), max(last, end))
        return spans

    def day_at(self, moment: datetime) -> date:
        """The conference day at `moment`: its date at the venue, except in a night that the
        day before runs into (a congress's), which is that day's until its date's begins."""
        zone = self.conference.zone
        today = moment.astimezone(zone).date()
        yesterday = self._day_spans.get(today - timedelta(days=1))
        begins = self._day_spans.get(today, (None, None))[0]
        into_the_night = yesterday is not None and yesterday[1].astimezone(zone).date() == today
        if into_the_night and (begins is None or moment < begins):
            return today - timedelta(days=1)
        return today

    @cached_property
    def days(self) -> tuple[date, ...]:
        """The conference days on which something starts (see `day_of`)."""
        items: list[Slot | Talk] = [*self.slots, *self.talks]
        return tuple(sorted({self.day_of(item) for item in items}))

    @cached_property
    def publishes_affiliations(self) -> bool:
        """Whether any talk says whom its authors work for (talk programs seldom do)."""
        return any(talk.affiliation for talk in self.talks)

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
