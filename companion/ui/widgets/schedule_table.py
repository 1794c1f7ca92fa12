"""A day of the program as a table: slots as header rows, talks in time order.

Parallel talks (a multi-room program) follow each other at the same time, each
with its room; starred talks that overlap carry a conflict marker.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from rich.style import Style
from rich.text import Text
from textual.timer import Timer
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from companion.clock import format_window
from companion.program import Program, Talk
from companion.records import Slot, SlotKind
from companion.render import short_authors

SLOT_ROW_PREFIX = "slot:"
TIME_WIDTH = 12
SCROLLBAR_WIDTH = 2
STAR = "★"
CONFLICT = "!"


@dataclass(frozen=True)
class ScheduleView:
    """What the table shows: which day, which rooms and tracks, in which zone, at what time."""

    zone: tzinfo
    starred: AbstractSet[str]
    now: datetime
    day: date | None = None
    places: frozenset[str] = frozenset()  # "room:NAME" / "track:NAME"; empty shows all

    def shows(self, talk: Talk) -> bool:
        if not self.places:
            return True
        return f"room:{talk.room}" in self.places or f"track:{talk.track}" in self.places


FIRST_ROWS = 120  # rows past the cursor's that go in before the first paint
CHUNK_ROWS = 400  # rows added per step after it
CHUNK_PAUSE = 0.02  # seconds between steps: time to paint and to take keys


def _row_key(entry: Slot | Talk) -> str:
    return entry.id if isinstance(entry, Talk) else f"{SLOT_ROW_PREFIX}{entry.id}"


def is_on(start: datetime, end: datetime | None, now: datetime) -> bool:
    return start <= now and (end is None or now < end)


class ScheduleTable(DataTable[Text]):
    """One row per slot and per talk; a talk row's key is the talk's id.

    Styles come from component classes, so themes and NO_COLOR apply.
    """

    COMPONENT_CLASSES = {
        "schedule-table--slot",
        "schedule-table--now",
        "schedule-table--muted",
        "schedule-table--room",
        "schedule-table--conflict",
    }

    def __init__(self, program: Program, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.program = program
        self._styles: dict[tuple[str, ...], Style] = {}
        self._pending: list[Slot | Talk] = []  # rows still to add, a chunk per tick
        self._filler: Timer | None = None
        self._view: ScheduleView | None = None
        self._conflicts: AbstractSet[str] = frozenset()

    def on_mount(self) -> None:
        self.add_column("Time", key="time", width=TIME_WIDTH)
        self.add_column(STAR, key="star", width=len(STAR + CONFLICT))
        self.add_column("Talk · authors · affiliation", key="title", width=self._title_width())

    def _title_width(self) -> int:
        """The title column takes what the time and star columns leave, so nothing scrolls."""
        used = TIME_WIDTH + len(STAR + CONFLICT) + 3 * 2 * self.cell_padding + SCROLLBAR_WIDTH
        return max(20, self.size.width - used)

    def on_resize(self) -> None:
        column = self.columns.get(ColumnKey("title"))
        if column is not None and column.width != self._title_width():
            column.width = self._title_width()
            self._require_update_dimensions = True
            self.refresh()

    def fill(self, view: ScheduleView, focus: str | None = None) -> None:
        """Rebuild the rows, keeping the cursor on its row (or putting it on `focus`).

        A long day goes in by parts: the rows up to the cursor and a screenful past
        it before the first paint, the rest over the frames that follow.
        """
        target = focus or self.selected_key
        self._styles.clear()
        self.clear()
        self._view, self._conflicts = view, self.program.conflicts(view.starred)
        entries = [
            entry
            for entry in self.program.entries(view.day)
            if not isinstance(entry, Talk) or view.shows(entry)
        ]
        keys = [_row_key(entry) for entry in entries]
        first = keys.index(target) + FIRST_ROWS if target in keys else FIRST_ROWS
        self._add(entries[:first])
        if target is not None:
            self.select_key(target)
        self._pending = entries[first:]
        if self._pending and self._filler is None:
            # An interval, not a one-shot timer: Textual drops a one-shot timer whose moment
            # passed while the loop was busy, and the first paint keeps it busy.
            self._filler = self.set_interval(CHUNK_PAUSE, self._add_chunk)

    def _add_chunk(self) -> None:
        chunk, self._pending = self._pending[:CHUNK_ROWS], self._pending[CHUNK_ROWS:]
        self._add(chunk)
        if not self._pending and self._filler is not None:
            self._filler.stop()
            self._filler = None

    def _add(self, entries: list[Slot | Talk]) -> None:
        view = self._view
        assert view is not None  # set by fill before any rows are added
        for entry in entries:
            if isinstance(entry, Talk):
                marker = self._marker(entry.id, view.starred, self._conflicts)
                self.add_row(*self._talk_cells(entry, view, marker), key=entry.id, height=2)
            else:
                has_talks = bool(self.program.talks_in_session(entry.id))
                self.add_row(
                    *self._slot_cells(entry, view.zone, view.now, has_talks), key=_row_key(entry)
                )

    @staticmethod
    def _marker(talk_id: str, starred: AbstractSet[str], conflicts: AbstractSet[str]) -> str:
        return (STAR if talk_id in starred else " ") + (CONFLICT if talk_id in conflicts else "")

    def update_markers(self, view: ScheduleView) -> None:
        """Bring the star and conflict markers up to date without rebuilding rows."""
        conflicts = self.program.conflicts(view.starred)
        self._view, self._conflicts = view, conflicts  # for rows still to be added
        style = self._style("schedule-table--conflict")
        for row_key in list(self.rows):
            talk_id = row_key.value
            if talk_id is None or talk_id.startswith(SLOT_ROW_PREFIX):
                continue
            marker = self._marker(talk_id, view.starred, conflicts)
            if str(self.get_cell(row_key, "star")) != marker:
                self.update_cell(
                    row_key, "star", Text(marker, style=style if CONFLICT in marker else Style())
                )

    def ids_on_now(self, view: ScheduleView) -> tuple[str, ...]:
        """The rows highlighted as on now, to tell when a clock tick changes anything."""
        return tuple(
            item.id
            for item in self.program.entries(view.day)
            if is_on(item.start, item.end, view.now)
        )

    def _style(self, *names: str) -> Style:
        """The rich style of component classes, looked up once per fill (a theme may change)."""
        style = self._styles.get(names)
        if style is None:
            style = self._styles[names] = Style.combine(
                self.get_component_rich_style(name, partial=True) for name in names
            )
        return style

    def _slot_cells(
        self, slot: Slot, zone: tzinfo, now: datetime, has_talks: bool
    ) -> tuple[Text, ...]:
        names = ["schedule-table--slot"]
        if is_on(slot.start, slot.end, now) and not has_talks:
            names.append("schedule-table--now")
        style = self._style(*names)
        title = Text(slot.title, style=style, no_wrap=True, overflow="ellipsis")
        if slot.kind is SlotKind.RELATED:
            title.append("  (not part of the workshop)", style=self._style("schedule-table--muted"))
        return (
            Text(format_window(slot.start, slot.end, zone, estimated=False), style=style),
            Text(""),
            title,
        )

    def _talk_cells(self, talk: Talk, view: ScheduleView, marker: str) -> tuple[Text, ...]:
        on_now = is_on(talk.start, talk.end, view.now)
        style = self._style("schedule-table--now") if on_now else Style()
        title = Text(talk.title, style=style, no_wrap=True, overflow="ellipsis")
        if talk.room and len(self.program.rooms) > 1:
            title.append(f"\n{talk.room}", style=self._style("schedule-table--room"))
            title.append(" · ")
        else:
            title.append("\n")
        who = " · ".join(part for part in (short_authors(talk.authors), talk.affiliation) if part)
        title.append(who or (talk.track or ""), style=self._style("schedule-table--muted"))
        marker_style = self._style("schedule-table--conflict") if CONFLICT in marker else Style()
        return (
            Text(format_window(talk.start, talk.end, view.zone, talk.estimated), style=style),
            Text(marker, style=marker_style),
            title,
        )

    @property
    def selected_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    @property
    def selected_talk_id(self) -> str | None:
        key = self.selected_key
        return key if key and not key.startswith(SLOT_ROW_PREFIX) else None

    def select_key(self, key: str) -> None:
        if key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)
