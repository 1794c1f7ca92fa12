"""About: the event, venue, date, organizers, contact and scope."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from companion.clock import format_day
from companion.records import Conference
from companion.ui.content import labelled, stacked
from companion.ui.hanging import Hanging, Indented
from companion.ui.services import services

LABEL_WIDTH = 8  # the label column
INDENT = " " * LABEL_WIDTH


def about_text(conference: Conference) -> Hanging:
    venue = conference.venue
    days = format_day(conference.start_date)
    if conference.end_date != conference.start_date:
        days += f" to {format_day(conference.end_date)}"
    lines: list[str | Content | Indented] = [
        Content.assemble((conference.name, "bold"), " — ", conference.title),
        "",
        labelled("When", f"{days} ({conference.timezone})", LABEL_WIDTH),
    ]
    if venue is not None:
        lines.append(labelled("Where", venue.name, LABEL_WIDTH))
        if venue.address:
            lines.append(INDENT + venue.address)
        lines.append(f"{INDENT}Room: {venue.room or 'not published'}")
    if conference.co_located_with:
        lines.append(labelled("With", conference.co_located_with, LABEL_WIDTH))
    if conference.organizers:
        lines.append(Content.styled("Organizers", "bold"))
        lines.extend(
            INDENT + o.name + (f", {o.affiliation}" if o.affiliation else "")
            for o in conference.organizers
        )
    if conference.contact:
        lines.append(labelled("Contact", conference.contact, LABEL_WIDTH))
    lines.extend(
        labelled("Web", f"{link.label}: {link.url}", LABEL_WIDTH) for link in conference.links
    )
    if conference.scope:
        lines += ["", Content.styled("Scope", "bold"), conference.scope]
    if conference.notes:
        lines += ["", *(Indented(Content("· "), Content(note)) for note in conference.notes)]
    if conference.program_version:
        lines += ["", Content.styled(f"Program: {conference.program_version}", "dim")]
    return stacked(lines)


class AboutScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,i", "dismiss", "Close", id="about.close", tooltip="Close this window")
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="about-dialog"):
            yield Static(about_text(services(self).program.conference), id="about-text")

    def on_mount(self) -> None:
        self.query_one("#about-dialog").border_title = "About (Esc closes)"
