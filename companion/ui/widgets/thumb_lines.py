"""A vertical scrollbar's lines made straight from its cells, through Textual's documented
hook for drawing a scrollbar (`ScrollBar.renderer`, set on one bar): the schedule's and
every list's.

Textual draws a scrollbar as a Rich renderable: each time its thumb moves (each page down)
every line of the bar goes through Rich's rendering again, the costliest part of a page's
frame after the table's own lines. The bar is one cell per line, in a handful of looks
(the track above and below the thumb, the thumb, its two partial ends); here each look
becomes a line once and is kept, so a moved thumb only picks kept lines. The lines are
Textual's own, segment for segment (a test compares the two).
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.cache import LRUCache
from textual.css.styles import RulesMap
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

KEPT_LINES = 32  # a bar's five looks, in a few styles (themes, hover, a grab): every bar's
DEFAULT_BACK = Color.parse("#555555")  # what Textual's bar falls back on without colours
DEFAULT_BAR = Color.parse("bright_magenta")

_kept: LRUCache[tuple[Segment, RichStyle], Strip] = LRUCache(KEPT_LINES)


class ThumbLines(ScrollBarRender, Visual):
    """A vertical bar's renderer that is also its own Visual: Textual asks it for lines
    directly, instead of rendering it as Rich would."""

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        bar_style = self.style if isinstance(self.style, RichStyle) else RichStyle.parse(self.style)
        cells = self.render_bar(
            size=height or 0,
            virtual_size=self.virtual_size,
            window_size=self.window_size,
            position=self.position,
            thickness=width,
            vertical=True,
            back_color=bar_style.bgcolor or DEFAULT_BACK,
            bar_color=bar_style.color or DEFAULT_BAR,
        )
        base = style.rich_style
        return [_line(cell, base) for cell in cells.segments]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width  # a bar fills the width it is given

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.window_size  # and the height: it is never laid out by its content


def draw_from_kept_cells(bar: ScrollBar) -> None:
    """Have `bar` drawn by `ThumbLines` (Textual redraws a list's whole bar as it scrolls,
    and at every switch to its screen: each line through Rich, about 1 ms a bar)."""
    bar.renderer = ThumbLines  # type: ignore[misc]  # per bar, as Textual documents


def _line(cell: Segment, base: RichStyle) -> Strip:
    """One line of the bar: its cell under the widget's own style, as Textual puts it."""
    key = (cell, base)
    line = _kept.get(key)
    if line is None:
        line = Strip([Segment(cell.text, base + cell.style)])
        _kept.set(key, line)
    return line
