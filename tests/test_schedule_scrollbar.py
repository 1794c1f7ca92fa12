"""As the schedule scrolls, its scrollbar repaints only the cells its thumb leaves and
enters: what it shows must be what repainting it whole shows, wherever paging takes it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.geometry import Region
from textual.scrollbar import ScrollBar

from companion.program import Program
from tests.driving import AppFactory
from tests.programs import opened
from tests.test_schedule_paging_paths import SHORT, page, table_of

KEYS = ["pagedown"] * 6 + ["down", "end", "pageup", "pageup", "up", "home", "pagedown"]
ROW_BY_ROW = ["home"] + ["down"] * 30 + ["up"] * 30  # the thumb by a part of a cell at a time


def bar_drawn(bar: ScrollBar) -> list[list[Segment]]:
    width, height = bar.outer_size
    return [list(strip) for strip in bar.render_lines(Region(0, 0, width, height))]


def bar_drawn_whole(bar: ScrollBar) -> list[list[Segment]]:
    bar.refresh()  # every line painted again
    return bar_drawn(bar)


@pytest.mark.parametrize("keys", [KEYS, ROW_BY_ROW], ids=["paging", "row-by-row"])
async def test_the_scrollbar_shows_the_thumb_where_a_whole_repaint_puts_it(
    make_app: AppFactory, keys: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        bar = table.vertical_scrollbar
        await pilot.pause()
        looks = set()
        for key in keys:
            await page(pilot, key, 1)
            assert bar.position == bar.validate_position(table.scroll_y), key
            drawn = bar_drawn(bar)
            assert drawn == bar_drawn_whole(bar), key
            looks.add(repr(drawn))
        assert len(looks) >= 6  # the thumb did move, by parts of a cell too


async def test_a_resized_table_shows_its_thumb_where_a_whole_repaint_puts_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        bar = table.vertical_scrollbar
        await page(pilot, "pagedown", 3)
        await pilot.resize_terminal(SHORT[0], SHORT[1] + 7)
        await page(pilot, "pagedown", 2)
        assert bar_drawn(bar) == bar_drawn_whole(bar)


async def test_the_thumb_shows_where_the_table_opens_scrolled_to(make_app: AppFactory) -> None:
    """The table scrolls to the cursor as it is filled, before its scrollbar is laid out;
    the thumb was left at the top (Textual tells a scrollbar its place only on a scroll)."""
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await pilot.pause()
        assert table.scroll_y > 0
        assert table.vertical_scrollbar.position == table.scroll_y


@pytest.fixture(scope="module")
def long_day() -> Program:
    """300 talks on one day: a thumb a cell high on a tall bar, far from both ends."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from generate_program import generate

    return opened(generate(300, 1, 4, 100))


async def test_a_thumb_that_jumps_repaints_the_track_it_jumps_over(
    make_app: AppFactory, long_day: Program
) -> None:
    """The track above the thumb scrolls up when clicked and the track below it down: after
    End then Home, the cells between where the thumb was and where it is changed sides
    (they look the same, but a click on them went the wrong way)."""
    app = make_app(long_day.talks[150].start.isoformat(), on=long_day)
    async with app.run_test(size=(80, 30)) as pilot:
        table = table_of(app)
        bar = table.vertical_scrollbar
        await pilot.pause()
        for key in ["end", "home", "end", "pageup", "home"]:
            await page(pilot, key, 1)
            assert bar_drawn(bar) == bar_drawn_whole(bar), key
