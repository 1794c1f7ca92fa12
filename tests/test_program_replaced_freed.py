"""A program replaced by a newer copy (an update, a reload) is freed: at 50,000 talks a
program is most of the app's memory, and nothing may keep the old one beside the new."""

from __future__ import annotations

import gc
import weakref

from companion.loading import load_program
from tests.driving import SIZE, AppFactory, settled, show_talk, until


async def test_the_old_program_is_freed_once_replaced(make_app: AppFactory) -> None:
    old = load_program()
    app = make_app(on=old)
    replaced = weakref.ref(old)
    del old
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("s", "3", "2", "1")  # a star, and every mode shown
        await show_talk(pilot, "magellan")
        await pilot.press("escape")
        await until(pilot, lambda: len(app.screen_stack) == 1)
        await pilot.press("down")  # the last key went to the Schedule's table
        await app.replace_program(load_program())
        await pilot.pause()
        gc.collect()
        assert replaced() is None
