"""The app as a user runs it: on a pseudo-terminal of 80x24, parsing what the terminal
sends and drawing through a terminal emulator (scripts/pty_terminal.py)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

from benchmark_keys import SCHEDULE  # noqa: E402
from pty_terminal import PtyProgram  # noqa: E402


@contextmanager
def app_on_a_terminal() -> Iterator[PtyProgram]:
    """The app showing the schedule, idle; stopped at the end if it has not ended."""
    app = PtyProgram(
        [sys.executable, "-m", "companion", "--now", "2026-02-01T11:10"],
        size=(80, 24),
        environment=dict(os.environ),  # the test's own data and settings folders
    )
    try:
        app.first_frame(SCHEDULE)
        app.settle()
        yield app
    finally:
        app.close()
