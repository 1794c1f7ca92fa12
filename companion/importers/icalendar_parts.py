"""The parts of an iCalendar (RFC 5545) document a program is read from: the calendar's
own properties, its time zones' ids and its events' properties, in one flat pass.

The lines are unfolded here, one at a time, and the `icalendar` library splits each
into its name, parameters and value; its component tree is not built. That tree is
walked recursively, and parsing it evaluates the rules of every custom VTIMEZONE into a
cache shared by the whole process; reading only the calendar's top-level events, with a
list for the open components, keeps a hostile file's nesting and zones costing no more
than its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from icalendar.parser import Contentline, Parameters, split_on_unescaped_comma
from icalendar.parser.property import unescape_backslash

from companion.importers.fields import ImportProblem, clean


class Value(NamedTuple):
    params: Parameters
    raw: str  # as the file writes it, escapes and all


class Properties:
    """One component's properties, by upper-case name; the first of each is the one read."""

    def __init__(self) -> None:
        self._values: dict[str, list[Value]] = {}

    def add(self, name: str, value: Value) -> None:
        self._values.setdefault(name, []).append(value)

    def __contains__(self, name: str) -> bool:
        return name in self._values

    def first(self, name: str) -> Value | None:
        values = self._values.get(name)
        return values[0] if values else None

    def raw(self, name: str) -> str | None:
        """The value unescaped as a URI or a date is: not at all."""
        value = self.first(name)
        return clean(value.raw) if value else None

    def text(self, name: str) -> str | None:
        """A TEXT value, its escapes (\\n, \\, and \\;) undone; None when blank."""
        value = self.first(name)
        return clean(unescape_backslash(value.raw)) if value else None

    def texts(self, name: str) -> list[str]:
        """The items of every list of TEXT values under `name` (CATEGORIES)."""
        return [
            item
            for value in self._values.get(name, [])
            for part in split_on_unescaped_comma(value.raw)
            if (item := clean(part))
        ]


class CalendarParts(NamedTuple):
    calendar: Properties
    zone_ids: list[str]  # the TZID of each VTIMEZONE, in the file's order
    events: list[Properties]  # the calendar's VEVENTs, in the file's order


_PLAIN_NAME = re.compile(r"[A-Za-z0-9-]+")
_NO_PARAMETERS = Parameters()  # shared by every line without any: read, never changed


def _split(line: Contentline) -> tuple[str, Parameters, str]:
    """A line's name, parameters and raw value. Most lines have no parameters: those are
    split here at their first colon; the library's splitter, which reads a line character
    by character in Python, splits the rest (ValueError when it cannot)."""
    name, colon, raw = line.partition(":")
    if colon and _PLAIN_NAME.fullmatch(name):
        return name, _NO_PARAMETERS, raw
    parts: tuple[str, Parameters, str] = line.raw_parts()
    return parts


# As the `icalendar` library (7.x) unfolds and splits lines: a line break, any blank lines
# after it, then a space or tab, is a fold (written so that no run is matched again and
# again); lines end at a line feed, with or without a carriage return.
_UNFOLD = re.compile(r"(?:(?<!\n)\r\n|(?<![\r\n])\n)(?:\r?\n)*[ \t]")
_LINE_END = re.compile(r"\r?\n")


def _lines(text: str) -> Iterator[Contentline]:
    """The content lines of `text` that are not empty, as `Contentlines.from_ical` gives
    them, but one at a time: its list of them all, made beside a list of their text, was
    twice the file's text at once (500 MiB at 50,000 talks)."""
    unfolded = _UNFOLD.sub("", text)
    start = 0
    for end in _LINE_END.finditer(unfolded):
        if end.start() > start:
            yield Contentline(unfolded[start : end.start()])  # type: ignore[no-untyped-call]
        start = end.end()
    if start < len(unfolded):
        yield Contentline(unfolded[start:])  # type: ignore[no-untyped-call]


def read_parts(text: str) -> CalendarParts:
    """The first VCALENDAR of `text`; ImportProblem when it is not well formed."""
    parts = CalendarParts(Properties(), [], [])
    open_components: list[str] = []
    for number, line in enumerate(_lines(text), start=1):
        if not line:
            continue
        try:
            name, params, raw = _split(line)
        except ValueError:
            raise ImportProblem(f"content line {number} is not NAME:VALUE") from None
        name = name.upper()
        if name == "BEGIN":
            component = raw.strip().upper()
            if not open_components and component != "VCALENDAR":
                raise ImportProblem(f"content line {number} begins a component outside VCALENDAR")
            if open_components == ["VCALENDAR"] and component == "VEVENT":
                parts.events.append(Properties())
            open_components.append(component)
        elif name == "END":
            if not open_components or open_components[-1] != raw.strip().upper():
                raise ImportProblem(f"content line {number} ends a component it did not begin")
            open_components.pop()
            if not open_components:
                return parts
        elif not open_components:
            raise ImportProblem(f"content line {number} is outside BEGIN:VCALENDAR")
        elif len(open_components) == 1:
            parts.calendar.add(name, Value(params, raw))
        elif len(open_components) == 2 and open_components[1] == "VEVENT":
            parts.events[-1].add(name, Value(params, raw))
        elif open_components[1:] == ["VTIMEZONE"] and name == "TZID":
            parts.zone_ids.append(unescape_backslash(raw).strip())
    raise ImportProblem("it ends before END:VCALENDAR (is the file cut short?)")
