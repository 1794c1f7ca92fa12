"""The search index: built once per program, off the UI thread once the first frame is
up, then kept out of the garbage collector's way."""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

from companion.ui.app_state import AppState

INDEXING = "search-index"

if TYPE_CHECKING:
    from textual.timer import Timer

    from companion.search import SearchIndex


class SearchIndexing(AppState):
    _freeze_when_indexed: bool
    _index_lock: threading.Lock
    _search_index: SearchIndex | None
    _indexing: Timer

    @property
    def search_index(self) -> SearchIndex:
        """Built once per program (normally by a worker right after start-up)."""
        from companion.search import SearchIndex  # not needed before the first frame

        with self._index_lock:
            if self._search_index is None:
                self._search_index = SearchIndex(self.program)
            return self._search_index

    @property
    def search_index_ready(self) -> bool:
        """Whether the index is built, so a search costs only the lookup."""
        return self._search_index is not None

    def _start_indexing(self) -> None:
        self._indexing.stop()
        self.run_worker(self._build_search_index, thread=True, name=INDEXING)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Indexed: a quiet moment to get ready for the first talk opened."""
        if event.worker.name == INDEXING and event.state is WorkerState.SUCCESS:
            from companion.ui.screens.talk import read_styles_ahead

            read_styles_ahead(self)

    def _build_search_index(self) -> None:
        # The index, then the answers a person sees first (two letters typed), ranked here:
        # ranked under the keystroke, they cost it 1-2 ms at 10,000 talks.
        self.search_index.rank_ahead()
        _ = self.program.people  # the speakers list and search results use them
        # and look them up by id: that lookup is built on first use, which was under the
        # first search keystroke that showed a person (5 ms at 10,000 talks).
        _ = self.program.people_by_id
        # All live as long as the program: out of the collector's way too (see `run_app`),
        # or every full collection walks them again, 100 ms at 10,000 talks, under a key.
        if self._freeze_when_indexed:
            gc.freeze()
