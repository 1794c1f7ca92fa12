"""The kept talk screen, once left, is not drawn again as stars change on the schedule: the
talk just left and starred there had its facts laid out again out of sight (about 10 ms of
that star at 10,000 talks). It shows the star as it opens again."""

from __future__ import annotations

import pytest
from rich.console import RenderableType
from textual.widgets import Static

from companion.ui import talks_made_ahead
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import AppFactory, move_schedule_to, show_talk, until
from tests.test_talk_screen_kept import TALL, talk_drawn


async def test_a_talk_left_and_starred_on_the_schedule_is_drawn_starred_as_it_opens_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stars come before the cursor rests on the talk: resting, it is shown ahead,
    # its star with it (test_talk_made_ahead.py).
    monkeypatch.setattr(talks_made_ahead, "SHOW_AHEAD_AFTER", 3600.0)
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        talk_screen = app.screen
        assert isinstance(talk_screen, TalkScreen)
        assert "★ yes" not in talk_drawn(talk_screen)
        facts = talk_screen.query_one("#talk-star", Static)
        updates: list[RenderableType] = []
        original = facts.update

        def update(content: RenderableType = "", *, layout: bool = True) -> None:
            updates.append(content)
            original(content, layout=layout)

        monkeypatch.setattr(facts, "update", update)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        await move_schedule_to(pilot, "magellan")
        await pilot.press("s")
        await until(pilot, lambda: "magellan" in app.starred)
        await pilot.press("s", "s")  # unstarred, starred again
        await pilot.pause()
        assert updates == []  # out of sight, not drawn again
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is talk_screen)
        await pilot.pause()
        assert "★ yes" in talk_drawn(talk_screen)
        assert len(updates) == 1
