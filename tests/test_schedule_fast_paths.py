"""A star repaints only the rows it changes: the row starred, and the rows whose conflict
marker comes or goes with it; what is drawn must be what a full repaint would draw."""

from __future__ import annotations

from companion.program import Program
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import SIZE, AppFactory, drawn_lines, move_schedule_to

FIRST = "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa"
SECOND = "0e5d2b6c-3333-4a8b-9c55-cccccccccccc"


def row_markers(table: ScheduleTable, talk_id: str) -> str:
    """The star and conflict cell of a talk's row, as drawn."""
    line = drawn_lines(table)[table.row_line(talk_id) - int(table.scroll_y) + 1]
    return line[15:17]


async def test_a_star_and_the_conflict_it_makes_are_drawn_on_both_rows(
    make_app: AppFactory, frab_program: Program
) -> None:
    app = make_app("2030-02-02T10:10", on=frab_program)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await move_schedule_to(pilot, FIRST)
        await pilot.press("s")
        await pilot.pause()
        assert (row_markers(table, FIRST), row_markers(table, SECOND)) == ("★ ", "  ")
        await move_schedule_to(pilot, SECOND)
        await pilot.press("s")
        await pilot.pause()
        assert (row_markers(table, FIRST), row_markers(table, SECOND)) == ("★!", "★!")
        await pilot.press("s")  # unstarred: the conflict goes from the other row too
        await pilot.pause()
        assert (row_markers(table, FIRST), row_markers(table, SECOND)) == ("★ ", "  ")
