"""The day's program as a table: slots as header rows, talks under their session."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import datetime, tzinfo

from rich.text import Text
from textual.widgets import DataTable

from companion.clock import format_window
from companion.program import Program, Talk
from companion.render import short_authors

SLOT_ROW_PREFIX = "slot:"


class ScheduleTable(DataTable[str | Text]):
    """One row per slot and per talk; a talk row's key is the talk's id."""

    def __init__(self, program: Program, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.program = program

    def on_mount(self) -> None:
        self.add_column("Time", key="time", width=12)
        self.add_column("", key="star", width=1)
        self.add_column("Title", key="title")
        self.add_column("Who", key="who")

    def fill(self, zone: tzinfo, starred: AbstractSet[str], now: datetime | None = None) -> None:
        """Rebuild the rows, keeping the cursor on the same row."""
        selected = self.selected_key
        self.clear()
        for slot, talks in self.program.agenda():
            window = format_window(slot.start, slot.end, zone, estimated=False)
            is_now = now is not None and slot.start <= now and (slot.end is None or now < slot.end)
            style = "bold reverse" if is_now and not talks else "bold"
            self.add_row(
                Text(window, style=style),
                "",
                Text(slot.title, style=style),
                "",
                key=f"{SLOT_ROW_PREFIX}{slot.id}",
            )
            for talk in talks:
                self.add_row(*self._talk_cells(talk, zone, talk.id in starred, now), key=talk.id)
        if selected is not None and selected in self.rows:
            self.move_cursor(row=self.get_row_index(selected))

    @staticmethod
    def _talk_cells(
        talk: Talk, zone: tzinfo, starred: bool, now: datetime | None
    ) -> tuple[Text, ...]:
        is_now = now is not None and talk.start <= now < talk.end
        style = "reverse" if is_now else ""
        return (
            Text(format_window(talk.start, talk.end, zone, talk.estimated), style=style),
            Text("★" if starred else " "),
            Text(talk.title, style=style),
            Text(f"{short_authors(talk.authors)} · {talk.affiliation or ''}", style="dim"),
        )

    @property
    def selected_key(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return key
