"""Moving a vertical scrollbar's thumb by repainting only the cells it leaves and enters.

Textual repaints the whole scrollbar whenever its position changes, and on a long list a
page moves the thumb by a fraction of a cell: most of a page down's scrollbar work (every
one of its lines built anew) changed two or three cells, or none (the thumb is drawn in
eighths of a cell, and on a day of 2,000 talks a page moves it by about two). The position
set here is the one Textual would set (its own validation); the thumb is placed as
Textual's renderer places it, and only the cells from where it was to where it is are
repainted (those between too: the track above a thumb scrolls up when clicked, below it
down), none when it is drawn the same.
"""

from __future__ import annotations

from math import ceil

from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender

EIGHTHS = len(ScrollBarRender.VERTICAL_BARS)  # the parts of a cell a thumb's ends are drawn in


def move_thumb(bar: ScrollBar, position: float) -> None:
    """Give `bar` a new position, as setting `bar.position` does, at a lesser cost."""
    new = bar.validate_position(position)
    old = bar.position
    if new == old:
        return
    before, after = _thumb_eighths(bar, old), _thumb_eighths(bar, new)
    bar.set_reactive(ScrollBar.position, new)
    if before is None or after is None:
        bar.refresh()
    elif before != after:
        bar.refresh(_cells(bar, min(before[0], after[0]), max(before[1], after[1])))


def _thumb_eighths(bar: ScrollBar, position: float) -> tuple[int, int] | None:
    """Where the thumb starts and ends at `position`, in eighths of a cell, worked out as
    Textual's `ScrollBarRender.render_bar` does; None when the bar shows no thumb that
    moves (it then is repainted whole)."""
    size = bar.size.height
    virtual_size = ceil(bar.window_virtual_size)
    window = ceil(bar.window_size) if bar.window_size < bar.window_virtual_size else 0
    if not (size and window and virtual_size and virtual_size != size):
        return None
    thumb = max(1, window / (virtual_size / size))
    top = (size - thumb) * (position / (virtual_size - window))
    start = int(top * EIGHTHS)
    return start, start + ceil(thumb * EIGHTHS)


def _cells(bar: ScrollBar, start: int, end: int) -> Region:
    """The lines from the cell eighth `start` is in to the one eighth `end` is in."""
    first, last = max(0, start) // EIGHTHS, max(0, end) // EIGHTHS
    return Region(0, first, bar.size.width, min(bar.size.height, last + 1) - first)
