"""My day: the starred talks in time order, the free gaps between them and what fits them,
the clashes by name, a now-line, the past dimmed or hidden; unstar in place, and undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import OptionList, Static

from companion.present.agenda import past_words, reminders_words
from companion.present.starred import (
    GapRow,
    NowLine,
    Row,
    StarRow,
    moves_to_mark_seen,
    starred_rows,
    starred_summary,
)
from companion.ui.commands import ScreenCommands
from companion.ui.plain_text import show_line
from companion.ui.screens.unstarring import UNDO_KEY, Unstarring
from companion.ui.services import services
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.starred_options import StarredList, StarredOptions
from companion.ui.widgets.talk_options import TalkList

if TYPE_CHECKING:
    from companion.reconcile import StarStatus


class StarredScreen(Unstarring):
    COMMANDS = {ScreenCommands}  # its keys in the palette too
    CSS_PATH = "starred.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Open",
            id="starred.open",
            show=False,  # the list's own Enter shows and acts; this one is for the palette
            tooltip="Details of this talk; on a free gap, the talks that fit in it",
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
        Binding(
            UNDO_KEY,
            "undo",
            "Undo",
            id="starred.undo",
            tooltip="Star again what was last unstarred here",
        ),
        Binding(
            "c",
            "resolve_clash",
            "Clash",
            id="starred.clash",
            tooltip="On a talk that clashes: keep one, unstar the other",
        ),
        Binding("p", "toggle_past", "Past", id="starred.past", tooltip="Hide or show what is over"),
        Binding(
            "h",
            "share",
            "Share",
            id="starred.share",
            tooltip="Your stars as a code and a QR code, for another companion or a friend",
        ),
        Binding(
            "g",
            "import_stars",
            "Import",
            id="starred.import",
            tooltip="Star the talks of a share code, an export or a list of ids",
        ),
        Binding(
            "m",
            "app.reminder_lead",
            "Remind",
            id="starred.remind",
            show=False,  # in help and the palette: the footer keeps the keys of the day
            tooltip="How many minutes before a starred talk starts it is announced",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        # Moves found on this visit: marked seen at once, but shown until the user leaves.
        self._moves: dict[str, str] = {}
        self._rows: list[Row] = []  # as listed, one an option
        self._listed: tuple[object, ...] | None = None  # what `_rows` were built from
        self._options = StarredOptions()
        self.hide_past = False
        # The cursor and scroll put last, and the list's region then (see `_cursor_to_now`).
        self._left_at: tuple[int | None, float, Region] | None = None

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(id="starred-summary")
        yield StarredList(id="starred-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = self.app
        for name in ("starred", "local_time", "now", "remind_before"):
            self.watch(app, name, self._state_changed, init=False)

    def _state_changed(self) -> None:
        """List again at once when this screen is in view; otherwise the next visit lists
        (`on_screen_resume`), so a star on another screen does not wait for this one's
        list to be read from the store and built."""
        if self.is_current:
            self.refresh_list()

    def on_screen_resume(self) -> None:
        """A visit: moves found now are marked seen at once, and shown until the user leaves."""
        app = services(self)
        statuses = [s for s in app.star_statuses() if s.record.talk_id in app.starred]
        self._moves.update({s.record.talk_id: s.moved for s in statuses if s.moved})
        app.mark_seen(moves_to_mark_seen(statuses))
        self.refresh_list(statuses)
        # Before the frame, so that it draws the list where it opens (drawn where the
        # cursor was, then moved, the list was drawn twice); again after the frame, should
        # it lay the list out anew (a first visit, a new size, a scrollbar come or gone).
        self._cursor_to_now()
        self.call_after_refresh(self._cursor_to_now)

    def _cursor_to_now(self) -> None:
        """A visit opens on what comes next, as the Schedule does: the cursor on the first
        row after the now-line, at the top, the now-line just above it."""
        listing = self.query_one_optional("#starred-list", StarredList)  # None while closing
        line = next((i for i, row in enumerate(self._rows) if isinstance(row, NowLine)), None)
        if listing is None or line is None:
            return
        following = (
            i
            for i in range(line + 1, listing.option_count)
            if not listing.get_option_at_index(i).disabled
        )
        cursor = next(following, listing.highlighted)
        here = (listing.highlighted, listing.scroll_offset.y, listing.scrollable_content_region)
        if here == self._left_at and here[0] == cursor:
            return  # still where it was put: scrolling to it and back repainted every row
        listing.highlighted = cursor
        if cursor is not None:
            listing.scroll_to_option(cursor, below=1)  # the now-line in view too
        self._left_at = (cursor, listing.scroll_offset.y, listing.scrollable_content_region)

    def on_screen_suspend(self) -> None:
        self._moves.clear()

    def refresh_list(self, statuses: list[StarStatus] | None = None) -> None:
        """List the stars again; `statuses`: the stars as just read, else read here."""
        app = services(self)
        if statuses is None:
            statuses = [s for s in app.star_statuses() if s.record.talk_id in app.starred]
        listing = self.query_one("#starred-list", TalkList)
        notes = app.notes()
        zone = app.display_zone
        # Built from these alone: a visit that finds them as they were lists nothing anew.
        listed = (statuses, zone, dict(self._moves), app.now, self.hide_past, notes)
        if listed != self._listed:
            rows = starred_rows(
                app.program,
                statuses,
                zone,
                self._moves,
                now=app.now,
                hide_past=self.hide_past,
                notes=notes,
            )
            self._listed = listed
            if rows != self._rows:
                self._rows = rows
                listing.replace(self._options(rows))
        moved = sum(s.record.talk_id in self._moves for s in statuses)
        summary = starred_summary(len(statuses), moved)
        if not statuses:
            summary += " Press s on a talk in the Schedule to star it."
        else:
            extras = [past_words(True)] if self.hide_past else []
            summary = " · ".join([summary, *extras, reminders_words(app.remind_before)])
        show_line(self.query_one("#starred-summary", Static), summary)  # a count changed
        if not listing.has_focus:  # focusing repaints every row, even the focused list's
            listing.focus()
        self.refresh_bindings()

    @property
    def selected_talk_id(self) -> str | None:
        talk_id = self.highlighted_id
        return talk_id if talk_id and services(self).program.has_talk(talk_id) else None

    @on(OptionList.OptionSelected, "#starred-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    @on(OptionList.OptionHighlighted, "#starred-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.selected_talk_id is not None or isinstance(self.highlighted_row, GapRow)
        if action == "unstar":  # a talk gone from the program can be unstarred too
            return self.highlighted_id is not None
        if action == "undo":
            return bool(self._unstarred)
        if action == "toggle_past":
            return bool(self._rows)
        if action == "share":  # importing is for an empty list too
            return bool(services(self).starred)
        if action == "resolve_clash":
            row = self.highlighted_row
            return isinstance(row, StarRow) and bool(row.clashes)
        return True

    def action_open(self) -> None:
        row = self.highlighted_row
        if isinstance(row, GapRow):
            from companion.ui.screens.fits import FitsScreen

            self.app.push_screen(FitsScreen(row.gap))
        elif self.selected_talk_id:
            services(self).open_talk(self.selected_talk_id)

    def action_share(self) -> None:
        from companion.ui.screens.share import ShareScreen

        self.app.push_screen(ShareScreen())

    def action_import_stars(self) -> None:
        from companion.ui.screens.import_stars import ImportStarsScreen

        self.app.push_screen(ImportStarsScreen())

    def action_toggle_past(self) -> None:
        self.hide_past = not self.hide_past
        self.refresh_list()
        self.notify(past_words(self.hide_past).capitalize(), timeout=3)
