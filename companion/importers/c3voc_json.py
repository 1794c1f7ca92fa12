"""The reader of c3voc `schedule.json` (the JSON twin of frab's schedule.xml)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from companion.importers.fields import (
    FRAB_TEXT_FIELDS,
    EventFields,
    Fix,
    ImportNote,
    ImportProblem,
    Lenient,
    ScheduleFields,
    clean,
    event_label,
    problems_named,
)


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportProblem(f"{what} is not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportProblem(f"{what} is not a list")
    return value


def _person(value: Any) -> str | None:
    if isinstance(value, dict):
        return clean(value.get("public_name") or value.get("full_public_name") or value.get("name"))
    return clean(value)


def _links(event: dict[str, Any]) -> Iterator[tuple[str | None, str]]:
    for link in _list(event.get("links"), "links"):
        if isinstance(link, dict):
            if url := clean(link.get("url")):
                yield clean(link.get("title")), url
        elif url := clean(link):
            yield None, url


def _event(
    event: dict[str, Any], day_date: str | None, day_start: str | None, room: str
) -> EventFields:
    lenient = Lenient()
    guid, event_id = lenient.text("guid", event.get("guid")), lenient.text("id", event.get("id"))
    label = event_label(event_id, guid)
    with problems_named(label):
        return EventFields(
            label=label,
            guid=guid,
            event_id=event_id,
            **{field: lenient.text(key, event.get(key)) for field, key in FRAB_TEXT_FIELDS.items()},
            day_date=day_date,
            day_start=day_start,
            persons=lenient.read(
                "persons",
                lambda: tuple(
                    name for p in _list(event.get("persons"), "persons") if (name := _person(p))
                ),
                (),
            ),
            room=lenient.text("room", event.get("room")) or room,
            links=lenient.read("links", lambda: tuple(_links(event)), ()),
            unreadable=tuple(lenient.unreadable),
        )


def _days(conference: dict[str, Any], notes: list[ImportNote]) -> list[dict[str, Any]]:
    days = []
    for index, day in enumerate(_list(conference.get("days"), "conference.days")):
        if isinstance(day, dict):
            days.append(day)
        else:
            notes.append(ImportNote(f"days[{index}]", "is not an object", Fix.IGNORED))
    return days


def _room_events(
    events: Any, where: str, day: tuple[str | None, str | None], room: str, notes: list[ImportNote]
) -> Iterator[EventFields]:
    if not isinstance(events, list):
        notes.append(ImportNote(where, "is not a list of events: none read", Fix.IGNORED))
        return
    for number, event in enumerate(events, 1):
        if isinstance(event, dict):
            yield _event(event, *day, room)
        else:
            notes.append(ImportNote(f"{where}, event {number}", "is not an object", Fix.SKIPPED))


def _events(days: list[dict[str, Any]], notes: list[ImportNote]) -> Iterator[EventFields]:
    """The events of every day; what is not shaped as a day's rooms and events is noted."""
    for index, day in enumerate(days):
        lenient = Lenient()
        date = lenient.text("date", day.get("date"))
        start = lenient.text("day_start", day.get("day_start"))
        name = f"day {date or index + 1}"
        notes += lenient.ignored(name)
        rooms = day.get("rooms") or {}
        if not isinstance(rooms, dict):
            notes.append(ImportNote(name, "rooms is not an object: no events read", Fix.IGNORED))
            continue
        for room, events in rooms.items():
            yield from _room_events(events, f"{name}, room {room!r}", (date, start), room, notes)


def read_c3voc_json(text: str | bytes) -> ScheduleFields:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:  # recognised as JSON, so never in practice
        raise ImportProblem(f"not readable JSON ({error})") from None
    schedule = _object(_object(data, "the document").get("schedule"), "schedule")
    conference = _object(schedule.get("conference"), "schedule.conference")
    notes: list[ImportNote] = []
    days = _days(conference, notes)
    events = tuple(_events(days, notes))
    said = Lenient()  # a conference's field of the wrong type is ignored, and noted
    fields = ScheduleFields(
        title=said.text("title", conference.get("title")),
        acronym=said.text("acronym", conference.get("acronym")),
        start=said.text("start", conference.get("start")),
        end=said.text("end", conference.get("end")),
        time_zone=said.text("time_zone_name", conference.get("time_zone_name")),
        day_change=said.text("day_change", conference.get("day_change")),
        url=said.text("url", conference.get("url"))
        or said.text("base_url", schedule.get("base_url")),
        version=said.text("version", schedule.get("version")),
        day_dates=tuple(date for day in days if (date := Lenient().text("date", day.get("date")))),
        events=events,
    )
    return fields._replace(reader_notes=(*notes, *said.ignored("the conference")))
