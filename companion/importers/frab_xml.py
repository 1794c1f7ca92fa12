"""The reader of frab / Pentabarf `schedule.xml` (as pretalx and frab export it).

Parsed with defusedxml: no entity expansion, no external entities, so an
untrusted file cannot make the parser fetch or balloon anything.
"""

from __future__ import annotations

from functools import partial
from typing import Any, NamedTuple
from xml.etree.ElementTree import Element, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from companion.importers.fields import (
    FRAB_TEXT_FIELDS,
    EventFields,
    ImportProblem,
    Lenient,
    Links,
    PersonFields,
    ScheduleFields,
    clean,
    event_label,
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


def _links(element: Element) -> Links:
    return tuple(
        (_only_text(link), href)
        for link in element.iterfind("links/link")
        if (href := clean(link.get("href")))
    )


def _person(person: Element) -> PersonFields | None:
    """A <person>: named by its text in an event, or by a child element in a list of
    people, which may also give a biography and links."""
    if len(person):
        names = (_text(person, tag) for tag in ("public_name", "full_public_name", "name"))
        name = next(filter(None, names), None)
        if name is None:  # <person><b>José</b> Cano</person>: markup, not a list's entry
            raise ImportProblem("person holds elements where text is expected")
    else:
        name = clean(person.text)
    if name is None:
        return None
    key = clean(person.get("id")) or clean(person.get("guid"))
    return PersonFields(key, name, _text(person, "biography"), _links(person))


def _people(element: Element) -> tuple[PersonFields, ...]:
    return tuple(person for p in element.iterfind("persons/person") if (person := _person(p)))


def _event(event: Element, day: Element | None, room: str | None) -> EventFields:
    """An event of `day` (None for one listed outside the days), in the room of that name
    (the <room> element it is listed in, for an event that names none itself)."""
    guid, event_id = clean(event.get("guid")), clean(event.get("id"))
    label = event_label(event_id, guid)
    lenient = Lenient()
    persons: tuple[PersonFields, ...] = lenient.read("persons", partial(_people, event), ())
    return EventFields(
        label=label,
        guid=guid,
        event_id=event_id,
        **{field: _field(lenient, event, tag) for field, tag in FRAB_TEXT_FIELDS.items()},
        day_date=None if day is None else clean(day.get("date")),
        day_start=None if day is None else clean(day.get("start")),
        persons=tuple(person.name for person in persons),
        person_keys=tuple(person.key for person in persons),
        room=_field(lenient, event, "room") or clean(event.get("room")) or room,
        links=lenient.read("links", partial(_links, event), ()),
        unreadable=tuple(lenient.unreadable),
    )


MAX_DEPTH = 64  # frab nests six deep
MAX_ELEMENTS = 5_000_000  # a 50,000-talk schedule has about a million


class _ScheduleBuilder(TreeBuilder):
    """ElementTree's tree builder, stopping a document that nests or repeats without
    end before it is built (120 MB of unclosed elements took 11 GB and 80 s to refuse),
    and reading each event of the schedule as soon as it is closed, then letting go of
    its elements: at 50,000 talks the whole tree was 200 MiB of an import's peak."""

    def __init__(self) -> None:
        super().__init__()
        self._open: list[Element] = []  # the elements not yet closed, outermost first
        self._elements = 0
        self.events: list[EventFields] = []

    def start(self, tag: Any, attrs: dict[Any, Any], /) -> Element:
        self._elements += 1
        if len(self._open) >= MAX_DEPTH:
            raise ImportProblem(f"elements nested more than {MAX_DEPTH} deep")
        if self._elements > MAX_ELEMENTS:
            raise ImportProblem(f"more than {MAX_ELEMENTS:,} elements")
        element = super().start(tag, attrs)
        self._open.append(element)
        return element

    def end(self, tag: Any, /) -> Element:
        element = super().end(tag)
        self._open.pop()
        if tag == "event" and self._listed():
            # With the events it holds, in the order `iter` gives (a day's own `iter`
            # would list them so); it is its parent's last child, being the last opened.
            day, room = self._within("day"), self._within("room")
            room_name = None if room is None else clean(room.get("name"))
            self.events.extend(_event(event, day, room_name) for event in element.iter("event"))
            del self._open[-1][-1]
        return element

    def _listed(self) -> bool:
        """Whether the event just closed is one the schedule lists: within one of its days
        and not within another event (which is read with those it holds), or, as a file
        made by hand may list one, beside the days: in the schedule itself or in one of
        its rooms (its times then come from its own <date>; one without is noted). Events
        further away (in a list of their own, say) may repeat those of the days."""
        ancestors = self._open
        if not ancestors or ancestors[0].tag != "schedule":
            return False
        if len(ancestors) >= 2 and ancestors[1].tag == "day":
            return all(element.tag != "event" for element in ancestors[2:])
        return len(ancestors) == 1 or (len(ancestors) == 2 and ancestors[1].tag == "room")

    def _within(self, tag: str) -> Element | None:
        """The innermost element named `tag` the event just closed is listed in, if any."""
        return next((element for element in reversed(self._open) if element.tag == tag), None)


class Parsed(NamedTuple):
    root: Element  # the document, without its events
    events: tuple[EventFields, ...]  # its events, in order


def parse_xml(xml: str | bytes) -> Parsed:
    """defusedxml's `fromstring`, building the tree with `_ScheduleBuilder`."""
    builder = _ScheduleBuilder()
    parser = DefusedXMLParser(target=builder)
    parser.feed(xml)
    root: Element = parser.close()
    return Parsed(root, tuple(builder.events))


def _parsed(xml: str | bytes) -> Parsed:
    try:
        return parse_xml(xml)
    except ImportProblem as problem:  # a limit of `_ScheduleBuilder`; before ValueError
        raise ImportProblem(f"refused XML ({problem})") from None
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
    root, events = _parsed(xml)
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
        events=events,
        subtitle=_field(said, conference, "subtitle"),
        venue=_field(said, conference, "venue"),
        city=_field(said, conference, "city"),
        # A list of people apart from the events, as FOSDEM publishes.
        people=said.read("persons", partial(_people, root), ()),
    )
    return fields._replace(reader_notes=tuple(said.ignored("the conference")))
