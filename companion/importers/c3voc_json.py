"""c3voc `schedule.json` (the JSON twin of frab's schedule.xml) to a native program."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from companion.importers.common import (
    Day,
    IdMaker,
    ImportProblem,
    clean,
    end_of,
    event_start,
    parse_duration,
    program_document,
    time_zone,
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


def _links(event: dict[str, Any]) -> list[dict[str, str]]:
    links = []
    if url := clean(event.get("url")):
        links.append({"label": "Event page", "url": url})
    for link in _list(event.get("links"), "links"):
        if isinstance(link, dict):
            if url := clean(link.get("url")):
                links.append({"label": clean(link.get("title")) or "Link", "url": url})
        elif url := clean(link):
            links.append({"label": "Link", "url": url})
    return [link for link in links if link["url"].startswith(("http://", "https://"))]


def _event(
    event: dict[str, Any], day: Day, room: str, zone: ZoneInfo, ids: IdMaker
) -> dict[str, Any]:
    title = clean(event.get("title"))
    if not title:
        raise ImportProblem("has no title")
    start = event_start(clean(event.get("date")), clean(event.get("start")), day, zone)
    duration = parse_duration(clean(event.get("duration")) or "")
    authors = [name for p in _list(event.get("persons"), "persons") if (name := _person(p))]
    return {
        "id": ids.make(clean(event.get("guid")), clean(event.get("id")), title),
        "title": title,
        "subtitle": clean(event.get("subtitle")),
        "authors": authors,
        "start": start.isoformat(),
        "end": end_of(start, duration).isoformat(),
        "room": clean(event.get("room")) or room,
        "track": clean(event.get("track")),
        "kind": clean(event.get("type")),
        "language": clean(event.get("language")),
        "abstract": clean(event.get("abstract")),
        "description": clean(event.get("description")),
        "links": _links(event),
    }


def read_c3voc_json(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The native document and, per talk, a label naming the event for error messages."""
    schedule = _object(data.get("schedule"), "schedule")
    conference = _object(schedule.get("conference"), "schedule.conference")
    title = clean(conference.get("title"))
    if not title:
        raise ImportProblem("the conference has no title")
    zone = time_zone(clean(conference.get("time_zone_name")))
    day_change = clean(conference.get("day_change"))
    ids, talks, labels = IdMaker(), [], []
    dates = []
    for day_index, day_value in enumerate(_list(conference.get("days"), "conference.days")):
        day = _object(day_value, f"days[{day_index}]")
        described = Day(clean(day.get("date")), clean(day.get("day_start")), day_change)
        if described.date:
            dates.append(described.date)
        rooms = _object(day.get("rooms") or {}, f"days[{day_index}].rooms")
        for room, events in rooms.items():
            for event_value in _list(events, f"room {room!r}"):
                event = _object(event_value, f"an event in room {room!r}")
                label = f"event {clean(event.get('id')) or clean(event.get('guid')) or '?'}"
                try:
                    talk = _event(event, described, str(room), zone, ids)
                except ImportProblem as problem:
                    raise ImportProblem(f"{label}: {problem}") from None
                talks.append(talk)
                labels.append(f"{label} ({talk['title']!r})")
    document = program_document(
        title=title,
        acronym=clean(conference.get("acronym")),
        start=clean(conference.get("start")),
        end=clean(conference.get("end")),
        day_dates=dates,
        zone=zone,
        url=clean(conference.get("url")) or clean(schedule.get("base_url")),
        version=clean(schedule.get("version")),
        talks=talks,
    )
    return document, labels
