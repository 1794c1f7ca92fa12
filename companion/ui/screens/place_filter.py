"""Choose which rooms and tracks the schedule shows.

A big program has hundreds: they come sorted (rooms, then tracks; numbers by value,
accents ignored), typing narrows the list, and one key ticks or unticks every one
the list shows. Keyboard first: typing goes to the search box from anywhere,
Down or Enter moves into the list, Space ticks.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from companion.places import Place, describe_list, matching, ordered_places
from companion.ui.keys import key_label
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services
from companion.ui.widgets.typing import TypingInput


def place_label(place: Place) -> Content:
    """ "Room: K.1.105", the name as the program spells it (text, never markup)."""
    return Content.assemble(place.heading, place.name)


SPACE_HINT = f"{key_label('space')} ticks or unticks the place under the cursor"


class PlaceFilterScreen(Dialog[frozenset[str] | None]):
    """Dismisses with the chosen "room:NAME"/"track:NAME" values (empty: all), or None."""

    CSS_PATH = "place_filter.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel", tooltip="Keep the filter"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply", tooltip="Show what is ticked"),
        Binding(
            "ctrl+t",
            "tick_shown(True)",
            "Tick shown",
            id="filter.tick_shown",
            tooltip="Tick every room and track the list shows",
        ),
        Binding(
            "ctrl+n",
            "tick_shown(False)",
            "Untick shown",
            id="filter.untick_shown",
            tooltip="Untick every room and track the list shows",
        ),
        Binding(
            "down",
            "to_list",
            "To the list",
            show=False,
            id="filter.to_list",
            tooltip="From the search box to the list",
        ),
    ]

    def __init__(self, chosen: frozenset[str]) -> None:
        super().__init__()
        self.ticked = set(chosen)
        self.places: list[Place] = []
        self.shown: list[Place] = []

    def compose_dialog(self) -> ComposeResult:
        program = services(self).program
        self.places = ordered_places(program.rooms, program.tracks)
        with Vertical(id="filter-dialog"):
            yield TypingInput(
                placeholder="Type to find a room or track",
                id="filter-query",
                compact=True,
                select_on_focus=False,  # typing from the list adds to what is there
            )
            yield Static(id="filter-count")
            yield SelectionList[str](id="filter-places")
            yield Static(SPACE_HINT, id="filter-keys")  # the list's own key; the footer has ours
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", variant="primary", id="filter-apply", compact=True)
                yield Button("Show all", id="filter-all", compact=True)

    def on_mount(self) -> None:
        self.query_one("#filter-dialog").border_title = "Rooms and tracks"
        self._show_matching("")
        self.query_one(Input).focus()

    @property
    def listing(self) -> SelectionList[str]:
        return self.query_one("#filter-places", SelectionList)

    @on(Input.Changed, "#filter-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._show_matching(event.value)

    def _show_matching(self, query: str) -> None:
        self.shown = matching(self.places, query)
        self.listing.clear_options()
        self.listing.add_options(
            Selection(place_label(place), place.value, place.value in self.ticked)
            for place in self.shown
        )
        self._count()

    def _count(self) -> None:
        text = describe_list(len(self.shown), len(self.places), len(self.ticked))
        self.query_one("#filter-count", Static).update(Content(text))

    @on(SelectionList.SelectionToggled, "#filter-places")
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = event.selection.value
        if value in self.listing.selected:
            self.ticked.add(value)
        else:
            self.ticked.discard(value)
        self._count()

    def action_tick_shown(self, tick: bool) -> None:
        values = {place.value for place in self.shown}
        if tick:
            self.ticked |= values
            self.listing.select_all()
        else:
            self.ticked -= values
            self.listing.deselect_all()
        self._count()

    @on(Input.Submitted, "#filter-query")
    def action_to_list(self) -> None:
        if self.shown:
            if self.listing.highlighted is None:
                self.listing.highlighted = 0
            self.listing.focus()

    def on_key(self, event: events.Key) -> None:
        """Typing in the list (or on a button) goes on in the search box."""
        query = self.query_one(Input)
        typed = event.is_printable and event.character not in (None, " ")
        if typed and event.character and not query.has_focus:
            event.stop()
            query.focus()
            query.insert_text_at_cursor(event.character)

    @on(Button.Pressed, "#filter-apply")
    def action_apply(self) -> None:
        everything = len(self.ticked) == len(self.places)
        self.dismiss(frozenset() if everything else frozenset(self.ticked))

    @on(Button.Pressed, "#filter-all")
    def _show_all(self) -> None:
        self.dismiss(frozenset())

    def action_cancel(self) -> None:
        self.dismiss(None)
