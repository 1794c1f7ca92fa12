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
