"""A VerticalScroll whose own lines go to the screen as they are drawn.

A scrolling container draws lines of its own too (its background, wherever its children
leave room): blank lines, which Textual's styles cache builds anew for every line as the
container is drawn again, about as costly as the lines of a screenful of text. With styles
that add nothing to them (no padding, border or tint), they skip it (`plain_lines`).
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.strip import Strip

from companion.ui.widgets.plain_lines import has_plain_styles, plain_lines


class PlainScroll(VerticalScroll):
    # Its children's size, set only as the screen lays them out; Textual's own asks for
    # another layout as it changes, which lays out the same (see `KeptText`). Its
    # scrollbars follow it without one.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=False)

    def render_lines(self, crop: Region) -> list[Strip]:
        if has_plain_styles(self):
            return plain_lines(self, crop, self.render_line)
        return super().render_lines(crop)
