"""The kept talk screen opened on a talk whose note is the text it already holds (mostly
none) keeps its note box as it is rather than loading it again: what was typed on the talk
before must not come back on this one, and `e` goes on writing at the end."""

from __future__ import annotations

import pytest
from textual.strip import Strip
from textual.widgets import TextArea

from companion.ui.screens.schedule import ScheduleScreen
from tests.driving import AppFactory, show_talk, until
from tests.test_talk_screen_kept import TALL, talk_drawn


async def test_undo_on_the_next_talk_does_not_bring_back_what_was_typed_on_the_last(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("e", *"draft", *["backspace"] * 5, "escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        assert app.store.note("magellan") == ""

        await show_talk(pilot, "xtc")
        await pilot.press("e", "ctrl+z", "escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        assert app.store.note("xtc") == ""
        await show_talk(pilot, "xtc")
        assert "draft" not in talk_drawn(app.screen)


async def test_a_note_reopened_goes_on_at_its_end_after_a_talk_without_one(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("e", *"first", "escape", "escape")
        await show_talk(pilot, "xtc")
        assert "first" not in talk_drawn(app.screen)
        await pilot.press("escape")
        await show_talk(pilot, "magellan")
        await pilot.press("e", *" more", "escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        assert app.store.note("magellan") == "first more"
        await show_talk(pilot, "magellan")
        assert "first more" in talk_drawn(app.screen)


async def test_an_empty_note_box_is_not_drawn_again_for_the_next_talk_without_a_note(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        note = app.screen.query_one("#talk-note", TextArea)
        await pilot.press("escape")
        drawn: list[int] = []
        original = note.render_line

        def render_line(y: int) -> Strip:
            drawn.append(y)
            return original(y)

        monkeypatch.setattr(note, "render_line", render_line)
        await show_talk(pilot, "xtc")
        await pilot.pause()
        assert "XTC" in talk_drawn(app.screen)
        assert drawn == []
