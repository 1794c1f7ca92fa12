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
    """Lines one under the other, each wrapped under its own text column."""

    def __init__(self, lines: Iterable[Indented]) -> None:
        self.lines = tuple(lines)
        self._laid_out: tuple[int, Content] | None = None  # the last width and its lines

    def __str__(self) -> str:
        return "\n".join(line.plain for line in self.lines)

    def _lay_out(self, width: int, rules: RulesMap) -> Content:
        """The lines wrapped for `width` cells less the padding Textual puts around a line."""
        inner = width - 2 * rules.get("line_pad", 0)
        if self._laid_out is None or self._laid_out[0] != inner:
            wrapped = [row for line in self.lines for row in line.wrapped(inner)]
            self._laid_out = (inner, Content("\n").join(wrapped))
        return self._laid_out[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._lay_out(width, options.rules).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        whole = Content("\n").join(line.prefix + line.text for line in self.lines)
        return whole.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._lay_out(width, rules).get_height(rules, width)
