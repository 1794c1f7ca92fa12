"""Full garbage collections at the quiet moments between keys: one that is due waits until
keys and the mouse have paused for QUIET_BEFORE_COLLECTING (see `collect_when_quiet`), so
it lands after a frame rather than inside the next one."""

from __future__ import annotations

from time import monotonic

from companion.collector import collect_if_due
from companion.ui.app_state import AppState

QUIET_BEFORE_COLLECTING = 0.1  # after a key: its frame is out, the next key rarely in yet
SHORTEST_WAIT = 0.005  # a timer of a few microseconds is due before it starts: dropped


class QuietCollections(AppState):
    _quiet_at: float | None  # when the timer for `_when_quiet` is due
    _last_input: float  # monotonic seconds of the last key or mouse event

    def input_came(self) -> None:
        """A key or mouse event: the quiet moment is QUIET_BEFORE_COLLECTING from now. One
        timer at a time, set again at its end if events came meanwhile, not at every
        event (mouse moves are many). `Timer.reset` would not do: it lets the sleep under
        way end first, so the collection could come 0.2 s after the last key, into the
        next one."""
        self._last_input = now = monotonic()
        if self._quiet_at is None or now > self._quiet_at + QUIET_BEFORE_COLLECTING:
            # (Long overdue, a timer was dropped: Textual drops one whose moment has passed
            # when it first runs, and nothing would set one again.)
            self._quiet_at = now + QUIET_BEFORE_COLLECTING
            self.set_timer(QUIET_BEFORE_COLLECTING, self._when_quiet)

    def _when_quiet(self) -> None:
        now = monotonic()
        wait = self._last_input + QUIET_BEFORE_COLLECTING - now
        if wait > 0:
            wait = max(wait, SHORTEST_WAIT)
            self._quiet_at = now + wait
            self.set_timer(wait, self._when_quiet)
            return
        self._quiet_at = None
        collect_if_due()
