"""A dialog over another screen, with its own footer."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.screen import ModalScreen

from companion.ui.widgets.key_footer import KeyFooter

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    """A modal screen whose footer shows the keys that act in it: without one, the screen
    underneath shows its own keys, which do nothing while the dialog is open."""

    def compose(self) -> ComposeResult:
        yield from self.compose_dialog()
        yield KeyFooter()

    def compose_dialog(self) -> ComposeResult:
        """The dialog itself (the footer is added)."""
        raise NotImplementedError
