"""Asks how many minutes before a starred talk starts it is announced."""

from __future__ import annotations

from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from companion.settings import LONGEST_REMINDER, reminder_minutes
from companion.ui.screens.dialog import Dialog
from companion.ui.widgets.typing import TypingInput

PROMPT = (
    "Minutes before a starred talk starts to announce it while the app is open "
    f"(0 to {int(LONGEST_REMINDER.total_seconds() // 60)}; 0 turns reminders off)."
)


class ReminderLeadScreen(Dialog[timedelta | None]):
    """Dismisses with the lead time typed, or None when cancelled."""

    CSS_PATH = "dialog.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="reminder.cancel", tooltip="Keep it as it is"),
        Binding("enter", "save", "Save", id="reminder.save", tooltip="Remember these minutes"),
    ]

    def __init__(self, before: timedelta) -> None:
        super().__init__()
        self.before = before

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(PROMPT)
            yield TypingInput(
                str(int(self.before.total_seconds() // 60)),
                type="integer",
                id="reminder-minutes",
            )
            yield Static(classes="dialog-status", id="reminder-status")

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "Reminders (Enter saves, Esc cancels)"
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            before = reminder_minutes(self.query_one(Input).value.strip())
        except ValueError as error:
            status = self.query_one("#reminder-status", Static)
            status.update(str(error))
            status.add_class("-warning")
            return
        self.dismiss(before)

    def action_cancel(self) -> None:
        self.dismiss(None)
