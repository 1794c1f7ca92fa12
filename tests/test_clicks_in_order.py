"""Keys typed in the same moment as a click act after it, where it left things: on the
screen the click opened, or where it moved the focus; and a click typed in the same
moment as a key that opens a screen lands on that screen."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.app import ComposeResult
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from companion.ui.clicks_in_order import ClicksInOrder
from companion.ui.screens.person import PersonScreen
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.search import SearchScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.result_list import ResultList
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import (
    PATIENCE,
    SIZE,
    AppFactory,
    drawn_lines,
    show_talk,
    until,
    where_drawn,
)
from tests.pty_app import app_on_a_terminal
from tests.test_keys_held_in_order import Recorder
from tests.test_typing_order import at_once


def mouse_at_once(pilot: Pilot[None], cell: Offset, *kinds: type[events.MouseEvent]) -> None:
    """Mouse events on a screen cell as the terminal driver hands them over when they
    arrive in one read: posted one after another, none waiting for the one before."""
    for kind in kinds:
        button = 0 if issubclass(kind, events.MouseScrollDown | events.MouseScrollUp) else 1
        pilot.app.post_message(kind(None, cell.x, cell.y, 0, 0, button, False, False, False))


def clicked_at_once(pilot: Pilot[None], cell: Offset, *keys: str, clicks: int = 1) -> None:
    """Clicks (a press and a release each) on a screen cell, then keys, all in one read."""
    mouse_at_once(pilot, cell, *[events.MouseDown, events.MouseUp] * clicks)
    at_once(pilot, *keys)


def row_cell(table: ScheduleTable, key: str) -> Offset:
    """A screen cell on the first line of the table's row `key` (below its heading)."""
    line = table.row_line(key) - int(table.scroll_y)
    return Offset(table.region.x + 20, table.region.y + 1 + line)


def text_cell(widget: Widget, text: str) -> Offset:
    """The screen cell of the first letter of `text`, where the widget draws it."""
    return widget.region.offset + where_drawn(widget, text)


def cursor_talk(table: ScheduleTable) -> str:
    talk_id = table.selected_talk_id
    assert talk_id is not None
    return talk_id


async def talk_below(pilot: Pilot[None], table: ScheduleTable) -> str:
    """The talk on the row below the cursor's, the cursor left where it is."""
    await pilot.press("down")
    talk_id = cursor_talk(table)
    await pilot.press("up")
    return talk_id


@pytest.mark.parametrize("clicks", [1, 2], ids=["on-the-cursor", "twice-on-another-row"])
async def test_a_note_begun_as_a_click_opens_its_talk_is_typed_into_the_note(
    make_app: AppFactory, clicks: int
) -> None:
    """A click on the cursor's row opens its talk, as a double click on another row does;
    `e x` typed at once acted on the schedule."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        talk_id = cursor_talk(table) if clicks == 1 else await talk_below(pilot, table)
        clicked_at_once(pilot, row_cell(table, talk_id), "e", "x", clicks=clicks)
        await until(pilot, lambda: app.note(talk_id) == "x")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == talk_id


async def test_keys_after_a_click_that_only_moves_the_cursor_act_on_its_row(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        talk_id = await talk_below(pilot, table)
        below = table.row_index(talk_id)
        clicked_at_once(pilot, row_cell(table, talk_id), "s", "down")
        await until(pilot, lambda: table.row_index(str(table.selected_key)) > below)
        assert app.starred == {talk_id}
        assert isinstance(app.screen, ScheduleScreen)


async def test_keys_after_a_click_on_no_row_act_once_each(make_app: AppFactory) -> None:
    """A click on the table's heading opens nothing: the keys behind it are handed on as
    they were typed, none lost, none twice (a star twice is no star, a Down twice two rows)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        first = cursor_talk(table)
        next_row = table.row_index(first) + 1
        clicked_at_once(pilot, table.region.offset + Offset(20, 0), "s", "down")
        await until(pilot, lambda: table.row_index(str(table.selected_key)) != next_row - 1)
        await pilot.pause()
        assert table.row_index(str(table.selected_key)) == next_row
        assert app.starred == {first}


