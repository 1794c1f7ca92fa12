"""Starred: your talks in time order with the breaks between them; unstar in place."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from companion.present.starred import (
    DayHeading,
    Pause,
    Row,
    StarRow,
    moves_to_mark_seen,
    starred_rows,
    starred_summary,
)
from companion.ui.hanging import Hanging, Indented
from companion.ui.services import services
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.talk_options import TalkList, talk_row


def _options(rows: list[Row]) -> list[Option | None]:
    """The rows as options, a rule above the stars whose talks left the program."""
    present = [row for row in rows if not isinstance(row, StarRow) or row.in_program]
    gone = rows[len(present) :]  # they come last
    return [*map(_option, present), *([None] if gone else []), *map(_option, gone)]


def _option(row: Row) -> Option:
    """A row of the starred list: headings and breaks shown but not chosen, a talk opens."""
    if isinstance(row, DayHeading):
        return Option(Content.styled(row.text, "bold"), disabled=True)
    if isinstance(row, Pause):
        lead, title = row.line
        pause = Indented(Content.styled(lead, "dim"), Content.styled(title, "dim"))
        return Option(Hanging([pause]), disabled=True)
    return Option(talk_row(row.line, row.detail), id=row.talk_id)


class StarredScreen(Screen[None]):
    CSS_PATH = "starred.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Open",
            id="starred.open",
            priority=True,  # before the list's own Enter, so the footer shows it
            tooltip="Details of this talk",
        ),
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
        app = self.app
        self.watch(app, "starred", self.refresh_list)
        self.watch(app, "local_time", self.refresh_list, init=False)

    def on_screen_resume(self) -> None:
        """A visit: moves found now are marked seen at once, and shown until the user leaves."""
        app = services(self)
        statuses = [s for s in app.star_statuses() if s.record.talk_id in app.starred]
        self._moves.update({s.record.talk_id: s.moved for s in statuses if s.moved})
        app.mark_seen(moves_to_mark_seen(statuses))
        self.refresh_list()

    def on_screen_suspend(self) -> None:
        self._moves.clear()

    def refresh_list(self) -> None:
        app = services(self)
        statuses = [s for s in app.star_statuses() if s.record.talk_id in app.starred]
        listing = self.query_one("#starred-list", TalkList)
        rows = starred_rows(app.program, statuses, app.display_zone, self._moves)
        listing.replace(_options(rows))
        moved = sum(s.record.talk_id in self._moves for s in statuses)
        summary = starred_summary(len(statuses), moved)
        if not statuses:
            summary += " Press s on a talk in the Schedule to star it."
        self.query_one("#starred-summary", Static).update(summary)
        listing.focus()
        self.refresh_bindings()

    @property
    def highlighted_id(self) -> str | None:
        """The talk id under the cursor, of a talk gone from the program too."""
        listing = self.query_one_optional("#starred-list", TalkList)  # None while closing
        return listing.highlighted_id if listing else None

    @property
    def selected_talk_id(self) -> str | None:
        talk_id = self.highlighted_id
        return talk_id if talk_id and services(self).program.has_talk(talk_id) else None

    @on(OptionList.OptionSelected, "#starred-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and services(self).program.has_talk(event.option.id):
            services(self).open_talk(event.option.id)

    @on(OptionList.OptionHighlighted, "#starred-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.selected_talk_id is not None
        if action == "unstar":  # a talk gone from the program can be unstarred too
            return self.highlighted_id is not None
        return True

    def action_open(self) -> None:
        if self.selected_talk_id:
            services(self).open_talk(self.selected_talk_id)

    def action_unstar(self) -> None:
        if self.highlighted_id:
            services(self).toggle_star(self.highlighted_id)
