"""Search results as a virtual list: drawn as an OptionList draws them, at a fraction of
the cost of refilling one on every keystroke.

An OptionList measures every option it is given and draws each again after each refill.
This list takes rows whose height is their number of lines (it never wraps), draws only
the rows on screen, and keeps what it drew under the row's key: the talk that was on
screen for "comp" is not drawn again for "compi". A refill that changes nothing, as
most keystrokes within a word do, draws nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Sequence
from itertools import accumulate
from typing import NamedTuple

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style

from companion.ui.line_segments import line_segments
from companion.ui.widgets.kept_bar import kept_vertical_bar
from companion.ui.widgets.plain_lines import Padding, has_plain_styles, padding_of, plain_lines

DRAWN_ROWS = 200  # rows kept drawn, in each style they were drawn in: several screens


class ResultRow(NamedTuple):
    """A row: what it is (`id`), its lines, one Content each (made as lines: splitting one
    Content into them was two thirds of the cost of drawing a new row), and everything
    they are made of (`look`), under which it is kept drawn: Content compares by its text
    alone."""

    id: str
    lines: tuple[Content, ...]
    look: Hashable


def draw_row(
    lines: Sequence[Content], width: int, style: Style, out_to: Padding | None = None
) -> list[Strip]:
    """The `lines`, `width` cells each, as Textual draws them as one Content in a widget that
    neither wraps nor scrolls sideways (a line too long ends in "…"), over `style`; padded
    on `out_to` the widget's content width, as its styles cache pads them, when given.

    What `Visual.to_strips` gives for it, without what it looks up on every call (the
    widget's rules, link style and selection): that was most of the cost of a new row,
    and a query's first results are a dozen new rows in one frame. Each line is made once,
    padded: a strip is costly to make, and padding it made two more."""
    strips = []
    for y, line in enumerate(lines):
        line = line.expand_tabs().truncate(width, ellipsis=True)
        segments = line_segments(line, y, style)
        cells = line.cell_length
        if cells < width:
            segments.append(Segment(" " * (width - cells), style.rich_style))
            cells = width
        if out_to is not None and cells < out_to.width:
            segments.append(Segment(" " * (out_to.width - cells), out_to.style))
            cells = out_to.width
        strips.append(Strip(segments, cells))
    return strips


class Frame(NamedTuple):
    """What every line of a frame being drawn shares: the width and the rows' styles,
    looked up once a frame, not once a line."""

    width: int
    option: Style
    highlighted: Style
    hover: Style
    out_to: Padding | None  # where lines that go to the screen as drawn are padded out to


class ResultList(ScrollView, can_focus=True):
    """Rows with one highlighted, styled by the same rules as Textual's OptionList."""

    DEFAULT_CSS = """
    ResultList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .result-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .result-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .result-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES = {
        "result-list--option",
        "result-list--option-highlighted",
        "result-list--option-hover",
    }

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(-1)", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    class Selected(Message):
        """A row was chosen: clicked, or Enter pressed on it while the list has the focus."""

        def __init__(self, result_list: ResultList, index: int) -> None:
            super().__init__()
            self.result_list = result_list
            self.index = index

        @property
        def control(self) -> ResultList:
            return self.result_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: tuple[ResultRow, ...] = ()
        self._starts: list[int] = [0]  # each row's first line, then the total
        self._highlighted: int | None = None
        self._hover: int | None = None
        self._drawn: LRUCache[tuple[str, Hashable, int, Style, Padding | None], list[Strip]]
        self._drawn = LRUCache(DRAWN_ROWS)
        self._frame: Frame | None = None  # while a frame is drawn

    # -- the rows ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def row_ids(self) -> tuple[str, ...]:
        return tuple(row.id for row in self._rows)

    def show(self, rows: Sequence[ResultRow]) -> None:
        """These rows, the first highlighted, scrolled to the top; nothing is drawn again
        when they are the rows shown already."""
        rows = tuple(rows)
        if [row[::2] for row in rows] != [row[::2] for row in self._rows]:
            self._rows = rows
            self._starts = [0, *accumulate(len(row.lines) for row in rows)]
            self._hover = None
            self._update_virtual_size()
            self.refresh()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.highlighted = 0 if rows else None

    # -- the highlight -------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = max(0, min(index, len(self._rows) - 1)) if self._rows else None
        old, self._highlighted = self._highlighted, index
        if old != index:
            self._refresh_row(old)
            self._refresh_row(index)
        self._scroll_to_highlight()

    def _refresh_row(self, index: int | None) -> None:
        if index is not None and index < len(self._rows):
            start = self._starts[index]
            self.refresh_lines(start, self._starts[index + 1] - start)

    def _scroll_to_highlight(self) -> None:
        index = self._highlighted
        if index is None or not self.is_mounted:
            return
        top, bottom = self._starts[index], self._starts[index + 1]
        region = Region(0, top, self.scrollable_content_region.width, bottom - top)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_move(self, step: int) -> None:
        if self._rows:
            self.highlighted = (self._highlighted or 0) + step

    def action_page(self, direction: int) -> None:
        """The highlight a screenful of lines down (or up), onto the row found there."""
        if self._rows:
            top = self._starts[self._highlighted or 0]
            line = top + direction * max(1, self.scrollable_content_region.height)
            line = max(0, min(line, self._starts[-1] - 1))
            self.highlighted = bisect_right(self._starts, line) - 1

    def action_edge(self, index: int) -> None:
        if self._rows:
            self.highlighted = index if index >= 0 else len(self._rows) - 1

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    # -- the mouse -----------------------------------------------------------------------

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = int(self.scroll_y) + offset.y
        return bisect_right(self._starts, line) - 1 if 0 <= line < self._starts[-1] else None

    def on_click(self, event: events.Click) -> None:
        """A click highlights the row and chooses it, as in an OptionList."""
        row = self._row_at(event)
        if row is not None:
            self.highlighted = row
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def on_leave(self) -> None:
        self._set_hover(None)

    def _set_hover(self, row: int | None) -> None:
        if row != self._hover:
            old, self._hover = self._hover, row
            self._refresh_row(old)
            self._refresh_row(row)

    # -- drawing -------------------------------------------------------------------------

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The bar drawn from kept lines, straight to the screen: its thumb appears with a
        query's first results, and Textual drew the whole bar again for it, through Rich and
        then line by line through its styles cache (about 1.2 ms of that keystroke)."""
        return kept_vertical_bar(self)

    def on_resize(self) -> None:
        self._update_virtual_size()
        self._scroll_to_highlight()

    def _update_virtual_size(self) -> None:
        """The rows' height; no width: rows are cut to the list's width, never scrolled
        sideways. A width changed as the scrollbar came, and the list was laid out and every
        row on it drawn again in the next frame, as it first filled."""
        lines = self._starts[-1]
        if self.styles.overflow_y == "scroll":  # a scrollbar whatever the rows: only its thumb
            self._resize_scrollbar(lines)
            return
        height = self.container_size.height
        if height and self.styles.overflow_y == "auto" and not self.styles.auto_dimensions:
            overflows = lines > height
            if overflows == self.show_vertical_scrollbar:
                self._resize_scrollbar(lines)
                return
            # Whether the rows overflow, said now: Textual finds out as it lays the screen
            # out for the frame, and the scrollbar that appears then needs another layout,
            # so the rows were drawn in one frame and their scrollbar 30-40 ms later.
            self.show_vertical_scrollbar = overflows
        self.virtual_size = Size(0, lines)

    def _resize_scrollbar(self, lines: int) -> None:
        """A new height that changes nothing on screen but the scrollbar's thumb: set
        without the layout a new virtual size asks for, which lays the whole screen out
        and redraws the scrollbar in one more frame (the list's size stays the same)."""
        self.set_reactive(ResultList.virtual_size, Size(0, lines))
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = lines

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of one frame, the styles looked up once for all of them. A list whose
        styles add nothing to its lines (the search dialog's: a box around it pads it) sends
        them to the screen as drawn: Textual's styles cache built each line anew with the
        padding and ran the line filters on it again (about a sixth of the CPU of the
        keystroke that first fills the list, and of one that replaces its rows)."""
        plain = has_plain_styles(self)
        self._frame = self._looked_up_frame(padding_of(self) if plain else None)
        try:
            if plain:
                return plain_lines(self, crop, self.render_line)
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _looked_up_frame(self, out_to: Padding | None = None) -> Frame:
        option = "result-list--option"
        return Frame(
            self.scrollable_content_region.width,
            self.get_visual_style(option),
            self.get_visual_style(option, "result-list--option-highlighted"),
            self.get_visual_style(option, "result-list--option-hover"),
            out_to,
        )

    def render_line(self, y: int) -> Strip:
        frame = self._frame or self._looked_up_frame()
        line = int(self.scroll_y) + y
        if line >= self._starts[-1]:
            return Strip.blank(frame.width, frame.option.rich_style)
        row = bisect_right(self._starts, line) - 1
        return self._row_strips(row, frame)[line - self._starts[row]]

    def _row_style(self, row: int, frame: Frame) -> Style:
        if row == self._highlighted:
            return frame.highlighted
        if row == self._hover:
            return frame.hover
        return frame.option

    def _row_strips(self, row: int, frame: Frame) -> list[Strip]:
        """A row's lines, drawn once for each width and style it is shown in."""
        row_id, lines, look = self._rows[row]
        style = self._row_style(row, frame)
        drawn_key = (row_id, look, frame.width, style, frame.out_to)
        strips = self._drawn.get(drawn_key)
        if strips is None:
            strips = draw_row(lines, frame.width, style, frame.out_to)
            self._drawn.set(drawn_key, strips)
        return strips


class ResultListInset(Vertical):
    """A box that pads the ResultList it holds, so the list's own styles add nothing to its
    lines (see `ResultList.render_lines`). The inset acts as the list under the mouse, as
    the list's own padding did: a press there focuses the list, the wheel scrolls it."""

    def _results(self) -> ResultList:
        return self.query_one(ResultList)

    def on_mouse_down(self) -> None:
        """(A press on the list itself has focused it already, and comes here after.)"""
        results = self._results()
        if self.screen.focused is not results:
            results.focus()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_results(event, self.app.scroll_sensitivity_y)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_results(event, -self.app.scroll_sensitivity_y)

    def _scroll_results(self, event: events.MouseEvent, lines: float) -> None:
        """The wheel over the inset (over the rows, the list scrolls itself); with Shift or
        Ctrl it scrolls sideways, which the list never does."""
        if not (event.ctrl or event.shift):
            event.stop()
            results = self._results()
            results.scroll_to(y=results.scroll_target_y + lines, animate=False)
