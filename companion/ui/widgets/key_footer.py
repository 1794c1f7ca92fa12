"""Textual's footer, rebuilt only when the keys it shows have changed."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Compact by default, and rebuilt only when what it shows changes.

    Textual's footer throws away and recreates every key widget whenever the
    screen's bindings might have changed: on each change of focus, and twice
    while the first screen mounts. Most of those changes leave the visible keys
    as they were (the schedule table's own keys are all hidden), and rebuilding
    a dozen styled widgets each time was a large part of the first frame.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: Hashable = None  # what the current key widgets were composed for

    def _keys(self, screen: Screen[object]) -> Hashable:
        """Everything the footer's key widgets depend on: the shown bindings, and the
        command palette's key."""
        palette = self.app.COMMAND_PALETTE_BINDING if self.show_command_palette else None
        shown = [
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        ]
        return tuple(
            (key, binding.key_display, binding.action, binding.description, binding.group, on, tip)
            for key, binding, on, tip in shown
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._bindings_ready and screen is self.screen and self._keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
