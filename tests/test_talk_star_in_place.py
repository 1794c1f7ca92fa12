"""A star toggled on the talk screen draws its own line again and lays out nothing: the
facts and the abstract around it are neither wrapped nor laid out again (a layout of the
whole screen was most of that star at 10,000 talks). Where the star's line wraps to
another height (a narrow terminal), the screen is laid out for it. Either way the screen
shows what it shows when the talk is opened anew."""

from __future__ import annotations

import re

import pytest
from textual.app import App
from textual.pilot import Pilot

from companion.program import Program
from tests.driving import AppFactory, flat, screen_lines, until
from tests.test_search_keystroke import count_layouts
from tests.test_talk_opened_in_a_row import open_from_schedule


def screenshot(app: App[None]) -> str:
    """The whole screen as drawn, cell by cell (the ids the SVG makes up left out)."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


async def star_shown(pilot: Pilot[None], shown: str) -> None:
    await pilot.press("s")
    await until(pilot, lambda: shown in flat(screen_lines(pilot.app.screen)))


async def star_toggled(
    make_app: AppFactory, program: Program, size: tuple[int, int], times: int
) -> tuple[int, str, bool]:
    """How many layouts `times` stars on the talk screen took, and the screen after them."""
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=size) as pilot:
        await open_from_schedule(pilot, talk)
        layouts = count_layouts(app.screen)
        for _ in range(times):
            await star_shown(pilot, "(s to star)" if talk.id in app.starred else "★ yes")
        await pilot.pause()
        return len(layouts), screenshot(app), talk.id in app.starred


async def opened_anew(make_app: AppFactory, program: Program, size: tuple[int, int]) -> str:
    """The talk's screen as a new app draws it, on the stars the last app kept."""
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=size) as pilot:
        await open_from_schedule(pilot, talk)
        return screenshot(app)


@pytest.mark.parametrize("times", [1, 2], ids=["starred", "starred-and-unstarred"])
async def test_a_star_on_the_talk_screen_lays_out_nothing(
    make_app: AppFactory, program: Program, times: int
) -> None:
    size = (100, 30)
    layouts, drawn, starred = await star_toggled(make_app, program, size, times)
    assert layouts == 0
    assert starred == (times == 1)
    assert drawn == await opened_anew(make_app, program, size)


async def test_a_star_whose_line_wraps_anew_lays_the_screen_out(
    make_app: AppFactory, program: Program
) -> None:
    """At 26 columns "no (s to star)" wraps under its label, "★ yes" does not."""
    size = (26, 30)
    layouts, drawn, starred = await star_toggled(make_app, program, size, 1)
    assert starred
    assert layouts >= 1
    assert drawn == await opened_anew(make_app, program, size)
