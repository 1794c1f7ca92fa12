"""A person: affiliation(s), role, links, biography and talks, each of which opens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from companion.present.person import person_facts, person_sections
from companion.present.talk import listing_day
from companion.ui.commands import ScreenCommands
from companion.ui.content import facts_lines, section_lines, stacked
from companion.ui.services import services
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.edge_list import PageList
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.talk_options import TalkList, talk_option

LABEL_WIDTH = 13  # the facts' label column


class PersonTalks(PageList, TalkList):
    """The person's talks, under their biography in the scrolling page."""


class PersonScreen(Screen[None]):
    COMMANDS = {ScreenCommands}  # its keys in the palette too
    CSS_PATH = "person.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", "Back", id="person.back", tooltip="Back to where you were"
        ),
        Binding(
            "enter",
            "open",
            "Open",
            id="person.open",
            show=False,  # the list's own Enter shows and acts; this one is for the palette
            tooltip="Details of this talk",
        ),
        Binding("s", "star", "Star", id="person.star", tooltip="Star or unstar this talk"),
    ]

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        app = services(self)
        person = app.program.person(self.person_id)
        yield AppHeader()
        with VerticalScroll(id="person-body"):
            yield Static(Content(person.name), id="person-name")
            facts = facts_lines(person_facts(app.program, person), LABEL_WIDTH)
            sections = section_lines(person_sections(person))
            yield Static(stacked(facts + sections), id="person-facts")
            yield Static(
                "Talks — Enter opens" if person.talk_ids else "No talks in the program",
                classes="section-label",
            )
            yield PersonTalks(id="person-talks")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "starred", self.refresh_talks)
        self.watch(app, "local_time", self.refresh_talks, init=False)

    def refresh_talks(self) -> None:
        app = services(self)
        talks = self.query_one("#person-talks", TalkList)
        person = app.program.person(self.person_id)
        program, zone = app.program, app.display_zone
        talks.replace(
            talk_option(talk, zone, app.starred, talk.where, listing_day(program, talk, zone))
            for talk in map(program.talk, person.talk_ids)
        )
        talks.focus(scroll_visible=False)
        self.refresh_bindings()

    @property
    def selected_talk_id(self) -> str | None:
        talks = self.query_one_optional("#person-talks", TalkList)  # None while closing
        return talks.highlighted_id if talks else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "star"):  # not for a person without talks
            return self.selected_talk_id is not None
        return True

    @on(OptionList.OptionHighlighted, "#person-talks")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def action_open(self) -> None:
        if self.selected_talk_id:
            services(self).open_talk(self.selected_talk_id)

    @on(OptionList.OptionSelected, "#person-talks")
    def _open_talk(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            services(self).open_talk(event.option.id)

    def action_star(self) -> None:
        if self.selected_talk_id:
            services(self).toggle_star(self.selected_talk_id)
