"""A page down changes the table's lines and its scrollbar, nothing above the table: the
banner, the day bar and the notes under it are not asked for their lines again. Textual
asks every widget placed straight on the screen for its lines at each frame, whatever
changed; the widgets above the table stand in a box of their own, which a frame that
changes nothing in it passes over."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.day_bar import DayBar
from companion.ui.widgets.now_next import NowNext
from tests.driving import AppFactory, screen_lines, settled
from tests.test_schedule_paging_paths import page, table_of

ABOVE_TABLE = ("NowNext", "days", "place-filter", "past-hidden")


def above_table(app: CompanionApp) -> list[str]:
    """The screen's lines down to the table's heading."""
    lines = screen_lines(app.screen)
    return lines[: next(y for y, line in enumerate(lines) if line.startswith(" Time "))]


async def test_a_page_down_asks_nothing_above_the_table_for_its_lines(
    make_app: AppFactory, frab_program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    render_lines = Widget.render_lines

    def counted(widget: Widget, crop: Region) -> list[Strip]:
        asked.append(widget.id or type(widget).__name__)
        return render_lines(widget, crop)

    app = make_app("2030-02-02T09:00", on=frab_program)  # two days, rooms: every note shows
    async with app.run_test(size=(100, 14)) as pilot:
        await settled(pilot)
        assert app.screen.query_one(NowNext) and app.screen.query_one(DayBar)  # both shown
        monkeypatch.setattr(Widget, "render_lines", counted)
        table = table_of(app)
        await page(pilot, "home", 1)
        before = above_table(app)
        asked.clear()
        for key, step in (("pagedown", 1), ("pageup", -1)):
            top = table.scroll_y
            await page(pilot, key, 1)
            assert (table.scroll_y - top) * step > 0  # the page moved the rows
        assert "ScrollBar" in asked  # frames were drawn: the thumb moved
        assert not [name for name in asked if name in ABOVE_TABLE]
        assert above_table(app) == before
