"""A day of the program as a table: slots as header rows, talks in time order.

Parallel talks (a multi-room program) follow each other at the same time, each
with its room; starred talks that overlap carry a conflict marker. What is over
is dimmed, or left out when the view hides the past. Where the zone shown puts
the day on two dates (local time, far from the venue), the date stands above the
first row of each.

The table is virtual (Textual's line API): filling it only lists the day's
entries, and each frame renders just the lines on screen, so a day of
thousands of talks costs no more to show than a day of ten. Drawn rows are kept
under their look (`Look`: what a row shows and in which styles), never under
their position, so a change of star, clock, zone or theme cannot leave one stale.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from companion.clock import is_on
from companion.present.talk import listing_heading
from companion.program import Program, Talk
from companion.records import Slot
from companion.ui.services import services
from companion.ui.widgets.plain_lines import (
    Padding,
    finish_ahead,
    has_plain_styles,
    padding_of,
    plain_lines,
)
from companion.ui.widgets.schedule_drawing import STAR, Look, Palette, draw_line, draw_row
from companion.ui.widgets.schedule_rows import (
    SLOT_ROW_PREFIX,
    Row,
    ScheduleView,
    list_rows,
    row_height,
    row_key,
)
from companion.ui.widgets.thumb_lines import draw_from_kept_cells
from companion.ui.widgets.thumb_moves import move_thumb

DRAWN_ROWS = 1_000  # rows kept drawn: a few screens' worth, in every look they take
LEAD_ROWS = 1  # rows shown above one brought near the top: a glimpse of what came before
AHEAD_AFTER = 0.01  # seconds after a page's frame, for it to be written, before drawing on


class Frame(NamedTuple):
    """What every line of a frame being drawn shares: the width, the styles, how lines are
    filled out under the scrollbar, and the rows drawn so far (a row's lines are asked for
    one by one)."""

    width: int
    palette: Palette
    padding: Padding
    rows: dict[int, tuple[Strip, ...]]


PageKey = tuple[object, ...]  # everything a frame's lines depend on (`ScheduleTable._page_key`)


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
        "schedule-table--past",
        "schedule-table--muted",
        "schedule-table--room",
        "schedule-table--conflict",
        "schedule-table--date",
    }

    class Selected(Message):
        """A click on the row the cursor is on."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class CursorMoved(Message):
        """The cursor went on to another kind of row (a talk, or a slot that holds none),
        or onto rows listed anew, so the keys that act may have changed. A move from one
        talk to another is not told: the same keys act, and asking each binding again on
        every row paged through costs part of every frame."""

    def __init__(self, program: Program, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.program = program
        self._view: ScheduleView | None = None
        self._conflicts: AbstractSet[str] = frozenset()
        self._rows: list[Row] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._starts: list[int] = [0]  # each row's first line, then the total
        self._cursor = 0
        self._over = 0  # the day's entries in the rooms shown that are over, hidden or not
        self._shown_entries: tuple[object, list[Slot | Talk]] = (None, [])
        self._counted_over: tuple[object, int] = (None, 0)
        self._kept_palette: Palette | None = None
        # The row last brought near the top, and whether the cursor is still on it there.
        self._anchor: str | None = None
        self._anchored = False
        self._drawn: LRUCache[tuple[Look, Padding], tuple[Strip, ...]] = LRUCache(DRAWN_ROWS)
        self._frame: Frame | None = None  # while a frame is drawn
        self._drawn_heading: tuple[tuple[int, Palette, Padding], Strip] | None = None
        self._ahead: Timer | None = None  # the next page, waiting to be drawn ahead
        self._listing = 0  # the rows listed so far: lines kept for an earlier listing go unused
        self._last_crop: Region | None = None  # what the screen last asked of the table
        self._kept_page: tuple[PageKey, list[Strip]] | None = None  # the next page's lines

    # -- what is in the table ------------------------------------------------------------

    def fill(self, view: ScheduleView, focus: str | None = None) -> None:
        """Show `view`, keeping the cursor on its row (or putting it on `focus`).

        The rows are listed again only when the day, the rooms, the zone or (while the past
        is hidden) what is over change; a star or a clock tick only repaints, and rows whose
        look did not change come from the drawn rows kept."""
        old, self._view = self._view, view
        conflicts = self._conflicts
        if old is None or old.starred != view.starred:
            self._conflicts = self.program.conflicts(view.starred)
        entries = self._entries(view)
        # What is over only grows as the clock runs on (and shrinks if it is set back), so
        # the same count is the same rows hidden.
        over, self._over = self._over, self._over_count(view, entries)
        listed = (view.day, view.places, view.zone, view.hide_past)
        if (
            old is None
            or (old.day, old.places, old.zone, old.hide_past) != listed
            or (view.hide_past and over != self._over)
        ):
            self._list(view, entries, focus or self.selected_key)
        elif focus:
            self.select_key(focus)
        if old is not None and old._replace(starred=view.starred) == view:
            # Only stars changed: repaint the rows whose star or conflict marker did, not
            # every row on screen.
            changed = (old.starred ^ view.starred) | (conflicts ^ self._conflicts)
            for key in changed & self._index.keys():
                self._refresh_row(self._index[key])
        else:
            self.refresh()

    def _refresh_row(self, row: int) -> None:
        start = self._starts[row]
        self.refresh_lines(start + 1, self._starts[row + 1] - start)  # below the heading

    def _entries(self, view: ScheduleView) -> list[Slot | Talk]:
        """The day's entries in the rooms and tracks the view shows, past ones included;
        listed again only for another day or other rooms (a star changes neither)."""
        shown = (view.day, view.places)
        if self._shown_entries[0] != shown:
            entries = [
                entry
                for entry in self.program.entries(view.day)
                if not isinstance(entry, Talk) or view.shows(entry)
            ]
            self._shown_entries = (shown, entries)
        return self._shown_entries[1]

    def _over_count(self, view: ScheduleView, entries: list[Slot | Talk]) -> int:
        """How many of `entries` are over; counted again only when they or the clock change."""
        counted = (view.day, view.places, view.now)
        if self._counted_over[0] != counted:
            self._counted_over = (counted, sum(1 for entry in entries if view.is_over(entry)))
        return self._counted_over[1]

    def _list(self, view: ScheduleView, entries: list[Slot | Talk], target: str | None) -> None:
        if view.hide_past:
            entries = [entry for entry in entries if not view.is_over(entry)]
        self._rows = list_rows(entries, view.zone)
        self._listing += 1
        self._keys = [row_key(row.entry) for row in self._rows]
        self._index = {key: index for index, key in enumerate(self._keys)}
        heights = (row_height(row) for row in self._rows)
        self._starts = [0, *accumulate(heights)]
        cursor, self._cursor = self._cursor, self._index.get(target, 0) if target else 0
        if self._cursor != cursor or target != self.selected_key:
            self.post_message(self.CursorMoved())
        self._update_virtual_size()
        self._scroll_to_cursor()

    @property
    def over_count(self) -> int:
        """How many of the day's entries (in the rooms shown) are over, hidden or not."""
        return self._over

    @property
    def hidden_count(self) -> int:
        """How many of them are left out."""
        return self._over if self._view is not None and self._view.hide_past else 0

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

    def bring_near_top(self, key: str) -> None:
        """Put the cursor on `key` and its row near the top, below `LEAD_ROWS` rows of what
        comes before it, however near the end of the day it is: room is left below the
        last row for that. It stays there as the table is resized or listed anew, until
        the cursor moves."""
        if key not in self._index:
            return
        self._move_to(self._index[key])
        self._anchor, self._anchored = key, True
        self._update_virtual_size()
        self._scroll_to_cursor()

    def _anchor_line(self) -> int | None:
        """The line to show at the top for the row brought near it, if the table shows it."""
        row = self._index.get(self._anchor) if self._anchor else None
        return None if row is None else self._starts[max(0, row - LEAD_ROWS)]

    def _move_to(self, row: int) -> None:
        row = max(0, min(row, len(self._keys) - 1))
        if row != self._cursor:
            was_talk = self.selected_talk_id is not None
            self._cursor = row
            self._anchored = False
            self.refresh()
            services(self).talk_in_sight(self.selected_talk_id)
            if (self.selected_talk_id is not None) != was_talk:
                self.post_message(self.CursorMoved())
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        """Scroll just enough to show the cursor's whole row (with its date, if it has one),
        or, while it rests on the row brought near the top, to show that row there."""
        if not self._keys:
            return
        anchor_line = self._anchor_line()
        if self._anchored and anchor_line is not None and self.selected_key == self._anchor:
            # Forced: the scrollbar that the room below brings is not there until the next
            # layout, and until then Textual would not scroll.
            self.scroll_to(y=anchor_line, animate=False, immediate=True, force=True)
            return
        line = self._line_showing(self._cursor)
        if line != self.scroll_y:
            self.scroll_to(y=line, animate=False, immediate=True)

    def _line_showing(self, row: int) -> float:
        """The first line to show for `row` to be seen whole, scrolling as little as it can
        and, scrolling down, to the start of a row: scrolled just far enough, the top line
        was often the second line of a talk (its speakers, without its time and title)."""
        visible = self._visible_lines()
        top, bottom = self._starts[row], self._starts[row + 1]
        if top < self.scroll_y:
            return top
        if bottom > self.scroll_y + visible:
            return min(top, self._row_start_from(bottom - visible))
        return self.scroll_y

    def _row_start_from(self, line: int) -> int:
        """The first line at or below `line` that starts a row (or the end of the rows)."""
        return self._starts[bisect_left(self._starts, line)]

    def action_move(self, step: int) -> None:
        self._move_to(self._cursor + step)

    def _visible_lines(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # below the heading

    def action_page(self, direction: int) -> None:
        self._move_to(self._paged_to(direction))
        self.call_after_refresh(self._wait_to_draw_ahead, direction)

    def _wait_to_draw_ahead(self, direction: int) -> None:
        """Draw the next page ahead a moment (`AHEAD_AFTER`) after this one's frame, on a
        timer other keys do not put off. Textual hands a frame to a thread that writes it
        to the terminal, and that thread needs Python's interpreter lock: work started
        straight after the frame held it back until done (or for up to Python's 5 ms
        switch interval), so the next page drawn ahead was paid before the frame reached
        the screen. A page that comes first drops the wait (the page it was for is gone)."""
        if self._ahead is not None:
            self._ahead.stop()
        self._ahead = self.set_timer(AHEAD_AFTER, partial(self._draw_ahead, direction))

    def _paged_to(self, direction: int) -> int:
        """The row a page down (1) or up (-1) puts the cursor on."""
        line = self._starts[self._cursor] + direction * self._visible_lines()
        return max(0, min(bisect_right(self._starts, max(0, line)) - 1, len(self._keys) - 1))

    def _draw_ahead(self, direction: int) -> None:
        """Once the page is on screen, draw the next one the same way while the user reads,
        and the row the cursor will be on there as the cursor's, so that paging on finds
        every row it shows drawn (a page of rows was most of a page down), and readied as
        the screen takes them (filtered, cut where the scrollbar starts)."""
        if self._view is None or not self._keys:
            return
        cursor_row = self._paged_to(direction)
        top = self._top_with(cursor_row)
        first = bisect_right(self._starts, top) - 1
        last = bisect_right(self._starts, top + self._visible_lines()) - 1
        width, palette, padding, _ = self._new_frame()
        rows = range(max(0, first), min(len(self._rows), last + 1))
        drawn = [self._row_strips(row, width, palette, padding, self._cursor) for row in rows]
        drawn.append(self._row_strips(cursor_row, width, palette, padding, cursor_row))
        finish_ahead(self, (line for lines in drawn for line in lines))
        self._keep_page(cursor_row)

    def _top_with(self, cursor: int) -> int:
        """The line the table will show at the top once the cursor moves to the row `cursor`."""
        return int(max(0, min(self._line_showing(cursor), self.max_scroll_y)))

    def _keep_page(self, cursor: int) -> None:
        """Make the lines of the frame that a page to the row `cursor` will ask for, as the
        screen last asked for them, and keep them under all they depend on: if the page
        comes as foreseen, its frame only hands them over."""
        crop = self._last_crop
        if crop is None or not has_plain_styles(self):
            return
        top = self._top_with(cursor)
        frame = self._new_frame()
        lines = plain_lines(self, crop, lambda y: self._line(y, top, cursor, frame))
        self._kept_page = (self._page_key(crop, top, cursor, frame), lines)

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

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """As Textual's scroll view does, but the scrollbar repaints only the cells its thumb
        leaves and enters (a page moves it a fraction of a cell)."""
        if self.show_vertical_scrollbar:
            move_thumb(self.vertical_scrollbar, new_value)
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """A scrollbar that comes once the table is scrolled (to the cursor, as it is first
        filled) shows where: Textual tells a scrollbar where it is only as it scrolls. Its
        lines are made from kept cells (`ThumbLines`), not rendered anew at every page."""
        if shown:
            bar = self.vertical_scrollbar
            draw_from_kept_cells(bar)
            bar.position = self.scroll_y

    def on_resize(self) -> None:
        self._update_virtual_size()
        self._scroll_to_cursor()

    def _update_virtual_size(self) -> None:
        """The rows and the heading, and below them room enough to bring the row near the
        top that was brought there, however near the end it is, and for the last page to
        start with a whole row."""
        visible, rows_end = self._visible_lines(), self._starts[-1]
        lines = max(rows_end, self._row_start_from(rows_end - visible) + visible)
        anchor_line = self._anchor_line()
        if anchor_line is not None:
            lines = max(lines, anchor_line + visible)
        self.virtual_size = Size(self.scrollable_content_region.width, lines + 1)

    def notify_style_update(self) -> None:
        """Styles changed (a theme, focus): look the palette up again, as Textual does its
        own style lookups."""
        self._kept_palette = None
        super().notify_style_update()

    def _palette(self) -> Palette:
        """The styles as CSS gives them now, kept until they change: every line drawn asks.
        The cursor's in full, not partial: a blurred cursor's translucent background must be
        blended."""
        if self._kept_palette is None:
            self._kept_palette = self._looked_up_palette()
        return self._kept_palette

    def _looked_up_palette(self) -> Palette:
        def part(name: str) -> Style:
            return self.get_component_rich_style(f"schedule-table--{name}", partial=True)

        return Palette(
            base=self.rich_style,
            header=part("header"),
            cursor=self.get_component_rich_style("schedule-table--cursor"),
            slot=part("slot"),
            now=part("now"),
            past=part("past"),
            muted=part("muted"),
            room=part("room"),
            conflict=part("conflict"),
            date=part("date"),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of one frame: the width and the styles are looked up once for all of
        them, and each row (two or three lines) once for its lines. With plain styles (the
        app's) the lines go to the screen as drawn, so a page of rows drawn before costs
        next to nothing to show."""
        frame = self._frame = self._new_frame()
        try:
            if has_plain_styles(self):
                self._last_crop = crop
                kept = self._kept_page
                if kept and kept[0] == self._page_key(
                    crop, int(self.scroll_y), self._cursor, frame
                ):
                    return list(kept[1])
                return plain_lines(self, crop, self.render_line)
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _page_key(self, crop: Region, top: int, cursor: int, frame: Frame) -> PageKey:
        """What a frame's lines depend on: the part asked for, the first row line shown, the
        cursor, the width and styles, the rows listed, what the view marks (stars, conflicts,
        the time, the zone), and what the screen does to the lines (filters, background)."""
        _, background = self.background_colors
        filters = tuple(self.get_line_filters())
        drawn_as = (frame.width, frame.palette, frame.padding)
        return (
            crop,
            top,
            cursor,
            drawn_as,
            self._listing,
            self._view,
            self._conflicts,
            filters,
            background,
        )

    def render_line(self, y: int) -> Strip:
        return self._line(y, int(self.scroll_y), self._cursor, self._frame or self._new_frame())

    def _line(self, y: int, top: int, cursor: int, frame: Frame) -> Strip:
        """Line `y` with the rows shown from line `top` and the cursor on row `cursor`."""
        width, palette, padding = frame.width, frame.palette, frame.padding
        if y == 0:
            return self._heading(width, palette, padding)
        line = top + y - 1
        if line >= self._starts[-1]:
            return Strip.blank(width, palette.base).adjust_cell_length(*padding)
        row = bisect_right(self._starts, line) - 1
        strips = frame.rows.get(row)
        if strips is None:
            strips = frame.rows[row] = self._row_strips(row, width, palette, padding, cursor)
        return strips[line - self._starts[row]]

    def _new_frame(self) -> Frame:
        width = self.scrollable_content_region.width
        return Frame(width, self._palette(), padding_of(self), {})

    def _heading(self, width: int, palette: Palette, padding: Padding) -> Strip:
        """The heading line, drawn again only for another width or other styles."""
        drawn = self._drawn_heading
        if drawn is None or drawn[0] != (width, palette, padding):
            heading = tuple(Text(text) for text in ("Time", STAR, listing_heading(self.program)))
            strip = draw_line(heading, width, palette.base, palette.header, self.app.console)
            drawn = self._drawn_heading = (
                (width, palette, padding),
                strip.adjust_cell_length(*padding),
            )
        return drawn[1]

    def _look(self, row: int, width: int, palette: Palette, cursor: int) -> Look:
        view = self._view
        assert view is not None  # set by fill before anything is drawn
        entry, date_line = self._rows[row]
        key = self._keys[row]
        if isinstance(entry, Talk):
            on_now = is_on(entry.start, entry.end, view.now)
        else:  # a session's talks are marked on now, not the session
            has_talks = bool(self.program.talks_in_session(entry.id))
            on_now = not has_talks and is_on(entry.start, entry.end, view.now)
        past = view.is_over(entry)
        starred = key in view.starred
        conflict = key in self._conflicts
        return Look(
            key,
            date_line,
            starred,
            conflict,
            on_now,
            past,
            view.zone,
            row == cursor,
            width,
            palette,
        )

    def _row_strips(
        self, row: int, width: int, palette: Palette, padding: Padding, cursor: int
    ) -> tuple[Strip, ...]:
        """A row's lines with the cursor on row `cursor`, drawn once for each look it takes,
        filled out under the scrollbar as Textual would, so they reach the screen whole."""
        look = self._look(row, width, palette, cursor)
        strips = self._drawn.get((look, padding))
        if strips is None:
            drawn = draw_row(self._rows[row].entry, look, self.program, self.app.console)
            strips = tuple(strip.adjust_cell_length(*padding) for strip in drawn)
            self._drawn.set((look, padding), strips)
        return strips
