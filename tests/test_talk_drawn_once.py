"""A talk opened on the kept talk screen is drawn in one frame: its authors' list, another
number of them than the talk before had, is drawn once, not again for the screen shown
whole after the parts its layout moved, nor for its new height or its measured options."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip

from companion.program import Program
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import AppFactory, drawn_lines, flat, load, move_schedule_to, settled, until
from tests.programs import tiny_program

MORNING = "2030-03-04T08:00"  # the tiny program's day
SIZE = (100, 30)


@pytest.fixture(scope="module")
def tiny() -> Program:
    return load(tiny_program())


def counting(
    draws: list[Region], original: Callable[[Region], list[Strip]]
) -> Callable[[Region], list[Strip]]:
    def render_lines(crop: Region) -> list[Strip]:
        draws.append(crop)
        return original(crop)

    return render_lines


async def open_talk(pilot: Pilot[None], talk_id: str) -> None:
    await move_schedule_to(pilot, talk_id)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, TalkScreen))
    await settled(pilot)
    await pilot.pause()


async def leave(pilot: Pilot[None]) -> None:
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, ScheduleScreen))
    await pilot.pause()


async def test_the_authors_of_each_talk_opened_are_drawn_once(
    make_app: AppFactory, tiny: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(MORNING, on=tiny)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await open_talk(pilot, "alpha")  # two authors; the screen built
        authors = app.screen.query_one("#talk-authors")
        draws: list[Region] = []
        monkeypatch.setattr(authors, "render_lines", counting(draws, authors.render_lines))
        for talk_id in ("beta", "alpha"):  # one author, then two again
            await leave(pilot)
            draws.clear()
            await open_talk(pilot, talk_id)
            assert len(draws) == 1, talk_id
            drawn = flat(drawn_lines(authors))
            assert all(name in drawn for name in tiny.talk(talk_id).authors)
