"""frab / Pentabarf `schedule.xml` (as pretalx and frab export it) to a native program.

Parsed with defusedxml: no entity expansion, no external entities, so an
untrusted file cannot make the parser fetch or balloon anything.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

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


def _text(element: Element | None, tag: str) -> str | None:
    child = element.find(tag) if element is not None else None
    return clean(child.text) if child is not None else None


def _event(event: Element, day: Day, zone: ZoneInfo, ids: IdMaker) -> dict[str, Any]:
    title = _text(event, "title")
    if not title:
        raise ImportProblem("has no title")
    start = event_start(_text(event, "date"), _text(event, "start"), day, zone)
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


def read_frab_xml(xml: str | bytes) -> tuple[dict[str, Any], list[str]]:
    """The native document and, per talk, a label naming the event for error messages.

    `xml` is text when a byte-order mark said how to decode it, else bytes, decoded as
    their XML declaration says.
    """
    try:
        root = fromstring(xml)
    except DefusedXmlException as error:  # before ValueError: it is one
        raise ImportProblem(f"refused unsafe XML ({type(error).__name__})") from None
    except ParseError as error:
        raise ImportProblem(f"not well-formed XML ({error})") from None
    except (LookupError, ValueError) as error:  # an encoding unknown, or multi-byte (UTF-7)
        raise ImportProblem(f"not readable XML ({error})") from None
    if root.tag != "schedule":
        raise ImportProblem(f"root element is <{root.tag}>, not <schedule>")
    conference = root.find("conference")
    if conference is None:
        raise ImportProblem("no <conference> element")
    title = _text(conference, "title")
    if not title:
        raise ImportProblem("the conference has no <title>")
    zone = time_zone(_text(conference, "time_zone_name"))
    day_change = _text(conference, "day_change")
    ids, talks, labels = IdMaker(), [], []
    days = root.findall("day")
    for day in days:
        described = Day(clean(day.get("date")), clean(day.get("start")), day_change)
        for event in day.iter("event"):
            label = f"event {event.get('id') or event.get('guid') or '?'}"
            try:
                talk = _event(event, described, zone, ids)
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
