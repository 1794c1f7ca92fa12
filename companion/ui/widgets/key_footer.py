"""The footer: the keys that act where you are, each drawn whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.keys import REPLACED_KEYS, key_to_character
from textual.screen import Screen
from textual.widget import Widget

from companion.ui.screens.styled import in_sight

GAP = 1  # columns between two keys


class ShownKey(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool  # False: shown dimmed (the mode you are in)
    tooltip: str
    group: object  # keys of one group are shown together or not at all

    @property
    def width(self) -> int:
        """Columns on screen: a key or description can hold a wide character."""
        return Content(f"{self.display} {self.description}").cell_length


def typed_character(key: str) -> str | None:
    """The character a key types, if any ("slash" is "/", which Textual's own lookup misses)."""
    return key_to_character(REPLACED_KEYS.get(key, key))


def acting_keys(screen: Screen[object]) -> tuple[list[ShownKey], ShownKey | None]:
    """The shown keys that act on `screen` now, those of the focused widget and the screen
    first, then the app's, in the order they are declared; and the command palette's key.

    Bindings that `check_action` refuses are not among them; keys a focused text field
    types (a note, a filter) are left out here too."""
    app, focused = screen.app, screen.focused
    palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
    keys: list[ShownKey] = []
    palette_key = None
    for key, (_, binding, enabled, tooltip) in screen.active_bindings.items():
        if not binding.show and key != palette:  # most are not shown: the note's, the lists'
            continue
        if focused is not None and focused.check_consume_key(key, typed_character(key)):
            continue
        entry = ShownKey(
            key,
            app.get_key_display(binding),
            binding.description,
            enabled,
            tooltip or binding.description,
            binding.group or key,
        )
        if key == palette:
            palette_key = entry
        else:
            keys.append(entry)
    return keys, palette_key


def fitting(keys: list[ShownKey], width: int) -> list[ShownKey]:
    """The keys that fit in `width` columns, in order of importance (their order): a key,
    or a group of keys, that does not fit whole is left out, and the next ones are tried."""
    units: dict[object, list[ShownKey]] = {}
    for entry in keys:
        units.setdefault(entry.group, []).append(entry)
    chosen: set[object] = set()
    used = 0
    for group, unit in units.items():
        needed = sum(entry.width + GAP for entry in unit)
        if used + needed - GAP <= width:
            chosen.add(group)
            used += needed
    return [entry for entry in keys if entry.group in chosen]


class KeyFooter(Widget):
    """What each key does where you are, on one line; the palette's key at the right.

    Drawn as one line of text rather than a widget per key: what does not fit is
    left out whole (help lists every key), and a change of focus costs one repaint.
    """

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        & > .key-footer--key { color: $footer-key-foreground; text-style: bold; }
    }
    """
    COMPONENT_CLASSES = {"key-footer--key"}

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[list[ShownKey], ShownKey | None] = ([], None)
        self._spans: list[tuple[int, int, ShownKey]] = []  # drawn columns of each key
        self._read_pending = False  # the keys are to be read again, once

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed, immediate=True)
        self._read_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        """Read the keys once after the message that changed them, however many changes it
        made: opening a talk signalled three or four (the list's cursor, the screen shown,
        the talk's own keys), and each read walks every binding."""
        if not self._read_pending:
            self._read_pending = True
            self.call_next(self._read_keys)

    def _read_keys(self) -> None:
        """Draw the keys again when they changed. A screen out of sight is skipped: its keys
        are read again when it is shown, where they are as they were, so the switch back
        draws the whole screen in one frame, not a footer over the screen being left."""
        self._read_pending = False
        screen = self.screen
        if not in_sight(screen):
            return
        keys = acting_keys(screen)
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def render(self) -> Content:
        keys, palette = self._keys
        width = self.size.width
        if palette is not None and palette.width + GAP < width:
            width -= palette.width + GAP
        else:
            palette = None
        self._spans = []
        parts: list[Content | str] = []
        column = 0
        for entry in fitting(keys, width):
            if parts:
                parts.append(" " * GAP)
                column += GAP
            parts.append(self._drawn(entry))
            self._spans.append((column, column + entry.width, entry))
            column += entry.width
        if palette is not None:
            parts.append(" " * (self.size.width - column - palette.width))
            self._spans.append((self.size.width - palette.width, self.size.width, palette))
            parts.append(self._drawn(palette))
        return Content.assemble(*parts)

    def _drawn(self, entry: ShownKey) -> Content:
        key_style = self.get_visual_style("key-footer--key", partial=True)
        drawn = Content.assemble((entry.display, key_style), " ", entry.description)
        return drawn if entry.enabled else drawn.stylize("dim")

    def _at(self, x: int) -> Iterator[ShownKey]:
        yield from (entry for start, end, entry in self._spans if start <= x < end)

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (a dimmed one only rings)."""
        for entry in self._at(event.x):
            if entry.enabled:
                self.app.simulate_key(entry.key)
            else:
                self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.tooltip = next((entry.tooltip for entry in self._at(event.x)), None)
