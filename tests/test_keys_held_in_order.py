"""Keys that come together act in order also right after a key that moves the focus or
opens a screen: each goes to the widget that has the focus once the key before it has
been handled, not to the one that had it when the app read it."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.app import ComposeResult
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import TextArea

from companion.ui.keys_in_order import KeysInOrder
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.starred import StarredScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import PATIENCE, SIZE, AppFactory, drawn_lines, first_command, flat, until
from tests.pty_app import app_on_a_terminal
from tests.test_typing_order import at_once, open_search, open_speakers_filter, typed


async def test_letters_after_leaving_the_filter_and_its_key_go_into_the_filter(
    make_app: AppFactory,
) -> None:
    """Down took the focus to the list, `f` back to the filter: the letters went into the
    filter as the app read them, while the filter still had the focus, `f` with them."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_speakers_filter(pilot)
        at_once(pilot, "down", "f", "b", "o", "c", "k")
        shown = await typed(pilot, box, "bock")
        assert "fbock" not in shown


@pytest.mark.parametrize(
    ("keys", "box_id"),
    [
        (["slash"], "#search-input"),
        (["down", "slash"], "#search-input"),
        (["2"], "#speaker-filter"),
    ],
    ids=["search", "move-then-search", "mode-key"],
)
async def test_letters_typed_at_once_after_a_key_that_opens_a_box_go_into_it(
    make_app: AppFactory, keys: list[str], box_id: str
) -> None:
    """After Down, `/` waited for it, and the letters went to the schedule before the search
    opened; after `2`, while the Speakers screen was built, they were lost."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        at_once(pilot, *keys, "b", "o", "c", "k")
        await until(pilot, lambda: bool(app.screen.query(box_id)))
        box = app.screen.query_one(box_id)
        assert "bock" in await typed(pilot, box, "bock")


async def test_a_note_begun_as_its_talk_opens_is_typed_into_the_note(
    make_app: AppFactory,
) -> None:
    """`Enter` on a talk then `e hello`: the keys came before the talk's screen existed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        at_once(pilot, "enter", "e", "h", "e", "l", "l", "o")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        note = app.screen.query_one("#talk-note", TextArea)
        assert "hello" in await typed(pilot, note, "hello")
        assert "★" not in flat(drawn_lines(app.screen.query_one("#talk-star")))


def test_keys_written_to_the_terminal_after_a_move_go_into_the_search() -> None:
    """The whole way, as tmux sends `Down / g r o s`: read and parsed by the app itself."""
    with app_on_a_terminal() as app:
        app.press(b"\x1b[B/gros", lambda screen: any("▊  gros" in line for line in screen))


@pytest.mark.parametrize(
    ("opened", "keys"),
    [
        (True, ["escape", "down", "s"]),
        (False, ["slash", "g", "r", "escape", "s"]),
        (False, ["question_mark", "escape", "s"]),
    ],
    ids=["talk", "search", "dialog"],
)
async def test_keys_after_closing_a_screen_act_on_the_schedule_beneath(
    make_app: AppFactory, opened: bool, keys: list[str]
) -> None:
    """Escape then `s` (on a talk opened, in the search, in the help): the star is the
    schedule's, shown again beneath."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        if opened:
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        at_once(pilot, *keys)
        await until(pilot, lambda: bool(app.starred))
        assert isinstance(app.screen, ScheduleScreen)
        assert app.starred == {table.selected_key}


async def test_the_palette_opened_at_once_gets_the_letters_typed_after_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        at_once(pilot, "ctrl+p", *"starred")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await until(pilot, lambda: first_command(app).startswith("Starred"))
        at_once(pilot, "enter")
        await until(pilot, lambda: isinstance(app.screen, StarredScreen))


async def test_a_paste_goes_into_the_box_as_before(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_search(pilot)
        app.post_message(events.Paste("gros"))
        assert "gros" in await typed(pilot, box, "gros")


async def test_a_paste_read_behind_held_keys_goes_where_they_leave_the_focus(
    make_app: AppFactory,
) -> None:
    """`Down`, `/` and a paste in one read: the paste went to the schedule, ahead of the
    `/` held for the `Down`, and was lost."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        at_once(pilot, "down", "slash")
        app.post_message(events.Paste("gros"))
        await until(pilot, lambda: bool(app.screen.query("#search-input")))
        box = app.screen.query_one("#search-input")
        assert "gros" in await typed(pilot, box, "gros")


async def test_single_keys_act_one_after_another(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        first = table.selected_key
        await pilot.press("down")
        await pilot.press("s")
        assert table.selected_key != first
        assert app.starred == {table.selected_key}
        box = await open_search(pilot)
        await pilot.press("g", "r", "o", "backspace")
        await pilot.press("s")
        assert "grs" in await typed(pilot, box, "grs")


async def test_keys_after_one_a_screen_stops_without_saying_so_act_after_it(
    make_app: AppFactory,
) -> None:
    """In the search results a letter is stopped by the dialog, which puts it on the query
    and the focus there: the Backspace typed at once after it edits the query."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        box = await open_search(pilot)
        await pilot.press("g", "r", "o", "tab")
        at_once(pilot, "e", "backspace", "backspace", "x")
        assert "grx" in await typed(pilot, box, "grx")


class Stuck(Widget, can_focus=True):
    """Takes the focus elsewhere on `a`, then waits for `gate` before handling more."""

    def __init__(self, gate: asyncio.Event) -> None:
        super().__init__()
        self.gate = gate

    async def on_key(self, event: events.Key) -> None:
        if event.key == "a":
            self.app.query_one(Recorder).focus()
            await self.gate.wait()


class Recorder(Widget, can_focus=True):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []
        self.two = asyncio.Event()

    def on_key(self, event: events.Key) -> None:
        self.keys.append(event.key)
        if len(self.keys) == 2:
            self.two.set()


class StuckApp(KeysInOrder):
    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield Stuck(self.gate)
        yield Recorder()

    def on_mount(self) -> None:
        self.query_one(Stuck).focus()


async def test_keys_held_behind_a_key_that_never_ends_are_handed_on_in_the_end() -> None:
    """`a` moved the focus, and its widget is still busy with it: `b` and `c` go on to the
    widget focused, in order, once they have waited long enough (the pilot's pauses would
    wait for the busy widget too)."""
    app = StuckApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        recorder = app.query_one(Recorder)
        try:
            at_once(pilot, "a", "b", "c")
            await asyncio.wait_for(recorder.two.wait(), timeout=PATIENCE * 0.05)
        finally:
            app.gate.set()
        assert recorder.keys == ["b", "c"]
