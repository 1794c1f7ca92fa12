"""Starred: your talks in time order with the breaks between them; unstar in place."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from companion.clock import format_day, format_window
from companion.reconcile import StarStatus, reconcile
from companion.records import SlotKind
from companion.ui.hanging import Hanging, Indented
from companion.ui.services import services
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.talk_options import TalkList, talk_option, talk_row

CONFLICT_NOTE = "! overlaps another starred talk"
BREAK_KINDS = {SlotKind.BREAK, SlotKind.MEAL, SlotKind.OPENING, SlotKind.CLOSING}


class StarredScreen(Screen[None]):
    CSS_PATH = "starred.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "s", "unstar", "Unstar", id="starred.unstar", tooltip="Remove the star from this talk"
        ),
        Binding(
            "x",
            "app.export",
            "Export",
            id="starred.export",
            tooltip="Export your starred talks: calendar, Markdown, CSV, JSON",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        # Moves found on this visit: marked seen at once, but shown until the user leaves.
        self._moves: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="starred-summary")
        yield TalkList(id="starred-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = services(self)
        self.watch(app, "starred", self.refresh_list)
        self.watch(app, "local_time", self.refresh_list, init=False)

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def on_screen_suspend(self) -> None:
        self._moves.clear()

    def _statuses(self) -> list[StarStatus]:
        app = services(self)
        return reconcile(app.program, app.store.stars(), app.program.conference.zone)

    def refresh_list(self) -> None:
        """Rebuild the list; moves are marked seen at once and shown until the user leaves."""
        app = services(self)
        statuses = [s for s in self._statuses() if s.record.talk_id in app.starred]
        newly_moved = [s for s in statuses if s.moved]
        if newly_moved:
            app.store.mark_seen(s.talk for s in newly_moved if s.talk)
        self._moves.update({s.record.talk_id: s.moved for s in newly_moved if s.moved})
        listing = self.query_one("#starred-list", TalkList)
        listing.replace(self._options(statuses))
        moved = [s for s in statuses if s.record.talk_id in self._moves]
        summary = (
            f"{len(statuses)} starred"
            if statuses
            else "No starred talks yet: press s on a talk in the Schedule to star it."
        )
        if moved:
            summary += f" · {len(moved)} moved since you last looked"
        self.query_one("#starred-summary", Static).update(summary)
        listing.focus()

    def _options(self, statuses: list[StarStatus]) -> list[Option | None]:
        app = services(self)
        zone = app.display_zone
        present = [s for s in statuses if s.talk is not None]
        conflicts = app.program.conflicts(app.starred)
        options: list[Option | None] = []
        previous_end = None
        several_days = len({s.start.astimezone(zone).date() for s in present}) > 1
        previous_day = None
        for status in present:
            talk = status.talk
            assert talk is not None
            day = talk.start.astimezone(zone).date()
            if several_days and day != previous_day:
                options.append(Option(Content.styled(format_day(day), "bold"), disabled=True))
                previous_day = day
            if previous_end is not None:
                for slot in app.program.slots:
                    if slot.kind in BREAK_KINDS and previous_end <= slot.start < talk.start:
                        window = format_window(slot.start, slot.end, zone, estimated=False)
                        when = Content.styled(f"{window:<12}   ", "dim")
                        gap = Indented(when, Content.styled(slot.title, "dim"))
                        options.append(Option(Hanging([gap]), disabled=True))
            detail = self._moves.get(talk.id) or talk.where
            if talk.id in conflicts:
                detail = f"{CONFLICT_NOTE} · {detail}"
            options.append(talk_option(talk, zone, app.starred, detail))
            previous_end = talk.end
        gone = [s for s in statuses if s.talk is None]
        if gone:
            options.append(None)
            for status in gone:
                gone_row = talk_row("(gone)", "★", status.record.title, "no longer in the program")
                options.append(Option(gone_row, id=status.record.talk_id))
        return options

    @property
    def selected_talk_id(self) -> str | None:
        talk_id = self.query_one("#starred-list", TalkList).highlighted_id
        return talk_id if talk_id and services(self).program.has_talk(talk_id) else None

    @on(OptionList.OptionSelected, "#starred-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and services(self).program.has_talk(event.option.id):
            services(self).open_talk(event.option.id)

    def action_unstar(self) -> None:
        talk_id = self.query_one("#starred-list", TalkList).highlighted_id
        if talk_id:
            services(self).toggle_star(talk_id)
