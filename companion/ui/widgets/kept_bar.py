"""The search results' vertical scrollbar, whose lines go to the screen as they are drawn.

Textual passes each line of a scrollbar through the widget's styles cache, which builds
every line anew whenever the thumb changes (1.2 ms for a bar of 24 lines on a pty; the
thumb appears with each query's first results). A bar's styles add nothing to its lines,
so here they are sent as `ThumbLines` draws them (lines kept for each look of a cell),
filtered, as the styles cache gives them: the same, segment for segment (a test compares
the two). A bar whose styles do add something is drawn by Textual as usual.

Textual has no public way to give a widget another scrollbar class: it makes its bar on
first use and keeps it in the private `_vertical_scrollbar`. `kept_vertical_bar` is the one
place that sets it (a test fails if Textual stops drawing the bar set there).
"""

from __future__ import annotations

from typing import ClassVar

from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

from companion.ui.widgets.plain_lines import has_plain_styles, plain_lines
from companion.ui.widgets.thumb_lines import ThumbLines


class KeptLinesBar(ScrollBar):
    """A vertical scrollbar drawn from kept lines, straight to the screen."""

    renderer: ClassVar[type[ScrollBarRender]] = ThumbLines

    def render_lines(self, crop: Region) -> list[Strip]:
        if has_plain_styles(self):
            return plain_lines(self, crop, self.render_line)
        return super().render_lines(crop)


def kept_vertical_bar(widget: Widget) -> ScrollBar:
    """`widget`'s vertical scrollbar, made a `KeptLinesBar` as Textual would make its own."""
    bar = widget._vertical_scrollbar
    if bar is None:
        bar = widget._vertical_scrollbar = KeptLinesBar(
            vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical
        )
        bar.display = False
        widget.app._start_widget(widget, bar)
    return bar
