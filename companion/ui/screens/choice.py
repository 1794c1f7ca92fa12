"""A small choice: a question, a few answers, Enter picks one, Esc none."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.ui.screens.dialog import Dialog


class ChoiceScreen(Dialog[int | None]):
    """Dismisses with the index of the answer picked, or None when cancelled. The answers
    may hold program text: they are shown as typed, never as markup."""

    CSS_PATH = "dialog.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="choice.cancel", tooltip="Choose nothing"),
    ]

    def __init__(self, question: str, answers: Sequence[str]) -> None:
        super().__init__()
        self.question = question
        self.answers = answers

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question))
            yield OptionList(*(Option(Content(answer)) for answer in self.answers))

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "Choose (Enter), or Esc"
        listing = self.query_one(OptionList)
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
