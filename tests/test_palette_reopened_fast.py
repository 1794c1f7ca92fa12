"""Ctrl+P while the palette just closed is still being taken down (Ctrl+P, a command,
Enter, typed fast) opens a new palette once the last is gone: both had the same id, and
the app stopped with DuplicateIds."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input

from tests.driving import SIZE, AppFactory, until


async def test_the_palette_opened_as_the_last_one_closes_opens_once_it_is_gone(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        closed = app.screen
        app.pop_screen()  # taken down a moment later, as after a command is chosen
        await app.run_action("app.command_palette")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen is not closed
        assert not closed.is_attached
        await pilot.press(*"help")
        await until(pilot, lambda: app.screen.query_one(Input).value == "help")
