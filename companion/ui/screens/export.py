"""The export dialog: pick a format, see (and edit) the path, confirm, learn where it went.

Served to a browser (`companion serve`), the file goes to the browser as a download, under
a name the dialog suggests, rather than to a folder on the machine that serves it.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from companion.export import (
    Export,
    ExportError,
    ExportFormat,
    build_export,
    download_name,
    export_target,
    render,
    suggested_path,
    target_exists,
    write_export,
)
from companion.present.words import count
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services
from companion.ui.widgets.typing import TypingInput


class ExportScreen(Dialog[Path | None]):
    """Dismisses with the path written, or None when cancelled or sent to the browser."""

    CSS_PATH = "export.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without exporting"
        ),
        Binding(
            "ctrl+s",
            "export",
            "Export",
            id="export.confirm",
            tooltip="Write the file (asks once more before replacing one)",
        ),
        # Checked before the key is queued for the focused list, so the focus moves to the
        # name at once: an Enter typed right after it (a fast typist, a paste) confirms the
        # name instead of reaching the format list again.
        Binding("enter", "choose_format", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._confirmed_overwrite: Path | None = None

    def compose_dialog(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static("Format", classes="section-label")
            yield OptionList(
                *(
                    Option(f"{fmt.value:<5} {fmt.description}", id=fmt.value)
                    for fmt in ExportFormat
                ),
                id="export-format",
            )
            yield Checkbox("The whole program, not only my starred talks", id="export-all")
            yield Static("Download as" if self.app.is_web else "Save to", classes="section-label")
            yield TypingInput(id="export-path")
            yield Static(id="export-status")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-confirm")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        does = "downloads" if self.app.is_web else "writes"
        self.query_one("#export-dialog").border_title = f"Export (Ctrl+S {does}, Esc cancels)"
        formats = self.query_one("#export-format", OptionList)
        formats.highlighted = 0
        formats.focus()
        self._suggest()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose_format":
            return self.focused is self.query_one("#export-format", OptionList)
        return True

    def action_choose_format(self) -> None:
        self.set_focus(self.query_one("#export-path", Input))

    @property
    def export_format(self) -> ExportFormat:
        formats = self.query_one("#export-format", OptionList)
        return list(ExportFormat)[formats.highlighted or 0]

    def _export(self) -> Export:
        app = services(self)
        everything = self.query_one("#export-all", Checkbox).value
        return build_export(app.program, app.starred, app.notes(), everything=everything)

    def _suggest(self) -> None:
        export = self._export()
        suggested = suggested_path(export, self.export_format)
        self.query_one("#export-path", Input).value = (
            suggested.name if self.app.is_web else str(suggested)
        )
        what = "talks" if export.everything else "starred talks"
        status = f"{len(export.talks)} {what} will be written."
        if not export.talks:
            status = "Nothing starred yet: the file will be a valid, empty document."
        self._status(status)

    def _status(self, text: str, warning: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Content(text))  # it can name a path, which is anyone's text
        status.set_class(warning, "-warning")

    @on(OptionList.OptionHighlighted, "#export-format")
    @on(Checkbox.Changed, "#export-all")
    def _choice_changed(self) -> None:
        self._suggest()

    @on(OptionList.OptionSelected, "#export-format")
    def _format_chosen(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-confirm")
    def action_export(self) -> None:
        if self.app.is_web:
            self._download()
            return
        try:
            target = export_target(self.query_one("#export-path", Input).value.strip())
        except ExportError as error:
            self._status(str(error), warning=True)
            return
        exists = target_exists(target)
        overwrite = exists and self._confirmed_overwrite == target
        if exists and not overwrite:
            self._confirmed_overwrite = target
            self._status(f"{target} exists. Export again to replace it.", warning=True)
            return
        export = self._export()
        try:
            write_export(render(export, self.export_format), target, overwrite=overwrite)
        except ExportError as error:
            self._status(str(error), warning=True)
            return
        exported = count(len(export.talks), "talk")
        self.notify(f"Exported {exported} to {target}", markup=False, timeout=8)
        self.dismiss(target)

    def _download(self) -> None:
        """Send the export to the browser, which saves it as any download."""
        try:
            name = download_name(self.query_one("#export-path", Input).value)
        except ExportError as error:
            self._status(str(error), warning=True)
            return
        export = self._export()
        data = render(export, self.export_format).encode("utf-8")
        self.app.deliver_binary(
            BytesIO(data), save_filename=name, mime_type=self.export_format.media_type
        )
        exported = count(len(export.talks), "talk")
        self.notify(f"Sent {exported} to your browser as {name}", markup=False, timeout=8)
        self.dismiss(None)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
