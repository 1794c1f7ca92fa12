"""The search dialog's help line says the same from the first key to the last: the hint that
a one-letter query does not search yet is on the status line, which changes anyway as the
first results come (their count), so the keystroke that brings them redraws one line
less."""

from __future__ import annotations

from textual.widgets import Static

from companion.ui.app import CompanionApp
from tests.driving import SIZE, AppFactory, drawn_lines

HELP = "Enter opens · ↑↓ move · Ctrl+S star · Esc closes"
HINT = "Keep typing: search starts at two letters"


def line_of(app: CompanionApp, selector: str) -> str:
    return " ".join(drawn_lines(app.screen.query_one(selector, Static))).strip()


async def test_the_hint_is_on_the_status_line_and_the_help_never_changes(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        seen = []
        for key, status in [
            ("x", HINT),
            ("t", ""),  # found, all of it shown: nothing more to say
            ("backspace", HINT),
            ("backspace", ""),  # nothing typed: no hint yet
            ("space", ""),  # nor for a space
            ("q", HINT),
            ("z", 'No talk or person matches "qz"'),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert line_of(app, "#search-status") == status, key
            seen.append(line_of(app, "#search-help"))
        assert set(seen) == {HELP}
