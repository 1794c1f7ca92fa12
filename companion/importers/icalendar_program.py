"""The reader of iCalendar (RFC 5545) programs, as pretalx, Indico and Sched publish them.

Each VEVENT is a talk: SUMMARY its title, DTSTART and DTEND (or DURATION) its time,
LOCATION its room, DESCRIPTION its abstract, URL its page, CATEGORIES its track. What
the publishers encode beyond that, and only where they encode it the same way every
time, is read too: pretalx writes SUMMARY as "Title - Speaker, Speaker" and names its
event in PRODID; Indico begins DESCRIPTION with "Speakers: Name (Affiliation), ...";
Sched names the event in PRODID and writes every time in UTC.

Decided for a program: a cancelled event (STATUS:CANCELLED) and an all-day event (no time
of day to put in a schedule) are skipped; a repeating one (RRULE, RDATE) is loaded once, at
its first occurrence; a time in a zone no one knows is read in the calendar's zone. Each
is noted, as every odd event is (`companion check`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import NamedTuple
from urllib.parse import urlsplit
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
from companion.importers.icalendar_times import (
    Moment,
    iana_zone,
    iso_duration,
    read_duration,
    read_moment,
)

_PRETALX = "-//pretalx//"  # PRODID "-//pretalx//HOST//EVENT-SLUG"
_SCHED = re.compile(r"-//Sched\.com (?P<name>[^/]+)//", re.IGNORECASE)
_INDICO_EVENT = re.compile(r"/event/(?P<id>\d+)/")
_INDICO_SPEAKERS = "Speakers: "
# The talk's own part of a publisher's page address: pretalx /talk/CODE/, Sched
# /event/ID/slug, Indico /event/1/contributions/123/.
_PAGE_NAME = re.compile(r"/(?:talk|event|contributions)/(?P<name>[^/?#]+)")
_FOLD = re.compile(rb"\r?\n[ \t]")


class _Publisher(NamedTuple):
    pretalx: bool
    indico: bool
    sched_name: str | None


def _publisher(calendar: Properties) -> _Publisher:
    product = calendar.raw("PRODID") or ""
    sched = _SCHED.match(product)
    return _Publisher(
        pretalx=product.startswith(_PRETALX),
        indico="//INDICO//" in product.upper(),
        sched_name=clean(sched["name"]) if sched else None,
    )


def _calendar_zone(parts: CalendarParts) -> ZoneInfo:
    """X-WR-TIMEZONE, else the first zone the calendar defines or its events use, else UTC."""
    named = [parts.calendar.text("X-WR-TIMEZONE"), *parts.zone_ids]
    named += [start.params.get("TZID") for e in parts.events if (start := e.first("DTSTART"))]
    found = (zone for name in named if name and (zone := iana_zone(str(name))))
    return next(found, ZoneInfo("UTC"))


def _split_outside_parentheses(text: str) -> Iterator[str]:
    depth, start = 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth <= 0:
            yield text[start:index]
            start = index + 1
    yield text[start:]


def _without_affiliation(name: str) -> str:
    """ "Jane Doe (CERN)" -> "Jane Doe"."""
    name = name.strip()
    return name[: name.rfind("(")] if name.endswith(")") and "(" in name else name


def _number_at_end(uid: str) -> str | None:
    """The number that ends a UID or is all of it ("indico-contribution-123")."""
    digits = len(uid) - len(uid.rstrip("0123456789"))
    before = uid[: len(uid) - digits]
    return uid[len(before) :] if digits and (not before or before[-1] in "-_.") else None


def _indico_prose(description: str, url: str | None) -> tuple[tuple[str, ...], str | None]:
    """Indico's DESCRIPTION: a "Speakers:" paragraph (names with their affiliations in
    parentheses), the description, then the page's address again."""
    paragraphs = description.split("\n\n")
    speakers: tuple[str, ...] = ()
    if paragraphs[0].startswith(_INDICO_SPEAKERS):
        listed = paragraphs.pop(0).removeprefix(_INDICO_SPEAKERS)
        found = (clean(_without_affiliation(part)) for part in _split_outside_parentheses(listed))
        speakers = tuple(name for name in found if name)
    if url and paragraphs and paragraphs[-1].strip() == url:
        paragraphs.pop()
    return speakers, clean("\n\n".join(paragraphs))


def _pretalx_title(summary: str) -> tuple[str | None, tuple[str, ...]]:
    """pretalx's "Title - Speaker, Speaker" (with nothing after the dash when no one)."""
    title, dash, names = summary.rpartition(" -")
    if not dash:
        return clean(summary), ()
    return clean(title), tuple(name for part in names.split(",") if (name := clean(part)))


