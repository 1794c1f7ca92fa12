"""The Textual application: owns the program, the clock, the display zone, the stars
and the notes.

Screens see it through `services(self)` (the `Services` protocol) and watch its
reactives; they change stars and notes only through the methods `Services` declares,
which write through the store. What it asks of screens is declared there too.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Mapping
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.actions import ActionParseResult
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from companion.clock import Clock, system_clock
from companion.collector import collect_if_due, collect_when_quiet
from companion.program import Program
from companion.store import Store
from companion.ui.kept_settings import KeptSettings
from companion.ui.keys import key_label
from companion.ui.navigation import Navigation
from companion.ui.providers import program_commands
from companion.ui.reminders import InAppReminders
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.search_indexing import SearchIndexing
from companion.ui.services import HoldsEdits, ShowsTalk
from companion.ui.stars_and_notes import StarsAndNotes
from companion.ui.terminal_gone import exit_when_terminal_gone

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.timer import Timer

    from companion.reconcile import StarStatus
    from companion.search import SearchIndex
    from companion.subscription import Updated
    from companion.ui.screens.talk import TalkScreen

CLOCK_TICK_SECONDS = 20
STORE_SYNC_SECONDS = 2
INDEX_AFTER_SECONDS = 0.5  # long enough for the first frame; searching earlier indexes at once
QUIET_BEFORE_COLLECTING = 0.1  # after a key: its frame is out, the next key rarely in yet
MODES_GROUP = Binding.Group("Modes")  # the footer shows all three mode keys, or none


# Screens other than the Schedule are imported when first shown: start-up pays only
# for what the first frame needs (modules, and Textual's parsing of their styles).


def _speakers() -> Screen[None]:
    from companion.ui.screens.speakers import SpeakersScreen

    return SpeakersScreen()


def _starred() -> Screen[None]:
    from companion.ui.screens.starred import StarredScreen

    return StarredScreen()


class CompanionApp(SearchIndexing, Navigation, StarsAndNotes, KeptSettings):
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
        self.last_talk_id: str | None = None
        self._talk_screens: dict[str, TalkScreen] = {}  # per mode, kept to be shown again
        self._switching_to_built = False  # see `delay_update`
        self._freeze_when_indexed = True  # see `_build_search_index` and `replace_program`
        self._index_lock = threading.Lock()
        self._search_index: SearchIndex | None = None
        self._last_statuses: list[StarStatus] = []
        self.leaving = False  # set by `exit`: from then on no key or command acts
        self.subscribed_url: str | None = None  # the URL the program is kept from, if any
        self.updating = False
        self.reminders = InAppReminders(self)
        self.set_reactive(CompanionApp.now, clock())
        # The theme the stylesheet is parsed with (made with the app): see `refresh_css`.
        self._styled_with = (self.current_theme, self.ansi_theme)
        self._quiet_collection: Timer | None = None

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
            self._collect_once_quiet()
        await super().on_event(event)

    def _collect_once_quiet(self) -> None:
        """A garbage collection that is due waits until keys and the mouse pause (see
        `collect_when_quiet`), so it lands after a frame rather than inside the next one."""
        if self._quiet_collection is not None:
            self._quiet_collection.stop()
        self._quiet_collection = self.set_timer(QUIET_BEFORE_COLLECTING, collect_if_due)

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

    def _read_subscription(self) -> None:
        from companion.kept_copy import find_kept
        from companion.sources import SourceError, read_source

        kept = find_kept(self.program.conference.id)
        with suppress(SourceError):
            source = read_source(kept) if kept else None
            self.subscribed_url = source.location if source and source.is_url else None

    def action_update_program(self) -> None:
        """Refresh from the URL in a thread: the app stays live while the server answers."""
        if self.subscribed_url is None or self.updating:
            return
        self.updating = True
        self.refresh_bindings()
        self.notify(f"Updating from {self.subscribed_url}…", timeout=3, markup=False)
        self.run_worker(self._update_in_thread, thread=True, group="update")

    def _update_in_thread(self) -> None:
        from companion.loading import ProgramError
        from companion.subscription import update

        try:
            updated = update(self.program.conference.id)
        except ProgramError as error:  # no longer subscribed: its record went bad or away
            with suppress(RuntimeError):  # the app ended meanwhile
                self.call_from_thread(self._update_refused, str(error))
            return
        with suppress(RuntimeError):  # the app ended while the server was answering
            self.call_from_thread(self._show_update, updated)

    def _update_refused(self, error: str) -> None:
        from companion.present.changes import not_updated_words

        self.updating = False
        self.subscribed_url = None
        self.refresh_bindings()
        said = not_updated_words(self.program.conference.id, error)
        self.notify(said, severity="warning", timeout=10, markup=False)

    def _show_update(self, updated: Updated, *, rebuild: bool = True) -> None:
        """What a refresh found. `rebuild`: the screens show the copy it replaced (else
        the app started on the new copy, and an unchanged program goes without saying)."""
        from companion.present.changes import UNCHANGED, failed_words, summary
        from companion.ui.screens.changes import ChangesScreen

        self.updating = False
        self.refresh_bindings()
        if updated.error is not None:
            said = failed_words(updated.program_id, updated.error, updated.source.fetched)
            self.notify(said, severity="warning", timeout=10, markup=False)
        elif updated.changes is None or updated.opened is None:
            if rebuild:
                self.notify(UNCHANGED, timeout=4, markup=False)
        elif not updated.changes:
            self.notify(summary(updated.program_id, updated.changes), timeout=6, markup=False)
        elif not rebuild:
            self.push_screen(ChangesScreen(updated.changes, updated.old))
        else:
            self.run_worker(self._show_changes(updated.opened.program, updated))

    async def _show_changes(self, program: Program, updated: Updated) -> None:
        from companion.ui.screens.changes import ChangesScreen

        assert updated.changes is not None
        await self.replace_program(program)
        self.push_screen(ChangesScreen(updated.changes, updated.old))

    async def replace_program(self, program: Program) -> None:
        """Show a newer copy of the same program (its id, so its stars, unchanged): every
        screen is built again on it, the one shown last of all; a note being typed is
        saved first."""
        if isinstance(self.screen, HoldsEdits):
            self.screen.save_edits()
        # A talk opened while the screens are rebuilt gets a new screen on the new program.
        kept_talk_screens = list(self._talk_screens.values())
        self._talk_screens.clear()
        self.program = program
        # What was frozen out of the collector's way (the old program, its index) can go now;
        # nothing is frozen again, lest the screens being replaced be frozen with it.
        self._freeze_when_indexed = False
        gc.unfreeze()
        with self._index_lock:
            self._search_index = None
        self.run_worker(self._build_search_index, thread=True)
        self._update_subtitle()
        current = self.current_mode
        others = [mode for mode in self.MODES if mode != current]
        for mode in others:
            await self.remove_mode(mode)
            self.add_mode(mode, self.MODES[mode])
        await self.switch_mode(others[0])
        await self.remove_mode(current)
        self.add_mode(current, self.MODES[current])
        await self.switch_mode(current)
        for screen in kept_talk_screens:  # every stack that held one is gone
            with suppress(ScreenStackError):
                self.uninstall_screen(screen)
                await screen.remove()
        self.reminders.check()

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

    # -- state, and the only ways screens change it (declared by `Services`) ----------

    # -- navigation ----------------------------------------------------------------

    # -- actions ---------------------------------------------------------------------

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
