"""The talks that fit in a free gap of my day, to star from there."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.agenda import Gap
from companion.clock import format_window
from companion.present.agenda import NOTHING_FITS, edge_words, free_words
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services
from companion.ui.widgets.talk_options import TalkList, talk_option


class FitsList(TalkList, inherit_bindings=False):
    """In the gap's list, Enter stars (or unstars) the talk under the cursor."""

    BINDINGS = [Binding("enter", "select", "Star", tooltip="Star or unstar this talk")]


class FitsScreen(Dialog[None]):
    """The talks wholly inside the gap, then, marked, those that run across its edges."""

    CSS_PATH = "dialog.tcss"

    BINDINGS = [
        Binding("s", "star", "Star", id="fits.star", tooltip="Star or unstar this talk"),
        Binding("escape", "close", "Close", id="fits.close", tooltip="Back to my day"),
    ]

    def __init__(self, gap: Gap) -> None:
        super().__init__()
        self.gap = gap

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="fits-gap")
            yield FitsList(id="fits-list")

    def on_mount(self) -> None:
        self.query_one(".dialog").border_title = "Fits in the gap (Enter stars, Esc closes)"
        self.watch(self.app, "starred", self._refresh)
        self.watch(self.app, "local_time", self._refresh, init=False)
        self.query_one(TalkList).focus()

    def _refresh(self) -> None:
        app, gap = services(self), self.gap
        zone = app.display_zone
        window = format_window(gap.start, gap.end, zone, gap.estimated)
        nothing = "" if gap.fits or gap.edges else f": {NOTHING_FITS}"
        self.query_one("#fits-gap", Static).update(Content(f"{window} {free_words(gap)}{nothing}"))
        options: list[Option | None] = [
            talk_option(talk, zone, app.starred, talk.where) for talk in gap.fits
        ]
        if gap.fits and gap.edges:
            options.append(None)
        options += [
            talk_option(
                talk,
                zone,
                app.starred,
                " · ".join(filter(None, (edge_words(talk, gap), talk.where))),
            )
            for talk in gap.edges
        ]
        self.query_one(TalkList).replace(options)

    @property
    def selected_talk_id(self) -> str | None:
        listing = self.query_one_optional(TalkList)  # None while closing
        return listing.highlighted_id if listing else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.selected_talk_id is not None if action == "star" else True

    @on(OptionList.OptionSelected)
    def action_star(self) -> None:
        if self.selected_talk_id:
            services(self).toggle_star(self.selected_talk_id)

    def action_close(self) -> None:
        self.dismiss(None)
