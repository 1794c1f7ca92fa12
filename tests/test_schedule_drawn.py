"""The schedule table as it is drawn: every change of star, clock, zone or theme reaches
the lines on screen, not only the model behind them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region

from companion.clock import parse_moment
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import SIZE, AppFactory, drawn_lines

TALL = (80, 40)  # the whole afternoon on screen
NOW = "2026-02-01T16:30"  # inside "Analyzing the complexities ...", where the cursor starts


@pytest.fixture
def new_york_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The terminal's zone is New York: 16:00 at the venue is midnight there."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def drawn_segments(table: ScheduleTable) -> list[list[Segment]]:
    width, height = table.outer_size
    return [list(strip) for strip in table.render_lines(Region(0, 0, width, height))]


def drawn_line(table: ScheduleTable, text: str) -> str:
    """The one drawn line that holds `text`."""
    [line] = [line for line in drawn_lines(table) if text in line]
    return line


def style_of(table: ScheduleTable, text: str) -> Style:
    """The style of the first drawn run of text that holds `text`."""
    for segments in drawn_segments(table):
        for segment in segments:
            if text in segment.text:
                return segment.style or Style()
    raise AssertionError(f"{text!r} is not drawn")


async def test_a_star_is_drawn_on_its_row(make_app: AppFactory) -> None:
    app = make_app(NOW)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await pilot.pause()
        assert "★" not in drawn_line(table, "Analyzing the complexities")
        await pilot.press("s")
        await pilot.pause()
        assert "★" in drawn_line(table, "Analyzing the complexities")
        await pilot.press("s")
        await pilot.pause()
        assert "★" not in drawn_line(table, "Analyzing the complexities")


async def test_a_clock_tick_moves_the_now_mark_on_screen(program: Program) -> None:
    moments = [parse_moment(NOW, program.conference.zone)]
    app = CompanionApp(program, clock=lambda: moments[-1])
    async with app.run_test(size=TALL) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await pilot.pause()
        assert not style_of(table, "XTC").underline
        moments.append(program.talk("xtc").start + timedelta(minutes=1))
        app.now = app.clock()  # what the app's clock tick does
        await pilot.pause()
        assert style_of(table, "XTC").underline  # on now: underlined
        moments.append(datetime.fromisoformat("2026-02-01T18:00+11:00"))
        app.now = app.clock()
        await pilot.pause()
        assert not style_of(table, "XTC").underline


async def test_the_zone_toggle_redraws_the_times(
    make_app: AppFactory, new_york_local_time: None
) -> None:
    app = make_app(NOW)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await pilot.pause()
        assert drawn_line(table, "Analyzing the complexities").startswith(" ≈16:27–16:53")
        await pilot.press("z")
        await pilot.pause()
        assert drawn_line(table, "Analyzing the complexities").startswith(" ≈00:27–00:53")
        await pilot.press("z")
        await pilot.pause()
        assert drawn_line(table, "Analyzing the complexities").startswith(" ≈16:27–16:53")


async def test_a_theme_change_redraws_the_rows_in_its_colours(make_app: AppFactory) -> None:
    """After the switch the table draws exactly what an app started in that theme draws."""

    async def drawn_in(theme: str, switch: bool) -> list[list[Segment]]:
        app = make_app(NOW)
        if not switch:
            app.theme = theme
        async with app.run_test(size=SIZE) as pilot:
            table = app.screen.query_one(ScheduleTable)
            await pilot.pause()
            if switch:
                app.theme = theme
                await pilot.pause()
            return drawn_segments(table)

    dark = await drawn_in("textual-dark", switch=False)
    fresh = await drawn_in("textual-light", switch=False)
    switched = await drawn_in("textual-light", switch=True)  # last: the switch is kept
    assert fresh != dark  # the themes differ, so the comparison below means something
    assert switched == fresh


async def test_local_time_shows_where_the_date_changes(
    make_app: AppFactory, new_york_local_time: None
) -> None:
    """The venue's Sunday runs from Saturday afternoon to Sunday 01:20 in New York."""
    app = make_app(NOW)
    async with app.run_test(size=TALL) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await pilot.press("home")  # the day from its start
        venue = [line.strip() for line in drawn_lines(table)]
        assert not any("January" in line or "February" in line for line in venue)
        await pilot.press("z")
        await pilot.pause()
        local = [line.strip() for line in drawn_lines(table)]
        assert local[1] == "Saturday 31 January 2026"
        assert local[2].startswith("17:30–18:30       CC 2026 panel")
        session = next(i for i, line in enumerate(local) if "Session 3: Optimization" in line)
        assert local[session - 1] == "Sunday 1 February 2026"
        assert local[session].startswith("00:00–01:20")
        assert sum(line.endswith(("January 2026", "February 2026")) for line in local) == 2


@pytest.mark.parametrize("width", [36, 40, 44])
async def test_on_a_narrow_screen_a_cut_title_ends_in_an_ellipsis(
    make_app: AppFactory, width: int
) -> None:
    """The CC panel's title is longer than any narrow row: it is cut with "…", not cropped."""
    app = make_app("2026-02-01T09:45")
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.press("home")
        table = app.screen.query_one(ScheduleTable)
        panel = next(line for line in drawn_lines(table) if "CC 2026 panel" in line)
        assert panel.rstrip().endswith("…"), panel
