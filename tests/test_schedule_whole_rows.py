"""Scrolled by the keys, the schedule and Starred show whole rows from their top line
down: a talk's second line (its speakers) at the top, without its time and title, told
nothing."""

from __future__ import annotations

import pytest

from companion.program import Program
from companion.ui.widgets.schedule_table import ScheduleTable
from companion.ui.widgets.starred_options import StarredList
from tests.driving import AppFactory, drawn_lines, every_talk_starred

# Heights with an odd and an even number of lines for the rows (talks take two lines,
# breaks and sessions one), so that scrolling just far enough would cut a talk in two.
SIZES = [(80, 24), (80, 13), (120, 17)]


def top_line(table: ScheduleTable) -> str:
    """The first line drawn below the table's heading."""
    return drawn_lines(table)[1]


def starts_a_row(line: str) -> bool:
    """Every row's first line shows its time; a talk's second line leaves that column blank."""
    return line[:16].strip() != ""


@pytest.mark.parametrize("size", SIZES)
async def test_moving_and_paging_keep_a_whole_row_at_the_top(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await pilot.press("home")
        keys = ["down"] * table.row_count + ["home"] + ["pagedown"] * 6 + ["pageup"] * 6
        for key in [*keys, "end", "up", "up", "up", "pagedown"]:
            await pilot.press(key)
            assert starts_a_row(top_line(table)), (size, key, table.selected_key)
        assert table.selected_key == table.row_keys[-1]
        assert any("Closing" in line for line in drawn_lines(table))  # the last row shows
        assert table.scroll_y > 0  # longer than the screen: it did scroll


@pytest.mark.parametrize("size", [(80, 24), (80, 15)])
async def test_starred_moved_down_shows_a_whole_talk_at_the_top(
    make_app: AppFactory, program: Program, size: tuple[int, int]
) -> None:
    """As far as the list scrolls: at its end, its last line is at the bottom."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await every_talk_starred(pilot, program)
        starred = app.screen.query_one(StarredList)
        await pilot.press("home")
        for _ in range(starred.option_count):
            was = starred.highlighted
            await pilot.press("down")
            if was is None or (starred.highlighted or 0) < was:  # wrapped round to the top
                break
            if starred.scroll_y < starred.max_scroll_y:
                top = drawn_lines(starred)[0]
                assert starts_a_row(top), (size, starred.highlighted, top)
        assert starred.max_scroll_y > 0
