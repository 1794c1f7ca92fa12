"""Speakers: every person by family name, with an incremental filter."""

from __future__ import annotations

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

from companion.program import Person
from companion.text import fold
from companion.ui.services import services


def matches(person: Person, query: str) -> bool:
    """Every word of the query appears in the name or affiliations, accents ignored."""
    haystack = fold(f"{person.name} {' '.join(person.affiliations)}")
    return all(word in haystack for word in fold(query).split())


def person_option(person: Person) -> Option:
    roles = ", ".join(str(role) for role in person.roles)
    affiliation = "; ".join(person.affiliations)
    return Option(
        f"{escape(person.name)}  [dim]{roles} · {escape(affiliation)}[/dim]", id=person.id
    )


class SpeakersScreen(Screen[None]):
    BINDINGS = [
        Binding("f", "filter", "Filter", id="speakers.filter", tooltip="Filter by name"),
        Binding(
            "escape",
            "clear_filter",
            "Clear",
            id="speakers.clear",
            show=False,
            tooltip="Clear the filter",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Filter: type a name or affiliation (accents optional)", id="speaker-filter"
        )
        yield OptionList(id="speaker-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_people("")
        self.query_one("#speaker-list", OptionList).focus()

    def show_people(self, query: str) -> None:
        people = [p for p in services(self).program.people if matches(p, query)]
        listing = self.query_one("#speaker-list", OptionList)
        listing.clear_options()
        listing.add_options(person_option(person) for person in people)
        if people:
            listing.highlighted = 0
        self.sub_title = f"{len(people)} of {len(services(self).program.people)} people"

    @on(Input.Changed, "#speaker-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.show_people(event.value)

    @on(Input.Submitted, "#speaker-filter")
    def _filter_submitted(self) -> None:
        listing = self.query_one("#speaker-list", OptionList)
        if listing.option_count == 1:
            self._open(listing.get_option_at_index(0).id)
        else:
            listing.focus()

    def on_key(self, event: events.Key) -> None:
        """Down from the filter moves into the list."""
        if event.key == "down" and self.query_one("#speaker-filter", Input).has_focus:
            self.query_one("#speaker-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#speaker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def _open(self, person_id: str | None) -> None:
        if person_id:
            services(self).open_person(person_id)

    def action_filter(self) -> None:
        self.query_one("#speaker-filter", Input).focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#speaker-filter", Input)
        field.value = ""
        self.query_one("#speaker-list", OptionList).focus()
