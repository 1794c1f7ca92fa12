"""Keys that come together act in order also right after a key that moves the focus or
opens a screen: each goes to the widget that has the focus once the key before it has
been handled, not to the one that had it when the app read it."""

from __future__ import annotations

from textual.widgets import TextArea

from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import SIZE, AppFactory, drawn_lines, flat, until
from tests.test_typing_order import at_once, open_speakers_filter, typed


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


async def test_a_search_opened_after_a_move_gets_the_letters_typed_after_it(
    make_app: AppFactory,
) -> None:
    """`/` waited for Down, and the letters went to the schedule before the search opened."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        first = table.selected_key
        at_once(pilot, "down", "slash", "g", "r", "o", "s")
        await until(pilot, lambda: bool(app.screen.query("#search-input")))
        box = app.screen.query_one("#search-input")
        assert "gros" in await typed(pilot, box, "gros")
        assert table.selected_key != first


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
        assert "★" not in flat(drawn_lines(app.screen.query_one("#talk-facts")))
