"""The Schedule: the program a day at a time, with what is on now and next.

Multi-day programs get a day bar (`,` and `.` switch days); programs with rooms
or tracks can be filtered to some of them (`r`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Static

from companion.clock import now_next
from companion.places import describe_choice
from companion.ui.services import services
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.now_next import NowNext
from companion.ui.widgets.schedule_table import SLOT_ROW_PREFIX, ScheduleTable, ScheduleView

if TYPE_CHECKING:
    from textual.widgets import Tabs


class ScheduleScreen(Screen[None]):
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

    def compose(self) -> ComposeResult:
        program = services(self).program
        yield Header()
        yield NowNext()
        if len(program.days) > 1:  # a one-day program needs no day bar (nor its module and styles)
            from textual.widgets import Tab, Tabs

            tabs = Tabs(
                *(Tab(f"{day:%a %d %b}", id=f"day-{i}") for i, day in enumerate(program.days)),
                id="days",
            )
            tabs.can_focus = False
            yield tabs
        if program.rooms or program.tracks:
            yield Static(id="place-filter")
        yield ScheduleTable(program, id="schedule")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = self.app
        for state in ("starred", "now", "local_time"):  # the table repaints what they change
            self.watch(app, state, self.refresh_rows, init=False)
        self._show_place_filter()
        self.action_jump_now()
        self.table.focus()

    def _view(self) -> ScheduleView:
        app = services(self)
        days = app.program.days
        day = days[self.day_index] if days else None
        return ScheduleView(app.display_zone, app.starred, app.now, day, self.places)

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
        if action in ("open", "star"):  # a session's or a break's row holds no talk
            table = self.query_one_optional(ScheduleTable)  # None while closing
            return table is not None and table.selected_talk_id is not None
        return True

    @on(ScheduleTable.CursorMoved)
    def _cursor_moved(self) -> None:
        self.refresh_bindings()

    def refresh_rows(self) -> None:
        self.table.fill(self._view())

    def watch_day_index(self, index: int) -> None:
        self._show_day_tab()
        self.refresh_rows()

    def watch_places(self) -> None:
        self.refresh_rows()
        self._show_place_filter()

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
        if len(services(self).program.days) > 1:  # only then is there a day bar
            from textual.widgets import Tabs

            for tabs in self.query("#days").results(Tabs):
                tabs.active = f"day-{self.day_index}"

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        """A day chosen on the day bar (by mouse: the bar does not take focus)."""
        # Setting `active` ourselves also posts this message; one that arrives after the
        # day moved on is stale, and following it would bounce between two days forever.
        if event.tab.id and event.tab.id == event.tabs.active:
            self.day_index = int(event.tab.id.removeprefix("day-"))

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

    def action_jump_now(self) -> None:
        """Show the day of what is on now (or next), with the cursor on it."""
        app = services(self)
        state = now_next(app.program, app.now)
        items = state.current or state.next
        if not items:
            self.refresh_rows()
            return
        item = items[0]
        start_day = item.start.astimezone(app.program.conference.zone).date()
        if start_day in app.program.days:
            self.set_reactive(ScheduleScreen.day_index, app.program.days.index(start_day))
            self._show_day_tab()
        key = item.talk.id if item.talk else f"{SLOT_ROW_PREFIX}{item.slot.id if item.slot else ''}"
        self.table.fill(self._view(), focus=key)
        self.call_after_refresh(self.table.select_key, key)  # again once laid out, to scroll
