"""The Schedule: the whole day in order, with what is on now and next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from companion.clock import describe_now_next
from companion.ui.services import services
from companion.ui.widgets.schedule_table import ScheduleTable

CLOCK_REFRESH_SECONDS = 30


class ScheduleScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="now-next")
        yield ScheduleTable(services(self).program, id="schedule")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_schedule()
        self.set_interval(CLOCK_REFRESH_SECONDS, self.refresh_schedule)

    def refresh_schedule(self) -> None:
        app = services(self)
        now = app.clock()
        self.query_one("#now-next", Static).update(
            describe_now_next(app.program, now, app.display_zone)
        )
        self.query_one(ScheduleTable).fill(app.display_zone, app.starred, now)
