"""Screens shown again keep their styles unless the theme changed while they were away:
Textual parsed every style again on some visits (20-30 ms under a key), and a theme picked
on one screen must still reach the others."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.color import Color as RichColor
from textual.geometry import Region
from textual.pilot import Pilot

from companion.ui.screens.speakers import SpeakersScreen
from tests.driving import SIZE, AppFactory, settled, until

MODES = ("2", "3", "1")  # speakers, starred, back to the schedule


def counting(calls: list[None], original: Callable[[], None]) -> Callable[[], None]:
    def reparse() -> None:
        calls.append(None)
        original()

    return reparse


def background_of_speakers(pilot: Pilot[None]) -> RichColor | None:
    """The colour behind the first line of the speakers screen, as drawn."""
    screen = pilot.app.screen
    assert isinstance(screen, SpeakersScreen)
    strip = screen.render_lines(Region(0, 0, screen.size.width, 1))[0]
    styles = [segment.style for segment in strip if segment.style]
    return styles[0].bgcolor


async def test_each_mode_shown_again_is_not_restyled_from_scratch(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)  # the talk screen's styles are read ahead
        for key in MODES:  # first visits read each screen's styles
            await pilot.press(key)
        await pilot.pause()
        reparses: list[None] = []
        monkeypatch.setattr(app.stylesheet, "reparse", counting(reparses, app.stylesheet.reparse))
        for key in MODES * 2:
            await pilot.press(key)
            await pilot.pause()
        assert reparses == []


async def test_a_theme_picked_on_one_mode_reaches_the_others(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in MODES:
            await pilot.press(key)
        await pilot.press("2")
        await pilot.pause()
        dark = background_of_speakers(pilot)
        await pilot.press("1")
        app.theme = "solarized-light"
        await pilot.pause()
        await pilot.press("2")
        await until(pilot, lambda: background_of_speakers(pilot) != dark)
        app.theme = "textual-dark"
        await pilot.press("1", "2")
        await until(pilot, lambda: background_of_speakers(pilot) == dark)
