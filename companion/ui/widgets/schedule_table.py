"""A day of the program as a table: slots as header rows, talks in time order.

Parallel talks (a multi-room program) follow each other at the same time, each
with its room; starred talks that overlap carry a conflict marker.

The table is virtual (Textual's line API): filling it only lists the day's
entries, and each frame renders just the lines on screen, so a day of
thousands of talks costs no more to show than a day of ten.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Set as AbstractSet
from datetime import date, datetime, tzinfo
from itertools import accumulate
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from companion.clock import format_window
from companion.present.talk import short_authors
from companion.program import Program, Talk
from companion.records import Slot, SlotKind

SLOT_ROW_PREFIX = "slot:"
TIME_WIDTH = 12
STAR = "★"
CONFLICT = "!"
MARKER_WIDTH = len(STAR + CONFLICT)
PADDING = 1  # blank cells either side of each column
HEADINGS = ("Time", STAR, "Talk · authors · affiliation")
TALK_HEIGHT = 2  # the title, then room, authors and affiliation


class ScheduleView(NamedTuple):
    """What the table shows: which day, which rooms and tracks, in which zone, at what time."""

    zone: tzinfo
    starred: AbstractSet[str]
    now: datetime
    day: date | None = None
    places: frozenset[str] = frozenset()  # "room:NAME" / "track:NAME"; empty shows all

    def shows(self, talk: Talk) -> bool:
        if not self.places:
            return True
        return f"room:{talk.room}" in self.places or f"track:{talk.track}" in self.places


def row_key(entry: Slot | Talk) -> str:
    return entry.id if isinstance(entry, Talk) else f"{SLOT_ROW_PREFIX}{entry.id}"


def is_on(start: datetime, end: datetime | None, now: datetime) -> bool:
    return start <= now and (end is None or now < end)


def one_line(text: str) -> str:
    """Text for a cell one line high: line breaks become spaces, so a title can never change
    the height of its row."""
    return " ".join(text.splitlines())


Cells = tuple[Text, Text, tuple[Text, ...]]  # time, markers, and the title cell's lines


class ScheduleTable(ScrollView, can_focus=True):
    """One row per slot and per talk, under a heading that stays put; a talk row's key is
    the talk's id. Styles come from component classes, so themes and NO_COLOR apply."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(-1)", "Last", show=False),
    ]  # Enter is the screen's, so the footer shows what it does there

    COMPONENT_CLASSES = {
        "schedule-table--header",
        "schedule-table--cursor",
        "schedule-table--slot",
        "schedule-table--now",
        "schedule-table--muted",
        "schedule-table--room",
        "schedule-table--conflict",
    }

    class Selected(Message):
        """A click on the row the cursor is on."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, program: Program, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.program = program
        self._view: ScheduleView | None = None
        self._conflicts: AbstractSet[str] = frozenset()
        self._entries: list[Slot | Talk] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._starts: list[int] = [0]  # each row's first line, then the total
        self._cursor = 0
        self._styles: dict[tuple[str, ...], Style] = {}
        self._lines: dict[tuple[int, bool, int], tuple[Strip, ...]] = {}  # (row, cursor, width)

    # -- what is in the table ------------------------------------------------------------

    def fill(self, view: ScheduleView, focus: str | None = None) -> None:
        """Show `view`, keeping the cursor on its row (or putting it on `focus`)."""
        target = focus or self.selected_key
        self._view, self._conflicts = view, self.program.conflicts(view.starred)
        self._entries = [
            entry
            for entry in self.program.entries(view.day)
            if not isinstance(entry, Talk) or view.shows(entry)
        ]
        self._keys = [row_key(entry) for entry in self._entries]
        self._index = {key: index for index, key in enumerate(self._keys)}
        heights = (TALK_HEIGHT if isinstance(entry, Talk) else 1 for entry in self._entries)
        self._starts = [0, *accumulate(heights)]
        self._cursor = self._index.get(target, 0) if target else 0
        self._invalidate()
        self._update_virtual_size()
        self._scroll_to_cursor()

    def update_markers(self, view: ScheduleView) -> None:
        """Bring the star and conflict markers up to date (a repaint, not a refill)."""
        self._view, self._conflicts = view, self.program.conflicts(view.starred)
        self._invalidate()

    def ids_on_now(self, view: ScheduleView) -> tuple[str, ...]:
        """The rows highlighted as on now, to tell when a clock tick changes anything."""
        return tuple(
            item.id
            for item in self.program.entries(view.day)
            if is_on(item.start, item.end, view.now)
        )

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(self._keys)

    @property
    def row_count(self) -> int:
        return len(self._keys)

    def row_index(self, key: str) -> int:
        """The row of this key; KeyError when the table does not show it."""
        return self._index[key]

    def row_line(self, key: str) -> int:
        """The first line of this key's row, counted below the heading."""
        return self._starts[self._index[key]]

    def cells(self, key: str) -> tuple[str, str, str]:
        """What the row shows: time, markers, and title (with a second line for a talk)."""
        time, markers, lines = self._cells(self._entries[self._index[key]])
        return time.plain, markers.plain, "\n".join(line.plain for line in lines)

    # -- the cursor ----------------------------------------------------------------------

    @property
    def selected_key(self) -> str | None:
        return self._keys[self._cursor] if self._keys else None

    @property
    def selected_talk_id(self) -> str | None:
        key = self.selected_key
        return key if key and not key.startswith(SLOT_ROW_PREFIX) else None

    def select_key(self, key: str) -> None:
        if key in self._index:
            self._move_to(self._index[key])

    def _move_to(self, row: int) -> None:
        row = max(0, min(row, len(self._keys) - 1))
        if row != self._cursor:
            self._cursor = row
            self.refresh()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough to show the cursor's whole row."""
        if not self._keys:
            return
        visible = max(1, self.scrollable_content_region.height - 1)  # below the heading
        top, bottom = self._starts[self._cursor], self._starts[self._cursor + 1]
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > self.scroll_y + visible:
            self.scroll_to(y=bottom - visible, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self._move_to(self._cursor + step)

    def action_page(self, direction: int) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        line = self._starts[self._cursor] + direction * visible
        self._move_to(bisect_right(self._starts, max(0, line)) - 1)

    def action_edge(self, row: int) -> None:
        self._move_to(row if row >= 0 else len(self._keys) - 1)

    def on_click(self, event: events.Click) -> None:
        """The first click puts the cursor on a row; a click on the cursor's row chooses it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:  # the heading
            return
        line = int(self.scroll_y) + offset.y - 1
        if line >= self._starts[-1]:
            return
        row = bisect_right(self._starts, line) - 1
        if row == self._cursor:
            self.post_message(self.Selected(self._keys[row]))
        else:
            self._move_to(row)

    # -- drawing -------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._lines.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """A theme change: styles come from CSS, so look them up again."""
        super().notify_style_update()
        self._restyle()

    def on_focus(self) -> None:
        self._restyle()  # the background and the cursor's style depend on focus

    def on_blur(self) -> None:
        self._restyle()

    def _restyle(self) -> None:
        self._styles.clear()
        self._invalidate()

    def on_resize(self) -> None:
        self._update_virtual_size()
        self._scroll_to_cursor()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._starts[-1] + 1)

    def _style(self, *names: str) -> Style:
        """The style of these component classes, or the widget's own for none; looked up once
        until the styles change."""
        style = self._styles.get(names)
        if style is None:
            style = self._styles[names] = (
                Style.combine(self.get_component_rich_style(name, partial=True) for name in names)
                if names
                else self.rich_style
            )
        return style

    def _cursor_style(self) -> Style:
        """In full, not partial: a blurred cursor's translucent background must be blended."""
        key = ("schedule-table--cursor", "in full")
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self.get_component_rich_style(key[0])
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            heading = tuple(Text(text) for text in HEADINGS)
            return self._strip(heading, width, self._style("schedule-table--header"))
        line = int(self.scroll_y) + y - 1
        if line >= self._starts[-1]:
            return Strip.blank(width, self._base_style())
        row = bisect_right(self._starts, line) - 1
        return self._row_strips(row, width)[line - self._starts[row]]

    def _row_strips(self, row: int, width: int) -> tuple[Strip, ...]:
        """A row's lines, drawn once and kept until what they show changes."""
        cursor = row == self._cursor
        key = (row, cursor, width)
        strips = self._lines.get(key)
        if strips is None:
            time, markers, (first, *more) = self._cells(self._entries[row])
            over = self._cursor_style() if cursor else Style()
            strips = (
                self._strip((time, markers, first), width, over),
                *(self._strip((Text(), Text(), line), width, over) for line in more),
            )
            if len(self._lines) > 1000:  # scrolling through a long day: keep what is shown
                self._lines.clear()
            self._lines[key] = strips
        return strips

    def _base_style(self) -> Style:
        return self._style()  # no component class: the widget's own style

    def _strip(self, cells: tuple[Text, ...], width: int, over: Style) -> Strip:
        """One line of cells; `over` goes on top of their own styles (the cursor's does)."""
        title_width = max(20, width - TIME_WIDTH - MARKER_WIDTH - 6 * PADDING)
        line = Text(no_wrap=True)
        pad = " " * PADDING
        for cell, cell_width in zip(cells, (TIME_WIDTH, MARKER_WIDTH, title_width), strict=True):
            cell = cell.copy()
            cell.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append(pad)
            line.append_text(cell)
            line.append(pad)
        base = self._base_style()
        segments = Segment.apply_style(line.render(self.app.console), base, post_style=over)
        return Strip(segments).adjust_cell_length(width, base + over)

    def _cells(self, entry: Slot | Talk) -> Cells:
        view = self._view
        assert view is not None  # set by fill before anything is drawn
        if isinstance(entry, Talk):
            return self._talk_cells(entry, view)
        has_talks = bool(self.program.talks_in_session(entry.id))
        return self._slot_cells(entry, view, has_talks)

    def _slot_cells(self, slot: Slot, view: ScheduleView, has_talks: bool) -> Cells:
        """One line: the slot's title."""
        names = ["schedule-table--slot"]
        if is_on(slot.start, slot.end, view.now) and not has_talks:
            names.append("schedule-table--now")
        style = self._style(*names)
        title = Text(one_line(slot.title), style=style)
        if slot.kind is SlotKind.RELATED:
            title.append("  (not part of the workshop)", style=self._style("schedule-table--muted"))
        when = format_window(slot.start, slot.end, view.zone, estimated=False)
        return Text(when, style=style), Text(""), (title,)

    def _talk_cells(self, talk: Talk, view: ScheduleView) -> Cells:
        """TALK_HEIGHT lines: the title, then room, authors and affiliation (or track)."""
        on_now = is_on(talk.start, talk.end, view.now)
        style = self._style("schedule-table--now") if on_now else Style()
        title = Text(one_line(talk.title), style=style)
        details = Text(style=style)  # an on-now talk is marked on both lines
        if talk.room and len(self.program.rooms) > 1:
            details.append(one_line(talk.room), style=self._style("schedule-table--room"))
            details.append(" · ")
        who = " · ".join(part for part in (short_authors(talk.authors), talk.affiliation) if part)
        muted = one_line(who or (talk.track or ""))
        details.append(muted, style=self._style("schedule-table--muted"))
        marker = (STAR if talk.id in view.starred else " ") + (
            CONFLICT if talk.id in self._conflicts else ""
        )
        marker_style = self._style("schedule-table--conflict") if CONFLICT in marker else Style()
        when = format_window(talk.start, talk.end, view.zone, talk.estimated)
        return Text(when, style=style), Text(marker, style=marker_style), (title, details)
