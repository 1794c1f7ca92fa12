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


def show_line(line: Static, text: str) -> None:
    """Put plain `text` on `line`, laid out again only when its height can change: "first
    30 of 412" becoming "first 30 of 97", or one hint becoming another, on one line each
    changes nothing else on the screen. The line keeps its height when empty (it is there
    from the start, so the first text on it moves nothing either)."""
    shown = str(line.content)
    if text == shown:
        return
    width = line.content_size.width
    content = Content(text)
    one_line = width > 0 and Content(shown).cell_length <= width and content.cell_length <= width
    line.update(content, layout=not one_line)
