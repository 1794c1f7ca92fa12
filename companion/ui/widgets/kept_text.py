"""A Static whose lines are worked out once for each content and width, then kept.

Textual wraps a Static's content (height auto) once to lay it out, for its height, and
again to draw it, and the drawing again as the Static is laid out anew for no change of
its own (a talk's facts: its abstract, a median 1,358 characters at 10,000 talks, every
time a talk was opened). Here the lines drawn give the height too: the content is wrapped
once, when it is laid out, and the frame picks the kept lines. The lines are Textual's
own (`Visual.to_strips`, as Static draws them), so what is drawn is the same. One whose
styles add nothing around its lines (a margin, not a padding) sends them to the screen as
they are kept, past Textual's styles cache, which built each anew at every frame.

A new content that wraps to as many lines as the one drawn, at the width it was drawn at,
is drawn in place: it cannot change the widget's size, so it asks for no layout (a
talk's star, toggled: one line drawn again rather than the whole screen laid out).

The lines of the content shown before are kept too: a content shown again (the very
object: a talk's star, toggled back) is drawn from them, not made again.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual, VisualType
from textual.widgets import Static

from companion.ui.widgets.plain_lines import has_plain_styles, padding_of, plain_lines

KEPT = 2  # the contents whose lines are kept: the one shown and the one before


class _LinesKey(NamedTuple):
    """What the kept lines were drawn from: another of any of these draws them anew."""

    visual: Visual
    width: int
    selection: Selection | None
    highlighted_link: str

    def draws_as(self, other: _LinesKey) -> bool:
        """The same visual (the very one: Textual's Content compares its plain text only,
        so a text with other styles or links would compare equal), at the same width, with
        the same selection and the same link under the mouse."""
        return self.visual is other.visual and self[1:] == other[1:]


class KeptText(Static):
    """A Static drawn from lines kept for its content and width (see the module)."""

    # Only ever set as the screen lays it out, to the size it was laid out at. Textual's own
    # asks for another layout as it changes, one that lays out the same: every talk opened
    # with another height of facts had its screen laid out and drawn again after the first.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)  # a text given is data
        self._kept: list[tuple[_LinesKey, list[Strip]]] = []  # the last drawn first

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Laid out again only where the new content may change its size (see the module)."""
        width = self.content_size.width
        kept = self._kept[0] if self._kept else None
        drawn = len(kept[1]) if width and kept is not None and kept[0].width == width else None
        super().update(content, layout=False)
        if layout and (
            drawn is None or not self._width_is_fixed() or len(self.lines(width)) != drawn
        ):
            self.refresh(layout=True)

    def _width_is_fixed(self) -> bool:
        """Its width is the container's, not the content's: only its height can change."""
        width = self.styles.width
        return width is None or not width.is_auto

    def lines(self, width: int) -> list[Strip]:
        """The content's lines at `width` cells, each as Static draws it."""
        key = self._key(self.visual, width)
        for index, (kept_key, lines) in enumerate(self._kept):
            if kept_key.draws_as(key):
                if index:
                    self._kept.insert(0, self._kept.pop(index))
                return lines
        made = self._made(self.visual, width)
        self._kept = [made, *self._kept[: KEPT - 1]]
        return made[1]

    def _key(self, visual: Visual, width: int) -> _LinesKey:
        return _LinesKey(visual, width, self.text_selection, self.highlight_link_id)

    def _made(self, visual: Visual, width: int) -> tuple[_LinesKey, list[Strip]]:
        strips = Visual.to_strips(self, visual, width, None, self.visual_style)
        # Padded once, as the screen pads them: a line drawn whole then goes to the
        # screen as it is kept, its filtered copy kept on it, at every frame.
        _, pad = padding_of(self)
        return self._key(visual, width), [strip.adjust_cell_length(width, pad) for strip in strips]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)) if width else 0

    def render_line(self, y: int) -> Strip:
        return self._line_of(self.lines(self.size.width), y)

    def render_lines(self, crop: Region) -> list[Strip]:
        if has_plain_styles(self):
            lines = self.lines(self.size.width)  # looked up once a frame, not once a line
            return plain_lines(self, crop, lambda y: self._line_of(lines, y))
        return super().render_lines(crop)

    def _line_of(self, lines: list[Strip], y: int) -> Strip:
        if y < len(lines):
            return lines[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def notify_style_update(self) -> None:
        """New styles (a theme, a class) may draw the same content differently."""
        self._kept = []
        super().notify_style_update()
