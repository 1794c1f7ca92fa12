"""About: the event, venue, date, organizers, contact and scope."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from companion.clock import format_day
from companion.records import Conference
from companion.ui.services import services


def about_text(conference: Conference) -> str:
    venue = conference.venue
    days = format_day(conference.start_date)
    if conference.end_date != conference.start_date:
        days += f" to {format_day(conference.end_date)}"
    lines = [f"[b]{escape(conference.name)}[/b] — {escape(conference.title)}", ""]
    lines.append(f"[b]When[/b]    {days} ({conference.timezone})")
    if venue is not None:
        lines.append(f"[b]Where[/b]   {escape(venue.name)}")
        if venue.address:
            lines.append(f"        {escape(venue.address)}")
        lines.append(f"        Room: {escape(venue.room or 'not published')}")
    if conference.co_located_with:
        lines.append(f"[b]With[/b]    {escape(conference.co_located_with)}")
    if conference.organizers:
        lines.append("[b]Organizers[/b]")
        lines.extend(
            f"        {escape(o.name)}" + (f", {escape(o.affiliation)}" if o.affiliation else "")
            for o in conference.organizers
        )
    if conference.contact:
        lines.append(f"[b]Contact[/b] {escape(conference.contact)}")
    lines.extend(
        f"[b]Web[/b]     {escape(link.label)}: {escape(link.url)}" for link in conference.links
    )
    if conference.scope:
        lines += ["", "[b]Scope[/b]", escape(conference.scope)]
    if conference.notes:
        lines += [""] + [f"· {escape(note)}" for note in conference.notes]
    if conference.program_version:
        lines += ["", f"[dim]Program: {escape(conference.program_version)}[/dim]"]
    return "\n".join(lines)


class AboutScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,i", "dismiss", "Close", id="about.close", tooltip="Close this window")
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="about-dialog"):
            yield Static(about_text(services(self).program.conference), id="about-text")

    def on_mount(self) -> None:
        self.query_one("#about-dialog").border_title = "About (Esc closes)"
