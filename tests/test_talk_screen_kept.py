"""The talk screen is built once per mode and shown again on the next talk opened: what it
draws, and the note it holds, must always be the talk just opened."""

from __future__ import annotations

import asyncio

import pytest

from companion.loading import load_program
from companion.store import Store
from companion.store_file import StoreError
from companion.ui.screens.person import PersonScreen
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import AppFactory, flat, screen_lines, show_talk, until

TALL = (100, 60)  # the whole talk, facts and note, on screen


def talk_drawn(screen: object) -> str:
    assert isinstance(screen, TalkScreen)
    return flat(screen_lines(screen))


async def test_a_talk_opened_after_another_shows_its_own_title_star_and_note(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        first = app.screen
        await pilot.press("s", "e", *"remember heuristics", "escape", "escape")
        assert isinstance(app.screen, ScheduleScreen)

        await show_talk(pilot, "xtc")
        assert app.screen is first  # shown again, not built again
        drawn = talk_drawn(app.screen)
        assert "XTC" in drawn and "remember heuristics" not in drawn
        assert "Magellan" not in drawn
        assert "Starred no (s to star)" in drawn
        await pilot.press("escape")

        await show_talk(pilot, "magellan")
        drawn = talk_drawn(app.screen)
        assert "Magellan" in drawn and "remember heuristics" in drawn
        assert "Starred ★ yes" in drawn
        assert app.store.note("xtc") == ""
        assert app.store.note("magellan") == "remember heuristics"


async def test_a_note_that_could_not_be_saved_never_lands_on_the_next_talk(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise StoreError("cannot save notes: no space left on device")

    app = make_app()
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await show_talk(pilot, "magellan")
        with monkeypatch.context() as patch:
            patch.setattr(Store, "set_note", full_disk)
            await pilot.press("e", *"lost", "escape", "escape")  # stays: not saved
            assert isinstance(app.screen, TalkScreen)
            await pilot.press("escape")  # leaves without it
            assert isinstance(app.screen, ScheduleScreen)
        await show_talk(pilot, "xtc")
        assert "lost" not in talk_drawn(app.screen)
        await pilot.press("e", *"kept", "escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        assert app.store.note("xtc") == "kept"
        assert app.store.note("magellan") == ""


async def test_a_talk_opened_from_a_person_over_the_kept_screen_gets_its_own(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        kept = app.screen
        await pilot.press("down", "down", "enter")  # Ngân (NV) Vũ
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("enter")  # her talk: Magellan again, over the first
        assert isinstance(app.screen, TalkScreen) and app.screen is not kept
        await pilot.press("right_square_bracket")  # on to the next talk, on this screen
        assert "Magellan" not in talk_drawn(app.screen)
        await pilot.press("escape", "escape")
        assert app.screen is kept and "Magellan" in talk_drawn(kept)


@pytest.mark.parametrize("turns", [1, 3, 6, 10, 15, 25])
async def test_a_talk_opened_while_the_program_is_updated_opens_on_the_new_one(
    make_app: AppFactory, turns: int
) -> None:
    """Enter on a row in the middle of an update (its screens are rebuilt a step at a
    time), with a talk screen kept from before: no crash, and the talk is shown."""
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("escape")
        update = asyncio.ensure_future(app.replace_program(load_program()))
        for _ in range(turns):
            await asyncio.sleep(0)  # let the update run this far
        app.open_talk("xtc")
        await update
        await pilot.pause()
        await show_talk(pilot, "xtc")
        assert "XTC" in talk_drawn(app.screen)
