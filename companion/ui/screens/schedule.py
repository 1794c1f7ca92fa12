"""The Schedule: the program a day at a time, with what is on now and next.

What is on now stands near the top (at start-up, on `n`, and as the clock moves
on while the cursor rests there); what is over is dimmed, or hidden (`p`).
Multi-day programs get a day bar (`,` and `.` switch days); programs with rooms
or tracks can be filtered to some of them (`r`).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from companion.clock import Item, now_next
from companion.places import describe_choice
from companion.present.words import count
from companion.ui.plain_text import show_text
from companion.ui.providers import screen_commands
from companion.ui.screens.styled import StyledScreen, in_sight
from companion.ui.services import services
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.day_bar import DayBar
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.now_next import NowNext
from companion.ui.widgets.schedule_rows import ScheduleView, row_key
from companion.ui.widgets.schedule_table import ScheduleTable


class ScheduleScreen(StyledScreen[None]):
    COMMANDS = {screen_commands}
    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Open",
            id="schedule.open",
            tooltip="Details of this talk",
        ),
        Binding("s", "star", "Star", id="schedule.star", tooltip="Star or unstar this talk"),
        Binding(
            "n",
            "jump_now",
            "Now",
            id="schedule.now",
            tooltip="Go to what is on now, or next",
        ),
        Binding(
            "p",
            "toggle_past",
            "Past",
            id="schedule.past",
            tooltip="Hide or show what is over (what is on now stays)",
        ),
        Binding(
            "comma",
            "day(-1)",
            "Day",
            key_display=",.",  # one footer entry for both day keys, to fit 80 columns
            id="schedule.previous_day",
            tooltip="The previous day (multi-day programs)",
        ),
        Binding(
            "full_stop",
            "day(1)",
            "Next day",
            show=False,
            id="schedule.next_day",
            tooltip="The next day (multi-day programs)",
        ),
        Binding(
            "r",
            "filter_places",
            "Room",
            id="schedule.filter",
            tooltip="Show only some rooms and tracks (programs that have them)",
        ),
    ]

    day_index: reactive[int] = reactive(0, init=False)
    places: reactive[frozenset[str]] = reactive(frozenset(), init=False)
    hide_past: reactive[bool] = reactive(False, init=False, toggle_class="-hiding-past")

    def __init__(self) -> None:
        super().__init__()
        self._now_key: str | None = None  # the row `n` (or start-up) last put the cursor on
        self._stars_unshown = False  # starred while out of sight: the rows show them on return

    def compose(self) -> ComposeResult:
        program = services(self).program
        yield AppHeader()
        # In a box of their own: Textual asks every widget placed straight on the screen
        # for its lines at each frame, a page down's too, which changes nothing up here.
        with Vertical(id="above-table"):
            yield NowNext()
            if len(program.days) > 1:  # a one-day program needs no day bar
                yield DayBar([f"{day:%a %d %b}" for day in program.days], id="days")
            if program.rooms or program.tracks:
                yield Static(id="place-filter")
            yield Static(id="past-hidden")
        yield ScheduleTable(program, id="schedule")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "local_time", self.refresh_rows, init=False)
        self.watch(app, "now", self._follow_now, init=False)
        # A star changes what is headlined too, but the cursor stays: it was pressed on a
        # row here or on a talk's screen, or came from another terminal.
        self.watch(app, "starred", self._show_stars, init=False)
        self._show_place_filter()
        self.action_jump_now()
        self.table.focus()

    def _view(self) -> ScheduleView:
        app = services(self)
        days = app.program.days
        day = days[self.day_index] if days else None
        return ScheduleView(
            app.display_zone, app.starred, app.now, day, self.places, self.hide_past
        )

    @property
    def table(self) -> ScheduleTable:
        return self.query_one(ScheduleTable)

    @property
    def selected_talk_id(self) -> str | None:
        return self.table.selected_talk_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        program = services(self).program
        if action == "day":
            return len(program.days) > 1
        if action == "filter_places":
            return bool(program.rooms or program.tracks)
        table = self.query_one_optional(ScheduleTable)  # None while closing
        if action in ("open", "star"):  # a session's or a break's row holds no talk
            return table is not None and table.selected_talk_id is not None
        if action == "toggle_past":  # once something is over, or to show it again
            return self.hide_past or (table is not None and table.over_count > 0)
        return True

    @on(ScheduleTable.CursorMoved)
    def _cursor_moved(self) -> None:
        self.refresh_bindings()

    def refresh_rows(self) -> None:
        self.table.fill(self._view())
        self._show_past_hidden()
        self.refresh_bindings()  # `p` acts once something is over

    def _show_stars(self) -> None:
        """Stars change the markers on rows, not which rows are listed or hidden, nor the
        keys that act: only the table is told. Out of sight (under the talk screen, or in
        another mode) it is told as the screen is shown again: a star on the talk screen
        drew the rows hidden under it."""
        if not in_sight(self):
            self._stars_unshown = True
            return
        self._stars_unshown = False
        self.table.fill(self._view())

    def on_screen_resume(self) -> None:
        self.query_one(NowNext).shown_again()
        if self._stars_unshown:
            self._show_stars()

    def _follow_now(self) -> None:
        """Repaint; and while the cursor rests where `n` put it, follow what is on now as
        the clock moves on (as the banner headlines it)."""
        item = self._now_item()
        following = self._now_key is not None and self.table.selected_key == self._now_key
        if following and item is not None and row_key(item.entry) != self._now_key:
            self.action_jump_now()
        else:
            self.refresh_rows()

    def watch_day_index(self, index: int) -> None:
        self._show_day_tab()
        self.refresh_rows()

    def watch_places(self) -> None:
        self.refresh_rows()
        self._show_place_filter()

    def watch_hide_past(self) -> None:
        """Keep the cursor's row near the top; when it was hidden, go to what is on now."""
        kept = self.table.selected_key
        self.refresh_rows()
        if kept is not None and self.table.selected_key == kept:
            self.table.bring_near_top(kept)
        else:
            self.action_jump_now()

    def _show_past_hidden(self) -> None:
        """While the past is hidden, say how much of it, and the key that shows it."""
        hidden = count(self.table.hidden_count, "past item")
        note = f"{hidden} hidden · {self._key_of('toggle_past')} to show"
        show_text(self.query_one("#past-hidden", Static), note)

    def _show_place_filter(self) -> None:
        """Say which rooms and tracks the schedule shows, and the key that changes it."""
        program = services(self).program
        for line in self.query("#place-filter").results(Static):
            hint = "change" if self.places else "filter"
            choice = describe_choice(program.rooms, program.tracks, self.places)
            line.update(Content(f"{choice} · {self._key_of('filter_places')} to {hint}"))

    def _key_of(self, action: str) -> str:
        """The key of one of this screen's actions, as the footer writes it."""
        return next(
            self.app.get_key_display(binding)
            for binding in self.BINDINGS
            if isinstance(binding, Binding) and binding.action == action
        )

    def _show_day_tab(self) -> None:
        for bar in self.query("#days").results(DayBar):  # multi-day programs only
            bar.chosen = self.day_index

    @on(DayBar.Chosen)
    def _day_clicked(self, event: DayBar.Chosen) -> None:
        self.day_index = event.index

    def action_day(self, step: int) -> None:
        self.day_index = (self.day_index + step) % len(services(self).program.days)

    def action_filter_places(self) -> None:
        from companion.ui.screens.place_filter import PlaceFilterScreen  # only when used

        def apply(places: frozenset[str] | None) -> None:
            if places is not None:
                self.places = places

        self.app.push_screen(PlaceFilterScreen(self.places), apply)

    def action_open(self) -> None:
        if self.selected_talk_id:
            services(self).open_talk(self.selected_talk_id)

    @on(ScheduleTable.Selected)
    def _row_selected(self, event: ScheduleTable.Selected) -> None:
        event.stop()
        self.action_open()

    def action_star(self) -> None:
        if self.selected_talk_id:
            services(self).toggle_star(self.selected_talk_id)

    def action_toggle_past(self) -> None:
        self.hide_past = not self.hide_past

    def _now_item(self) -> Item | None:
        """What the banner headlines (starred, then just begun), among the rooms shown: on
        now, else next."""
        app = services(self)
        state = now_next(app.program, app.now, app.starred)
        view = self._view()
        for items in (state.current, state.next):
            shown = [item for item in items if item.talk is None or view.shows(item.talk)]
            if shown:
                return shown[0]
        return None

    def action_jump_now(self) -> None:
        """Show the day of what is on now (or next), its row near the top with the cursor on
        it."""
        item = self._now_item()
        if item is None:
            self.refresh_rows()
            return
        program = services(self).program
        start_day = program.day_of(item.entry)
        if start_day in program.days:
            self.set_reactive(ScheduleScreen.day_index, program.days.index(start_day))
            self._show_day_tab()
        self._now_key = row_key(item.entry)
        self.refresh_rows()
        self.table.bring_near_top(self._now_key)
