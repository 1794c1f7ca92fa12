"""What is on now and what comes next, in words: the app's banner and `companion now`."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import datetime, tzinfo
from typing import NamedTuple

from companion.clock import DayStatus, Item, format_day, format_window, now_next
from companion.present.dates import date_range
from companion.present.words import count, first_of
from companion.program import Program

NOTHING_NOW = "nothing on right now"
NOTHING_NEXT = "nothing more today"
DAY_OVER = "today's program is over"
ALL_OVER = "Today's program is over: nothing more to come."


class Happening(NamedTuple):
    """ "Now" or "Next": the window of the first thing, then what it is (or that there is
    nothing)."""

    label: str
    window: str
    text: str
    tail: str = ""  # the end of `text` that a line too narrow for it keeps: room, related note


def related_note(conference_name: str) -> str:
    return f"related event, not part of {conference_name}"


def item_name(item: Item, conference_name: str) -> str:
    """An item as an attendee reads it in a line: its title, its room, and for a related
    event (the CC panel at C4ML) that it is not part of the event."""
    return item.title + _extras(item, conference_name)


def _extras(item: Item, conference_name: str) -> str:
    """What follows an item's title: " (room; related event, not part of ...)", or ""."""
    extras = [part for part in (item.where,) if part]
    if item.is_related:
        extras.append(related_note(conference_name))
    return f" ({'; '.join(extras)})" if extras else ""


def _happening(
    label: str, items: tuple[Item, ...], zone: tzinfo, conference_name: str, day: str = ""
) -> Happening:
    """The first item's window (after `day`, when it is another day), then what is on."""
    first = items[0]
    window = format_window(first.start, first.shown_end, zone, first.estimated)
    names = [item_name(item, conference_name) for item in items]
    if len(items) == 1:
        what, tail = names[0], _extras(first, conference_name)
    else:
        what, tail = f"{count(len(items), 'talk')} at once: {first_of(names)}", ""
    return Happening(label, f"{day} {window}" if day else window, what, tail)


def happenings(
    program: Program, now: datetime, zone: tzinfo, starred: AbstractSet[str] = frozenset()
) -> tuple[Happening, ...] | str:
    """Now and next while the event is on, starred and just-started items first; before
    or after it, or once nothing more is to come, one sentence saying so."""
    conference = program.conference
    state = now_next(program, now, starred)
    when = date_range(conference.start_date, conference.end_date)
    if state.status is DayStatus.BEFORE:
        days = (conference.start_date - now.astimezone(conference.zone).date()).days
        to_go = "tomorrow" if days == 1 else f"in {count(days, 'day')}"
        return f"{conference.name} is on {when}: {to_go}."
    if state.status is DayStatus.AFTER:
        return f"{conference.name} took place on {when}. The program stays here to browse."
    if not state.current and not state.next:
        return ALL_OVER
    today = program.day_at(now)
    next_day = program.day_of(state.next[0].entry) if state.next else None
    if state.current:
        current = _happening("Now", state.current, zone, conference.name)
    else:
        current = Happening("Now", "", NOTHING_NOW if next_day == today else DAY_OVER)
    if not state.next:
        coming = Happening("Next", "", NOTHING_NEXT)
    else:
        day = "" if next_day == today or next_day is None else format_day(next_day)
        coming = _happening("Next", state.next, zone, conference.name, day)
    return current, coming


def describe_now_next(
    program: Program, now: datetime, zone: tzinfo, starred: AbstractSet[str] = frozenset()
) -> str:
    """One line: "Now: 16:53–17:20 XTC · Next: ..." or where the event is in time."""
    said = happenings(program, now, zone, starred)
    if isinstance(said, str):
        return said
    return " · ".join(
        f"{item.label}: {item.window} {item.text}" if item.window else f"{item.label}: {item.text}"
        for item in said
    )
