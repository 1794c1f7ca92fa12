"""A line of Content made into segments as Textual draws it in a widget: each part in its
style, with its place on the line for the mouse (a selection reads it)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.style import Style


@lru_cache(maxsize=1024)
def _placed_style(style: Style, x: int, y: int) -> RichStyle:
    """Made once: a Rich style takes 9 µs to make, and the lines of a list or a text share
    a few styles at the same places (each line's first part is at x 0)."""
    return style.rich_style_with_offset(x, y)


def line_segments(
    line: Content, y: int, style: Style, parse_style: Callable[[str | Style], Style] | None = None
) -> list[Segment]:
    """`line`, drawn as line `y` over `style`: a style with a link is made each time (Rich
    gives each link an id of its own)."""
    segments, x = [], 0
    for text, text_style in line.render(style, end="", parse_style=parse_style):
        part = style + text_style
        placed = part.rich_style_with_offset(x, y) if part.link else _placed_style(part, x, y)
        segments.append(Segment(text, placed))
        x += len(text)
    return segments
