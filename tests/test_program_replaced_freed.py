"""A program replaced by a newer copy (an update, a reload) is freed: at 50,000 talks a
program is most of the app's memory, and nothing may keep the old one beside the new."""

from __future__ import annotations

import gc
import weakref

from textual.pilot import Pilot

from companion.loading import load_program
from tests.driving import SIZE, AppFactory, settled, show_talk, until


async def every_mode_shown(pilot: Pilot[None]) -> None:
    """A star, every mode shown, a talk opened and closed, a key to the Schedule's table."""
    app = pilot.app
    await pilot.press("s", "3", "2", "1")
    await show_talk(pilot, "magellan")
    await pilot.press("escape")
    await until(pilot, lambda: len(app.screen_stack) == 1)
    await pilot.press("down")


async def test_each_program_replaced_is_freed(make_app: AppFactory) -> None:
    first = load_program()
    app = make_app(on=first)
    replaced = [weakref.ref(first)]
    del first
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        for _ in range(2):  # the first screens Textual showed are kept apart: a second too
            await every_mode_shown(pilot)
            newer = load_program()
            await app.replace_program(newer)
            replaced.append(weakref.ref(newer))
            del newer
            await pilot.pause()
        gc.collect()
        assert [program() is None for program in replaced] == [True, True, False]
