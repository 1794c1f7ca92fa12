"""The reader of c3voc `schedule.json` (the JSON twin of frab's schedule.xml)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from companion.importers.fields import (
    FRAB_TEXT_FIELDS,
    EventFields,
    ImportProblem,
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


def _event(event: dict[str, Any], day: dict[str, Any], room: str) -> EventFields:
    guid, event_id = clean(event.get("guid")), clean(event.get("id"))
    label = event_label(event_id, guid)
    with problems_named(label):
        return EventFields(
            label=label,
            guid=guid,
            event_id=event_id,
            **{field: clean(event.get(key)) for field, key in FRAB_TEXT_FIELDS.items()},
            day_date=clean(day.get("date")),
            day_start=clean(day.get("day_start")),
            persons=tuple(
                name for p in _list(event.get("persons"), "persons") if (name := _person(p))
            ),
            room=clean(event.get("room")) or room,
            links=tuple(_links(event)),
        )


def _days(conference: dict[str, Any]) -> list[dict[str, Any]]:
    days = _list(conference.get("days"), "conference.days")
    return [_object(day, f"days[{index}]") for index, day in enumerate(days)]


def _events(days: list[dict[str, Any]]) -> Iterator[EventFields]:
    for index, day in enumerate(days):
        rooms = _object(day.get("rooms") or {}, f"days[{index}].rooms")
        for room, events in rooms.items():
            for event in _list(events, f"room {room!r}"):
                yield _event(_object(event, f"an event in room {room!r}"), day, str(room))


def read_c3voc_json(text: str | bytes) -> ScheduleFields:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:  # recognised as JSON, so never in practice
        raise ImportProblem(f"not readable JSON ({error})") from None
    schedule = _object(_object(data, "the document").get("schedule"), "schedule")
    conference = _object(schedule.get("conference"), "schedule.conference")
    days = _days(conference)
    return ScheduleFields(
        title=clean(conference.get("title")),
        acronym=clean(conference.get("acronym")),
        start=clean(conference.get("start")),
        end=clean(conference.get("end")),
        time_zone=clean(conference.get("time_zone_name")),
        day_change=clean(conference.get("day_change")),
        url=clean(conference.get("url")) or clean(schedule.get("base_url")),
        version=clean(schedule.get("version")),
        day_dates=tuple(date for day in days if (date := clean(day.get("date")))),
        events=tuple(_events(days)),
    )
