"""A star on the talk screen changes one fact: it restyles nothing else on the screen. A
class set on the screen for the star (used by no rule) restyled every widget on it, the
abstract's wrapped lines dropped and made again: 18 ms of that star at 10,000 talks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from companion.program import Program
from companion.ui.widgets.kept_text import KeptText
from tests.driving import AppFactory, flat, screen_lines, until
from tests.test_talk_opened_in_a_row import open_from_schedule


async def test_a_star_on_the_talk_screen_restyles_no_widget(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_schedule(pilot, talk)
        restyled: list[str] = []
        for widget in app.screen.query(KeptText):
            notify = widget.notify_style_update

            def counted(notify: Callable[[], None] = notify, name: str = str(widget.id)) -> None:
                restyled.append(name)
                notify()

            monkeypatch.setattr(widget, "notify_style_update", counted)
        await pilot.press("s")
        await until(pilot, lambda: "(s to star)" not in flat(screen_lines(app.screen)))
        assert talk.id in app.starred
        assert restyled == []
