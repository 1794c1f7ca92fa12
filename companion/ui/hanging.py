"""Lines whose wrapped continuation stays under their own text (a hanging indent).

Textual wraps a long line back to the first column: a value wrapped under its label,
a talk's title under its time, a key's description under the key. `Hanging` wraps each
line's text in the width its prefix leaves, and starts every continuation at that column.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from companion.ui.line_segments import line_segments

NARROWEST_TEXT = 12  # below this many columns a hanging indent costs more than it shows


@dataclass(frozen=True)
class Indented:
    """A prefix (a label, a time, a bullet, or nothing) and the text that wraps after it."""

    prefix: Content
    text: Content

    @property
    def plain(self) -> str:
        return (self.prefix + self.text).plain

    def wrapped(self, width: int) -> list[Content]:
        """The line cut to `width` columns, every continuation under the text's first column."""
        indent = self.prefix.cell_length
        if width - indent < NARROWEST_TEXT:
            return (self.prefix + self.text).wrap(max(width, 1))
        first, *rest = self.text.wrap(width - indent) or [Content()]
        return [self.prefix + first, *(Content(" " * indent) + line for line in rest)]


class Hanging(Visual):
    """Lines one under the other, each wrapped under its own text column.

    The lines are wrapped once, by `Indented.wrapped`, and each row drawn as it is: not
    joined into one text for Textual to split and wrap again (the abstract of every talk
    opened was wrapped twice). A row is drawn as Textual draws a line that fits: unless
    Textual would cut or place it otherwise (a row wider than the width, a tab left in a
    prefix, no wrapping, a centred or right alignment), then the rows are handed
    to Textual as one text.
    """

    def __init__(self, lines: Iterable[Indented]) -> None:
        self.lines = tuple(lines)
        self._laid_out: tuple[int, list[Content]] | None = None  # the last width, its rows

    def __str__(self) -> str:
        return "\n".join(line.plain for line in self.lines)

    def _rows(self, width: int, rules: RulesMap) -> list[Content]:
        """The lines wrapped for `width` cells less the padding Textual puts around a line."""
        inner = width - 2 * rules.get("line_pad", 0)
        if self._laid_out is None or self._laid_out[0] != inner:
            rows = [row for line in self.lines for row in line.wrapped(inner)]
            self._laid_out = (inner, rows or [Content()])  # no lines: one blank, as Textual
        return self._laid_out[1]

    def _drawn_as_they_are(self, rows: list[Content], width: int, rules: RulesMap) -> bool:
        """Textual would draw each row on a line of its own, from the left, uncut."""
        inner = width - 2 * rules.get("line_pad", 0)
        return (
            rules.get("text_wrap", "wrap") == "wrap"
            and rules.get("text_align", "left") in ("left", "start", "justify")
            and all(row.cell_length <= inner and "\t" not in row.plain for row in rows)
        )

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        rows = self._rows(width, options.rules)
        if not self._drawn_as_they_are(rows, width, options.rules):
            return Content("\n").join(rows).render_strips(width, height, style, options)
        return [
            _row_strip(row, y, width, style, options)
            for y, row in enumerate(rows[:height] if height is not None else rows)
        ]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        whole = Content("\n").join(line.prefix + line.text for line in self.lines)
        return whole.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        rows = self._rows(width, rules)
        if self._drawn_as_they_are(rows, width, rules):
            return len(rows)
        return Content("\n").join(rows).get_height(rules, width)


def _row_strip(row: Content, y: int, width: int, style: Style, options: RenderOptions) -> Strip:
    """The row drawn as line `y` of a text, as Textual draws a line that fits `width`: its
    post style, its part of a selection, its line padding, then each part in its style
    with its offset (for the mouse)."""
    if options.post_style is not None:
        row = row.stylize(options.post_style)
    span = options.selection.get_span(y) if options.selection is not None else None
    if options.selection_style is not None and span is not None:
        start, end = span
        row = row.stylize(options.selection_style, start, len(row.plain) if end == -1 else end)
    line_pad = options.rules.get("line_pad", 0)
    row = row.rstrip_end(width).pad(line_pad, line_pad)
    return Strip(line_segments(row, y, style, options.get_style), row.cell_length)
