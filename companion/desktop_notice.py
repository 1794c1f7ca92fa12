"""A desktop notification through the terminal's own escape sequence, where it has one.

Terminals that show one (checked against their documentation):
- OSC 9 (`ESC ] 9 ; text BEL`, iTerm2's): iTerm2, WezTerm, kitty (its "legacy OSC 9").
- OSC 777 (`ESC ] 777 ; notify ; title ; body BEL`, urxvt's): foot, Ghostty, rxvt-unicode
  (with its notify extension; without, ignored), VTE terminals from VTE 0.46 on (GNOME
  Terminal, Tilix...: shown where the distribution patches VTE, silently ignored upstream).
Off everywhere else: Windows Terminal (OSC 9 means ConEmu's commands there, and OSC 777
only came in 2026, with no way to tell the version), Konsole, Alacritty, Apple's Terminal,
the Linux console, and inside tmux or screen (they would drop it, or pass it on to a
terminal not known here). Detected from the environment alone, so nothing is asked of the
terminal and nothing can reach the screen as text.

Program text ends up in the sequence: controls (an ESC or BEL that would end it early)
are stripped, and `;`, which separates OSC 777's fields, is left out of its title.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from companion.text import safe_line

NOTICE_LIMIT = 200  # characters: a desktop notification shows a line or two


class Osc(Enum):
    NINE = "9"
    SEVEN_SEVEN_SEVEN = "777"


OSC_9_PROGRAMS = {"iTerm.app", "WezTerm"}
OSC_777_PROGRAMS = {"ghostty"}
VTE_SILENT_SINCE = 4600  # VTE 0.46: an OSC it does not know is swallowed, never shown


def detect(environ: Mapping[str, str]) -> Osc | None:
    """Which escape sequence the terminal the app runs in shows as a desktop notification."""
    term = environ.get("TERM", "")
    if "TMUX" in environ or "STY" in environ or term.startswith(("screen", "tmux")):
        return None
    program = environ.get("TERM_PROGRAM", "")
    if program in OSC_9_PROGRAMS or "KITTY_WINDOW_ID" in environ or term == "xterm-kitty":
        return Osc.NINE
    if program in OSC_777_PROGRAMS or term.startswith(("foot", "rxvt-unicode", "xterm-ghostty")):
        return Osc.SEVEN_SEVEN_SEVEN
    if program or term == "linux":
        return None  # a terminal that says what it is, and is none of those
    vte = environ.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= VTE_SILENT_SINCE:
        return Osc.SEVEN_SEVEN_SEVEN
    return None


def notice_sequence(osc: Osc, title: str, body: str) -> str:
    """The escape sequence that shows `title` and `body` on the desktop."""
    title = safe_line(title, NOTICE_LIMIT)
    body = safe_line(body, NOTICE_LIMIT)
    if osc is Osc.NINE:
        return f"\x1b]9;{title}: {body}\x07"
    return f"\x1b]777;notify;{title.replace(';', ',')};{body}\x07"
