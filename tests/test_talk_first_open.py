"""The first talk opened costs no more than the next: the talk screen's styles are read at
a quiet moment after start-up (once the search index is built), not under its key."""

from __future__ import annotations

import pytest
from textual.dom import DOMNode

from companion.ui.screens.talk import TalkScreen
from tests.driving import SIZE, AppFactory, drawn_lines, settled, until
from tests.test_screens_kept_styled import on_styling
from tests.test_style_refreshes import counting


async def test_the_first_talk_opened_parses_no_style_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        reparses: list[None] = []
        monkeypatch.setattr(app.stylesheet, "reparse", counting(reparses, app.stylesheet.reparse))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.pause()
        assert reparses == []
        title = app.screen.query_one("#talk-title")
        assert title.styles.text_style.bold  # its own styles apply
        assert any(line.strip() for line in drawn_lines(title))  # and it is drawn


async def test_opening_a_talk_moves_the_focus_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Straight to the authors: Textual focused the scrolling details first, and restyled
    them with all they hold as the focus came and went."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        restyled: list[DOMNode] = []
        on_styling(app, monkeypatch, lambda nodes: restyled.append(nodes[0]))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.pause()
        authors = app.screen.query_one("#talk-authors")
        assert app.screen.focused is authors
        assert app.screen.query_one("#talk-body") not in restyled
