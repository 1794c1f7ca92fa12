"""Keys as a person types them: "," rather than "comma", "Esc", "Ctrl+S"."""

from __future__ import annotations

from textual.keys import format_key

NAMED_KEYS = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Del",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def key_label(keys: str) -> str:
    """A binding's key (or comma-separated keys, "escape,q") as the user would write it."""
    return " ".join(_one_key(key) for key in keys.split(","))


def _one_key(key: str) -> str:
    *modifiers, name = key.split("+")
    shown = NAMED_KEYS.get(name) or format_key(name)  # format_key: "," for "comma"
    if shown.islower() and (len(shown) > 1 or modifiers):
        shown = shown.capitalize()  # "Home", "F1", "Ctrl+S"; a lone letter stays as typed
    return "+".join([*(modifier.capitalize() for modifier in modifiers), shown])
