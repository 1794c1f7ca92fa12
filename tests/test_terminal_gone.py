"""The app on a real pseudo-terminal that closes without a hang-up signal: it leaves (it
spun a core at 100% reading end-of-file), and what was done just before is kept: a star,
and a note still being typed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from companion.ui.terminal_gone import HUNG_UP
from tests.cli_driving import call_cli
from tests.pty_app import app_on_a_terminal

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

from benchmark_keys import TALK, showing, star_changed  # noqa: E402

FIRST_TALK = "library-liberation"  # under the cursor at the time the app is told it is
NOTE = "typed as the terminal went"
ENDS_WITHIN = 30  # seconds: a guard against a hang, not a measure (it ends in a fraction)


def test_the_app_leaves_when_its_terminal_closes_without_a_signal() -> None:
    with app_on_a_terminal() as app:
        app.press(b"s", star_changed(app.screen()))
        app.press(b"\r", TALK)
        app.press(b"e", TALK)  # into the note
        app.press(NOTE.encode(), showing(NOTE))
        app.hang_up()
        status = app.wait(timeout=ENDS_WITHIN)
    assert status == HUNG_UP  # ended by itself, not by a signal (which is negative)
    starred = json.loads(call_cli("starred", "--json").stdout)
    assert [talk["id"] for talk in starred] == [FIRST_TALK]
    assert call_cli("note", FIRST_TALK).stdout == f"{NOTE}\n"
