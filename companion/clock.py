"""Time: the app's clock, what is on now and next, and how times are written.

All datetimes are time-zone aware. Times are shown in the venue's zone unless
the user asks for the terminal's local zone; estimated times carry "≈".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from companion.model import Slot, SlotKind
from companion.program import Program, Talk

Clock = Callable[[], datetime]
ESTIMATE_MARK = "≈"


def system_clock() -> datetime:
    """The real time, aware, in the local zone."""
    return datetime.now().astimezone()


def fixed_clock(moment: datetime) -> Clock:
    """A clock stopped at `moment` (for `--now` and tests)."""
    return lambda: moment


def parse_moment(text: str, zone: tzinfo) -> datetime:
    """Parse ISO 8601; a time without an offset is read in `zone` (the venue's)."""
    moment = datetime.fromisoformat(text.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def local_zone() -> tzinfo:
    """The terminal's local time zone."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


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


@dataclass(frozen=True)
class Item:
    """One thing on the timeline: a talk, or a slot that holds no talks."""

    title: str
    start: datetime
    end: datetime | None
    estimated: bool
    slot: Slot
    talk: Talk | None = None


@dataclass(frozen=True)
class NowNext:
    status: DayStatus
    current: Item | None
    next: Item | None


def timeline(program: Program) -> Iterator[Item]:
    for slot, talks in program.agenda():
        if talks:
            for talk in talks:
                yield Item(talk.title, talk.start, talk.end, talk.estimated, slot, talk)
        else:
            yield Item(slot.title, slot.start, slot.end, False, slot)


def now_next(program: Program, now: datetime) -> NowNext:
    """What is on at `now` and what starts next; an item with no end runs to midnight."""
    conference = program.conference
    zone = conference.zone
    first = datetime.combine(conference.start_date, time(), zone)
    last = datetime.combine(conference.end_date + timedelta(days=1), time(), zone)
    if now < first:
        status = DayStatus.BEFORE
    elif now >= last:
        status = DayStatus.AFTER
    else:
        status = DayStatus.DURING
    current: Item | None = None
    upcoming: Item | None = None
    for item in timeline(program):
        midnight = datetime.combine(item.start.astimezone(zone).date(), time(), zone)
        end = item.end or midnight + timedelta(days=1)
        if item.start <= now < end and (current is None or item.slot.kind is not SlotKind.RELATED):
            current = item
        if upcoming is None and item.start > now:
            upcoming = item
    return NowNext(status, current, upcoming)


def describe_now_next(program: Program, now: datetime, zone: tzinfo) -> str:
    """One line for an attendee: what is on and what comes next, or where the day is."""
    conference = program.conference
    state = now_next(program, now)
    when = format_day(conference.start_date)
    if state.status is DayStatus.BEFORE:
        days = (conference.start_date - now.astimezone(conference.zone).date()).days
        to_go = "tomorrow" if days == 1 else f"in {days} days"
        return f"{conference.name} is on {when}: {to_go}."
    if state.status is DayStatus.AFTER:
        return f"{conference.name} took place on {when}. The program stays here to browse."
    parts = []
    if state.current:
        item = state.current
        window = format_window(item.start, item.end, zone, item.estimated)
        parts.append(f"Now: {item.title} ({window})")
    else:
        parts.append("Nothing on now")
    if state.next:
        item = state.next
        parts.append(f"Next: {item.title} at {format_time(item.start, zone, item.estimated)}")
    else:
        parts.append("Nothing more today")
    return " · ".join(parts)
