"""The starred list in words: the attendee's day in rows, and when a move counts as seen.

The policy on moves, the same in the app and on the command line: a starred talk that
moved is flagged until the user has been shown the move in a list of stars; from then
on it counts as seen (the app keeps showing it until the user leaves the list). Output
for scripts (`starred --json`) is not the user seeing anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from companion.agenda import AgendaDay, AgendaTalk, Gap, agenda
from companion.clock import format_day, format_window, span_end
from companion.present.agenda import (
    CLASH_MARK,
    clashes_with,
    fits_words,
    free_words,
    now_line,
)
from companion.present.talk import Listing, listing
from companion.present.words import count
from companion.program import Program, Talk
from companion.records import Slot, SlotKind
from companion.text import safe_line

if TYPE_CHECKING:
    from companion.reconcile import StarStatus

GONE = "no longer in the program"
GONE_WINDOW = "(gone)"
NOTHING_STARRED = "No starred talks yet."
HOW_TO_STAR = "Star a talk with `companion star ID`."
NOTE_MARK = "✎"
BREAK_KINDS = {SlotKind.BREAK, SlotKind.MEAL, SlotKind.OPENING, SlotKind.CLOSING}


class DayHeading(NamedTuple):
    text: str


class NowLine(NamedTuple):
    """Where now is among the day's rows."""

    text: str


class Pause(NamedTuple):
    """A break between two starred talks: "15:30–16:00   Break", its title where the talks'
    titles are."""

    line: Listing
    past: bool = False


class GapRow(NamedTuple):
    """Free time between starred talks: "09:45–11:00   free 75 min", and what fits in it."""

    line: Listing
    detail: str
    gap: Gap
    past: bool = False


class StarRow(NamedTuple):
    talk_id: str
    line: Listing  # time, star and title
    detail: str  # a clash, where, a move, the note; or that the talk is gone
    in_program: bool
    clashes: tuple[str, ...] = ()  # the starred talks it overlaps with, in time order
    past: bool = False


Row = DayHeading | NowLine | Pause | GapRow | StarRow


class _View(NamedTuple):
    """What every row of the list is drawn against."""

    program: Program
    zone: tzinfo
    moves: Mapping[str, str]
    notes: Mapping[str, str]
    now: datetime | None


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
    *,
    now: datetime | None = None,
    hide_past: bool = False,
    notes: Mapping[str, str] | None = None,
) -> list[Row]:
    """The attendee's day: starred talks in time order, the free gaps between them and the
    program's breaks in them, a heading for each day when they span several, then the
    stars whose talks left the program. `moves` says what moved (by talk id).

    Given `now`, rows that are over are marked past (or left out, `hide_past`, with a day
    all past), and a now-line stands among the rows of today. `notes` adds each talk's
    note to its detail."""
    starred = {status.talk.id for status in statuses if status.talk is not None}
    days = agenda(program, starred)
    several_days = len(days) > 1
    rows: list[Row] = []
    view = _View(program, zone, moves, notes or {}, now)
    for day in days:
        day_rows = _day_rows(view, day)
        if hide_past:
            day_rows = [row for row in day_rows if not _past(row)]
        dated = bool(day_rows) and isinstance(day_rows[0], DayHeading)  # in local time
        if several_days and not dated and any(not isinstance(row, NowLine) for row in day_rows):
            rows.append(DayHeading(format_day(day.day)))
        rows += day_rows
    rows += [
        StarRow(s.record.talk_id, listing(GONE_WINDOW, True, s.record.title), GONE, False)
        for s in statuses
        if s.talk is None
    ]
    return rows


def _day_rows(view: _View, day: AgendaDay) -> list[Row]:
    """One day's rows by start time, with the now-line before the first to start after
    now (when now is on this day, in the venue's zone)."""
    program, zone, now = view.program, view.zone, view.now
    timed: list[tuple[datetime, Row]] = []
    for entry in day.entries:
        if isinstance(entry, AgendaTalk):
            timed.append((entry.start, _star_row(view, entry)))
            continue
        window = format_window(entry.start, entry.end, zone, entry.estimated)
        line = listing(window, False, free_words(entry))
        past = _over(entry.start, entry.end, now)
        timed.append((entry.start, GapRow(line, fits_words(entry), entry, past)))
        for slot, slot_window in _breaks(program, entry, zone):
            pause = Pause(listing(slot_window, False, slot.title), _over(slot.start, slot.end, now))
            timed.append((slot.start, pause))
    placed = list(timed)  # with the now-line among them
    if now is not None and program.day_at(now) == day.day:
        position = next((i for i, (start, _) in enumerate(timed) if start > now), len(timed))
        placed.insert(position, (now, NowLine(now_line(now, zone))))
    if len({start.astimezone(zone).date() for start, _ in timed}) < 2:
        return [row for _, row in placed]
    rows: list[Row] = []  # the zone shown puts midnight inside the day: say each date
    shown = None
    for start, row in placed:
        if (date := start.astimezone(zone).date()) != shown:
            rows.append(DayHeading(format_day(date)))
            shown = date
        rows.append(row)
    return rows


def _breaks(program: Program, gap: Gap, zone: tzinfo) -> Iterator[tuple[Slot, str]]:
    """The program's breaks that start in the gap, with their windows."""
    for slot in program.slots:
        if slot.kind in BREAK_KINDS and gap.start <= slot.start < gap.end:
            yield slot, format_window(slot.start, slot.end, zone, estimated=False)


def _star_row(view: _View, entry: AgendaTalk) -> StarRow:
    talk = entry.talk
    others = "; ".join(view.program.talk(other).title for other in entry.overlaps)
    clash = f"{CLASH_MARK} {clashes_with(others)}" if others else ""
    note = safe_line(view.notes.get(talk.id, ""))
    parts = (clash, view.moves.get(talk.id) or talk.where, note and f"{NOTE_MARK} {note}")
    window = format_window(talk.start, talk.end, view.zone, talk.estimated)
    return StarRow(
        talk.id,
        listing(window, True, talk.title),
        " · ".join(filter(None, parts)),
        True,
        entry.overlaps,
        _over(talk.start, talk.end, view.now),
    )


def _past(row: Row) -> bool:
    return isinstance(row, Pause | GapRow | StarRow) and row.past


def _over(start: datetime, end: datetime | None, now: datetime | None) -> bool:
    return now is not None and span_end(start, end) <= now
