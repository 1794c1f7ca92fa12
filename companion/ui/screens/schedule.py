"""The Schedule: the whole day in order, with what is on now and next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from companion.clock import now_next
from companion.ui.services import services
from companion.ui.widgets.now_next import NowNext
from companion.ui.widgets.schedule_table import ScheduleTable


class ScheduleScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="schedule.open", tooltip="Details of this talk"),
        Binding("s", "star", "Star", id="schedule.star", tooltip="Star or unstar this talk"),
        Binding("n", "jump_now", "Now", id="schedule.now", tooltip="Go to what is on now, or next"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield NowNext()
        yield ScheduleTable(services(self).program, id="schedule")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        app = services(self)
        for name in ("starred", "now", "local_time"):
            self.watch(app, name, self.refresh_rows, init=False)
        self.refresh_rows()
        self.action_jump_now()

    @property
    def table(self) -> ScheduleTable:
        return self.query_one(ScheduleTable)

    @property
    def selected_talk_id(self) -> str | None:
        return self.table.selected_talk_id

    def refresh_rows(self) -> None:
        app = services(self)
        self.table.fill(app.display_zone, app.starred, app.now)

    def action_open(self) -> None:
        if self.selected_talk_id:
            services(self).open_talk(self.selected_talk_id)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_star(self) -> None:
        if self.selected_talk_id:
            services(self).toggle_star(self.selected_talk_id)

    def action_jump_now(self) -> None:
        """Put the cursor on what is on now (or next); before the day, on the first talk."""
        app = services(self)
        state = now_next(app.program, app.now)
        item = state.current or state.next
        if item is None:
            return
        self.table.select_key(item.talk.id if item.talk else f"slot:{item.slot.id}")
