"""The shared part of every import: a reader's fields to a native program document.

Here, once for every format, are the steps that interpret what a file says:
times and durations, days past midnight, stable talk ids, people, links, and
the conference's dates; validation of the result follows (`companion.validation`).

The import is liberal and its report strict: an event whose fields cannot be used as
they are is loaded as well as it can be (a moment when its duration is unusable, another
id when its own is taken) or skipped (no title, no usable start), and each such event is
noted with its reason. Only a document none of whose events can be loaded is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from companion.clock import MOMENT
from companion.html_text import readable_text
from companion.importers.fields import (
    EventFields,
    Fix,
    ImportNote,
    ImportProblem,
    ScheduleFields,
)
from companion.importers.people import WEB, People, web_links
from companion.importers.times import (
    Day,
    day_begins,
    day_of_start,
    end_of,
    event_start,
    parse_duration,
    time_zone,
)
from companion.program_file import FORMAT_NAME, FORMAT_VERSION
from companion.text import slugify

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
# Longer than this, a duration is taken for a mistake rather than an event's length.
LONGEST_EVENT = timedelta(days=7)


def file_id(guid: str | None, event_id: str | None) -> tuple[str, str] | None:
    """The id the file gives an event (its guid, else its id) as a talk id, and as given."""
    for candidate in (guid, event_id):
        if candidate:
            lowered = candidate.strip().lower()
            base = lowered if _ID.match(lowered) else slugify(lowered)
            if base:
                return base, candidate
    return None


class IdMaker:
    """Talk ids from the file's guid, else its id, else a slug of the title; never repeated,
    and never one that `reserved` (the ids the file gives its events) holds for another."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._used: set[str] = set()
        self._reserved = set(reserved)
        self._next: dict[str, int] = {}  # the next suffix to try for a base id

    def make(self, guid: str | None, event_id: str | None, title: str) -> tuple[str, str | None]:
        """The id, and the file's own id when another event already has it."""
        if given := file_id(guid, event_id):
            base, candidate = given
            if base not in self._used:
                self._used.add(base)
                return base, None
            return self.unique(base), candidate
        return self.unique(slugify(title) or "talk"), None

    def unique(self, base: str) -> str:
        """`base`, or the first free `base-N`; counting on from the last N handed out, so
        20,000 events sharing one id cost 20,000 tries, not 200 million."""
        candidate, counter = base, self._next.get(base, 2)
        while candidate in self._used or candidate in self._reserved:
            candidate, counter = f"{base}-{counter}", counter + 1
        self._next[base] = counter
        self._used.add(candidate)
        return candidate


def _links(event: EventFields) -> list[dict[str, str]]:
    """The event's page first, then its other links; only web links."""
    page: list[tuple[str | None, str]] = [("Event page", event.url)] if event.url else []
    return web_links([*page, *event.links])


def _prose(text: str | None) -> str | None:
    """An abstract or a description as readable text: programs publish HTML in them."""
    if not text:
        return None
    return readable_text(text) or None


# Without these as the file gives them, an event cannot be named or placed in time.
_ESSENTIAL = ("title", "date", "start")


def _duration(text: str | None, unreadable: str | None) -> tuple[timedelta, str | None]:
    """The event's length, or a `MOMENT` and the reason when the file's cannot be one."""
    if unreadable:
        return MOMENT, unreadable
    try:
        duration = parse_duration(text or "")
    except ImportProblem as problem:
        return MOMENT, str(problem)
    if duration <= timedelta():
        return MOMENT, f"duration {text!r} is zero"
    if duration > LONGEST_EVENT:
        return MOMENT, f"duration {text!r} is longer than {LONGEST_EVENT.days} days"
    return duration, None


def _unreadable(day: Day, zone: ZoneInfo) -> str | None:
    try:
        day_begins(day, zone)
    except ImportProblem as problem:
        return str(problem)
    return None


def _readable_days(
    schedule: ScheduleFields, zone: ZoneInfo, notes: list[ImportNote]
) -> tuple[str | None, list[EventFields]]:
    """The conference's day change and the events' day starts, each that cannot be read
    ignored once, with a note: the events are placed as if the file did not say."""
    day_change = schedule.day_change
    if problem := _unreadable(Day(None, None, day_change), zone):
        notes.append(ImportNote("the conference", problem, Fix.IGNORED))
        day_change = None
    events: list[EventFields] = []
    checked: dict[tuple[str | None, str | None], str | None] = {}
    for event in schedule.events:
        day = (event.day_date, event.day_start)
        if event.day_start and day not in checked:
            checked[day] = problem = _unreadable(Day(*day, None), zone)
            if problem:
                notes.append(ImportNote(f"day {event.day_date or '?'}", problem, Fix.IGNORED))
        events.append(event._replace(day_start=None) if checked.get(day) else event)
    return day_change, events