def _short_names(local_uid: str | None, url: str | None) -> tuple[str | None, str | None]:
    """The event's numeric id and its slug, as short names for it: from its UID
    ("indico-contribution-123") or its page's address (pretalx's /talk/CODE/)."""
    page = _PAGE_NAME.findall(urlsplit(url).path) if url else []
    named = page[-1] if page else None
    if number := _number_at_end(local_uid or ""):
        return number, named if named != number else None
    if named and named.isdigit():
        return named, None
    return None, named if named and named.lower() != (local_uid or "").lower() else None


class _Timing(NamedTuple):
    start: datetime
    duration: str
    notes: list[tuple[str, Fix]]


def _timing(event: Properties, zone: ZoneInfo) -> _Timing:
    """When the event starts and how long it lasts; ImportProblem when it has no time."""
    start_value = event.first("DTSTART")
    if start_value is None:
        raise ImportProblem("has no start (DTSTART)")
    start = read_moment("DTSTART", start_value, zone)
    if not isinstance(start.at, datetime):
        raise ImportProblem("is an all-day event, with no time of day")
    notes = _zone_notes(start)
    try:
        duration, end_notes = _duration(event, start.at, start.unknown_zone, zone)
    except ImportProblem as problem:
        return _Timing(start.at, iso_duration(MOMENT), [*notes, (str(problem), Fix.MOMENT)])
    return _Timing(start.at, duration, notes + end_notes)


def _duration(
    event: Properties, start: datetime, start_zone: str | None, zone: ZoneInfo
) -> tuple[str, list[tuple[str, Fix]]]:
    """The event's length as the shared import reads it, from DTEND or DURATION (neither:
    RFC 5545 makes it a moment), and notes on its end; ImportProblem when unusable."""
    end_value, duration_value = event.first("DTEND"), event.first("DURATION")
    if end_value is not None:
        end = read_moment("DTEND", end_value, zone)
        if not isinstance(end.at, datetime):
            raise ImportProblem("DTEND is a date without a time of day")
        length = end.at - start
        notes = _zone_notes(end) if end.unknown_zone != start_zone else []
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


def _event(event: Properties, number: int, zone: ZoneInfo, publisher: _Publisher) -> _Read:
    uid = event.text("UID")
    local_uid = clean(uid.rpartition("@")[0] or uid) if uid else None
    url = event.raw("URL")
    event_id, slug = _short_names(local_uid, url)
    label = event_label(None, local_uid or f"#{number}")
    title, persons = event.text("SUMMARY"), tuple[str, ...]()
    if publisher.pretalx and title:
        title, persons = _pretalx_title(title)
    name = f"{label} ({title!r})" if title else label  # as the shared import names it
    if (event.text("STATUS") or "").upper() == "CANCELLED":
        return _Read(None, [ImportNote(name, "is cancelled (STATUS:CANCELLED)", Fix.SKIPPED)])
    try:
        timing = _timing(event, zone)
    except ImportProblem as problem:
        return _Read(None, [ImportNote(name, str(problem), Fix.SKIPPED)])
    notes = [ImportNote(name, problem, fix) for problem, fix in timing.notes]
    if "RRULE" in event or "RDATE" in event:
        notes.append(ImportNote(name, "repeats (RRULE)", Fix.FIRST_OCCURRENCE))
    abstract = event.text("DESCRIPTION")
    if publisher.indico and abstract:
        persons, abstract = _indico_prose(abstract, url)
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


def _title(parts: CalendarParts, publisher: _Publisher) -> str:
    """The calendar's name; a nameless one (pretalx's, Indico's) is named after where its
    events are published."""
    calendar = parts.calendar
    product = calendar.raw("PRODID") or ""
    fields = product.split("//")  # pretalx: "-", "pretalx", host, the event's slug
    pretalx_event = fields[3] if publisher.pretalx and len(fields) > 3 else None
    named = publisher.sched_name or calendar.text("X-WR-CALNAME") or calendar.text("NAME")
    if found := named or clean(pretalx_event):
        return found
    for event in parts.events:
        if (url := event.raw("URL")) and (host := urlsplit(url).hostname):
            indico = _INDICO_EVENT.search(urlsplit(url).path)
            return f"{host} event {indico['id']}" if publisher.indico and indico else host
    raise ImportProblem("the calendar has no name (X-WR-CALNAME)")


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
    if not parts.events:
        raise ImportProblem("the calendar has no events (VEVENT)")
    publisher = _publisher(parts.calendar)
    zone = _calendar_zone(parts)
    events: list[EventFields] = []
    notes: list[ImportNote] = []
    for number, properties in enumerate(parts.events, start=1):
        read = _event(properties, number, zone, publisher)
        events += [read.event] if read.event else []
        notes += read.notes
    first, last = _days(events, zone)
    return ScheduleFields(
        title=_title(parts, publisher),
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
