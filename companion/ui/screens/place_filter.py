"""Choose which rooms and tracks the schedule shows."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList
from textual.widgets.selection_list import Selection

from companion.ui.services import services


def place_label(place: str) -> Content:
    """ "room:K.1.105" as "Room: K.1.105", the name as the program spells it."""
    kind, _, name = place.partition(":")
    return Content.assemble(f"{kind.capitalize()}: ", name)


class PlaceFilterScreen(ModalScreen[frozenset[str] | None]):
    """Dismisses with the chosen "room:NAME"/"track:NAME" values (empty: all), or None."""

    CSS_PATH = "place_filter.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel", tooltip="Keep the filter"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply", tooltip="Show what is ticked"),
        Binding("a", "show_all", "All", id="filter.all", tooltip="Show every room and track"),
    ]

    def __init__(self, chosen: frozenset[str]) -> None:
        super().__init__()
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        program = services(self).program
        places = [f"room:{room}" for room in program.rooms]
        places += [f"track:{track}" for track in program.tracks]
        options = [Selection(place_label(place), place, place in self.chosen) for place in places]
        with Vertical(id="filter-dialog"):
            yield SelectionList[str](*options, id="filter-places")
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", variant="primary", id="filter-apply")
                yield Button("Show all", id="filter-all")

    def on_mount(self) -> None:
        self.query_one("#filter-dialog").border_title = "Rooms and tracks (Space ticks, Ctrl+S)"
        self.query_one(SelectionList).focus()

    @on(Button.Pressed, "#filter-apply")
    def action_apply(self) -> None:
        self.dismiss(frozenset(self.query_one(SelectionList).selected))

    @on(Button.Pressed, "#filter-all")
    def action_show_all(self) -> None:
        self.dismiss(frozenset())

    def action_cancel(self) -> None:
        self.dismiss(None)
