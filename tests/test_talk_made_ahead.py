"""A talk's details are made ahead while the schedule's cursor rests on its row: Enter
then draws them without wrapping them, and whatever changed between the two (a star,
the time zone, the terminal's size, the theme, the program) is drawn as an app built
anew draws that talk."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from rich.segment import Segment
from textual.pilot import Pilot
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.hanging import Hanging
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.talks_made_ahead import PREPARE_AFTER
from tests.driving import AppFactory, load, move_schedule_to, settled, show_talk, until
from tests.programs import tiny_program
from tests.test_screens_kept_drawn import screen_segments

MORNING = "2030-03-04T08:00"  # the tiny program's day
SIZE = (100, 30)
OTHER = (90, 34)
ABSTRACT = "A long look at tiling, " * 12

RenderStrips = Callable[[Hanging, int, int | None, Style, RenderOptions], list[Strip]]


def program(abstract: str, title: str = "Beta") -> Program:
    document: dict[str, Any] = tiny_program()
    alpha, beta = document["talks"][:2]
    alpha["abstract"] = "Alpha's own abstract."  # its screen lays out the abstract's width
    beta["title"], beta["abstract"] = title, abstract
    return load(document)


def counting(made: list[int], original: RenderStrips) -> RenderStrips:
    def render_strips(
        self: Hanging, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        made.append(width)
        return original(self, width, height, style, options)

    return render_strips


async def open_selected(pilot: Pilot[None]) -> list[list[Segment]]:
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, TalkScreen))
    await settled(pilot)
    await pilot.pause()
    return screen_segments(pilot.app.screen)


@pytest.mark.parametrize("change", ["nothing", "star", "zone", "resize", "theme", "program"])
async def test_a_talk_made_ahead_is_drawn_as_an_app_built_anew_draws_it(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    before = program(ABSTRACT)
    after = program("Rewritten: " + ABSTRACT, "Beta, renamed")
    app = make_app(MORNING, on=before)
    assert isinstance(app, CompanionApp)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await move_schedule_to(pilot, "alpha")
        await open_selected(pilot)  # the talk screen, built and kept
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        made: list[int] = []
        monkeypatch.setattr(Hanging, "render_strips", counting(made, Hanging.render_strips))
        await move_schedule_to(pilot, "beta")
        await until(pilot, lambda: len(made) >= 2)  # its facts and abstract, made ahead
        made_ahead = len(made)
        if change == "star":
            await pilot.press("s")
        elif change == "zone":
            await pilot.press("z")
        elif change == "resize":
            await pilot.resize_terminal(*OTHER)
        elif change == "theme":
            app.theme = "nord"
        elif change == "program":
            await app.replace_program(after)
            await move_schedule_to(pilot, "beta")
        await pilot.pause()
        kept = await open_selected(pilot)
        if change == "nothing":
            assert len(made) == made_ahead  # nothing wrapped again as it opened

    fresh = make_app(MORNING, on=after if change == "program" else before)  # the same store
    async with fresh.run_test(size=OTHER if change == "resize" else SIZE) as pilot:
        await settled(pilot)
        await show_talk(pilot, "beta")
        await settled(pilot)
        await pilot.pause()
        built = screen_segments(fresh.screen)
    assert kept == built


async def test_an_update_that_drops_the_talk_rested_on_is_no_crash(make_app: AppFactory) -> None:
    """The cursor rests on a talk, and an update without it is applied within the moment
    it waits to make the talk ahead: a big program's screens take longer to build again
    than that moment (here each mode's rebuild waits for it), and the old talk screen,
    still attached, made the talk from the new program, which has no such talk."""
    document: dict[str, Any] = tiny_program()
    document["talks"] = [talk for talk in document["talks"] if talk["id"] != "beta"]
    without_beta = load(document)
    app = make_app(now=MORNING, on=program(ABSTRACT))
    remove_mode = app.remove_mode

    async def slow_remove_mode(mode: str) -> Any:
        await asyncio.sleep(PREPARE_AFTER)  # stands for a rebuild as slow as a big program's
        return await remove_mode(mode)

    app.remove_mode = slow_remove_mode  # type: ignore[method-assign,assignment]
    async with app.run_test(size=SIZE) as pilot:
        await move_schedule_to(pilot, "alpha")
        await open_selected(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        await move_schedule_to(pilot, "beta")
        await app.replace_program(without_beta)
        await until(
            pilot, lambda: isinstance(app.screen, ScheduleScreen) and app.program is without_beta
        )
        await show_talk(pilot, "alpha")  # and the app goes on, on the new program
        assert app.return_code is None
