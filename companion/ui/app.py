"""The Textual application: owns the program, the clock, the display zone, the stars
and the notes.

It is made of parts, one concern each, in the modules beside it: the state screens
observe (`app_state`), stars and notes (`stars_and_notes`), settings (`kept_settings`),
where keys lead (`navigation`), the search index (`search_indexing`) and program updates
(`program_updates`). This module starts and ends the app and holds its keys and commands.

Screens see it through `services(self)` (the `Services` protocol) and watch its
reactives; they change stars and notes only through the methods `Services` declares,
which write through the store. What it asks of screens is declared there too.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen

from companion.clock import Clock, system_clock
from companion.collector import collect_when_quiet
from companion.program import Program
from companion.store import Store
from companion.ui.clicks_in_order import ClicksInOrder
from companion.ui.kept_settings import KeptSettings
from companion.ui.keys import key_label
from companion.ui.program_updates import ProgramUpdates
from companion.ui.providers import program_commands
from companion.ui.quiet_collections import QuietCollections
from companion.ui.reminders import InAppReminders
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.services import HoldsEdits, ShowsTalk
from companion.ui.stars_and_notes import StarsAndNotes
from companion.ui.terminal_gone import exit_when_terminal_gone

if TYPE_CHECKING:
    from rich.console import RenderableType

    from companion.subscription import Updated

CLOCK_TICK_SECONDS = 20
STORE_SYNC_SECONDS = 2
INDEX_AFTER_SECONDS = 0.5  # long enough for the first frame; searching earlier indexes at once
PALETTE_ID = "--command-palette"  # the id Textual gives every palette it opens
PALETTE_WAIT = 0.01  # seconds at a time, while the palette just closed is taken down
PALETTE_WAITS = 100  # a second at most: it is gone within milliseconds
MODES_GROUP = Binding.Group("Modes")  # the footer shows all three mode keys, or none


# Screens other than the Schedule are imported when first shown: start-up pays only
# for what the first frame needs (modules, and Textual's parsing of their styles).


def _speakers() -> Screen[None]:
    from companion.ui.screens.speakers import SpeakersScreen

    return SpeakersScreen()


def _starred() -> Screen[None]:
    from companion.ui.screens.starred import StarredScreen

    return StarredScreen()


class CompanionApp(ProgramUpdates, StarsAndNotes, KeptSettings, ClicksInOrder, QuietCollections):
    CSS_PATH = "app.tcss"
    TITLE = "C4ML Companion"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {program_commands}
    MODES = {"schedule": ScheduleScreen, "speakers": _speakers, "starred": _starred}
    DEFAULT_MODE = "schedule"
    # In the order the footer gives them room, after the keys of where you are.
    BINDINGS = [
        Binding(
            "1",
            "switch_mode('schedule')",
            "Schedule",
            id="schedule",
            tooltip="The whole day in order",
            group=MODES_GROUP,
        ),
        Binding(
            "2",
            "switch_mode('speakers')",
            "Speakers",
            id="speakers",
            tooltip="Every author and organizer",
            group=MODES_GROUP,
        ),
        Binding(
            "3",
            "switch_mode('starred')",
            "Starred",
            id="starred",
            tooltip="Your starred talks",
            group=MODES_GROUP,
        ),
        Binding("slash", "search", "Search", id="search", tooltip="Find talks and people"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key"),
        Binding(
            "t",
            "talk_details",
            "Talk",
            id="talk",
            tooltip="Details of the selected or last opened talk",
        ),
        Binding(
            "z",
            "toggle_zone",
            "Zone",
            id="zone",
            tooltip="Show times in the venue's zone or in your local zone",
        ),
        Binding("i", "about", "About", id="about", tooltip="The event"),
        Binding(
            "U",
            "update_program",
            "Update",
            id="update",
            tooltip="Fetch a program loaded from a URL again and show what changed",
        ),
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave the companion"),
    ]

    def __init__(
        self,
        program: Program,
        *,
        clock: Clock = system_clock,
        load_notice: str | None = None,
        theme: str | None = None,
        updated: Updated | None = None,
    ) -> None:
        """`load_notice`: what loading the program adjusted or skipped, said once on start;
        `theme`: this run's theme instead of the saved one (`--theme`); `updated`: what
        refreshing the program from its URL found as the app started, shown on start."""
        super().__init__()
        self.program = program
        self.load_notice = load_notice
        self.started_update = updated
        self.theme_for_this_run = theme
        self.started_theme = self.theme  # saved only when the user picks another
        self.clock = clock
        self.store = Store.in_memory(program.conference.id)  # replaced on mount
        self.last_talk_id = None
        self._talk_screens = {}  # per mode, kept to be shown again
        self._switching_to_built = False  # see `delay_update`
        self._freeze_when_indexed = True  # see `_build_search_index` and `replace_program`
        self._index_lock = threading.Lock()
        self._search_index = None
        self._palette: CommandPalette | None = None  # the last palette opened
        self._last_statuses = []
        self._reconciled_from = None
        self.leaving = False  # set by `exit`: from then on no key or command acts
        self.subscribed_url = None  # the URL the program is kept from, if any
        self.updating = False
        self.reminders = InAppReminders(self)
        self.set_reactive(CompanionApp.now, clock())
        # The theme the stylesheet is parsed with (made with the app): see `refresh_css`.
        self._styled_with = (self.current_theme, self.ansi_theme)
        self._quiet_at = None
        self._last_input = 0.0

    # -- start-up and background sync -------------------------------------------

    def on_load(self) -> None:
        """Before the first screen is built: it opens on the stars, and is styled and
        timed as the settings say (a theme set later parses every style again)."""
        self._open_store()
        self._load_settings()

    def on_mount(self) -> None:
        exit_when_terminal_gone(self)
        self._update_subtitle()
        self._read_subscription()
        if self.load_notice:
            self.notify(self.load_notice, severity="warning", timeout=15, markup=False)
        if self.started_update is not None:
            self._show_update(self.started_update, rebuild=False)
        self.reminders.check()
        self.set_interval(CLOCK_TICK_SECONDS, self.tick)
        self.set_interval(STORE_SYNC_SECONDS, self._sync_stars)
        # Index for search once the first frame is up, off the UI thread, before anyone types.
        # An interval stopped at its first tick: Textual drops a one-shot timer whose moment
        # passes while the loop is busy, and the first frame keeps it busy.
        self._indexing = self.set_interval(INDEX_AFTER_SECONDS, self._start_indexing)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            self.input_came()
        await super().on_event(event)

    def refresh_css(self, animate: bool = True) -> None:
        """Parse every style again and restyle every screen, only when the theme changed.

        Textual refreshes as the first mode's screen is made, with the theme the stylesheet
        was just parsed with, and again whenever it shows a mode's screen it has not
        marked as refreshed, which it marks only when already mounted: each mode's first
        visit parsed everything twice, and a later visit to the last mode visited once
        more, 20-30 ms under a key. Restyling is not needed for that: every screen is
        styled as it mounts and again as it is shown."""
        styled_with = (self.current_theme, self.ansi_theme)
        if styled_with != self._styled_with:
            super().refresh_css(animate)
            self._styled_with = styled_with

    async def action_quit(self) -> None:
        """Save an edit still being typed (its save waits for a pause), then leave."""
        if isinstance(self.screen, HoldsEdits):
            self.screen.save_edits()
        self.exit()

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.leaving = True
        super().exit(result, return_code, message)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every binding and command, unless the app is leaving: keys typed right after
        `q` are already queued, and a screen they opened would be torn down as it mounts."""
        if self.leaving:
            return True  # taken, so that it goes no further
        return await super().run_action(action, default_namespace, namespaces)

    async def action_command_palette(self) -> None:  # type: ignore[override]  # awaited as any action
        """Open the command palette, as Textual does, but never beside the last one: a
        closed palette is taken down a moment after it leaves the screen, and every palette
        has the same id, so Ctrl+P in that moment (Ctrl+P, a command, Enter, typed fast)
        stopped the app with DuplicateIds. The key waits until the last one is gone (the
        keys typed after it wait too, and go into the new palette)."""
        last = self._palette
        for _ in range(PALETTE_WAITS):
            if last is None or not last.is_attached or last in self.screen_stack:
                break
            await asyncio.sleep(PALETTE_WAIT)
        if last is not None and last.is_attached:
            return  # open (on top, or under a dialog), or never taken down: one is enough
        if self.use_command_palette:
            self._palette = CommandPalette(id=PALETTE_ID)
            self.push_screen(self._palette)

    def on_unmount(self) -> None:
        """Close the store, so SQLite folds its write-ahead log back into the file."""
        self.store.close()

    def _fatal_error(self) -> None:
        """After an unhandled exception: Textual's exit, but a traceback without local
        variables, which can hold a user's notes or a program's text. (Private Textual
        API: hence the exact pin in pyproject.toml.)"""
        import rich
        from rich.traceback import Traceback

        self.bell()
        self.panic(Traceback(show_locals=False, width=None, suppress=[rich]))

    def tick(self) -> None:
        """Read the clock again: every CLOCK_TICK_SECONDS, and whenever asked."""
        self.now = self.clock()

    def watch_now(self) -> None:
        if not self.leaving:
            self.reminders.check()

    def write_to_terminal(self, sequence: str) -> None:
        """Send an escape sequence to the terminal between two frames, as `App.bell` does
        (through the driver: private Textual API, hence the exact pin in pyproject.toml)."""
        if not self.is_headless and self._driver is not None:
            self._driver.write(sequence)

    # -- keys and the palette ----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_mode" and parameters and self._at_mode(str(parameters[0])):
            return None  # shown dimmed: you are there
        if action == "update_program":  # only for a program kept from a URL
            return self.subscribed_url is not None and not self.updating
        if action == "talk_details":  # not on the details of the talk it would open
            screen = self.screen
            return not (isinstance(screen, ShowsTalk) and screen.talk_id == self._talk_to_show())
        return True

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, then one per app binding, so the palette reaches them all."""
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if (
                isinstance(binding, Binding)
                and binding.tooltip
                and binding.action != "quit"
                and self.check_action(binding.action, ()) is not False
            ):
                yield SystemCommand(
                    binding.description,
                    f"{binding.tooltip} ({key_label(binding.key)})",
                    partial(self.run_action, binding.action),
                )
        yield SystemCommand(
            "Export starred talks",
            "Calendar, Markdown, CSV or JSON (x on Starred)",
            self.action_export,
        )
        yield SystemCommand(
            "Reminders",
            "How many minutes before a starred talk starts it is announced (m on Starred)",
            self.action_reminder_lead,
        )


def run_app(
    program: Program,
    *,
    clock: Clock = system_clock,
    load_notice: str | None = None,
    theme: str | None = None,
    updated: Updated | None = None,
    **options: Any,
) -> int:
    """Run the TUI on a loaded program until it ends; its exit status, not 0 after a crash.

    `options` go to `App.run` (headless, auto_pilot).

    What is loaded by now (modules, the program) lives as long as the app, so it is
    frozen out of the garbage collector's way (`gc.freeze`): otherwise the collector
    walks it again and again while the first screen is built, about 20 ms of a start.
    Full collections wait for a pause in the keys (`collect_when_quiet`).
    """
    gc.freeze()
    collect_when_quiet()
    app = CompanionApp(program, clock=clock, load_notice=load_notice, theme=theme, updated=updated)
    app.run(**options)
    return app.return_code or 0
