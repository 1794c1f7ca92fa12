"""Keys that come together (a fast typist, keys pasted, a terminal multiplexer writing them
in one go) act in the order they were typed, in every text box: an editing key such as
Backspace or Left is not overtaken by the letter after it, and the letters after a key
that opens a box (/ for search, e for the note, f for the filter) go into it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea

from tests.driving import SIZE, AppFactory, drawn_lines, flat, show_talk, until
from tests.pty_app import app_on_a_terminal

CHARACTERS = {"slash": "/", "question_mark": "?", "backspace": "\x7f", "enter": "\r"}


def at_once(pilot: Pilot[None], *keys: str) -> None:
    """Keys as the terminal driver hands them over when they arrive in one read: posted
    one after another, none waiting for the one before to be handled."""
    for key in keys:
        character = key if len(key) == 1 else CHARACTERS.get(key)  # None: Down, Left, End
        pilot.app.post_message(events.Key(key, character))


async def typed(pilot: Pilot[None], widget: Widget, text: str) -> str:
    """What the box draws once `text` shows in it (it never does if keys went astray)."""
    await until(pilot, lambda: text in flat(drawn_lines(widget)))
    await pilot.pause()
    return flat(drawn_lines(widget))


async def open_search(pilot: Pilot[None]) -> Widget:
    await pilot.press("slash")
    return pilot.app.screen.query_one("#search-input")


async def open_speakers_filter(pilot: Pilot[None]) -> Widget:
    await pilot.press("2")
    return pilot.app.screen.query_one("#speaker-filter")


async def open_note(pilot: Pilot[None]) -> Widget:
    await show_talk(pilot, "magellan")
    await pilot.press("e")
    return pilot.app.screen.query_one("#talk-note")


async def open_speakers_list(pilot: Pilot[None]) -> Widget:
    """The Speakers filter, the focus in the list of people below it, where letters are keys."""
    box = await open_speakers_filter(pilot)
    await pilot.press("down")
    return box


@pytest.mark.parametrize(
    ("open_box", "keys", "shown"),
    [
        (open_search, ["g", "r", "o", "backspace", "s"], "grs"),
        (open_speakers_filter, ["g", "r", "o", "backspace", "s"], "grs"),
        (open_note, ["g", "r", "o", "backspace", "s"], "grs"),
        (open_search, ["m", "l", "left", "a", "end", "i", "r"], "malir"),
        (open_speakers_list, ["f", "b", "o", "c", "k"], "bock"),  # f: into the filter
        (open_note, ["a", "slash", "b"], "a/b"),  # typed: the note takes `/`
    ],
    ids=[
        "search",
        "speakers-filter",
        "note",
        "left-in-search",
        "filter-key-then-letters",
        "slash-in-note",
    ],
)
async def test_keys_that_come_at_once_act_in_order(
    make_app: AppFactory, open_box: Callable[[Pilot[None]], Any], keys: list[str], shown: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_box(pilot)
        at_once(pilot, *keys)
        assert shown in await typed(pilot, box, shown)


def test_keys_written_to_the_terminal_in_one_go_act_in_order() -> None:
    """The whole way: the bytes a terminal sends, read and parsed by the app itself."""
    with app_on_a_terminal() as app:
        app.press(b"/gro\x7fs", lambda screen: "grs" in "\n".join(screen))


async def test_a_note_begun_at_once_after_its_key_is_typed_into_the_note(
    make_app: AppFactory,
) -> None:
    """`e` then `so`: the letters came before the note had the focus, and `s` starred the
    talk."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        note = app.screen.query_one("#talk-note")
        at_once(pilot, "e", "s", "o")
        assert "so" in await typed(pilot, note, "so")
        assert "★" not in flat(drawn_lines(app.screen.query_one("#talk-star")))
        assert app.starred == frozenset()


async def test_the_search_key_still_does_nothing_in_a_dialog(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        at_once(pilot, "slash", "g")
        await pilot.pause()
        assert app.screen is help_screen


def typed_into(screen: Screen[Any]) -> list[str]:
    """What the screen's boxes hold."""
    return [box.value for box in screen.query(Input)] + [
        area.text for area in screen.query(TextArea)
    ]


@pytest.mark.parametrize(
    ("open_screen", "keys"),
    [(None, ["s", "slash", "g"]), ("talk", ["s", "e", "x"])],
    ids=["star-then-search", "star-then-note"],
)
async def test_a_key_on_its_way_is_not_overtaken_by_the_next(
    make_app: AppFactory, open_screen: str | None, keys: list[str]
) -> None:
    """`/` and `e` wait for the key before them to reach its bindings: here the star came
    first, and still stars."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        if open_screen == "talk":
            await show_talk(pilot, "magellan")
        at_once(pilot, *keys)
        await until(pilot, lambda: bool(app.starred))
        # and the keys after it did what they do, before the app closes under them
        await until(pilot, lambda: keys[-1] in typed_into(app.screen))


async def test_a_letter_typed_in_the_search_results_takes_the_focus_to_the_query(
    make_app: AppFactory,
) -> None:
    """It went into the query, but the focus stayed on the results: Backspace then did
    nothing."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_search(pilot)
        await pilot.press("g", "r", "o", "tab")
        assert app.focused is app.screen.query_one("#search-results")
        await pilot.press("e", "backspace", "backspace", "x")
        assert "grx" in await typed(pilot, box, "grx")
