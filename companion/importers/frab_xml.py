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


def _field(lenient: Lenient, element: Element, tag: str) -> str | None:
    return lenient.read(tag, partial(_text, element, tag), None)


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
            **{field: _field(lenient, event, tag) for field, tag in FRAB_TEXT_FIELDS.items()},
            day_date=clean(day.get("date")),
            day_start=clean(day.get("start")),
            persons=lenient.read("persons", partial(_persons, event), ()),
            room=_field(lenient, event, "room") or clean(event.get("room")),
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
    said = Lenient()  # a conference's element holding elements is ignored, and noted
    fields = ScheduleFields(
        title=_field(said, conference, "title"),
        acronym=_field(said, conference, "acronym"),
        start=_field(said, conference, "start"),
        end=_field(said, conference, "end"),
        time_zone=_field(said, conference, "time_zone_name"),
        day_change=_field(said, conference, "day_change"),
        url=_field(said, conference, "base_url") or _field(said, conference, "url"),
        version=_field(said, root, "version"),
        day_dates=tuple(d for day in days if (d := clean(day.get("date")))),
        events=tuple(_event(event, day) for day in days for event in day.iter("event")),
    )
    return fields._replace(reader_notes=tuple(said.ignored("the conference")))
