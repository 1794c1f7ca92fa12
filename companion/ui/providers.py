"""The command palette's providers as the app and its screens declare them: each one is
imported when the palette first opens, not before the first frame (with it the search
index's module and the palette's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.command import Provider


def program_commands() -> type[Provider]:
    """Every talk and person, found by the app's search."""
    from companion.ui.commands import ProgramCommands

    return ProgramCommands


def screen_commands() -> type[Provider]:
    """The keys of the screen the palette is opened over."""
    from companion.ui.commands import ScreenCommands

    return ScreenCommands