class _Imported(NamedTuple):
    talk: dict[str, Any]
    notes: list[ImportNote]


def _talk(
    event: EventFields, day_change: str | None, zone: ZoneInfo, ids: IdMaker, name: str
) -> _Imported:
    """The event as a talk, with notes on what was adjusted; raises ImportProblem when it
    cannot be loaded at all (`name` names it in the notes)."""
    unreadable = dict(event.unreadable)
    for field in _ESSENTIAL:
        if field in unreadable:
            raise ImportProblem(unreadable[field])
    if not event.title:
        raise ImportProblem("has no title")
    day = Day(event.day_date, event.day_start, day_change)
    start = event_start(event.date, event.start, day, zone)
    duration, odd_duration = _duration(event.duration, unreadable.pop("duration", None))
    talk_id, taken = ids.make(event.guid, event.event_id, event.title)
    notes = [ImportNote(name, odd_duration, Fix.MOMENT)] if odd_duration else []
    notes += [ImportNote(name, why, Fix.DROPPED) for why in unreadable.values()]
    conference_day, far = day_of_start(day, start, zone)
    notes += [ImportNote(name, far, Fix.REFILED)] if far else []
    if taken:
        notes.append(ImportNote(name, f"id {taken!r} is repeated", Fix.NEW_ID, talk_id))
    talk = {
        "id": talk_id,
        "title": event.title,
        "subtitle": event.subtitle,
        "authors": list(event.persons),
        "start": start.isoformat(),
        "end": end_of(start, duration).isoformat(),
        "day": conference_day,
        "room": event.room,
        "track": event.track,
        "kind": event.kind,
        "language": event.language,
        "abstract": _prose(event.abstract),
        "description": _prose(event.description),
        "links": _links(event),
        "aliases": [name for name in (event.event_id, event.slug) if name],
    }
    return _Imported(talk, notes)


def _venue(schedule: ScheduleFields) -> dict[str, str | None] | None:
    """Where the event is: its venue in its city; the city alone when no venue is named."""
    if schedule.venue:
        return {"name": schedule.venue, "city": schedule.city}
    return {"name": schedule.city} if schedule.city else None


class Built(NamedTuple):
    document: dict[str, Any]
    talk_labels: list[str]  # per talk, the event it comes from, for error messages
    notes: list[ImportNote]  # the events adjusted or skipped, in the file's order


def build_document(schedule: ScheduleFields) -> Built:
    """The native document, with what was adjusted or skipped on the way."""
    if not schedule.title:
        raise ImportProblem("the conference has no title")
    zone = time_zone(schedule.time_zone)
    given = (file_id(event.guid, event.event_id) for event in schedule.events)
    ids = IdMaker(found[0] for found in given if found)
    talks, labels, notes = [], [], list(schedule.reader_notes)
    people = People(schedule.people, IdMaker().unique)
    day_change, events = _readable_days(schedule, zone, notes)
    for event in events:
        name = f"{event.label} ({event.title!r})" if event.title else event.label
        try:
            imported = _talk(event, day_change, zone, ids, name)
        except ImportProblem as problem:
            notes.append(ImportNote(name, str(problem), Fix.SKIPPED))
            continue
        talks.append({**imported.talk, "people": people.ids(event)})
        labels.append(name)
        notes += imported.notes
    if (schedule.events or notes) and not talks:
        raise ImportProblem(
            f"none of its events can be loaded ({notes[0].event}: {notes[0].problem})"
        )
    days = sorted(day[:10] for day in schedule.day_dates)
    first = schedule.start or (days[0] if days else None)
    last = schedule.end or (days[-1] if days else first)
    if not first:
        raise ImportProblem("no conference start date and no day dates")
    url = schedule.url
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "conference": {
            "id": slugify(schedule.acronym or schedule.title) or "imported",
            "name": schedule.title,  # the header's name: "FOSDEM 2026", not "fosdem-2026"
            "title": schedule.title,
            "subtitle": schedule.subtitle,
            "venue": _venue(schedule),
            "start_date": first[:10],
            "end_date": (last or first)[:10],
            "timezone": zone.key,
            "links": [{"label": "Website", "url": url}] if url and url.startswith(WEB) else [],
            "program_version": schedule.version,
            "presenters": "speakers",  # frab and c3voc programs are of talks, not papers
        },
        "slots": [],
        "talks": talks,
        "people": people.profiles,
    }
    return Built(document, labels, notes)
