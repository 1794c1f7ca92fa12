"""An OptionList that hands the arrow keys on at its ends."""

from __future__ import annotations

from textual.actions import SkipAction

from companion.ui.widgets.choosable import ChoosableList


class EdgeList(ChoosableList):
    """Up at the first option and Down at the last go to the widgets around the list:
    SkipAction hands the key to the next binding for it (the screen's, or a scroll's)."""

    def action_cursor_up(self) -> None:
        if not self.highlighted:
            raise SkipAction
        super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted + 1 >= self.option_count:
            raise SkipAction
        super().action_cursor_down()


class PageList(EdgeList):
    """An EdgeList in a scrolling page (a talk's authors, a person's talks): moving the
    cursor brings the list into view; past its ends, the keys scroll the page."""

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self.scroll_visible()

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self.scroll_visible()
