"""A line-API widget's lines as they reach the screen, for a widget whose styles add nothing
around or over its content (no border, outline, padding, tint, hatch or opacity).

Textual passes every line a widget draws through its styles cache, which builds the line
anew (a new strip each time) whenever the widget scrolls, so the app's line filters run
on it again too. For such a widget that work gives back the line it was given, filtered:
here the line drawn goes to the screen as it is, and a line drawn before (the same strip)
finds its filtered copy kept on it. What reaches the screen is the same, segment for
segment (a test compares the two).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from rich.style import Style as RichStyle
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget


def has_plain_styles(widget: Widget) -> bool:
    """Whether the widget's styles leave its lines as drawn (but for the line filters)."""
    styles = widget.styles
    return (
        not widget.BLANK
        and not any(styles.gutter)  # padding and border
        and not any(edge for edge, _ in styles.outline)
        and not styles.tint.a
        and styles.text_opacity == 1
        and widget.opacity == 1
        and (not styles.has_rule("hatch") or styles.hatch == "none")
    )


class Padding(NamedTuple):
    """How Textual fills a line out to the widget's content width (under its scrollbar)."""

    width: int
    style: RichStyle


def padding_of(widget: Widget) -> Padding:
    base_background, background = widget.background_colors
    style = Style(background=base_background + background).rich_style
    return Padding(widget.content_region.width, style)


def plain_lines(widget: Widget, crop: Region, render_line: Callable[[int], Strip]) -> list[Strip]:
    """The lines of `crop` as Textual's styles cache gives them for a widget with plain
    styles: each padded to the content's width, filtered, then cut to the crop's columns."""
    width, pad = padding_of(widget)
    _, background = widget.background_colors
    filters = widget.get_line_filters()
    start, end = crop.column_span
    lines: list[Strip] = []
    for y in crop.line_range:
        line = render_line(y)
        # Where the crop shows the line as drawn, padding it and cutting it back is a no-op.
        whole = start == 0 and end == line.cell_length <= width
        if not whole:
            line = line.adjust_cell_length(width, pad)
        for line_filter in filters:
            line = line.apply_filter(line_filter, background)  # kept on the line filtered
        lines.append(line if whole else line.crop(start, end))
    return lines


def finish_ahead(widget: Widget, lines: Iterable[Strip]) -> None:
    """Do to lines the widget will show whole, before it shows them, what the screen does to
    them as it shows them: run the line filters, cut each where the scrollbar starts (the
    screen lays the scrollbar over that part), and turn the parts into the terminal's
    escape sequences (on a terminal, a third of a millisecond a page of lines, paid as the
    frame is written). Each line keeps what came of it, so showing it later costs
    look-ups."""
    _, background = widget.background_colors
    filters = widget.get_line_filters()
    cuts = [widget.scrollable_content_region.width, widget.content_region.width]
    console = widget.app.console
    for line in lines:
        for line_filter in filters:
            line = line.apply_filter(line_filter, background)
        for part in line.divide(cuts):
            part.render(console)
