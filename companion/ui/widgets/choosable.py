"""A list whose Enter is its own, shown in the footer."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList

from companion.ui.widgets.thumb_lines import draw_from_kept_cells


class ChoosableList(OptionList):
    """Enter chooses the option under the cursor, and the footer says so ("⏎ Open").

    The list's own binding, not a priority binding of its screen: Textual runs a priority
    key the moment it arrives, ahead of keys typed just before it that the list has yet
    to handle, so a quick Down then Enter chose the row above. Enter is offered only while
    the cursor is on an option that can be chosen.
    """

    BINDINGS = [Binding("enter", "select", "Open", tooltip="Open what is under the cursor")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select":
            return self.highlighted is not None
        return True

    @on(OptionList.OptionHighlighted)
    def _cursor_moved(self) -> None:
        self.refresh_bindings()

    def scroll_to_highlight(self, top: bool = False) -> None:
        """As OptionList scrolls to the cursor, but scrolled down to it the top line starts
        an option, as far as the list scrolls: scrolled just far enough, a talk wrapped on
        two or three lines showed its last ones at the top, without its time and title."""
        before = self.scroll_y
        super().scroll_to_highlight(top)
        highlighted, line = self.highlighted, int(self.scroll_y)
        if highlighted is None or self.scroll_y <= before or line >= len(self._lines):
            return
        index, offset = self._lines[line]
        next_start = line - offset + self._heights[index]
        if offset and next_start <= self._index_to_line[highlighted]:
            self.scroll_to(y=next_start, animate=False, immediate=True, force=True)

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        if shown:
            draw_from_kept_cells(self.vertical_scrollbar)

    def notify_style_update(self) -> None:
        """Forget the styles worked out before, without OptionList's repaint of every row:
        Textual styles a screen anew each time it is shown again, and repainting the rows
        then cost a few milliseconds of every switch to Speakers or Starred. A style that
        did change repaints the list still: a changed rule refreshes its widget, and a
        changed part (the cursor's colours, as focus comes and goes) refreshes the list."""
        Widget.notify_style_update(self)
