"""The first talk opened brings widgets of new kinds (the note box), whose own CSS makes
Textual parse every rule again: the modes built before are not styled again for it, while
CSS that can reach them still does."""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from textual.screen import Screen

from tests.driving import SIZE, AppFactory, settled, until
from tests.test_screens_kept_styled import MODES, background, styled_screens


async def test_modes_are_not_styled_again_after_the_first_talk_opened(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        for key in MODES * 2:  # every mode built, styled with every screen's own styles
            await pilot.press(key)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.screen_stack) == 2)
        await pilot.press("escape")
        await until(pilot, lambda: len(app.screen_stack) == 1)
        styled = styled_screens(app, monkeypatch)
        for key in MODES:
            await pilot.press(key)
            await pilot.pause()
        assert styled == []


async def test_css_that_reaches_a_mode_built_before_restyles_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        for key in MODES * 2:
            await pilot.press(key)
        await pilot.pause()
        speakers: Screen[object] = app.get_screen_stack("speakers")[0]
        app.stylesheet.add_source(
            "SpeakersScreen { background: #ff0000; }", read_from=("test", "speakers")
        )
        await pilot.press("2")
        await until(pilot, lambda: app.screen is speakers)
        await pilot.pause()
        assert background(speakers) == {RichColor.parse("#ff0000")}
