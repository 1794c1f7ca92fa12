"""What pretalx, Indico and Sched write in their iCalendar programs beyond RFC 5545, read
only where each writes it the same way every time (their exporters' own code shows how):

- pretalx: PRODID "-//pretalx//HOST//EVENT", no calendar name; SUMMARY "Title - Speaker,
  Speaker"; URL the talk's page, .../talk/CODE/.
- Indico: PRODID "-//CERN//INDICO//EN", no calendar name; DESCRIPTION "Speakers: Name
  (Affiliation), ...", the description, then the page's address; UID
  indico-contribution-ID@HOST; URL .../event/EVENT/contributions/ID/.
- Sched: PRODID "-//Sched.com NAME//EN", X-WR-CALNAME the event's slug; URL
  .../event/ID.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import SplitResult, urlsplit

from companion.importers.fields import ImportProblem, clean
from companion.importers.icalendar_parts import CalendarParts, Properties

_PRETALX = "-//pretalx//"  # PRODID "-//pretalx//HOST//EVENT-SLUG"
_SCHED = re.compile(r"-//Sched\.com (?P<name>[^/]+)//", re.IGNORECASE)
_INDICO_EVENT = re.compile(r"/event/(?P<id>\d+)/")
_INDICO_SPEAKERS = "Speakers: "
# The talk's own part of a publisher's page address: pretalx /talk/CODE/, Sched
# /event/ID/slug, Indico /event/1/contributions/123/.
_PAGE_NAME = re.compile(r"/(?:talk|event|contributions)/(?P<name>[^/?#]+)")


class Publisher(NamedTuple):
    pretalx: bool
    indico: bool
    sched_name: str | None


def publisher_of(calendar: Properties) -> Publisher:
    product = calendar.raw("PRODID") or ""
    sched = _SCHED.match(product)
    return Publisher(
        pretalx=product.startswith(_PRETALX),
        indico="//INDICO//" in product.upper(),
        sched_name=clean(sched["name"]) if sched else None,
    )


def _split_outside_parentheses(text: str) -> Iterator[str]:
    depth, start = 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth <= 0:
            yield text[start:index]
            start = index + 1
    yield text[start:]


def _without_affiliation(name: str) -> str:
    """ "Jane Doe (CERN)" -> "Jane Doe"."""
    name = name.strip()
    return name[: name.rfind("(")] if name.endswith(")") and "(" in name else name


def _number_at_end(uid: str) -> str | None:
    """The number that ends a UID or is all of it ("indico-contribution-123")."""
    digits = len(uid) - len(uid.rstrip("0123456789"))
    before = uid[: len(uid) - digits]
    return uid[len(before) :] if digits and (not before or before[-1] in "-_.") else None


def indico_prose(description: str, url: str | None) -> tuple[tuple[str, ...], str | None]:
    """Indico's DESCRIPTION: a "Speakers:" paragraph (names with their affiliations in
    parentheses), the description, then the page's address again."""
    paragraphs = description.split("\n\n")
    speakers: tuple[str, ...] = ()
    if paragraphs[0].startswith(_INDICO_SPEAKERS):
        listed = paragraphs.pop(0).removeprefix(_INDICO_SPEAKERS)
        found = (clean(_without_affiliation(part)) for part in _split_outside_parentheses(listed))
        speakers = tuple(name for name in found if name)
    if url and paragraphs and paragraphs[-1].strip() == url:
        paragraphs.pop()
    return speakers, clean("\n\n".join(paragraphs))


def pretalx_title(summary: str) -> tuple[str | None, tuple[str, ...]]:
    """pretalx's "Title - Speaker, Speaker" (with nothing after the dash when no one)."""
    title, dash, names = summary.rpartition(" -")
    if not dash:
        return clean(summary), ()
    return clean(title), tuple(name for part in names.split(",") if (name := clean(part)))


def short_names(local_uid: str | None, url: str | None) -> tuple[str | None, str | None]:
    """The event's numeric id and its slug, as short names for it: from its UID
    ("indico-contribution-123") or its page's address (pretalx's /talk/CODE/)."""
    page = _PAGE_NAME.findall(address.path) if (address := _split(url)) else []
    named = page[-1] if page else None
    if number := _number_at_end(local_uid or ""):
        return number, named if named != number else None
    if named and named.isdigit():
        return named, None
    return None, named if named and named.lower() != (local_uid or "").lower() else None


def _split(url: str | None) -> SplitResult | None:
    """The parts of an address, or None for one urllib cannot split (an unclosed IPv6
    bracket): the link is still kept, only nothing more is read from it."""
    try:
        return urlsplit(url) if url else None
    except ValueError:
        return None


def calendar_title(parts: CalendarParts, publisher: Publisher) -> str:
    """The calendar's name; a nameless one (pretalx's, Indico's) is named after where its
    events are published."""
    calendar = parts.calendar
    product = calendar.raw("PRODID") or ""
    fields = product.split("//")  # pretalx: "-", "pretalx", host, the event's slug
    pretalx_event = fields[3] if publisher.pretalx and len(fields) > 3 else None
    named = publisher.sched_name or calendar.text("X-WR-CALNAME") or calendar.text("NAME")
    if found := named or clean(pretalx_event):
        return found
    for event in parts.events:
        if (address := _split(event.raw("URL"))) and (host := address.hostname):
            indico = _INDICO_EVENT.search(address.path)
            return f"{host} event {indico['id']}" if publisher.indico and indico else host
    raise ImportProblem("the calendar has no name (X-WR-CALNAME)")
