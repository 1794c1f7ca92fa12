"""A compositor that draws, for a part of the screen drawn again, only the widgets in front
there.

Textual draws every widget the drawn part overlaps, whole, then keeps of each line the
pieces of the widget in front: the search dialog's first results, 24 lines of a list,
drew the screen, the dialog's border and the list's inset behind all of them too, and cut
each of their lines into pieces thrown away. Here a part that one widget covers whole, in
front of all the others there, draws that widget alone; the widgets drawn are drawn as
Textual draws them, in its order, so the pieces kept are the same (a test compares what
the two send to the terminal). Whole updates are Textual's own.

The talk screen draws through it too: a star on a talk, one line, drew the header, the
footer and the details' box with all it holds again.

Textual has no public way to give a screen another compositor: the screen keeps it in the
private `_compositor`, and this one reads the parts to draw from the compositor's private
`_dirty_regions` and draws through its `_get_renders`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


class FrontCompositor(Compositor):
    """Textual's compositor, leaving out the widgets hidden in every part drawn again."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn: list[Region] | None = None  # the parts drawn again, in a partial update

    def render_partial_update(self) -> ChopsUpdate | None:
        self._drawn = list(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._drawn = None

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if not self._drawn:
            return super()._get_renders(crop)
        return self._front_renders(crop, self._drawn)

    def _front_renders(
        self, crop: Region | None, drawn: list[Region]
    ) -> Iterator[tuple[Region, Region, list[Strip]]]:
        """The widgets Textual would draw (front first, each cut to what of it is seen) but
        for those behind others in every part drawn: a part lies whole within one widget,
        in front, and the pieces kept there are that widget's alone."""
        uncovered = drawn
        for widget, (region, clip) in self.visible_widgets.items():
            seen = region.intersection(clip)
            if not seen.area or (crop is not None and not crop.overlaps(clip)):
                continue
            if not any(seen.overlaps(part) for part in uncovered):
                continue
            uncovered = [part for part in uncovered if not seen.contains_region(part)]
            part = Region(seen.x - region.x, seen.y - region.y, seen.width, seen.height)
            yield region, clip, widget.render_lines(part)
