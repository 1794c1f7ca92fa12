"""The starred list in words: rows in time order, and when a move counts as seen.

The policy on moves, the same in the app and on the command line: a starred talk that
moved is flagged until the user has been shown the move in a list of stars; from then
on it counts as seen (the app keeps showing it until the user leaves the list). Output
for scripts (`starred --json`) is not the user seeing anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import tzinfo
from typing import NamedTuple

from companion.clock import format_day, format_window
from companion.present.talk import Listing, listing
from companion.present.words import count
from companion.program import Program, Talk
from companion.reconcile import StarStatus
from companion.records import SlotKind

GONE = "no longer in the program"
GONE_WINDOW = "(gone)"
OVERLAP = "! overlaps another starred talk"
NOTHING_STARRED = "No starred talks yet."
HOW_TO_STAR = "Star a talk with `companion star ID`."
BREAK_KINDS = {SlotKind.BREAK, SlotKind.MEAL, SlotKind.OPENING, SlotKind.CLOSING}


class DayHeading(NamedTuple):
    text: str


class Pause(NamedTuple):
    """A break between two starred talks: "15:30–16:00   Break", its title where the talks'
    titles are."""

    line: Listing


class StarRow(NamedTuple):
    talk_id: str
    line: Listing  # time, star and title
    detail: str  # where, a move, an overlap; or that the talk is gone
    in_program: bool


Row = DayHeading | Pause | StarRow


def moves_to_mark_seen(statuses: Iterable[StarStatus]) -> list[Talk]:
    """The talks whose move a list of stars shows, which from then on count as seen."""
    return [status.talk for status in statuses if status.moved and status.talk]


def starred_summary(starred: int, moved: int) -> str:
    if not starred:
        return NOTHING_STARRED
    summary = f"{count(starred, 'starred talk')}"
    return summary + (f" · {moved} moved since you last looked" if moved else "")


def starred_rows(
    program: Program,
    statuses: list[StarStatus],
    zone: tzinfo,
    moves: Mapping[str, str],
) -> list[Row]:
    """Starred talks in time order with the breaks between them, a heading for each day
    when they span several, then the stars whose talks left the program. `moves` says what
    moved (by talk id)."""
    present = [status.talk for status in statuses if status.talk is not None]
    conflicts = program.conflicts({talk.id for talk in present})
    several_days = len({talk.start.astimezone(zone).date() for talk in present}) > 1
    rows: list[Row] = []
    previous = None
    for talk in present:
        day = talk.start.astimezone(zone).date()
        if several_days and (previous is None or previous.start.astimezone(zone).date() != day):
            rows.append(DayHeading(format_day(day)))
        if previous is not None:
            rows += [
                Pause(
                    listing(
                        format_window(slot.start, slot.end, zone, estimated=False),
                        False,
                        slot.title,
                    )
                )
                for slot in program.slots
                if slot.kind in BREAK_KINDS and previous.end <= slot.start < talk.start
            ]
        overlap = OVERLAP if talk.id in conflicts else ""
        detail = " · ".join(filter(None, (overlap, moves.get(talk.id) or talk.where)))
        window = format_window(talk.start, talk.end, zone, talk.estimated)
        rows.append(StarRow(talk.id, listing(window, True, talk.title), detail, True))
        previous = talk
    rows += [
        StarRow(s.record.talk_id, listing(GONE_WINDOW, True, s.record.title), GONE, False)
        for s in statuses
        if s.talk is None
    ]
    return rows
