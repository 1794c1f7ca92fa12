"""The reader of c3voc `schedule.json` (the JSON twin of frab's schedule.xml)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from companion.importers.fields import (
    FRAB_TEXT_FIELDS,
    EventFields,
    Fix,
    ImportNote,
    ImportProblem,
    Lenient,
    Links,
    PersonFields,
    ScheduleFields,
    clean,
    event_label,
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


@dataclass
class _Found:
    """What reading the days finds besides their events."""

    notes: list[ImportNote] = field(default_factory=list)
    people: list[PersonFields] = field(default_factory=list)  # who events say more of


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


def _persons(event: dict[str, Any]) -> tuple[PersonFields, ...]:
    return tuple(p for value in _list(event.get("persons"), "persons") if (p := _person(value)))


def _links(item: dict[str, Any]) -> Iterator[tuple[str | None, str]]:
    for link in _list(item.get("links"), "links"):
        if isinstance(link, dict):
            if url := clean(link.get("url")):
                yield clean(link.get("title")), url
        elif url := clean(link):
            yield None, url


def _event(
    event: dict[str, Any], day: tuple[str | None, str | None], room: str, found: _Found
) -> EventFields:
    lenient = Lenient()
    guid, event_id = lenient.text("guid", event.get("guid")), lenient.text("id", event.get("id"))
    label = event_label(event_id, guid)
    persons: tuple[PersonFields, ...] = lenient.read("persons", lambda: _persons(event), ())
    found.people += (person for person in persons if person.biography or person.links)
    return EventFields(
        label=label,
        guid=guid,
        event_id=event_id,
        **{field: lenient.text(key, event.get(key)) for field, key in FRAB_TEXT_FIELDS.items()},
        day_date=day[0],
        day_start=day[1],
        persons=tuple(person.name for person in persons),
        person_keys=tuple(person.key for person in persons),
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
    events: Any, where: str, day: tuple[str | None, str | None], room: str, found: _Found
) -> Iterator[EventFields]:
    if not isinstance(events, list):
        found.notes.append(ImportNote(where, "is not a list of events: none read", Fix.IGNORED))
        return
    for number, event in enumerate(events, 1):
        if isinstance(event, dict):
            yield _event(event, day, room, found)
        else:
            found.notes.append(
                ImportNote(f"{where}, event {number}", "is not an object", Fix.SKIPPED)
            )


def _events(days: list[dict[str, Any]], found: _Found) -> Iterator[EventFields]:
    """The events of every day; what is not shaped as a day's rooms and events is noted."""
    for index, day in enumerate(days):
        lenient = Lenient()
        date = lenient.text("date", day.get("date"))
        start = lenient.text("day_start", day.get("day_start"))
        name = f"day {date or index + 1}"
        found.notes += lenient.ignored(name)
        rooms = day.get("rooms") or {}
        if not isinstance(rooms, dict):
            found.notes.append(
                ImportNote(name, "rooms is not an object: no events read", Fix.IGNORED)
            )
            continue
        for room, events in rooms.items():
            yield from _room_events(events, f"{name}, room {room!r}", (date, start), room, found)


def read_c3voc(data: Any) -> ScheduleFields:
    """The schedule in a c3voc document parsed from its JSON (`importers.pipeline` reads
    it from the parse that recognised it, rather than parse it twice)."""
    schedule = _object(_object(data, "the document").get("schedule"), "schedule")
    conference = _object(schedule.get("conference"), "schedule.conference")
    found = _Found()
    days = _days(conference, found.notes)
    events = tuple(_events(days, found))
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
        subtitle=said.text("subtitle", conference.get("subtitle")),
        venue=said.text("venue", conference.get("venue")),
        city=said.text("city", conference.get("city")),
        people=tuple(found.people),
    )
    return fields._replace(reader_notes=(*found.notes, *said.ignored("the conference")))
