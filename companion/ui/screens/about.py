"""About: the event, venue, date, organizers, contact and scope."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from companion.present.about import about, headline
from companion.program import Program
from companion.ui.content import facts_lines, section_lines, stacked
from companion.ui.hanging import Hanging, Indented
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services

LABEL_WIDTH = 12  # the label column: "Organizers" and two spaces


def about_text(program: Program) -> Hanging:
    event = about(program)
    name, rest = headline(event)
    lines: list[str | Content | Indented] = [
        Content.assemble((name, "bold"), rest),
        *([Content(event.subtitle)] if event.subtitle else []),
        "",
        *facts_lines(event.facts, LABEL_WIDTH),
        *section_lines(event.sections),
    ]
    if event.notes:
        lines += ["", *(Indented(Content("· "), Content(note)) for note in event.notes)]
    if event.version:
        lines += ["", Content.styled(event.version, "dim")]
    return stacked(lines)


class AboutScreen(Dialog[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="about.close", tooltip="Close this window"),
        Binding("q,i", "dismiss", show=False),  # the key that opened it, and quit's
    ]

    def compose_dialog(self) -> ComposeResult:
        with VerticalScroll(id="about-dialog"):
            yield Static(about_text(services(self).program), id="about-text")

    def on_mount(self) -> None:
        self.query_one("#about-dialog").border_title = "About (Esc closes)"
