"""The footer reads the keys that act once for all the changes one key makes (each read
walks every binding), and still shows what they are after it."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen

from companion.ui.widgets import key_footer
from tests.driving import SIZE, AppFactory, show_talk, until
from tests.test_footer import PALETTE, footer


def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[Screen[Any]]:
    """The screens whose acting keys the footers read from now on, one entry a read."""
    reads: list[Screen[Any]] = []
    original = key_footer.acting_keys

    def acting_keys(screen: Screen[Any]) -> tuple[list[key_footer.ShownKey], Any]:
        reads.append(screen)
        return original(screen)

    monkeypatch.setattr(key_footer, "acting_keys", acting_keys)
    return reads


async def test_changes_signalled_together_are_read_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        reads = counted_reads(monkeypatch)
        screen = pilot.app.screen
        for _ in range(3):
            screen.refresh_bindings()
        await pilot.pause()
        assert reads == [screen]


async def test_the_talk_opened_next_shows_its_own_keys(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 24)) as pilot:
        await show_talk(pilot, "magellan")
        await until(pilot, lambda: "esc Back" in footer(pilot))
        await pilot.press("escape")
        await until(pilot, lambda: "⏎ Open" in footer(pilot))
        await show_talk(pilot, "xtc")
        await until(pilot, lambda: "esc Back" in footer(pilot))
        assert footer(pilot).endswith(PALETTE)


async def test_the_footer_under_a_talk_is_not_read_while_out_of_sight(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        schedule = pilot.app.screen
        reads = counted_reads(monkeypatch)
        await pilot.press("enter")
        await until(pilot, lambda: len(pilot.app.screen_stack) == 2)
        await until(pilot, lambda: "esc Back" in footer(pilot))
        assert schedule not in reads
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is schedule)
        await pilot.pause()
        assert footer(pilot) == (
            f"⏎ Open s Star n Now p Past 1 Schedule 2 Speakers 3 Starred / Search {PALETTE}"
        )
