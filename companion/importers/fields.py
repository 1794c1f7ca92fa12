"""What a reader yields: a schedule's fields as its file gives them, in one shape for every
format, cleaned of control characters but not yet interpreted (see `importers.document`)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

from companion.text import strip_controls

_T = TypeVar("_T")


class ImportProblem(ValueError):
    """A problem in an imported file; the message says where (an event, a field)."""


class Fix(StrEnum):
    """What an import did with an event it could not take as the file gives it."""

    SKIPPED = "skipped"
    MOMENT = "moment"  # loaded without a usable length: a moment at its start
    NEW_ID = "new id"  # loaded under another id than the file's
    PROGRAM_ZONE = "program zone"  # its times read in the program's zone: its own is unknown
    FIRST_OCCURRENCE = "first occurrence"  # a repeating event, loaded once
    DROPPED = "dropped"  # loaded without a field of the wrong type
    IGNORED = "ignored"  # a value of the file, not of one event, that could not be used
    REFILED = "refiled"  # filed under the day it starts, not the far-away day it is listed


class ImportNote(NamedTuple):
    """One event the import adjusted or skipped, and why (worded by `companion.present`)."""

    event: str  # the event's label, with its title when it has one
    problem: str
    fix: Fix
    new_id: str | None = None  # for Fix.NEW_ID


def clean(value: Any) -> str | None:
    """A stripped string without control characters, or None for missing or blank values."""
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ImportProblem(f"expected text, found {type(value).__name__}")
    text = strip_controls(str(value)).strip()
    return text or None


class Lenient:
    """Reads an event's fields, taking a field of the wrong type as absent and noting it,
    so that one mangled field costs at most its event, never the document."""

    def __init__(self) -> None:
        self.unreadable: list[tuple[str, str]] = []  # (field, what is wrong with it, named)

    def read(self, field: str, read: Callable[[], _T], absent: _T) -> _T:
        """What `read` reads, else `absent` when it finds the field of the wrong type."""
        try:
            return read()
        except ImportProblem as problem:
            named = str(problem) if str(problem).startswith(field) else f"{field}: {problem}"
            self.unreadable.append((field, named))
            return absent

    def ignored(self, name: str) -> list[ImportNote]:
        """A note for each field read as absent, of `name`, whose value the import ignored."""
        return [ImportNote(name, why, Fix.IGNORED) for _, why in self.unreadable]

    def text(self, field: str, value: Any) -> str | None:
        if value is None or isinstance(value, str | int | float):
            return clean(value)
        kinds: dict[type, str] = {dict: "an object", list: "a list"}
        kind = kinds.get(type(value), type(value).__name__)
        self.unreadable.append((field, f"{field} is {kind}, not text"))
        return None


def event_label(event_id: str | None, guid: str | None) -> str:
    """How errors name an event: by the id the file gives it."""
    return f"event {event_id or guid or '?'}"


# The fields of an event that are one line of text, by their name in frab's schedule.xml
# (an element) and c3voc's schedule.json (a key), which name them alike.
FRAB_TEXT_FIELDS = {
    "title": "title",
    "date": "date",
    "start": "start",
    "duration": "duration",
    "subtitle": "subtitle",
    "track": "track",
    "kind": "type",
    "language": "language",
    "abstract": "abstract",
    "description": "description",
    "url": "url",
    "slug": "slug",
}


Links = tuple[tuple[str | None, str], ...]  # label (None: unlabelled) and URL


class PersonFields(NamedTuple):
    """A person as the file describes them, with what it says of them."""

    key: str | None  # the file's own id for them (an id, a code, a guid), if it gives one
    name: str
    biography: str | None = None
    links: Links = ()


class EventFields(NamedTuple):
    """One event. Its start is `date` (a date and time), else `start` (a time of day) on
    its day's date; its end is `duration` later."""

    label: str  # names the event in errors (see `event_label`)
    guid: str | None
    event_id: str | None
    title: str | None
    date: str | None
    start: str | None
    duration: str | None
    day_date: str | None  # the date of the day the file lists the event under
    day_start: str | None  # when that day begins (an ISO 8601 date and time), if said
    persons: tuple[str, ...] = ()
    person_keys: tuple[str | None, ...] = ()  # the file's ids of `persons`, in step, if given
    subtitle: str | None = None
    room: str | None = None
    track: str | None = None
    kind: str | None = None
    language: str | None = None
    abstract: str | None = None
    description: str | None = None
    url: str | None = None  # the event's own page
    links: Links = ()
    slug: str | None = None  # a short name for it, as in its page's address
    unreadable: tuple[tuple[str, str], ...] = ()  # fields of the wrong type, read as absent


class ScheduleFields(NamedTuple):
    """The conference and its events, in the file's order."""

    title: str | None
    acronym: str | None
    start: str | None
    end: str | None
    time_zone: str | None  # an IANA name; None: UTC
    day_change: str | None  # the time of day at which a day begins, if said
    url: str | None
    version: str | None
    day_dates: tuple[str, ...]
    events: tuple[EventFields, ...]
    # The events the reader itself skipped or adjusted, and why (a format's own rules).
    reader_notes: tuple[ImportNote, ...] = ()
    subtitle: str | None = None
    venue: str | None = None  # the venue's name
    city: str | None = None
    people: tuple[PersonFields, ...] = ()  # those the file says more of than a name
