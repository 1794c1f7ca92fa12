"""Stars and notes, kept in the user's store: the only ways screens change them (declared
by `Services`), each writing through the store and saying when it cannot."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar

from companion.paths import data_dir
from companion.store import Store, StoreError
from companion.ui.app_state import AppState

if TYPE_CHECKING:
    from companion.program import Program, Talk
    from companion.reconcile import StarStatus
    from companion.star_import import ImportPlan
    from companion.store import NoteSaved, StarRecord

_Read = TypeVar("_Read")
CHECKPOINTS = "store-checkpoints"  # the group of the thread that copies the log in


class StarsAndNotes(AppState):
    store: Store
    _last_statuses: list[StarStatus]
    _reconciled_from: tuple[weakref.ref[Program], list[StarRecord]] | None  # (not kept alive)

    def _open_store(self) -> None:
        """Open the user's store; when it cannot be written, keep stars in memory and say so."""
        conference_id = self.program.conference.id
        try:
            store = Store.open(data_dir(), conference_id)
        except StoreError as error:
            self.store = Store.in_memory(conference_id)
            self.notify(
                f"Stars will not be saved: {error}", severity="warning", timeout=10, markup=False
            )
        else:
            if store.moved_aside:
                self.notify(
                    f"Your stars file was unreadable; it was kept as "
                    f"{store.moved_aside}. Starting afresh.",
                    severity="warning",
                    timeout=15,
                    markup=False,
                )
            if store.read_only:
                self.store = Store.in_memory(conference_id, copy_of=store)
                store.close()
                self.notify(
                    f"Stars will not be saved: {data_dir()} is not writable.",
                    severity="warning",
                    timeout=10,
                    markup=False,
                )
            else:
                self.store = store
        self.store.hold_checkpoints()
        if self.store.damaged:
            self.notify(
                f"Parts of your stars file are damaged: {'; '.join(self.store.damaged)}",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.starred = frozenset(self.store.starred_ids())

    def _sync_stars(self) -> None:
        """Pick up stars made in another terminal; while the store cannot be read, the
        stars shown stay as they were (writing says what is wrong). Runs after each star's
        frame and every few seconds: the moment to see to the store's log too."""
        with suppress(StoreError):
            self.starred = frozenset(self.store.starred_ids())
        self._checkpoint_if_full()

    def toggle_star(self, talk_id: str) -> bool:
        """Star or unstar a talk, writing through the store; returns the new state."""
        starring = talk_id not in self.starred
        try:
            if starring:
                self.store.star([self.program.talk(talk_id)])
            else:
                self.store.unstar([talk_id])
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return not starring
        # Written: shown at once, and the stars read back (another terminal's too) once
        # the frame that shows it is out, not before it.
        self.starred = self.starred | {talk_id} if starring else self.starred - {talk_id}
        self.call_after_refresh(self._sync_stars)
        return starring

    def import_stars(self, plan: ImportPlan) -> bool:
        """Write an import's stars and notes through the store, in one transaction."""
        from companion.star_import import apply_import

        try:
            apply_import(plan, self.program, self.store)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        self.starred = frozenset(self.store.starred_ids())
        return True

    def star_statuses(self) -> list[StarStatus]:
        """The stars with what became of their talks; while the store cannot be read, the
        last ones read (and the user is told why)."""
        from companion.reconcile import reconcile  # not needed before the first frame

        stars = self._reading(self.store.stars, None)
        # Each visit to Starred asks, and the stars seldom changed; a program replaced is freed.
        if stars is not None and (weakref.ref(self.program), stars) != self._reconciled_from:
            self._last_statuses = reconcile(self.program, stars, self.program.conference.zone)
            self._reconciled_from = (weakref.ref(self.program), stars)
        return self._last_statuses

    def mark_seen(self, talks: Iterable[Talk]) -> None:
        self.store.mark_seen(talks)

    def _checkpoint_if_full(self) -> None:
        """Copy a full write-ahead log into the store in a thread of its own, so that no
        key waits for the disk flushes it takes (see `Store.hold_checkpoints`)."""
        running = (w for w in self.workers if w.group == CHECKPOINTS and not w.is_finished)
        if self.store.log_is_full() and not any(running):
            self.run_worker(self.store.checkpoint, group=CHECKPOINTS, thread=True)

    def note(self, talk_id: str) -> str:
        """The talk's note; "" while it cannot be read (a note saved over it then is kept
        beside it: see `save_note`)."""
        return self._reading(lambda: self.store.note(talk_id), "")

    def notes(self) -> dict[str, str]:
        return self._reading(self.store.notes, {})

    def _reading(self, read: Callable[[], _Read], otherwise: _Read) -> _Read:
        """A read of the store, or `otherwise` when it fails, saying why."""
        try:
            return read()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return otherwise

    def save_note(self, talk_id: str, text: str, expected: str) -> NoteSaved | None:
        try:
            return self.store.set_note(talk_id, text, expected=expected)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
