"""Moving a vertical scrollbar's thumb by repainting only the cells it leaves and enters.

Textual repaints the whole scrollbar whenever its position changes, and on a long list a
page moves the thumb by a fraction of a cell: most of a page down's scrollbar work (every
one of its lines built anew) changed two or three cells. The position set here is the one
Textual would set (its own validation), and the cells repainted are those the thumb covers
before and after, a cell either side to spare for the partial glyphs at its ends.
"""

from __future__ import annotations

from math import ceil, floor

from textual.geometry import Region
from textual.scrollbar import ScrollBar

SPARE = 1  # cells repainted beyond each end of the thumb


def move_thumb(bar: ScrollBar, position: float) -> None:
    """Give `bar` a new position, as setting `bar.position` does, at a lesser cost."""
    new = bar.validate_position(position)
    old = bar.position
    if new == old:
        return
    before, after = _thumb_lines(bar, old), _thumb_lines(bar, new)
    bar.set_reactive(ScrollBar.position, new)
    if before is None or after is None:
        bar.refresh()
        return
    bar.refresh(*(Region(0, first, bar.size.width, end - first) for first, end in (before, after)))


def _thumb_lines(bar: ScrollBar, position: float) -> tuple[int, int] | None:
    """The lines the thumb covers at `position` (first, end), with `SPARE` lines more either
    side; None when the bar shows no thumb that moves (it then is repainted whole)."""
    size = bar.size.height
    virtual_size = ceil(bar.window_virtual_size)
    window = ceil(bar.window_size) if bar.window_size < bar.window_virtual_size else 0
    if not (size and window and virtual_size > window and virtual_size != size):
        return None
    thumb = max(1.0, window * size / virtual_size)
    top = (size - thumb) * position / (virtual_size - window)
    return max(0, floor(top) - SPARE), min(size, ceil(top + thumb) + SPARE)
