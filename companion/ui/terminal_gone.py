"""Leaving when the terminal goes away without a hang-up signal.

A terminal emulator killed outright, or the master side of the pseudo-terminal closed by
whatever held it, need not send SIGHUP (the app is not always its terminal's controlling
process). Textual's input thread then reads end-of-file, which it takes for "nothing yet"
and asks again at once: a core at 100% for as long as nobody notices. A thread of ours,
blocked in poll() on the terminal the app reads keys from, costs nothing until the
terminal hangs up, then has the app leave as it does on `q`: a note being typed is saved
as the screen closes, and stars were saved as they were made.
"""

from __future__ import annotations

import select
import sys
import threading
from contextlib import suppress

from textual.app import App

HUNG_UP = 129  # the exit status a shell gives a process that a hang-up ended
_GONE = select.POLLHUP | select.POLLERR if hasattr(select, "poll") else 0


def exit_when_terminal_gone(app: App[None]) -> None:
    """Have `app` leave once its terminal hangs up; nothing to watch when it runs headless,
    reads keys from no terminal, or on a system whose poll() cannot watch one (macOS, where
    a terminal polls as invalid, and Windows, which has no poll())."""
    keys = sys.__stdin__
    if app.is_headless or not _GONE or keys is None or not keys.isatty():
        return
    threading.Thread(
        target=_wait_for_hang_up, args=(app, keys.fileno()), name="terminal-gone", daemon=True
    ).start()


def _wait_for_hang_up(app: App[None], terminal: int) -> None:
    poller = select.poll()
    poller.register(terminal, 0)  # no events asked for: a hang-up is reported regardless
    while True:
        masks = [mask for _, mask in poller.poll()]
        if any(mask & select.POLLNVAL for mask in masks):
            return  # a terminal poll() cannot watch
        if any(mask & _GONE for mask in masks):
            break
    with suppress(RuntimeError):  # the app has ended meanwhile
        app.call_from_thread(app.exit, None, HUNG_UP)
