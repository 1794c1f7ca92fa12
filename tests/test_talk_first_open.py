"""The first talk opened costs no more than the next: the talk screen's styles are read at
a quiet moment after start-up (once the search index is built), not under its key."""

from __future__ import annotations

import pytest

from companion.ui.app import CompanionApp
from companion.ui.screens.talk import TalkScreen
from tests.driving import SIZE, AppFactory, drawn_lines, until


def talk_styles_read(app: CompanionApp) -> bool:
    return any(path.endswith("talk.tcss") for path, _ in app.stylesheet.source)


async def test_the_first_talk_opened_parses_no_style_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: talk_styles_read(app))
        reparses: list[None] = []
        original = app.stylesheet.reparse

        def reparse() -> None:
            reparses.append(None)
            original()

        monkeypatch.setattr(app.stylesheet, "reparse", reparse)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.pause()
        assert reparses == []
        title = app.screen.query_one("#talk-title")
        assert title.styles.text_style.bold  # its own styles apply
        assert drawn_lines(title)[1].strip()
