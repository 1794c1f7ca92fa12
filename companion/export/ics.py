"""iCalendar (RFC 5545) export, written with the `icalendar` library (its lines folded
by `ics_folding`, as the library folds them, in linear time).

Times carry TZID=<venue zone> with a matching VTIMEZONE, so every calendar
shows the right hour; UIDs are derived from stable talk ids, so importing a
newer export updates events instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event, Timezone

from companion import __version__
from companion.export.ics_folding import folded
from companion.present.facts import plain_facts, plain_sections
from companion.present.talk import authors_fact, note_fact, talk_facts, talk_sections
from companion.program import Talk

if TYPE_CHECKING:  # the package imports its writers: at run time, no loop
    from companion.export import Export


UID_SUFFIX = ".c4ml-companion"


def event_uid(talk: Talk, conference_id: str) -> str:
    """ID@CONFERENCE.c4ml-companion: `companion import-stars` reads both back."""
    return f"{talk.id}@{conference_id}{UID_SUFFIX}"


def describe(export: Export, talk: Talk) -> str:
    """The facts the talk screen shows, its abstract and the user's note, as plain text."""
    program = export.program
    facts = [authors_fact(program, talk), *talk_facts(program, talk, program.conference.zone)]
    note = export.notes.get(talk.id)
    lines = plain_facts([*facts, *([note_fact(note)] if note else [])])
    return "\n".join(lines + plain_sections(talk_sections(talk)))


def calendar_time(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` in the venue's zone, or in UTC where the zone's clock shows that time twice
    (the hour a DST change repeats): RFC 5545 reads a repeated local time as its first
    occurrence, which would put a talk's end before its start."""
    local = moment.astimezone(zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return moment.astimezone(UTC)
    return local


def reminder(talk: Talk, before: timedelta) -> Alarm:
    """A VALARM that shows the talk's title `before` its start."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", talk.title)
    alarm.add("trigger", -before)
    return alarm


def write_ics(export: Export) -> str:
    conference = export.program.conference
    zone = conference.zone
    calendar = Calendar()
    calendar.add("prodid", f"-//C4ML Companion//companion {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", export.heading)
    calendar.add("x-wr-timezone", conference.timezone)
    calendar.add_component(
        Timezone.from_tzid(
            conference.timezone,
            first_date=conference.start_date - timedelta(days=366),
            last_date=conference.end_date + timedelta(days=366),
        )
    )
    room = conference.venue.room if conference.venue else None
    stamp = export.created.astimezone(UTC)
    for talk in export.talks:
        event = Event()
        event.add("uid", event_uid(talk, conference.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", calendar_time(talk.start, zone))
        event.add("dtend", calendar_time(talk.end, zone))
        event.add("summary", talk.title)
        location = ", ".join(p for p in (talk.room or room, conference.venue_line) if p)
        if location:
            event.add("location", location)
        event.add("description", describe(export, talk))
        categories = [c for c in (talk.session_title, talk.track) if c]
        if categories:
            event.add("categories", categories)
        if talk.links:
            event.add("url", talk.links[0].url)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        if export.alarm is not None:
            event.add_component(reminder(talk, export.alarm))
        calendar.add_component(event)
    return folded(calendar.content_lines())
