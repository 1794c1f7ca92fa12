"""The schedule's lines go to the screen as drawn, without Textual's styles cache (its
styles add nothing around or over them): what reaches the screen must be what Textual's own
way gives, segment for segment, after paging, a theme change, a focus change and a resize,
and a table whose styles do add something (a border) must still be drawn Textual's way."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.geometry import Region
from textual.widget import Widget

from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import AppFactory, drawn_lines
from tests.test_schedule_paging_paths import SHORT, page, table_of


def crops(table: ScheduleTable) -> list[Region]:
    """The whole widget (as tests read it) and what the screen asks for (its scrollbar
    left out), and a part of it: the lines must agree for each."""
    width, height = table.outer_size
    shown = table.scrollable_content_region.width
    return [Region(0, 0, width, height), Region(0, 0, shown, height), Region(3, 2, 20, 4)]


def as_drawn(table: ScheduleTable, crop: Region) -> list[list[Segment]]:
    return [list(strip) for strip in table.render_lines(crop)]


def as_textual_draws(table: ScheduleTable, crop: Region) -> list[list[Segment]]:
    """The same lines through Textual's styles cache (the method the table overrides)."""
    table.refresh()  # nothing kept from an earlier frame
    return [list(strip) for strip in Widget.render_lines(table, crop)]


def assert_drawn_as_textual_would(table: ScheduleTable) -> None:
    for crop in crops(table):
        assert as_drawn(table, crop) == as_textual_draws(table, crop), crop


async def test_paged_rows_reach_the_screen_as_textual_would_draw_them(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await pilot.pause()
        assert_drawn_as_textual_would(table)
        for key in ("pagedown", "pagedown", "down", "pageup"):
            await page(pilot, key, 1)
            assert_drawn_as_textual_would(table)


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
async def test_a_theme_change_reaches_the_rows_drawn_before(
    make_app: AppFactory, theme: str
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await page(pilot, "pagedown", 1)  # rows drawn, and the next page drawn ahead
        before = drawn_lines(table)
        app.theme = theme
        await pilot.pause()
        assert drawn_lines(table) == before  # the same rows
        assert_drawn_as_textual_would(table)  # in the new theme's colours
        await page(pilot, "pagedown", 1)  # onto the rows drawn ahead in the old theme
        assert_drawn_as_textual_would(table)


async def test_focus_and_size_changes_reach_the_rows_drawn_before(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await page(pilot, "pagedown", 1)
        table.blur()  # the focused table's tint and cursor go
        await pilot.pause()
        assert_drawn_as_textual_would(table)
        table.focus()
        await pilot.resize_terminal(100, 14)
        await pilot.pause()
        assert_drawn_as_textual_would(table)
        await page(pilot, "pagedown", 1)
        assert_drawn_as_textual_would(table)


async def test_a_table_given_a_border_is_drawn_inside_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        table.styles.border = ("round", "red")
        await pilot.pause()
        lines = drawn_lines(table)
        assert lines[0].startswith("╭") and lines[-1].startswith("╰")
        assert all(line.startswith("│") for line in lines[1:-1])
        assert_drawn_as_textual_would(table)
