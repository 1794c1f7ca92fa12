"""Speakers: every person by family name, with an incremental filter."""

from __future__ import annotations

from functools import cached_property

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from companion.present.person import namesake_hint, role_names
from companion.present.words import count
from companion.program import Person, Program
from companion.search import HitKind, too_short
from companion.ui.commands import ScreenCommands
from companion.ui.keys import key_label
from companion.ui.screens.styled import StyledScreen
from companion.ui.services import services
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.edge_list import EdgeList
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.typing import TypingInput

MAX_SHOWN = 500  # a longer list helps nobody and costs a refill on every keystroke


def person_option(program: Program, person: Person) -> Option:
    """Assembled, not markup: parsing markup for 500 people cost most of a keystroke."""
    roles = role_names(program, person)
    hint = namesake_hint(program, person)
    details = " · ".join(filter(None, (roles, "; ".join(person.affiliations), hint)))
    return Option(Content.assemble(person.name, "  ", (details, "dim")), id=person.id)


class NameFilter(TypingInput):
    """The filter box. Letters are for names, even those that are keys elsewhere (i, q, z);
    the app's keys that are not letters (1 2 3, /, ?) still act from here."""

    BINDINGS = [Binding("down", "screen.to_list", "List", tooltip="Into the list of people")]

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in self._keys_passed_on:
            event.prevent_default()  # not typed; it goes on to the app's bindings

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character not in self._keys_passed_on and super().check_consume_key(key, character)

    @cached_property
    def _keys_passed_on(self) -> frozenset[str]:
        typed = (key_label(binding.key) for binding in Binding.make_bindings(self.app.BINDINGS))
        return frozenset(key for key in typed if len(key) == 1 and not key.isalpha())


class SpeakersScreen(StyledScreen[None]):
    COMMANDS = {ScreenCommands}  # its keys in the palette too
    CSS_PATH = "speakers.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Open",
            id="speakers.open",
            show=False,  # the list's own Enter shows and acts; this one is for the palette
            tooltip="This person's talks and affiliations",
        ),
        Binding("f", "filter", "Filter", id="speakers.filter", tooltip="Filter by name"),
        Binding("escape", "clear_filter", "Clear", id="speakers.clear", tooltip="Clear the filter"),
        Binding("up", "filter", show=False),  # from the top of the list
    ]

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield NameFilter(
            placeholder="Filter: type a name or affiliation (accents optional)", id="speaker-filter"
        )
        yield EdgeList(id="speaker-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Typing goes into the filter: a name is full of letters that are keys elsewhere."""
        self.show_people("")
        self.query_one("#speaker-filter", Input).focus()

    def show_people(self, query: str) -> None:
        """Everyone, or the people the app's search finds for `query`, ranked as the
        search dialog and the command palette rank them."""
        app = services(self)
        everyone = app.program.people
        if too_short(query):
            found = list(everyone)
        else:
            hits = app.search_index.search(query, limit=None, kind=HitKind.PERSON)
            found = [app.program.person(hit.id) for hit in hits]
        listing = self.query_one("#speaker-list", OptionList)
        listing.set_options(person_option(app.program, person) for person in found[:MAX_SHOWN])
        if found:
            listing.highlighted = 0
        people = count(len(everyone), "person", "people")
        if query.strip() and too_short(query):
            self.sub_title = f"{people} · keep typing: the filter needs two letters"
        elif len(found) > MAX_SHOWN:
            self.sub_title = f"first {MAX_SHOWN} of {len(found)} matches, type to narrow"
        else:
            self.sub_title = f"{len(found)} of {people}"

    @on(Input.Changed, "#speaker-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.show_people(event.value)
        self.refresh_bindings()

    @on(Input.Submitted, "#speaker-filter")
    def _filter_submitted(self) -> None:
        listing = self.query_one("#speaker-list", OptionList)
        if listing.option_count == 1:
            self._open(listing.get_option_at_index(0).id)
        else:
            listing.focus()

    @on(OptionList.OptionSelected, "#speaker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def _open(self, person_id: str | None) -> None:
        if person_id:
            services(self).open_person(person_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        field = self.query_one_optional("#speaker-filter", Input)  # None while closing
        listing = self.query_one_optional("#speaker-list", OptionList)
        if action == "open":  # in the filter, Enter is the filter's own
            return bool(listing and self.focused is listing and listing.highlighted is not None)
        if action == "clear_filter":
            return bool(field and field.value)
        return True

    @on(OptionList.OptionHighlighted, "#speaker-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def action_open(self) -> None:
        listing = self.query_one("#speaker-list", OptionList)
        if listing.highlighted is not None:
            self._open(listing.get_option_at_index(listing.highlighted).id)

    def action_to_list(self) -> None:
        self.query_one("#speaker-list", OptionList).focus()

    def action_filter(self) -> None:
        """Into the filter, the focus moved now: the keys typed after `f`, held until it is
        done (`ui/keys_in_order.py`), go in."""
        self.set_focus(self.query_one("#speaker-filter", Input))

    def action_clear_filter(self) -> None:
        """Empty the filter and type a new one: in the list, letters are keys (q quits)."""
        field = self.query_one("#speaker-filter", Input)
        field.value = ""
        field.focus()
