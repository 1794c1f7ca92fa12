"""Plain text on a line of the screen, never parsed as markup, and put there only when it
says something new."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def show_text(line: Static, text: str) -> None:
    """Put plain `text` on `line`, only when it says something else: every update lays
    the screen out again (27 ms at 10,000 talks), and a keystroke or a star often leaves
    a status line as it was."""
    if str(line.content) != text:
        line.update(Content(text))
