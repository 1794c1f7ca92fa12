"""Import stars: a pasted share code or the path of an export or a list, what it would
change, then merge or replace."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from companion.present.share import (
    IMPORT_PROMPT,
    IMPORT_TITLE,
    MERGE,
    REPLACE,
    done_words,
    other_program,
    preview_lines,
)
from companion.star_import import ImportPlan, plan_import
from companion.star_sources import (
    OtherProgram,
    StarSource,
    StarSourceError,
    read_stars,
    source_text,
)
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services
from companion.ui.widgets.typing import TypingInput


class ImportStarsScreen(Dialog[None]):
    CSS_PATH = "share.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="import.cancel", tooltip="Change nothing"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.source: StarSource | None = None

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-dialog") as dialog:
            dialog.border_title = IMPORT_TITLE
            yield Static(IMPORT_PROMPT)
            yield TypingInput(id="import-source")
            yield Static(id="import-preview", classes="dialog-status")
            yield OptionList(Option(MERGE), Option(REPLACE), id="import-way", disabled=True)

    def on_mount(self) -> None:
        self.query_one("#import-source", Input).focus()

    @property
    def replace(self) -> bool:
        return self.query_one("#import-way", OptionList).highlighted == 1

    def plan(self, source: StarSource) -> ImportPlan:
        app = services(self)
        return plan_import(source, app.starred, app.notes(), replace=self.replace)

    @on(Input.Submitted, "#import-source")
    def _read(self, event: Input.Submitted) -> None:
        program = services(self).program
        try:
            self.source = read_stars(source_text(event.value), program)
        except OtherProgram as error:
            self._refused(other_program(error.program_id, program).capitalize() + ".")
        except StarSourceError as error:
            self._refused(str(error).capitalize() + ".")
        else:
            ways = self.query_one("#import-way", OptionList)
            ways.disabled = False
            ways.highlighted = 0
            ways.focus()
            self._show_preview()

    def _refused(self, why: str) -> None:
        self.source = None
        self.query_one("#import-way", OptionList).disabled = True
        self._status(why, warning=True)

    @on(OptionList.OptionHighlighted, "#import-way")
    def _show_preview(self) -> None:
        if self.source is not None:
            program = services(self).program
            lines = preview_lines(self.plan(self.source), program, replace=self.replace)
            self._status("\n".join(lines))

    def _status(self, text: str, warning: bool = False) -> None:
        preview = self.query_one("#import-preview", Static)
        preview.update(Content(text))  # names titles and paths: anyone's text
        preview.set_class(warning, "-warning")

    @on(OptionList.OptionSelected, "#import-way")
    def _chosen(self) -> None:
        if self.source is None:
            return
        plan = self.plan(self.source)
        if services(self).import_stars(plan):
            self.notify(done_words(plan), markup=False)
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
