"""What screens observe of the app, declared once: its reactives, the program, the clock
and the zone times are shown in. `CompanionApp` sets it as it is made; the app's parts
beside this module (stars and notes, settings, navigation, search, program updates, keys
in order) read it and change it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from textual.app import App
from textual.reactive import var

from companion.clock import Clock, local_zone, system_clock, zone_label
from companion.reminders import DEFAULT_BEFORE

if TYPE_CHECKING:
    from companion.program import Program
    from companion.ui.reminders import InAppReminders


class AppState(App[None]):
    # `var`, not `reactive`: a reactive of the app repaints the whole screen on every
    # change (a star redrew all 4,800 cells at 120x40); the watchers repaint what shows it.
    starred: var[frozenset[str]] = var(frozenset())
    now: var[datetime] = var(system_clock, always_update=False)
    local_time: var[bool] = var(False)
    remind_before: var[timedelta] = var(DEFAULT_BEFORE)

    program: Program
    clock: Clock
    reminders: InAppReminders

    @property
    def display_zone(self) -> tzinfo:
        return local_zone() if self.local_time else self.program.conference.zone

    @property
    def zone_caption(self) -> str:
        where = "local time" if self.local_time else "venue time"
        return f"{where}: {zone_label(self.display_zone, self.now)}"

    def watch_local_time(self) -> None:
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        self.sub_title = f"{self.program.conference.name} · {self.zone_caption}"
