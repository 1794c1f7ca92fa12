"""After a page down or up, the table draws the next page ahead, and the row the cursor
would rest on there as the cursor's: the row must show as the cursor's only while the cursor
is on it, whichever way the user goes next."""

from __future__ import annotations

import pytest

from tests.driving import AppFactory
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
