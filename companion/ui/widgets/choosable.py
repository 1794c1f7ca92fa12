"""A list whose Enter is its own, shown in the footer."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import OptionList


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
