"""The Schedule's day bar: one label a day, the day shown underlined, as Textual's `Tabs`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size
from textual import events
from textual.color import Color
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

PADDING = 1  # columns either side of a day's label, as a Tab's
BAR = "━"
HALF_BAR_LEFT = "╺"
HALF_BAR_RIGHT = "╸"


def columns(line: Content, start: int, end: int) -> Content:
    """The columns `start` to `end` of a one-line Content, no more cells than that: slicing
    counts characters, which a wide one (CJK) is two cells of and a combining accent none.
    A wide character cut in two by either edge is left out (a space at the left edge)."""
    text = line.plain
    edges = [*accumulate(map(get_character_cell_size, text), initial=0)]  # where each starts
    first = bisect_left(edges, start)
    while first < len(text) and edges[first + 1] == edges[first]:
        first += 1  # an accent whose letter is cut off
    last = max(first, bisect_right(edges, end) - 1)  # the characters that end by `end`
    shown = line[first:last]
    return shown.pad_left(edges[first] - start) if edges[first] > start else shown


class DayBar(Widget):
    """The days drawn as Textual's `Tabs` draws its tabs (labels, then a bar that is
    highlighted under the chosen one), as one widget rather than one per day and four
    around them: every widget of a screen is styled again each time it is shown. It does
    not take the focus (`,` and `.` change the day); a click on a day, or under it, chooses
    it. The bar moves at once, where Tabs slides it for a third of a second."""

    DEFAULT_CSS = """
    DayBar {
        width: 100%;
        height: 2;
        pointer: pointer;
        & > .day-bar--day { color: $foreground 50%; }
        & > .day-bar--chosen { color: $foreground; }
        & > .day-bar--bar { color: $block-cursor-background; background: $foreground 10%; }
        &:ansi {
            & > .day-bar--day { text-style: dim; }
            & > .day-bar--chosen { text-style: not dim bold; }
            & > .day-bar--bar { color: $block-cursor-background; background: $border-blurred; }
        }
    }
    """
    COMPONENT_CLASSES = {"day-bar--day", "day-bar--chosen", "day-bar--bar"}

    chosen: reactive[int] = reactive(0)
    hovered: reactive[int | None] = reactive(None)

    class Chosen(Message):
        """A day was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, labels: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self._spans: list[tuple[int, int]] = []  # each day's columns, padding included
        column = 0
        for label in labels:
            width = Content(label).cell_length + 2 * PADDING
            self._spans.append((column, column + width))
            column += width

    def _scroll(self) -> int:
        """Columns scrolled off to the left: the chosen day centred when the days do not
        all fit, as Tabs scrolls."""
        width, total = self.size.width, self._spans[-1][1] if self._spans else 0
        if total <= width:
            return 0
        start, end = self._spans[self.chosen]
        return max(0, min(total - width, (start + end) // 2 - width // 2))

    def render(self) -> Content:
        scroll, width = self._scroll(), self.size.width
        day = self.get_visual_style("day-bar--day", partial=True)
        chosen = self.get_visual_style("day-bar--chosen", partial=True)
        lit = {self.chosen, self.hovered}  # a day under the mouse is drawn as the chosen one
        pad = " " * PADDING
        labels = Content.assemble(
            *(
                part
                for i, label in enumerate(self.labels)
                for part in (pad, (label, chosen if i in lit else day), pad)
            )
        )
        total = max(width + scroll, labels.cell_length)
        return Content("\n").join(
            [columns(labels, scroll, scroll + width), self._bar(total)[scroll : scroll + width]]
        )

    def _bar(self, width: int) -> Content:
        """The bar under the days, highlighted under the chosen day's label."""
        bar = self.get_component_rich_style("day-bar--bar")
        lit = Style(foreground=Color.from_rich_color(bar.color))
        unlit = Style(foreground=Color.from_rich_color(bar.bgcolor))
        start, end = self._spans[self.chosen]
        start, end = start + PADDING, end - PADDING
        parts: list[tuple[str, Style]] = [(BAR * (start - 1) + HALF_BAR_RIGHT, unlit)]
        parts.append((BAR * (end - start), lit))
        if end != width:
            parts.append((HALF_BAR_LEFT + BAR * (width - end - 1), unlit))
        return Content.assemble(*parts)

    def _day_at(self, x: int) -> int | None:
        x += self._scroll()
        return next((i for i, (start, end) in enumerate(self._spans) if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        index = self._day_at(event.x)
        if index is not None:
            self.post_message(self.Chosen(index))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self._day_at(event.x) if event.y == 0 else None

    def on_leave(self) -> None:
        self.hovered = None
