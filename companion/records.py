"""The program's plain records, read straight from a document already known to be valid.

`companion.program_file` says what a program file may contain and checks it (with
pydantic); that costs a tenth of a second before the first frame, so the
program the app holds is made of these plain records instead, read from
the canonical JSON that validation produces (or from a kept copy whose checksum
proves it was validated). A test keeps their fields in step with the models.

They are named tuples rather than dataclasses because defining a dataclass costs
about a millisecond at import, and start-up defines these before its first frame.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

Document = dict[str, Any]  # a program document as parsed JSON

# Dates outside these years are refused: far from any conference, and near the ends of the
# calendar, where adding an hour or converting a zone overflows.
PLAUSIBLE_YEARS = range(1970, 2200)


class SlotKind(StrEnum):
    OPENING = "opening"
    SESSION = "session"
    BREAK = "break"
    MEAL = "meal"
    CLOSING = "closing"
    RELATED = "related"
    OTHER = "other"


def moment(text: str | None) -> datetime | None:
    """An ISO 8601 date-time with its offset (validation guarantees one); None stays None."""
    return None if text is None else datetime.fromisoformat(text)


class Link(NamedTuple):
    label: str
    url: str


def links(data: Document) -> tuple[Link, ...]:
    return tuple(Link(link["label"], link["url"]) for link in data.get("links", ()))


class Venue(NamedTuple):
    name: str
    address: str | None = None
    room: str | None = None
    city: str | None = None


class Profile(NamedTuple):
    """What the program says of a person who gives talks, beyond their name."""

    id: str
    name: str
    biography: str | None = None
    links: tuple[Link, ...] = ()
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_document(cls, data: Document) -> Profile:
        return cls(
            data["id"],
            data["name"],
            data.get("biography"),
            links(data),
            tuple(data.get("aliases", ())),
        )


class Organizer(NamedTuple):
    name: str
    affiliation: str | None = None


class Conference(NamedTuple):
    id: str
    name: str
    title: str
    start_date: date
    end_date: date
    timezone: str
    co_located_with: str | None = None
    venue: Venue | None = None
    links: tuple[Link, ...] = ()
    contact: str | None = None
    organizers: tuple[Organizer, ...] = ()
    scope: str | None = None
    notes: tuple[str, ...] = ()
    program_version: str | None = None
    presenters: str = "authors"  # or "speakers": what the program calls them
    subtitle: str | None = None

    @classmethod
    def from_document(cls, data: Document) -> Conference:
        venue = data.get("venue")
        return cls(
            id=data["id"],
            name=data["name"],
            title=data["title"],
            co_located_with=data.get("co_located_with"),
            start_date=date.fromisoformat(data["start_date"]),
            end_date=date.fromisoformat(data["end_date"]),
            timezone=data["timezone"],
            venue=None if venue is None else Venue(**venue),
            links=links(data),
            contact=data.get("contact"),
            organizers=tuple(Organizer(**item) for item in data.get("organizers", ())),
            scope=data.get("scope"),
            notes=tuple(data.get("notes", ())),
            program_version=data.get("program_version"),
            presenters=data.get("presenters", "authors"),
            subtitle=data.get("subtitle"),
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def venue_line(self) -> str:
        """The venue's name, address and city on one line ("" when the program names none)."""
        if self.venue is None:
            return ""
        venue = self.venue
        return ", ".join(part for part in (venue.name, venue.address, venue.city) if part)


class Slot(NamedTuple):
    """One item of the day: a session, a break, the opening, a related event..."""

    id: str
    kind: SlotKind
    title: str
    start: datetime
    end: datetime | None = None
    note: str | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_document(cls, data: Document) -> Slot:
        return cls(
            id=data["id"],
            kind=SlotKind(data["kind"]),
            title=data["title"],
            start=datetime.fromisoformat(data["start"]),
            end=moment(data.get("end")),
            note=data.get("note"),
            links=links(data),
        )
