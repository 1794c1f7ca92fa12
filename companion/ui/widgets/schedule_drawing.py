"""How the schedule table draws a row: its cells (time, star and conflict markers, title
and what is under it), cut to their columns, in the styles of its look."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from companion.clock import format_day, format_window
from companion.present.now import related_note
from companion.present.talk import short_authors
from companion.program import Program, Talk
from companion.records import Slot, SlotKind

TIME_WIDTH = 12
STAR = "★"
CONFLICT = "!"
MARKER_WIDTH = len(STAR + CONFLICT)
PADDING = 1  # blank cells either side of each column


class Palette(NamedTuple):
    """The styles rows are drawn in, as the theme and the focus make them now."""

    base: Style
    header: Style
    cursor: Style
    slot: Style
    now: Style
    past: Style
    muted: Style
    room: Style
    conflict: Style
    date: Style


class Look(NamedTuple):
    """Everything a row's drawing depends on: drawn rows are kept under it, so a change to
    any of it (a star, the clock, the zone, the theme, the width, the cursor) draws the
    row anew, and nothing has to be cleared by hand."""

    key: str  # the entry: the table shows one program, whose entries do not change
    date_line: date | None
    starred: bool
    conflict: bool
    on_now: bool
    past: bool
    zone: tzinfo
    cursor: bool
    width: int
    palette: Palette


def one_line(text: str) -> str:
    """Text for a cell one line high: line breaks become spaces, so a title can never change
    the height of its row."""
    return " ".join(text.splitlines())


Cells = tuple[Text, Text, tuple[Text, ...]]  # time, markers, and the title cell's lines


def draw_row(
    entry: Slot | Talk, look: Look, program: Program, console: Console
) -> tuple[Strip, ...]:
    """A row's lines in its look, with its date above it where it has one."""
    palette = look.palette
    if isinstance(entry, Talk):
        time, markers, (first, *more) = _talk_cells(entry, look, program)
    else:
        time, markers, (first, *more) = _slot_cells(entry, look, program)
    # What is over is dimmed on top of its own styles, and the cursor on top of that.
    over = (palette.past if look.past else Style()) + (palette.cursor if look.cursor else Style())
    strips = [
        draw_line((time, markers, first), look.width, palette.base, over, console),
        *(
            draw_line((Text(), Text(), line), look.width, palette.base, over, console)
            for line in more
        ),
    ]
    if look.date_line:
        day = Text(format_day(look.date_line), style=palette.date)
        date_strip = draw_line((Text(), Text(), day), look.width, palette.base, Style(), console)
        strips.insert(0, date_strip)
    return tuple(strips)


def draw_line(
    cells: tuple[Text, ...], width: int, base: Style, over: Style, console: Console
) -> Strip:
    """One line of cells; `over` goes on top of their own styles (the cursor's does)."""
    title_width = max(1, width - TIME_WIDTH - MARKER_WIDTH - 6 * PADDING)  # cut with "…"
    line = Text(no_wrap=True)
    pad = " " * PADDING
    for cell, cell_width in zip(cells, (TIME_WIDTH, MARKER_WIDTH, title_width), strict=True):
        cell = cell.copy()
        cell.truncate(cell_width, overflow="ellipsis", pad=True)
        line.append(pad)
        line.append_text(cell)
        line.append(pad)
    segments = Segment.apply_style(line.render(console), base, post_style=over)
    return Strip(segments).adjust_cell_length(width, base + over)


def _slot_cells(slot: Slot, look: Look, program: Program) -> Cells:
    """The slot's title; under a related event's, that it is not part of this one (on a
    line of its own, so a long title cannot cut it off)."""
    palette = look.palette
    style = palette.slot + palette.now if look.on_now else palette.slot
    title = Text(one_line(slot.title), style=style)
    when = Text(format_window(slot.start, slot.end, look.zone, estimated=False), style=style)
    if slot.kind is SlotKind.RELATED:
        note = Text(related_note(one_line(program.conference.name)), style=palette.muted)
        return when, Text(""), (title, note)
    return when, Text(""), (title,)


def _talk_cells(talk: Talk, look: Look, program: Program) -> Cells:
    """TALK_HEIGHT lines: the title, then room, authors and affiliation (or track)."""
    palette = look.palette
    style = palette.now if look.on_now else Style()
    title = Text(one_line(talk.title), style=style)
    details = Text(style=style)  # an on-now talk is marked on both lines
    if talk.room and len(program.rooms) > 1:
        details.append(one_line(talk.room), style=palette.room)
        details.append(" · ")
    who = " · ".join(part for part in (short_authors(talk.authors), talk.affiliation) if part)
    details.append(one_line(who or (talk.track or "")), style=palette.muted)
    marker = (STAR if look.starred else " ") + (CONFLICT if look.conflict else "")
    marker_style = palette.conflict if look.conflict else Style()
    when = format_window(talk.start, talk.end, look.zone, talk.estimated)
    return Text(when, style=style), Text(marker, style=marker_style), (title, details)
