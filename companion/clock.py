"""Time: the app's clock, what is on now and next, and how times are written.

All datetimes are time-zone aware. Times are shown in the venue's zone unless
the user asks for the terminal's local zone; estimated times carry "≈".
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple
from weakref import WeakKeyDictionary

from companion.program import Program, Talk
from companion.records import PLAUSIBLE_YEARS, Slot, SlotKind

Clock = Callable[[], datetime]
ESTIMATE_MARK = "≈"
# An item without an end time (the Closing) is a moment: it is "now" for this long at most,
# and counts as lasting this long wherever a length is needed (a gap, a clash).
MOMENT = timedelta(minutes=5)


def span_end(start: datetime, end: datetime | None) -> datetime:
    """When an item stops being on: its end, or `MOMENT` after its start when it has no end
    (or an end not after its start)."""
    return end if end is not None and end > start else start + MOMENT


def is_on(start: datetime, end: datetime | None, now: datetime) -> bool:
    """Started by `now` and not yet over (an item without an end is on for a `MOMENT`)."""
    return start <= now < span_end(start, end)


def is_over(start: datetime, end: datetime | None, now: datetime) -> bool:
    """Over by `now`: the past that the schedule dims, or hides when asked."""
    return span_end(start, end) <= now


def system_clock() -> datetime:
    """The real time, aware, in the local zone."""
    return datetime.now().astimezone()


def fixed_clock(moment: datetime) -> Clock:
    """A clock stopped at `moment` (for `--now` and tests)."""
    return lambda: moment


def parse_moment(text: str, zone: tzinfo) -> datetime:
    """Parse ISO 8601; a time without an offset is read in `zone` (the venue's).

    ValueError, with a message naming `text`, when it is not one or lies outside the
    plausible years, where arithmetic on it could run off the calendar.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 date and time") from None
    if moment.year not in PLAUSIBLE_YEARS:
        first, last = PLAUSIBLE_YEARS[0], PLAUSIBLE_YEARS[-1]
        raise ValueError(f"{text!r} is not a plausible date (years {first} to {last})")
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def local_zone() -> tzinfo:
    """The terminal's local time zone."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def instant(moment: datetime) -> datetime:
    """`moment` in UTC, as a key that stands for one instant: two times of one zone
    compare equal by their clocks, even an hour apart where the clock goes back."""
    return moment.astimezone(UTC)


def format_time(moment: datetime, zone: tzinfo, estimated: bool = False) -> str:
    return f"{ESTIMATE_MARK if estimated else ''}{moment.astimezone(zone):%H:%M}"


def format_window(start: datetime, end: datetime | None, zone: tzinfo, estimated: bool) -> str:
    """ "≈16:00–16:27" for an estimate, "17:20–" when no end was published."""
    first = format_time(start, zone, estimated)
    return f"{first}–{end.astimezone(zone):%H:%M}" if end else f"{first}–"


def zone_label(zone: tzinfo, moment: datetime) -> str:
    """The zone's abbreviation at `moment`, with its offset: "AEDT, UTC+11:00"."""
    local = moment.astimezone(zone)
    offset = local.strftime("%z")
    return f"{local.tzname()}, UTC{offset[:3]}:{offset[3:]}"


def format_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


class DayStatus(StrEnum):
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class Item(NamedTuple):
    """One thing on the timeline: a talk, or a slot that holds no talks."""

    title: str
    start: datetime
    end: datetime | None
    estimated: bool
    slot: Slot | None = None
    talk: Talk | None = None
    open_ended: bool = False  # no end was published; `end` is `MOMENT` after its start

    @property
    def shown_end(self) -> datetime | None:
        """The end to show: none where none was published."""
        return None if self.open_ended else self.end

    @property
    def entry(self) -> Slot | Talk:
        """The talk it is, or else the slot."""
        if self.talk is not None:
            return self.talk
        assert self.slot is not None, "an item is a talk or a slot"
        return self.slot

    @property
    def is_related(self) -> bool:
        return self.slot is not None and self.slot.kind is SlotKind.RELATED

    @property
    def where(self) -> str:
        return self.talk.room or "" if self.talk else ""


class NowNext(NamedTuple):
    status: DayStatus
    current: tuple[Item, ...]  # everything on now (parallel talks in a multi-room program)
    next: tuple[Item, ...]  # everything starting at the next start time


def _items(program: Program) -> Iterator[Item]:
    """Talks, and the slots that hold no talks, in time order."""
    for entry in program.entries():
        if isinstance(entry, Talk):
            end = span_end(entry.start, entry.end)
            yield Item(entry.title, entry.start, end, entry.estimated, talk=entry)
        elif entry.kind is not SlotKind.SESSION or not program.talks_in_session(entry.id):
            end = span_end(entry.start, entry.end)
            yield Item(entry.title, entry.start, end, False, slot=entry, open_ended=not entry.end)


def by_prominence(items: Iterable[Item], starred: AbstractSet[str]) -> list[Item]:
    """Items on at once, the one to headline first: starred talks, then what started most
    recently (items that started together keep the program's order). At a multi-room event
    the talks that just began lead, and a long parallel item (a full-day workshop) falls
    among the "+N more"."""

    def key(item: Item) -> tuple[bool, float]:
        is_starred = item.talk is not None and item.talk.id in starred
        return not is_starred, -item.start.timestamp()

    return sorted(items, key=key)


class Timeline:
    """Everything on the program in time order, for fast "what is on at T" questions."""

    def __init__(self, program: Program) -> None:
        self.items = list(_items(program))
        self.starts = [item.start for item in self.items]
        self.longest = max(
            (item.end - item.start for item in self.items if item.end), default=timedelta()
        )

    def on_at(self, moment: datetime) -> list[Item]:
        # In UTC: on a zone-aware `moment` (from --now) subtraction is wall-clock arithmetic,
        # an hour off across a DST change.
        first = bisect.bisect_left(self.starts, moment.astimezone(UTC) - self.longest)
        last = bisect.bisect_right(self.starts, moment)
        return [item for item in self.items[first:last] if item.end and moment < item.end]

    def next_after(self, moment: datetime) -> list[Item]:
        first = bisect.bisect_right(self.starts, moment)
        if first == len(self.items):
            return []
        last = bisect.bisect_right(self.starts, self.starts[first])
        return self.items[first:last]


_TIMELINES: WeakKeyDictionary[Program, Timeline] = WeakKeyDictionary()


def timeline(program: Program) -> Timeline:
    """The program's timeline, built once per program."""
    if program not in _TIMELINES:
        _TIMELINES[program] = Timeline(program)
    return _TIMELINES[program]


def now_next(program: Program, now: datetime, starred: AbstractSet[str] = frozenset()) -> NowNext:
    """What is on at `now` and what starts next, each headline first (see `by_prominence`)."""
    conference = program.conference
    zone = conference.zone
    first = datetime.combine(conference.start_date, time(), zone)
    last = datetime.combine(conference.end_date + timedelta(days=1), time(), zone)
    line = timeline(program)
    current = line.on_at(now)
    if now < first:
        status = DayStatus.BEFORE
    elif now >= last and not current:  # the last night's talks are still the event
        status = DayStatus.AFTER
    else:
        status = DayStatus.DURING
    if any(not item.is_related for item in current):
        current = [item for item in current if not item.is_related]
    coming = by_prominence(line.next_after(now), starred)
    return NowNext(status, tuple(by_prominence(current, starred)), tuple(coming))
