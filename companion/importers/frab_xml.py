"""frab / Pentabarf `schedule.xml` (as pretalx and frab export it) to a native program.

Parsed with defusedxml: no entity expansion, no external entities, so an
untrusted file cannot make the parser fetch or balloon anything.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from companion.importers.common import (
    IdMaker,
    ImportProblem,
    clean,
    end_of,
    parse_duration,
    parse_moment,
    program_document,
)


def _text(element: Element | None, tag: str) -> str | None:
    child = element.find(tag) if element is not None else None
    return clean(child.text) if child is not None else None


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportProblem(f"unknown time zone {name!r}") from None


def _event(event: Element, day: Element, zone: ZoneInfo, ids: IdMaker) -> dict[str, Any]:
    title = _text(event, "title")
    if not title:
        raise ImportProblem("has no title")
    when = _text(event, "date")
    if when:
        start = parse_moment(when, zone)
    else:
        day_date, start_time = day.get("date"), _text(event, "start")
        if not day_date or not start_time:
            raise ImportProblem("has neither <date> nor a day date and <start>")
        start = parse_moment(f"{day_date}T{start_time}", zone)
    duration = parse_duration(_text(event, "duration") or "")
    persons = event.find("persons")
    authors = [name for p in (persons if persons is not None else []) if (name := clean(p.text))]
    links = [
        {"label": clean(link.text) or "Link", "url": href}
        for link in event.iterfind("links/link")
        if (href := clean(link.get("href")))
    ]
    if url := _text(event, "url"):
        links.insert(0, {"label": "Event page", "url": url})
    return {
        "id": ids.make(clean(event.get("guid")), clean(event.get("id")), title),
        "title": title,
        "subtitle": _text(event, "subtitle"),
        "authors": authors,
        "start": start.isoformat(),
        "end": end_of(start, duration).isoformat(),
        "room": _text(event, "room") or clean(event.get("room")),
        "track": _text(event, "track"),
        "kind": _text(event, "type"),
        "language": _text(event, "language"),
        "abstract": _text(event, "abstract"),
        "description": _text(event, "description"),
        "links": [link for link in links if link["url"].startswith(("http://", "https://"))],
    }


def read_frab_xml(raw: bytes) -> tuple[dict[str, Any], list[str]]:
    """The native document and, per talk, a label naming the event for error messages."""
    try:
        root = fromstring(raw)
    except DefusedXmlException as error:
        raise ImportProblem(f"refused unsafe XML ({type(error).__name__})") from None
    except ParseError as error:
        raise ImportProblem(f"not well-formed XML ({error})") from None
    except LookupError as error:  # an <?xml encoding=...?> Python does not know
        raise ImportProblem(f"not readable XML ({error})") from None
    if root.tag != "schedule":
        raise ImportProblem(f"root element is <{root.tag}>, not <schedule>")
    conference = root.find("conference")
    if conference is None:
        raise ImportProblem("no <conference> element")
    title = _text(conference, "title")
    if not title:
        raise ImportProblem("the conference has no <title>")
    zone = _zone(_text(conference, "time_zone_name"))
    ids, talks, labels = IdMaker(), [], []
    days = root.findall("day")
    for day in days:
        for event in day.iter("event"):
            label = f"event {event.get('id') or event.get('guid') or '?'}"
            try:
                talk = _event(event, day, zone, ids)
            except ImportProblem as problem:
                raise ImportProblem(f"{label}: {problem}") from None
            talks.append(talk)
            labels.append(f"{label} ({talk['title']!r})")
    document = program_document(
        title=title,
        acronym=_text(conference, "acronym"),
        start=_text(conference, "start"),
        end=_text(conference, "end"),
        day_dates=[d for day in days if (d := clean(day.get("date")))],
        zone=zone,
        url=_text(conference, "base_url") or _text(conference, "url"),
        version=_text(root, "version"),
        talks=talks,
    )
    return document, labels
