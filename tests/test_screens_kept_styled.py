"""A screen shown again (a mode on 1/2/3, the kept talk screen) is not styled again while
nothing its styles depend on changed; a theme changed meanwhile still reaches it (and
`test_style_refreshes` for the modes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from rich.color import Color as RichColor
from textual.dom import DOMNode
from textual.geometry import Region
from textual.screen import Screen

from companion.ui.app import CompanionApp
from tests.driving import SIZE, AppFactory, settled, until

MODES = ("2", "3", "1")  # speakers, starred, back to the schedule


def on_styling(
    app: CompanionApp, monkeypatch: pytest.MonkeyPatch, record: Callable[[list[DOMNode]], None]
) -> None:
    """Hands `record` the nodes of each styling Textual does from now on."""
    original: Callable[..., None] = app.stylesheet.update_nodes

    def update_nodes(nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        record(nodes)
        original(nodes, animate=animate)

    monkeypatch.setattr(app.stylesheet, "update_nodes", update_nodes)


def styled_screens(app: CompanionApp, monkeypatch: pytest.MonkeyPatch) -> list[Screen[object]]:
    """The screens Textual styles from now on, each time it styles one with its widgets."""
    screens: list[Screen[object]] = []
    on_styling(app, monkeypatch, lambda nodes: screens.extend(_screens_in(nodes)))
    return screens


def _screens_in(nodes: list[DOMNode]) -> Iterable[Screen[object]]:
    return (node for node in nodes if isinstance(node, Screen))


async def test_modes_shown_again_are_not_styled_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        for key in MODES * 2:  # styled as first shown, and once more for the styles of
            await pilot.press(key)  # the screens first shown after them
        await pilot.pause()
        styled = styled_screens(app, monkeypatch)
        for key in MODES * 2:
            await pilot.press(key)
            await pilot.pause()
        assert styled == []


async def test_the_kept_talk_screen_opened_again_is_not_styled_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.screen_stack) == 2)
        await pilot.press("escape")
        await until(pilot, lambda: len(app.screen_stack) == 1)
        styled = styled_screens(app, monkeypatch)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.screen_stack) == 2)
        await pilot.pause()
        assert styled == []


def background(screen: Screen[object]) -> set[RichColor | None]:
    """The colours behind the screen's first line, as drawn."""
    strip = screen.render_lines(Region(0, 0, screen.size.width, 1))[0]
    return {segment.style.bgcolor for segment in strip if segment.style}


async def test_a_theme_changed_while_the_kept_talk_screen_is_closed_reaches_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: len(app.screen_stack) == 2)
        talk_screen = app.screen
        before = background(talk_screen)
        await pilot.press("escape")
        await until(pilot, lambda: len(app.screen_stack) == 1)
        app.theme = "solarized-light" if app.theme != "solarized-light" else "nord"
        await pilot.pause()
        schedule_background = background(app.screen)
        assert schedule_background != before
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is talk_screen)
        await pilot.pause()
        assert background(talk_screen) == schedule_background


async def test_a_mode_shown_again_draws_its_background_without_rendering_it(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Screens are a plain background: Textual drew it line by line at every switch."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "1")
        await pilot.pause()
        speakers = app.get_screen_stack("speakers")[0]
        before = background(speakers)
        renders: list[None] = []
        original = speakers.render

        def render() -> object:
            renders.append(None)
            return original()

        monkeypatch.setattr(speakers, "render", render)
        await pilot.press("2")
        await until(pilot, lambda: app.screen is speakers)
        await pilot.pause()
        assert background(speakers) == before
        assert renders == []


async def test_a_screen_shown_as_it_is_built_is_styled_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual styles each widget as it mounts, then styled the whole screen again as it
    was first shown."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        styled = styled_screens(app, monkeypatch)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.screen_stack) == 2)
        await pilot.pause()
        talk_screen = app.screen
        assert talk_screen not in styled
        assert background(talk_screen) == background(app.screen_stack[0])
