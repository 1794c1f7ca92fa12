"""What the schedule table lists: the view it shows, and a row per slot and talk, with the
date above a row where the date shown changes."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime, tzinfo
from typing import NamedTuple

from companion.clock import is_over
from companion.places import shows
from companion.program import Talk
from companion.records import Slot, SlotKind

SLOT_ROW_PREFIX = "slot:"
TALK_HEIGHT = 2  # the title, then room, authors and affiliation


class ScheduleView(NamedTuple):
    """What the table shows: which day, which rooms and tracks, in which zone, at what time."""

    zone: tzinfo
    starred: AbstractSet[str]
    now: datetime
    day: date | None = None
    places: frozenset[str] = frozenset()  # "room:NAME" / "track:NAME"; empty shows all
    hide_past: bool = False  # leave out what is over (what is on now always stays)

    def shows(self, talk: Talk) -> bool:
        return shows(self.places, talk.room, talk.track)

    def is_over(self, entry: Slot | Talk) -> bool:
        return is_over(entry.start, entry.end, self.now)


class Row(NamedTuple):
    """An entry as the table lists it, with the date above it where the shown date changes."""

    entry: Slot | Talk
    date_line: date | None = None


def list_rows(entries: Sequence[Slot | Talk], zone: tzinfo) -> list[Row]:
    """The entries, in time order; when `zone` puts them on more than one date, the first
    row and each row after midnight carry their date."""
    dates = [entry.start.astimezone(zone).date() for entry in entries]
    if len(set(dates)) < 2:
        return [Row(entry) for entry in entries]
    return [
        Row(entry, shown if index == 0 or shown != dates[index - 1] else None)
        for index, (entry, shown) in enumerate(zip(entries, dates, strict=True))
    ]


def row_key(entry: Slot | Talk) -> str:
    return entry.id if isinstance(entry, Talk) else f"{SLOT_ROW_PREFIX}{entry.id}"


def row_height(row: Row) -> int:
    """A talk's title, then room, authors and affiliation; a slot's title (and for a related
    event, that it is not part of this one); a date above either where the date changes."""
    entry = row.entry
    height = TALK_HEIGHT if isinstance(entry, Talk) or entry.kind is SlotKind.RELATED else 1
    return height + (1 if row.date_line else 0)
