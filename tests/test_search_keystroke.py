"""What a search keystroke costs beyond the results: the typed letter redraws the box and
lays out nothing else (a new layout lays the whole dialog out again and, after it, redraws
the result list's scrollbar in a frame of its own)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from companion.search import SearchResults, TypedSearch
from companion.ui.widgets.result_list import ResultList, ResultRow
from companion.ui.widgets.typing import TypingInput
from tests.driving import (
    SIZE,
    AppFactory,
    drawn_lines,
    flat,
    result_ids,
    search,
    settled,
    until,
)


def count_layouts(screen: Screen[Any]) -> list[Screen[Any]]:
    """Every layout of the screen from now on, as it happens."""
    layouts: list[Screen[Any]] = []
    screen.screen_layout_refresh_signal.subscribe(screen, layouts.append, immediate=True)
    return layouts


async def typed_into(pilot: Pilot[Any], text: str, shown: str | None = None) -> str:
    """What the box draws once `text` is typed into it and `shown` (all of it) shows."""
    for character in text:
        await pilot.press(character)
    box = pilot.app.screen.query_one(TypingInput)
    await until(pilot, lambda: (shown or text) in flat(drawn_lines(box)))
    await pilot.pause()
    return flat(drawn_lines(box))


class BoxApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TypingInput(placeholder="Type here")
        yield Static("Below the box")


async def test_typing_in_a_box_lays_out_nothing() -> None:
    app = BoxApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        layouts = count_layouts(app.screen)
        assert "compiler" in await typed_into(pilot, "compiler")
        assert layouts == []


async def test_text_longer_than_the_box_scrolls_in_it() -> None:
    """The box's virtual size still follows its text once that is wider than the box."""
    app = BoxApp()
    async with app.run_test(size=(20, 6)) as pilot:
        drawn = await typed_into(pilot, "abcdefghijklmnopqrstuvwxyz", "xyz")
        assert "xyz" in drawn and "abc" not in drawn
        for _ in range(26):
            await pilot.press("backspace")
        await pilot.pause()
        assert "Type here" in flat(drawn_lines(app.screen.query_one(TypingInput)))


async def test_a_search_keystroke_that_finds_the_same_lays_out_nothing(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)  # the talk screen's styles read ahead restyle what is shown
        found = await search(pilot, "magel")
        assert found[0] == "talk:magellan"
        layouts = count_layouts(app.screen)
        assert "magellan" in await typed_into(pilot, "lan")
        assert result_ids(app) == found
        assert layouts == []


async def test_the_first_letters_of_a_new_search_restyle_nothing(make_app: AppFactory) -> None:
    """Each search opens a new dialog; its first letter restyled the box (2 ms)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)  # indexed, and the talk screen's styles read ahead
        restyled: list[list[DOMNode]] = []
        update_nodes = app.stylesheet.update_nodes

        def counted(nodes: Iterable[DOMNode], animate: bool = False) -> None:
            restyled.append(list(nodes))
            update_nodes(restyled[-1], animate=animate)

        for _ in range(2):
            await pilot.press("slash")
            await pilot.pause()
            app.stylesheet.update_nodes = counted  # type: ignore[method-assign]
            assert "magel" in await typed_into(pilot, "magel")
            assert result_ids(app)[0] == "talk:magellan"
            app.stylesheet.update_nodes = update_nodes  # type: ignore[method-assign]
            assert restyled == []
            await pilot.press("escape")
            await pilot.pause()


async def test_a_space_after_a_word_looks_nothing_up_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query finds what its words find: the space or a comma typed after a word keeps
    the results, and the next letter is looked up."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        found = await search(pilot, "magellan")
        looked_up: list[str] = []
        search_typed = TypedSearch.search

        def counted(box: TypedSearch, query: str) -> SearchResults:
            looked_up.append(query)
            return search_typed(box, query)

        monkeypatch.setattr(TypedSearch, "search", counted)
        assert "magellan, " in await typed_into(pilot, ", ", "magellan, ")
        assert result_ids(app) == found
        assert looked_up == []
        await typed_into(pilot, "c", "magellan, c")
        assert looked_up == ["magellan, c"]


def rows(count: int, name: str) -> list[ResultRow]:
    return [
        ResultRow(f"{name}:{i}", (Content(f"{name} {i}"), Content("  line two")), (name, i))
        for i in range(count)
    ]


class ListApp(App[None]):
    CSS = "ResultList { height: 12; }"

    def compose(self) -> ComposeResult:
        yield ResultList()


async def drawn_list(*fills: list[ResultRow]) -> tuple[list[str], list[str], int]:
    """The list and its scrollbar as drawn once it has shown each of `fills` in turn, and
    how many layouts the last one took."""
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        listing = app.screen.query_one(ResultList)
        for fill in fills[:-1]:
            listing.show(fill)
            await pilot.pause()
        layouts = count_layouts(app.screen)
        listing.show(fills[-1])
        await pilot.pause()
        return drawn_lines(listing), drawn_lines(listing.vertical_scrollbar), len(layouts)


async def test_new_rows_that_still_overflow_redraw_the_list_and_its_scrollbar_only() -> None:
    shown_at_once = await drawn_list(rows(9, "fresh"))
    list_lines, scrollbar, layouts = await drawn_list(rows(30, "old"), rows(9, "fresh"))
    assert "fresh 0" in flat(list_lines)
    assert (list_lines, scrollbar) == shown_at_once[:2]
    assert layouts == 0
