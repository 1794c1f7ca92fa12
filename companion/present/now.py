"""What is on now and what comes next, in words: the app's banner and `companion now`."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import NamedTuple

from companion.clock import DayStatus, Item, format_dates, format_window, now_next
from companion.present.words import count, first_of
from companion.program import Program

NOTHING_NOW = "nothing on right now"
NOTHING_NEXT = "nothing more today"


class Happening(NamedTuple):
    """ "Now" or "Next": the window of the first thing, then what it is (or that there is
    nothing)."""

    label: str
    window: str
    text: str


def _happening(label: str, items: tuple[Item, ...], zone: tzinfo, nothing: str) -> Happening:
    if not items:
        return Happening(label, "", nothing)
    first = items[0]
    window = format_window(first.start, first.shown_end, zone, first.estimated)
    if len(items) == 1:
        return Happening(label, window, first.title)
    names = [f"{item.title} ({item.where})" if item.where else item.title for item in items]
    return Happening(label, window, f"{count(len(items), 'talk')} at once: {first_of(names)}")


def happenings(program: Program, now: datetime, zone: tzinfo) -> tuple[Happening, ...] | str:
    """Now and next while the event is on; before or after it, one sentence saying so."""
    conference = program.conference
    state = now_next(program, now)
    when = format_dates(conference.start_date, conference.end_date)
    if state.status is DayStatus.BEFORE:
        days = (conference.start_date - now.astimezone(conference.zone).date()).days
        to_go = "tomorrow" if days == 1 else f"in {count(days, 'day')}"
        return f"{conference.name} is on {when}: {to_go}."
    if state.status is DayStatus.AFTER:
        return f"{conference.name} took place on {when}. The program stays here to browse."
    return (
        _happening("Now", state.current, zone, NOTHING_NOW),
        _happening("Next", state.next, zone, NOTHING_NEXT),
    )


def describe_now_next(program: Program, now: datetime, zone: tzinfo) -> str:
    """One line: "Now: 16:53–17:20 XTC · Next: ..." or where the event is in time."""
    said = happenings(program, now, zone)
    if isinstance(said, str):
        return said
    return " · ".join(
        f"{item.label}: {item.window} {item.text}" if item.window else f"{item.label}: {item.text}"
        for item in said
    )
