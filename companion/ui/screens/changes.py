"""What an update of the program changed: starred talks first, then new, changed and
cancelled ones; Enter opens a talk that is still in the program."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.changes import ProgramChanges
from companion.present.changes import ChangeRow, change_lead, change_rows, changes_heading
from companion.program import Program
from companion.ui.hanging import Hanging, Indented
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services
from companion.ui.widgets.talk_options import TalkList


def _option(row: ChangeRow) -> Option:
    """A cancelled talk is listed, but there is nothing left to open."""
    text = Content.assemble(row.title, ("\n", ""), (row.detail, "dim"))
    return Option(
        Hanging([Indented(Content(change_lead(row)), text)]),
        id=row.talk_id,
        disabled=row.kind == "cancelled",
    )


class ChangesScreen(Dialog[None]):
    CSS_PATH = "dialog.tcss"

    BINDINGS = [
        Binding("escape", "close", "Close", id="changes.close", tooltip="Back to the program"),
    ]

    def __init__(self, changes: ProgramChanges, old: Program | None) -> None:
        super().__init__()
        self.changes = changes
        self.old = old

    def compose_dialog(self) -> ComposeResult:
        app = services(self)
        rows = change_rows(app.program, self.old, self.changes, set(app.starred))
        with Vertical(classes="dialog"):
            yield Static(Content(changes_heading(self.changes)), classes="dialog-status")
            yield TalkList(*map(_option, rows), id="changes-list")

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "What the update changed"
        self.query_one(TalkList).focus()

    @on(OptionList.OptionSelected)
    def _open(self, selected: OptionList.OptionSelected) -> None:
        if selected.option.id:
            services(self).open_talk(selected.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
