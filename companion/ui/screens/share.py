"""Share my stars: the share code of the starred talks, and its QR code for a phone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from companion.present.share import (
    CODE_HINT,
    COPIED,
    NOTHING_TO_SHARE,
    share_heading,
    too_small,
)
from companion.qr_text import draw_qr
from companion.share_code import make_code
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services

CODE_COLUMN = 30  # the least width the code beside the QR code wraps into
_FRAME = (4, 3)  # columns and lines the dialog's border, padding and the footer take


class ShareScreen(Dialog[None]):
    CSS_PATH = "share.tcss"

    BINDINGS = [
        Binding("escape", "close", "Close", id="share.close", tooltip="Back to my day"),
        Binding(
            "c",
            "copy",
            "Copy",
            id="share.copy",
            tooltip="Copy the code (through the terminal, over SSH too)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        app = services(self)
        self.shared = sorted(t for t in app.starred if app.program.has_talk(t))
        self.code = make_code(app.program, self.shared)

    def compose_dialog(self) -> ComposeResult:
        app = services(self)
        drawn = draw_qr(self.code)
        columns, lines = self.app.size.width - _FRAME[0], self.app.size.height - _FRAME[1]
        with Vertical(classes="dialog", id="share-dialog") as dialog:
            dialog.border_title = share_heading(app.program, len(self.shared))
            with Horizontal():
                if drawn.fits(columns - CODE_COLUMN, lines):
                    yield Static("\n".join(drawn.lines), id="share-qr")
                else:
                    yield Static(
                        too_small(drawn.width + CODE_COLUMN, drawn.height, columns, lines),
                        id="share-too-small",
                    )
                with Vertical(id="share-text"):
                    if not self.shared:
                        yield Static(NOTHING_TO_SHARE)
                    yield Static(Content(self.code), id="share-code")
                    yield Static(CODE_HINT, classes="dialog-status")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.code)
        self.notify(COPIED, timeout=3)

    def action_close(self) -> None:
        self.dismiss(None)
