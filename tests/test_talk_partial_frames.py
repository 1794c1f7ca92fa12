"""The talk screen draws a change in place through its own compositor (`FrontCompositor`,
which draws only the widgets in front in the part redrawn): what the terminal then shows
is what drawing the whole screen shows.

Both sides are read from a real terminal. The whole screen is drawn as the talk screen
comes back from the help screen on top: every widget is seen in the whole screen, so the
compositor draws each as Textual's own does, and only a part drawn again can differ."""

from __future__ import annotations

from tests.pty_app import app_on_a_terminal

# isort: split
from benchmark_keys import ESCAPE, TALK, showing  # on the path once pty_app is imported

HELP_SCREEN = showing("Keys (Esc closes)")
# A star (the star line alone is drawn again), the next talk and back (each widget
# drawn again in place, the authors a list of another length).
KEYS_IN_PLACE = (b"s", b"]", b"]", b"s", b"[", b"[")


def test_each_change_in_place_shows_what_the_whole_screen_shows() -> None:
    with app_on_a_terminal() as app:
        app.press(b"\r", TALK)
        for key in KEYS_IN_PLACE:
            changed = app.press(key, TALK).screen
            app.press(b"?", HELP_SCREEN)
            whole = app.press(ESCAPE, TALK).screen
            assert changed == whole, key
