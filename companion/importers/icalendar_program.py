"""The reader of iCalendar (RFC 5545) programs, as pretalx, Indico and Sched publish them.

Each VEVENT is a talk: SUMMARY its title, DTSTART and DTEND (or DURATION) its time,
LOCATION its room, DESCRIPTION its abstract, URL its page, CATEGORIES its track. What
the publishers encode beyond that, and only where they encode it the same way every
time, is read too (`importers.icalendar_publishers`).

Decided for a program: a cancelled event (STATUS:CANCELLED) and an all-day event (no time
of day to put in a schedule) are skipped; a repeating one (RRULE, RDATE) is loaded once, at
its first occurrence; a time in a zone no one knows is read in the calendar's zone. Each
is noted, as every odd event is (`companion check`).
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from companion.clock import MOMENT
from companion.importers.fields import (
    EventFields,
    Fix,
    ImportNote,
    ImportProblem,
    ScheduleFields,
    clean,
    event_label,
)
from companion.importers.icalendar_parts import CalendarParts, Properties, read_parts
from companion.importers.icalendar_publishers import (
    Publisher,
    calendar_title,
    indico_prose,
    pretalx_title,
    publisher_of,
    short_names,
)
from companion.importers.icalendar_times import (
    Moment,
    Zones,
    iso_duration,
    read_duration,
    read_moment,
)

_FOLD = re.compile(rb"\r?\n[ \t]")


def _calendar_zone(parts: CalendarParts, zones: Zones) -> ZoneInfo:
    """X-WR-TIMEZONE, else the first zone the calendar defines or its events use, else UTC."""
    starts = (start.params.get("TZID") for e in parts.events if (start := e.first("DTSTART")))
    named = itertools.chain([parts.calendar.text("X-WR-TIMEZONE")], parts.zone_ids, starts)
    found = (zone for name in named if name and (zone := zones.named(str(name))))
    return next(found, ZoneInfo("UTC"))


class _Timing(NamedTuple):
    start: datetime
    duration: str
    notes: list[tuple[str, Fix]]


def _timing(event: Properties, zone: ZoneInfo, zones: Zones) -> _Timing:
    """When the event starts and how long it lasts; ImportProblem when it has no time."""
    start_value = event.first("DTSTART")
    if start_value is None:
        raise ImportProblem("has no start (DTSTART)")
    start = read_moment("DTSTART", start_value, zone, zones)
    if not isinstance(start.at, datetime):
        raise ImportProblem("is an all-day event, with no time of day")
    notes = _zone_notes(start)
    try:
        duration, end_notes = _duration(event, start, zone, zones)
    except ImportProblem as problem:
        return _Timing(start.at, iso_duration(MOMENT), [*notes, (str(problem), Fix.MOMENT)])
    return _Timing(start.at, duration, notes + end_notes)


def _duration(
    event: Properties, start: Moment, zone: ZoneInfo, zones: Zones
) -> tuple[str, list[tuple[str, Fix]]]:
    """The event's length as the shared import reads it, from DTEND or DURATION (neither:
    RFC 5545 makes it a moment), and notes on its end; ImportProblem when unusable."""
    end_value, duration_value = event.first("DTEND"), event.first("DURATION")
    if end_value is not None:
        end = read_moment("DTEND", end_value, zone, zones)
        if not isinstance(end.at, datetime) or not isinstance(start.at, datetime):
            raise ImportProblem("DTEND is a date without a time of day")
        length = end.at - start.at
        notes = _zone_notes(end) if end.unknown_zone != start.unknown_zone else []
    elif duration_value is not None:
        found = read_duration(duration_value)
        if found is None:  # the shared rule says what is wrong with it
            return duration_value.raw.strip()[:40], []
        length, notes = found, []
    else:
        length, notes = timedelta(), []
    if length < timedelta():
        raise ImportProblem("it ends before it starts")
    return iso_duration(length), notes


def _zone_notes(moment: Moment) -> list[tuple[str, Fix]]:
    if moment.unknown_zone is None:
        return []
    return [(f"time zone {moment.unknown_zone[:40]!r} is unknown", Fix.PROGRAM_ZONE)]


class _Read(NamedTuple):
    event: EventFields | None  # None: skipped
    notes: list[ImportNote]


def _event(event: Properties, number: int, zone: ZoneInfo, zones: Zones, pub: Publisher) -> _Read:
    """One VEVENT as the shared import's fields, or skipped; with what was noted."""
    uid = event.text("UID")
    local_uid = clean(uid.rpartition("@")[0] or uid) if uid else None
    url = event.raw("URL")
    event_id, slug = short_names(local_uid, url)
    label = event_label(None, local_uid or f"#{number}")
    title, persons = event.text("SUMMARY"), tuple[str, ...]()
    if pub.pretalx and title:
        title, persons = pretalx_title(title)
    name = f"{label} ({title!r})" if title else label  # as the shared import names it
    if (event.text("STATUS") or "").upper() == "CANCELLED":
        return _Read(None, [ImportNote(name, "is cancelled (STATUS:CANCELLED)", Fix.SKIPPED)])
    try:
        timing = _timing(event, zone, zones)
    except ImportProblem as problem:
        return _Read(None, [ImportNote(name, str(problem), Fix.SKIPPED)])
    notes = [ImportNote(name, problem, fix) for problem, fix in timing.notes]
    if "RRULE" in event or "RDATE" in event:
        notes.append(ImportNote(name, "repeats (RRULE)", Fix.FIRST_OCCURRENCE))
    abstract = event.text("DESCRIPTION")
    if pub.indico and abstract:
        persons, abstract = indico_prose(abstract, url)
    fields = EventFields(
        label=label,
        guid=local_uid,
        event_id=event_id,
        title=title,
        date=timing.start.isoformat(),
        start=None,
        duration=timing.duration,
        day_date=None,
        day_start=None,
        persons=persons,
        room=event.text("LOCATION"),
        track=", ".join(event.texts("CATEGORIES")) or None,
        abstract=abstract,
        url=url,
        slug=slug,
    )
    return _Read(fields, notes)


