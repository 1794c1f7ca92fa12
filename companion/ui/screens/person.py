"""A person: affiliation(s), role and talks, each of which opens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from companion.program import Person
from companion.ui.content import labelled, stacked
from companion.ui.hanging import Hanging, Indented
from companion.ui.services import services
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.talk_options import TalkList, talk_option

LABEL_WIDTH = 13  # the facts' label column


def person_facts(person: Person) -> Hanging:
    """Roles and affiliations, one under the other."""
    roles = ", ".join(str(role) for role in person.roles)
    facts: list[Content | Indented] = [labelled("Role", roles, LABEL_WIDTH)]
    label = "Affiliation" if len(person.affiliations) == 1 else "Affiliations"
    facts += [labelled(label, text, LABEL_WIDTH) for text in person.affiliations[:1]]
    facts += [labelled("", text, LABEL_WIDTH) for text in person.affiliations[1:]]
    if person.talk_ids and person.affiliations:
        facts.append(Content.styled("Affiliations are published per talk, not per author.", "dim"))
    return stacked(facts)


class PersonScreen(Screen[None]):
    CSS_PATH = "person.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", "Back", id="person.back", tooltip="Back to where you were"
        ),
        Binding("s", "star", "Star", id="person.star", tooltip="Star or unstar this talk"),
    ]

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        app = services(self)
        person = app.program.person(self.person_id)
        yield Header()
        yield Static(Content(person.name), id="person-name")
        yield Static(person_facts(person), id="person-facts")
        yield Static(
            "Talks — Enter opens" if person.talk_ids else "No talks in the program",
            classes="section-label",
        )
        yield TalkList(id="person-talks")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = services(self)
        self.watch(app, "starred", self.refresh_talks)
        self.watch(app, "local_time", self.refresh_talks, init=False)

    def refresh_talks(self) -> None:
        app = services(self)
        talks = self.query_one("#person-talks", TalkList)
        person = app.program.person(self.person_id)
        talks.replace(
            talk_option(
                app.program.talk(talk_id),
                app.display_zone,
                app.starred,
                app.program.talk(talk_id).where,
            )
            for talk_id in person.talk_ids
        )
        talks.focus()

    @property
    def selected_talk_id(self) -> str | None:
        return self.query_one("#person-talks", TalkList).highlighted_id

    @on(OptionList.OptionSelected, "#person-talks")
    def _open_talk(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            services(self).open_talk(event.option.id)

    def action_star(self) -> None:
        if self.selected_talk_id:
            services(self).toggle_star(self.selected_talk_id)