async def test_escape_after_a_click_that_opens_a_talk_closes_it(make_app: AppFactory) -> None:
    """Escape went to the schedule, and the talk opened after it stayed open."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        talk_id = cursor_talk(table)
        clicked_at_once(pilot, row_cell(table, talk_id), "escape", "s")
        await until(pilot, lambda: bool(app.starred))
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        assert app.starred == {talk_id}


async def test_the_wheel_after_a_click_that_opens_a_talk_scrolls_the_talk(
    make_app: AppFactory,
) -> None:
    """(A terminal low enough for the talk's details to scroll.)"""
    app = make_app()
    async with app.run_test(size=(80, 14)) as pilot:
        table = app.screen.query_one(ScheduleTable)
        talk_id = cursor_talk(table)
        top = table.scroll_y
        cell = row_cell(table, talk_id)
        mouse_at_once(pilot, cell, events.MouseDown, events.MouseUp, *[events.MouseScrollDown] * 3)
        # shown, and built: on a loaded machine the screen is current a moment before
        await until(
            pilot,
            lambda: isinstance(app.screen, TalkScreen) and bool(app.screen.query("#talk-body")),
        )
        body = app.screen.query_one("#talk-body")
        await until(pilot, lambda: body.scroll_y > 0)
        assert table.scroll_y == top


async def test_a_click_as_a_talk_opens_lands_on_the_talk(make_app: AppFactory) -> None:
    """Enter opens the cursor's talk; a click on the row below, made at once, moved the
    schedule's cursor beneath the talk as it opened."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        first = cursor_talk(table)
        below = await talk_below(pilot, table)
        at_once(pilot, "enter")
        clicked_at_once(pilot, row_cell(table, below), "e", "x")
        await until(pilot, lambda: app.note(first) == "x")
        assert table.selected_key == first


async def test_a_drag_as_a_talk_opens_selects_on_the_talk(make_app: AppFactory) -> None:
    """Enter opens the cursor's talk; a press on its title, a move along it and a release,
    made at once, select what was dragged over, as on a talk already open. The move went on
    before the press held ahead of it, to the schedule: the selection had no end."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # where the talk's title is drawn
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        title = app.screen.query_one("#talk-title")
        line = drawn_lines(title)[0]
        start = text_cell(title, line.split()[0])
        end = start + Offset(10, 0)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        at_once(pilot, "enter")
        for kind, cell in [
            (events.MouseDown, start),
            (events.MouseMove, end),
            (events.MouseUp, end),
        ]:
            app.post_message(kind(None, cell.x, cell.y, 0, 0, 1, False, False, False))
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        dragged = line[start.x - title.region.x : end.x - title.region.x + 1]
        await until(pilot, lambda: app.screen.get_selected_text() == dragged)


async def test_a_note_begun_as_a_click_on_a_starred_talk_opens_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        talk = app.program.talk("magellan")
        app.toggle_star(talk.id)
        await pilot.press("3")
        listing = app.screen.query_one("#starred-list", OptionList)
        await until(pilot, lambda: listing.option_count > 0)
        cell = text_cell(listing, talk.title[:20])
        clicked_at_once(pilot, cell, "e", "x", clicks=2)  # (the first may only highlight)
        await until(pilot, lambda: app.note(talk.id) == "x")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == talk.id


async def test_a_note_begun_as_a_click_on_a_speaker_opens_them_goes_on_their_talk(
    make_app: AppFactory,
) -> None:
    """The click opens the person, Enter their talk under the cursor, `e x` its note."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        listing = app.screen.query_one("#speaker-list", OptionList)
        await until(pilot, lambda: listing.option_count > 0)
        person = app.program.person(str(listing.get_option_at_index(1).id))
        talk_id = person.talk_ids[0]
        clicked_at_once(pilot, text_cell(listing, person.name), "enter", "e", "x")
        await until(pilot, lambda: app.note(talk_id) == "x")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == talk_id
        assert [type(screen) for screen in app.screen_stack][-2:] == [PersonScreen, TalkScreen]


async def test_a_note_begun_as_a_click_on_an_author_opens_them_goes_on_their_talk(
    make_app: AppFactory,
) -> None:
    """On a talk, a click on an author opens the person, Enter their talk under the
    cursor, `e x` its note."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        authors = app.screen.query_one("#talk-authors", OptionList)
        person = app.program.person(app.program.author_ids(app.program.talk("magellan"))[-1])
        talk_id = person.talk_ids[0]
        clicked_at_once(pilot, text_cell(authors, person.name), "enter", "e", "x")
        await until(pilot, lambda: app.note(talk_id) == "x")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == talk_id
        assert [type(screen) for screen in app.screen_stack][-3:] == [
            TalkScreen,
            PersonScreen,
            TalkScreen,
        ]


async def test_a_note_begun_as_a_click_on_a_search_result_opens_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"magellan")
        results = app.screen.query_one("#search-results", ResultList)
        await until(pilot, lambda: "talk:magellan" in results.row_ids)
        title = app.program.talk("magellan").title
        clicked_at_once(pilot, text_cell(results, title[:20]), "e", "x")
        await until(pilot, lambda: app.note("magellan") == "x")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == "magellan"
        assert not any(isinstance(screen, SearchScreen) for screen in app.screen_stack)


def test_clicks_and_keys_written_to_the_terminal_at_once_act_in_order() -> None:
    """The whole way: the bytes a terminal sends for a double click on a row and `ehello`,
    read and parsed by the app itself. The note got "llo": `e h` acted on the schedule."""
    with app_on_a_terminal() as app:
        y = next(i for i, line in enumerate(app.screen()) if "Systematic Code" in line)
        click = f"\x1b[<0;30;{y + 1}M\x1b[<0;30;{y + 1}m".encode()
        app.press(click * 2 + b"ehello", lambda screen: any("▊ hello" in line for line in screen))


class StuckOnClick(Recorder):
    """Takes the focus elsewhere on a click, then waits for `gate` before handling more."""

    def __init__(self, gate: asyncio.Event) -> None:
        super().__init__()
        self.gate = gate

    async def on_click(self) -> None:
        self.app.query(Recorder).last().focus()
        await self.gate.wait()


class StuckOnClickApp(ClicksInOrder):
    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield StuckOnClick(self.gate)
        yield Recorder()


async def test_keys_held_behind_a_click_that_never_ends_are_handed_on_in_the_end() -> None:
    """The click moved the focus, and its widget is still busy with it: the keys go on to
    the widget focused, in order, once they have waited long enough."""
    app = StuckOnClickApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        stuck, recorder = app.query(Recorder)
        try:
            clicked_at_once(pilot, stuck.region.offset, "b", "c")
            await asyncio.wait_for(recorder.two.wait(), timeout=PATIENCE * 0.05)
        finally:
            app.gate.set()
        assert recorder.keys == ["b", "c"]
        assert stuck.keys == []
