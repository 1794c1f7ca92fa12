"""iCalendar (RFC 5545) export, written with the `icalendar` library (its lines folded
by `ics_folding`, as the library folds them, in linear time).

Times carry TZID=<venue zone> with a matching VTIMEZONE, so every calendar
shows the right hour; UIDs are derived from stable talk ids, so importing a
newer export updates events instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from icalendar import Alarm, Calendar, Component, Event, Parameters, Timezone, vText, vUri
from icalendar.parser import Contentline

from companion import __version__
from companion.clock import instant
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


class _SharedProperties:
    """The properties many events share (the stamp, the start and end times of a slot, a
    room, a session, the status), each encoded by icalendar once and the same value put
    on every event that has it: at 10,000 talks two thirds of the properties are such
    repeats, and encoding them one by one was most of the export."""

    def __init__(self) -> None:
        self._encoded: dict[tuple[str, Hashable], Any] = {}  # kept: their ids stay theirs
        self.ids: set[int] = set()

    def add(self, event: Event, name: str, value: Any, key: Hashable = None) -> None:
        """`event.add(name, value)`, with the value icalendar encoded for the first event
        that had it; `key` stands for a value that cannot be a dict key (a list)."""
        found = (name, value if key is None else key)
        encoded = self._encoded.get(found)
        event[name] = self._encode(found, name, value) if encoded is None else encoded

    def add_time(self, event: Event, name: str, moment: datetime, zone: tzinfo) -> None:
        """`event.add(name, calendar_time(moment, zone))`, the time converted and encoded
        once for all the events that start (or end) at that instant."""
        found = (name, instant(moment))
        encoded = self._encoded.get(found)
        if encoded is None:
            encoded = self._encode(found, name, calendar_time(moment, zone))
        event[name] = encoded

    def _encode(self, found: tuple[str, Hashable], name: str, value: Any) -> Any:
        scratch = Event()
        scratch.add(name, value)
        encoded = self._encoded[found] = scratch[name]
        self.ids.add(id(encoded))
        return encoded


class _Calendar(Calendar):
    """A calendar that writes a line that repeats once: a shared property's (see
    `_SharedProperties`) and each event's BEGIN and END. Every line is icalendar's own,
    as always, and in icalendar's order."""

    def __init__(self, shared: _SharedProperties) -> None:
        super().__init__()
        self.shared = shared
        self.lines: dict[tuple[str, object], Any] = {}

    def property_items(
        self, recursive: bool = True, sorted: bool = True
    ) -> list[tuple[str, object]]:
        """`Component.property_items`, the same walk, but each component's name is
        encoded for its BEGIN and END once, not once per component: a new `vText` for
        each was 6 % of the export's instructions (a change worth proposing upstream)."""
        items: list[tuple[str, object]] = []
        text = self.types_factory["text"]
        names: dict[str | None, bytes] = {}
        stack: list[tuple[Component, bool]] = [(self, False)]
        while stack:
            component, is_end = stack.pop()
            encoded = names.get(component.name)
            if encoded is None:
                encoded = names[component.name] = text(component.name).to_ical()
            if is_end:
                items.append(("END", encoded))
                continue
            items.append(("BEGIN", encoded))
            for name in component.sorted_keys() if sorted else component.keys():
                values = component[name]
                if isinstance(values, list):
                    items.extend((name, value) for value in values)
                else:
                    items.append((name, values))
            stack.append((component, True))
            if recursive:
                stack.extend((sub, False) for sub in reversed(component.subcomponents))
        return items

    def content_line(self, name: str, value: Any, sorted: bool = True) -> Any:
        if name in ("BEGIN", "END"):
            key: tuple[str, object] = (name, value)  # its bytes: VEVENT, VALARM...
        elif id(value) in self.shared.ids:
            key = (name, id(value))
        else:
            return _content_line(name, value, sorted)
        line = self.lines.get(key)
        if line is None:
            line = self.lines[key] = _content_line(name, value, sorted)
        return line


def _content_line(name: str, value: Any, sorted: bool) -> Any:
    """`Component.content_line`, but for its default: icalendar builds an empty Parameters
    for every line, used only by a value that has none, and that was a tenth of an export
    of 10,000 talks (a change worth proposing upstream)."""
    params = value.params if hasattr(value, "params") else Parameters()
    return Contentline.from_parts(name, params, value, sorted=sorted)


def add_calendar_facts(calendar: Calendar, export: Export) -> None:
    """What the calendar says of itself, and the venue's zone (`VTIMEZONE`)."""
    conference = export.program.conference
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


def event_location(export: Export, talk: Talk) -> str:
    """The talk's room (else the venue's), then the venue; empty when none is known."""
    conference = export.program.conference
    room = talk.room or (conference.venue.room if conference.venue else None)
    return ", ".join(part for part in (room, conference.venue_line) if part)


def event_categories(talk: Talk) -> list[str]:
    return [category for category in (talk.session_title, talk.track) if category]


def write_ics(export: Export) -> str:
    conference = export.program.conference
    zone = conference.zone
    shared = _SharedProperties()
    calendar = _Calendar(shared)
    add_calendar_facts(calendar, export)
    stamp = export.created.astimezone(UTC)
    for talk in export.talks:
        event = Event()
        # Each event's own values, typed as `event.add` types them (a plain assignment
        # skips its type look-up: a tenth of the export at 10,000 talks).
        event["uid"] = vText(event_uid(talk, conference.id))
        shared.add(event, "dtstamp", stamp)
        shared.add_time(event, "dtstart", talk.start, zone)
        shared.add_time(event, "dtend", talk.end, zone)
        event["summary"] = vText(talk.title)
        if location := event_location(export, talk):
            shared.add(event, "location", location)
        event["description"] = vText(describe(export, talk))
        if categories := event_categories(talk):
            shared.add(event, "categories", categories, key=tuple(categories))
        if talk.links:
            event["url"] = vUri(talk.links[0].url)
        shared.add(event, "status", "CONFIRMED")
        shared.add(event, "transp", "OPAQUE")
        if export.alarm is not None:
            event.add_component(reminder(talk, export.alarm))
        calendar.add_component(event)
    return folded(calendar.content_lines())
