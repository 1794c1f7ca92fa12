"""The reader of frab / Pentabarf `schedule.xml` (as pretalx and frab export it).

Parsed with defusedxml: no entity expansion, no external entities, so an
untrusted file cannot make the parser fetch or balloon anything.
"""

from __future__ import annotations

from functools import partial
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from companion.importers.fields import (
    FRAB_TEXT_FIELDS,
    EventFields,
    ImportProblem,
    Lenient,
    ScheduleFields,
    clean,
    event_label,
    problems_named,
)


def _only_text(element: Element) -> str | None:
    if len(element):
        raise ImportProblem(f"{element.tag} holds elements where text is expected")
    return clean(element.text)


def _text(element: Element | None, tag: str) -> str | None:
    child = element.find(tag) if element is not None else None
    return _only_text(child) if child is not None else None


def _persons(event: Element) -> tuple[str, ...]:
    persons = event.find("persons")
    return tuple(name for p in (persons if persons is not None else []) if (name := _only_text(p)))


def _links(event: Element) -> tuple[tuple[str | None, str], ...]:
    return tuple(
        (_only_text(link), href)
        for link in event.iterfind("links/link")
        if (href := clean(link.get("href")))
    )


def _event(event: Element, day: Element) -> EventFields:
    guid, event_id = clean(event.get("guid")), clean(event.get("id"))
    label = event_label(event_id, guid)
    lenient = Lenient()
    with problems_named(label):
        return EventFields(
            label=label,
            guid=guid,
            event_id=event_id,
            **{
                field: lenient.read(tag, partial(_text, event, tag), None)
                for field, tag in FRAB_TEXT_FIELDS.items()
            },
            day_date=clean(day.get("date")),
            day_start=clean(day.get("start")),
            persons=lenient.read("persons", partial(_persons, event), ()),
            room=lenient.read("room", partial(_text, event, "room"), None)
            or clean(event.get("room")),
            links=lenient.read("links", partial(_links, event), ()),
            unreadable=tuple(lenient.unreadable),
        )


def _root(xml: str | bytes) -> Element:
    try:
        return fromstring(xml)
    except DefusedXmlException as error:  # before ValueError: it is one
        raise ImportProblem(f"refused unsafe XML ({type(error).__name__})") from None
    except SyntaxError as error:
        # ParseError is a SyntaxError; not ElementTree's own one under defusedxml 0.7.0.
        raise ImportProblem(f"not well-formed XML ({error})") from None
    except (LookupError, ValueError) as error:  # an encoding unknown, or multi-byte (UTF-7)
        raise ImportProblem(f"not readable XML ({error})") from None


def read_frab_xml(xml: str | bytes) -> ScheduleFields:
    """`xml` is text when a byte-order mark said how to decode it, else bytes, decoded as
    their XML declaration says."""
    root = _root(xml)
    if root.tag != "schedule":
        raise ImportProblem(f"root element is <{root.tag}>, not <schedule>")
    conference = root.find("conference")
    if conference is None:
        raise ImportProblem("no <conference> element")
    days = root.findall("day")
    return ScheduleFields(
        title=_text(conference, "title"),
        acronym=_text(conference, "acronym"),
        start=_text(conference, "start"),
        end=_text(conference, "end"),
        time_zone=_text(conference, "time_zone_name"),
        day_change=_text(conference, "day_change"),
        url=_text(conference, "base_url") or _text(conference, "url"),
        version=_text(root, "version"),
        day_dates=tuple(d for day in days if (d := clean(day.get("date")))),
        events=tuple(_event(event, day) for day in days for event in day.iter("event")),
    )
