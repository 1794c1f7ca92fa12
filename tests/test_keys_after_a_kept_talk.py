"""Keys typed at once after the Enter that opens another talk on the kept talk screen act
on that screen: it is pushed only once the new talk's facts have asked for a layout, a
moment after the Enter itself is done."""

from __future__ import annotations

from textual.widgets import TextArea

from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import SIZE, AppFactory, drawn_lines, flat, move_schedule_to, until
from tests.test_typing_order import at_once, typed


async def test_a_note_begun_as_the_next_talk_opens_goes_into_its_note(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await move_schedule_to(pilot, "magellan")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        first_title = flat(drawn_lines(app.screen.query_one("#talk-title")))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        await move_schedule_to(pilot, "xtc")  # the kept talk screen shows another talk
        at_once(pilot, "enter", "e", "h", "e", "l", "l", "o")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        note = app.screen.query_one("#talk-note", TextArea)
        assert "hello" in await typed(pilot, note, "hello")
        assert flat(drawn_lines(app.screen.query_one("#talk-title"))) != first_title
