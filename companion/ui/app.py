"""The Textual application: owns the program, the clock and the user's stars."""

from __future__ import annotations

from datetime import tzinfo

from textual.app import App
from textual.reactive import reactive

from companion.clock import Clock, system_clock
from companion.program import Program
from companion.ui.screens.schedule import ScheduleScreen


class CompanionApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "C4ML Companion"

    starred: reactive[frozenset[str]] = reactive(frozenset())

    def __init__(self, program: Program, *, clock: Clock = system_clock) -> None:
        super().__init__()
        self.program = program
        self.clock = clock
        self.sub_title = f"{program.conference.name} · {program.conference.venue.name}"

    @property
    def display_zone(self) -> tzinfo:
        return self.program.conference.zone

    def on_mount(self) -> None:
        self.push_screen(ScheduleScreen())
