"""A talk's links: choose one to open, rather than opening dozens of browsers at once."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from companion.records import Link
from companion.ui.screens.dialog import Dialog


def open_link(app: App[object], url: str) -> None:
    """Open `url` in a browser, and copy and show it: over SSH no browser may start."""
    app.open_url(url)
    app.copy_to_clipboard(url)
    app.notify(f"Opening {url} (also copied to the clipboard)", markup=False, timeout=6)


def link_option(link: Link) -> Option:
    return Option(Content.assemble((link.label, "bold"), "\n", (link.url, "dim")))


class LinksScreen(Dialog[str | None]):
    """Dismisses with the url chosen, or None when cancelled."""

    CSS_PATH = "links.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Open",
            id="links.open",
            priority=True,  # before the list's own Enter, so both keys and clicks end here
            tooltip="Open the highlighted link",
        ),
        Binding("escape", "cancel", "Cancel", id="links.cancel", tooltip="Open no link"),
    ]

    def __init__(self, links: Sequence[Link]) -> None:
        super().__init__()
        self.links = links

    def compose_dialog(self) -> ComposeResult:
        with Vertical(id="links-dialog"):
            yield OptionList(*(link_option(link) for link in self.links), id="links-list")

    def on_mount(self) -> None:
        dialog = self.query_one("#links-dialog")
        dialog.border_title = f"{len(self.links)} links (Enter opens, Esc cancels)"
        self.query_one("#links-list", OptionList).highlighted = 0

    def action_open(self) -> None:
        self._open(self.query_one("#links-list", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#links-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def _open(self, index: int | None) -> None:
        if index is not None:
            self.dismiss(self.links[index].url)

    def action_cancel(self) -> None:
        self.dismiss(None)