def _days(events: list[EventFields], zone: ZoneInfo) -> tuple[str | None, str | None]:
    """The first and last dates the events start on, in the calendar's zone."""
    dates = [
        datetime.fromisoformat(event.date).astimezone(zone).date() for event in events if event.date
    ]
    first: date | None = min(dates, default=None)
    last: date | None = max(dates, default=None)
    return (first.isoformat() if first else None, last.isoformat() if last else None)


def read_icalendar(document: str | bytes) -> ScheduleFields:
    """`document` is text when a byte-order mark said how to decode it, else UTF-8 bytes
    (iCalendar's charset)."""
    if isinstance(document, bytes):
        try:  # unfolded first: a fold may split a character's bytes (RFC 5545, 3.1)
            document = _FOLD.sub(b"", document).decode("utf-8")
        except UnicodeDecodeError:
            raise ImportProblem("not UTF-8 text") from None
    parts = read_parts(document)
    del document  # the parts hold what is read of it: at 50,000 talks, 200 MiB let go
    if not parts.events:
        raise ImportProblem("the calendar has no events (VEVENT)")
    publisher = publisher_of(parts.calendar)
    zones = Zones()
    zone = _calendar_zone(parts, zones)
    events: list[EventFields] = []
    notes: list[ImportNote] = []
    for number, properties in enumerate(parts.events, start=1):
        read = _event(properties, number, zone, zones, publisher)
        events += [read.event] if read.event else []
        notes += read.notes
    first, last = _days(events, zone)
    return ScheduleFields(
        title=calendar_title(parts, publisher),
        acronym=None,
        start=first,
        end=last,
        time_zone=zone.key,
        day_change=None,
        url=parts.calendar.raw("URL"),
        version=None,
        day_dates=(),
        events=tuple(events),
        reader_notes=tuple(notes),
    )
