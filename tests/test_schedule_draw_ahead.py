"""After a page down or up, the table draws the next page ahead, and the row the cursor
would rest on there as the cursor's: the row must show as the cursor's only while the cursor
is on it, whichever way the user goes next."""

from __future__ import annotations

import pytest
from rich.console import Console
from textual.strip import Strip

from companion.program import Program, Talk
from companion.records import Slot
from companion.ui.widgets import schedule_table
from companion.ui.widgets.schedule_drawing import Look, draw_row
from tests.driving import AppFactory, until
from tests.test_schedule_paging_paths import SHORT, cursor_lines, page, selected_lines, table_of

WAYS = [
    ["pagedown", "pagedown", "up", "up", "pagedown"],  # away from the row drawn ahead
    ["pagedown", *["down"] * 8],  # the row drawn ahead comes into view, the cursor short of it
    ["pageup", "pageup", *["up"] * 8],
    ["pagedown", "pageup", "pagedown", "end", "pageup", "home", "pagedown"],
]


@pytest.mark.parametrize("keys", WAYS, ids=["down", "down-by-rows", "up-by-rows", "both"])
async def test_the_cursor_shows_on_its_own_row_however_paging_goes_on(
    make_app: AppFactory, keys: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await pilot.pause()
        for key in keys:
            await page(pilot, key, 1)
            assert cursor_lines(table) == selected_lines(table), (key, table.selected_key)
            assert len(cursor_lines(table)) >= 1


async def test_a_page_down_finds_the_rows_it_shows_drawn_ahead(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next page is drawn once a page's frame is out (a moment later), so the page down
    after it draws no row before its own frame."""
    drawn: list[str] = []  # the keys of the rows drawn, in order
    frames: list[int] = []  # how many rows had been drawn at each frame

    def counted_draw_row(
        entry: Slot | Talk, look: Look, program: Program, console: Console
    ) -> tuple[Strip, ...]:
        drawn.append(look.key)
        return draw_row(entry, look, program, console)

    monkeypatch.setattr(schedule_table, "draw_row", counted_draw_row)
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        monkeypatch.setattr(app, "post_display_hook", lambda: frames.append(len(drawn)))
        await page(pilot, "home", 1)
        first_frame = len(frames)
        await page(pilot, "pagedown", 1)
        await until(pilot, lambda: len(drawn) > frames[first_frame])  # ahead, with no key
        drawn_before, next_frame = len(drawn), len(frames)
        await page(pilot, "pagedown", 1)
        assert frames[next_frame] == drawn_before
