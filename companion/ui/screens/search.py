"""Search from anywhere: talks and people, results on every keystroke; Enter opens."""

from __future__ import annotations

from collections.abc import Hashable
from collections.abc import Set as AbstractSet
from datetime import tzinfo

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style
from textual.widgets import Input, Static

from companion.present.search import capped, hit_details, no_result
from companion.program import Program
from companion.search import (
    Hit,
    HitKind,
    SearchIndex,
    SearchResults,
    TypedSearch,
    query_words,
    too_short,
)
from companion.ui.plain_text import show_line
from companion.ui.screens.dialog import Dialog
from companion.ui.services import services
from companion.ui.widgets.front_compositor import FrontCompositor
from companion.ui.widgets.result_list import ResultList, ResultListInset, ResultRow
from companion.ui.widgets.typing import TypingInput

RESULT_LIMIT = 30  # more than two screens of results helps nobody; refilling costs
KEPT_ROWS = 1000  # result rows kept built: those of the last few dozen queries
# A row's styles as made, not as markup: a style in words was looked up again each time
# the row was drawn (a third of the cost of drawing it).
DETAILS, FOUND_IN = Style(dim=True), Style(dim=True, italic=True)
HELP = "Enter opens · ↑↓ move · Ctrl+S star · Esc closes"
KEEP_TYPING = "Keep typing: search starts at two letters"


def _marker(hit: Hit, starred: AbstractSet[str]) -> str:
    return ("★" if hit.id in starred else "·") if hit.kind is HitKind.TALK else "@"


def _row_key(hit: Hit, marker: str) -> Hashable:
    """What a result's row is made of: its score does not show, and the words it matched
    show only in the text it was found in."""
    return hit.kind, hit.id, marker, hit.in_text and hit.matched


def _row(hit: Hit, marker: str, program: Program, zone: tzinfo) -> ResultRow:
    details = [hit.kind.value, *hit_details(program, hit, zone)]
    lines = [f"  {' · '.join(details[:2])}", *(f"  {line}" for line in details[2:])]
    parts = [
        (f"{marker} {hit.label}", None),
        (lines[0], DETAILS),
        *((line, FOUND_IN) for line in lines[1:]),  # the text it was found in
    ]
    return ResultRow(
        f"{hit.kind}:{hit.id}",
        tuple(_styled(line, style) for text, style in parts for line in text.split("\n")),
        (marker, hit.label, *lines),
    )


def _styled(line: str, style: Style | None) -> Content:
    return Content(line) if style is None else Content.styled(line, style)


class SearchScreen(Dialog[Hit | None]):
    CSS_PATH = "search.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="search.close", tooltip="Close search"),
        Binding("down", "move(1)", "Down", id="search.down", show=False),
        Binding("up", "move(-1)", "Up", id="search.up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="search.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="search.page_up", show=False),
        Binding(
            "ctrl+s",
            "star",
            "Star",
            id="search.star",
            tooltip="Star or unstar the highlighted talk",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        # A keystroke's new results draw the list, not the dialog and screen behind it.
        self._compositor = FrontCompositor()
        self._hits = SearchResults()
        self._searched: tuple[SearchIndex, tuple[str, ...]] | None = None  # what found them
        self._typed: TypedSearch | None = None  # the queries typed, in the index searched
        # Each result's row, built once: typing on within a word mostly finds the same hits.
        self._rows: LRUCache[Hashable, ResultRow] = LRUCache(KEPT_ROWS)
        self._rows_for: tuple[Program, tzinfo] | None = None  # what the kept rows show

    def compose_dialog(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield TypingInput(
                placeholder="Search titles, people, rooms, sessions, abstracts",
                id="search-input",
                select_on_focus=False,  # a letter typed in the results goes on the query
                # Nothing to validate: validating the first letter of every search marked
                # the box valid with a class, and a class restyles the box (2 ms).
                validate_on=(),
            )
            with ResultListInset(id="search-results-box"):  # pads the list
                yield ResultList(id="search-results")
            yield Static(id="search-status")
            yield Static(HELP, id="search-help")

    def on_mount(self) -> None:
        field = self.query_one("#search-input", Input)
        field.focus()
        # Watched, not on Input.Changed: the message arrives after the typed letter has been
        # drawn, so the results waited for the next frame (16 ms or more) behind it.
        self.watch(field, "value", self.show_results, init=False)

    def on_key(self, event: events.Key) -> None:
        """Letters that reach the dialog itself go into the box, and the focus with them
        (Backspace after them edits the query): in the results a letter refines the query."""
        if event.is_printable and event.character:
            event.stop()
            field = self.query_one("#search-input", Input)
            self.set_focus(field)
            field.insert_text_at_cursor(event.character)

    def show_results(self, query: str) -> None:
        """What every keystroke costs: look the query up and refill the result list."""
        index = services(self).search_index
        # A query finds what its words find: a space typed after a word, or punctuation,
        # searched for the same again (2-3 ms of CPU for "room " at 10,000 talks).
        searched = (index, query_words(query))
        if searched != self._searched:
            if self._typed is None or self._typed.index is not index:
                self._typed = TypedSearch(index, RESULT_LIMIT)
            self._hits = self._typed.search(query)
            self._searched = searched
        self._show_hits()
        # The status can hold the query: shown as typed, never markup.
        show_line(self.query_one("#search-status", Static), self._status(query))

    def _status(self, query: str) -> str:
        """What the list does not show by itself: that nothing matched, or that not all did,
        or that the query is too short to search with. The hint is said here, not on the
        help line: this line changes anyway as the results come, and the help line then
        never changes (drawing it again was a twentieth of the first results' keystroke)."""
        if self._hits.capped:
            return capped(len(self._hits), self._hits.total)
        if too_short(query):
            return KEEP_TYPING if query.strip() else ""
        return "" if self._hits else no_result(query)

    def _show_hits(self) -> None:
        app = services(self)
        starred, program, zone = app.starred, app.program, app.display_zone
        if self._rows_for != (program, zone):
            self._rows.clear()
            self._rows_for = (program, zone)
        rows = []
        for hit in self._hits:
            marker = _marker(hit, starred)
            key = _row_key(hit, marker)
            row = self._rows.get(key)
            if row is None:
                row = _row(hit, marker, program, zone)
                self._rows.set(key, row)
            rows.append(row)
        self.query_one("#search-results", ResultList).show(rows)

    def _highlighted_hit(self) -> Hit | None:
        index = self.query_one("#search-results", ResultList).highlighted
        return self._hits[index] if index is not None and index < len(self._hits) else None

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self.dismiss(self._highlighted_hit())

    @on(ResultList.Selected, "#search-results")
    def _selected(self, event: ResultList.Selected) -> None:
        event.stop()
        self.dismiss(self._hits[event.index])

    def action_move(self, step: int) -> None:
        self.query_one("#search-results", ResultList).action_move(step)

    def action_page(self, direction: int) -> None:
        self.query_one("#search-results", ResultList).action_page(direction)

    def action_star(self) -> None:
        hit = self._highlighted_hit()
        if hit and hit.kind is HitKind.TALK:
            services(self).toggle_star(hit.id)
            highlighted = self.query_one("#search-results", ResultList).highlighted
            self._show_hits()
            self.query_one("#search-results", ResultList).highlighted = highlighted

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
