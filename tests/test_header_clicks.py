"""The header's icon opens the command palette from where it is drawn, and only there: in
a tall header the icon is on the middle line, and the lines above and below it are the
header's like the rest, which a click makes short again."""

from __future__ import annotations

from textual.geometry import Offset

from companion.ui.widgets.app_header import ICON, ICON_WIDTH, AppHeader
from tests.driving import AppFactory, drawn_lines, until

SIZE = (100, 24)


async def test_a_click_on_the_tall_headers_top_left_makes_it_short_not_the_palette(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        header = app.screen.query_one(AppHeader)
        await pilot.click(AppHeader, offset=Offset(50, 0))
        await until(pilot, lambda: header.outer_size.height == 3)
        for line in (0, 2):  # above and below the icon
            assert drawn_lines(header)[line][:ICON_WIDTH].strip() == ""  # nothing drawn there
            await pilot.click(AppHeader, offset=Offset(2, line))
            await until(pilot, lambda: header.outer_size.height == 1)
            assert app.screen.id != "--command-palette"
            await pilot.click(AppHeader, offset=Offset(50, 0))
            await until(pilot, lambda: header.outer_size.height == 3)
        assert drawn_lines(header)[1].strip() == ICON
        await pilot.click(AppHeader, offset=Offset(2, 1))
        await until(pilot, lambda: app.screen.id == "--command-palette")


async def test_the_icon_is_lit_only_with_the_mouse_over_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        header = app.screen.query_one(AppHeader)
        await pilot.click(AppHeader, offset=Offset(50, 0))
        await until(pilot, lambda: header.outer_size.height == 3)
        short_unlit = drawn_lines(header)
        await pilot.hover(AppHeader, offset=Offset(2, 0))
        await pilot.pause()
        assert drawn_lines(header) == short_unlit and header.tooltip is None
        await pilot.hover(AppHeader, offset=Offset(2, 1))
        await until(pilot, lambda: header.tooltip == "Open the command palette")
