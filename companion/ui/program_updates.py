"""Updating a program kept from a URL: fetched again in a thread while the app stays
live, then every screen built again on the new copy and what changed shown."""

from __future__ import annotations

import gc
from contextlib import suppress
from typing import TYPE_CHECKING

from textual.app import ScreenStackError

from companion.ui.search_indexing import SearchIndexing
from companion.ui.services import HoldsEdits
from companion.ui.talks_made_ahead import TalksMadeAhead

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from companion.program import Program
    from companion.subscription import Updated


class ProgramUpdates(SearchIndexing, TalksMadeAhead):
    subscribed_url: str | None
    updating: bool

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
        self.talk_in_sight(None)  # nothing more made ahead on the screens let go
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
        self._forget_closed_screens()
        self.reminders.check()

    def _forget_closed_screens(self) -> None:
        """Let the screens just closed go, and the old program with them (at 50,000 talks
        most of the app's memory). Textual drops a closed screen's watchers of the app
        only once what they watch next changes (a star, the minute; the time zone shown,
        hardly ever): here they go as it would drop them. It keeps the first screen it
        showed (the first Schedule) for as long as the app runs, as the one the app's
        queries search, and with it, until read again, its list of the children it had;
        and the widget last pressed, to match a release to it."""
        watchers: dict[str, list[tuple[MessagePump, object]]] = vars(self).get("__watchers", {})
        for watching in watchers.values():
            watching[:] = [(node, callback) for node, callback in watching if not node._closing]
        first, self._compose_screen = self._compose_screen, None
        if first is not None:  # closed with its mode: read, the list is made anew, empty
            _ = first.displayed_children
        if self._mouse_down_widget is not None and not self._mouse_down_widget.is_attached:
            self._mouse_down_widget = None
