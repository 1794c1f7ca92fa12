"""The reader of c3voc `schedule.json` (the JSON twin of frab's schedule.xml)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from companion.importers.fields import (
    FRAB_TEXT_FIELDS,
    EventFields,
    ImportProblem,
    Links,
    PersonFields,
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


def _person(value: Any) -> PersonFields | None:
    """A person: a name, or an object that names them and may give their id (pretalx's
    `code`, a `guid`, frab's `id`), a biography and links."""
    if not isinstance(value, dict):
        name = clean(value)
        return PersonFields(None, name) if name else None
    name = clean(value.get("public_name") or value.get("full_public_name") or value.get("name"))
    if name is None:
        return None
    key = next((key for field in ("code", "guid", "id") if (key := clean(value.get(field)))), None)
    biography = value.get("biography")  # liberal: a biography that is no text is left out
    return PersonFields(
        key,
        name,
        clean(biography) if isinstance(biography, str) else None,
        _person_links(value),
    )


def _person_links(person: dict[str, Any]) -> Links:
    """Their page on the program's site (pretalx's `url`), then their own links."""
    page = (("Speaker page", url),) if (url := clean(person.get("url"))) else ()
    return page + (tuple(_links(person)) if isinstance(person.get("links"), list) else ())


def _links(item: dict[str, Any]) -> Iterator[tuple[str | None, str]]:
    for link in _list(item.get("links"), "links"):
        if isinstance(link, dict):
            if url := clean(link.get("url")):
                yield clean(link.get("title")), url
        elif url := clean(link):
            yield None, url


def _event(event: dict[str, Any], day: dict[str, Any], room: str) -> EventFields:
    guid, event_id = clean(event.get("guid")), clean(event.get("id"))
    label = event_label(event_id, guid)
    with problems_named(label):
        persons = [p for value in _list(event.get("persons"), "persons") if (p := _person(value))]
        return EventFields(
            label=label,
            guid=guid,
            event_id=event_id,
            **{field: clean(event.get(key)) for field, key in FRAB_TEXT_FIELDS.items()},
            day_date=clean(day.get("date")),
            day_start=clean(day.get("day_start")),
            persons=tuple(person.name for person in persons),
            person_keys=tuple(person.key for person in persons),
            room=clean(event.get("room")) or room,
            links=tuple(_links(event)),
        )


def _days(conference: dict[str, Any]) -> list[dict[str, Any]]:
    days = _list(conference.get("days"), "conference.days")
    return [_object(day, f"days[{index}]") for index, day in enumerate(days)]


Placed = tuple[dict[str, Any], dict[str, Any], str]  # an event, its day and its room


def _events(days: list[dict[str, Any]]) -> Iterator[Placed]:
    for index, day in enumerate(days):
        rooms = _object(day.get("rooms") or {}, f"days[{index}].rooms")
        for room, events in rooms.items():
            for event in _list(events, f"room {room!r}"):
                yield _object(event, f"an event in room {room!r}"), day, str(room)


def _described(events: list[Placed]) -> Iterator[PersonFields]:
    """The people the events say more of than a name (each event repeats its people)."""
    for event, _, _ in events:
        for value in event.get("persons") or ():
            person = _person(value)
            if person is not None and (person.biography or person.links):
                yield person


def read_c3voc_json(text: str | bytes) -> ScheduleFields:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:  # recognised as JSON, so never in practice
        raise ImportProblem(f"not readable JSON ({error})") from None
    schedule = _object(_object(data, "the document").get("schedule"), "schedule")
    conference = _object(schedule.get("conference"), "schedule.conference")
    days = _days(conference)
    events = list(_events(days))
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
        events=tuple(_event(*placed) for placed in events),
        subtitle=clean(conference.get("subtitle")),
        venue=clean(conference.get("venue")),
        city=clean(conference.get("city")),
        people=tuple(_described(events)),  # after the events, which checked their persons
    )
