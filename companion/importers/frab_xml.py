"""The reader of frab / Pentabarf `schedule.xml` (as pretalx and frab export it).

Parsed with defusedxml: no entity expansion, no external entities, so an
untrusted file cannot make the parser fetch or balloon anything.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

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


def _text(element: Element | None, tag: str) -> str | None:
    child = element.find(tag) if element is not None else None
    return clean(child.text) if child is not None else None


def _links(element: Element) -> Links:
    return tuple(
        (clean(link.text), href)
        for link in element.iterfind("links/link")
        if (href := clean(link.get("href")))
    )


def _person(person: Element) -> PersonFields | None:
    """A <person>: named by its text in an event, or by a child element in a list of
    people, which may also give a biography and links."""
    names = (_text(person, tag) for tag in ("public_name", "full_public_name", "name"))
    name = clean(person.text) or next(filter(None, names), None)
    if name is None:
        return None
    key = clean(person.get("id")) or clean(person.get("guid"))
    return PersonFields(key, name, _text(person, "biography"), _links(person))


def _people(element: Element) -> tuple[PersonFields, ...]:
    return tuple(person for p in element.iterfind("persons/person") if (person := _person(p)))


def _event(event: Element, day: Element) -> EventFields:
    guid, event_id = clean(event.get("guid")), clean(event.get("id"))
    label = event_label(event_id, guid)
    with problems_named(label):
        persons = _people(event)
        return EventFields(
            label=label,
            guid=guid,
            event_id=event_id,
            **{field: _text(event, tag) for field, tag in FRAB_TEXT_FIELDS.items()},
            day_date=clean(day.get("date")),
            day_start=clean(day.get("start")),
            persons=tuple(person.name for person in persons),
            person_keys=tuple(person.key for person in persons),
            room=_text(event, "room") or clean(event.get("room")),
            links=_links(event),
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
        subtitle=_text(conference, "subtitle"),
        venue=_text(conference, "venue"),
        city=_text(conference, "city"),
        people=_people(root),  # a list of people apart from the events, as FOSDEM publishes
    )
