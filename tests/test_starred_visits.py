"""A visit to Starred that finds everything as it was left repaints no row of the list:
focusing the focused list and scrolling to the next talk and back repainted all of them
on every switch to it."""

from __future__ import annotations

from typing import Any

import pytest
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from companion.program import Program
from companion.ui.hanging import Hanging
from companion.ui.widgets.talk_options import TalkList
from tests.driving import (
    SIZE,
    AppFactory,
    every_talk_starred,
    flat,
    screen_lines,
    settled,
    until,
)


async def test_starred_shown_again_as_it_was_repaints_no_row(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app("2026-02-01T16:10")  # a now-line among the stars, the cursor after it
    async with app.run_test(size=SIZE) as pilot:
        await every_talk_starred(pilot, program)
        await pilot.press("1", "3")
        await pilot.pause()
        listing = app.screen.query_one(TalkList)
        drawn = screen_lines(app.screen)
        painted: list[int] = []
        original = listing.render_line

        def render_line(y: int) -> Strip:
            painted.append(y)
            return original(y)

        monkeypatch.setattr(listing, "render_line", render_line)
        await pilot.press("1", "3")
        await pilot.pause()
        assert screen_lines(app.screen) == drawn
        assert painted == []
        await pilot.press("down")  # a row that does change is painted still
        await pilot.pause()
        assert painted


async def test_a_visit_after_the_cursor_moved_opens_on_what_comes_next_again(
    make_app: AppFactory, program: Program
) -> None:
    app = make_app("2026-02-01T11:00")  # the first talk after now at the top, more below
    async with app.run_test(size=SIZE) as pilot:
        await every_talk_starred(pilot, program)
        await pilot.press("down", "1", "3", "enter")  # the cursor moved without scrolling
        await until(pilot, lambda: "Library Liberation" in flat(screen_lines(app.screen)))
        assert "Enabling Compiler-Driven" not in flat(screen_lines(app.screen))


@pytest.mark.parametrize("change", ["a star removed at the top", "a star added in the middle"])
async def test_a_visit_after_a_star_draws_the_list_once_and_only_new_rows_anew(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Rows listed again keep the lines they drew, wherever they are listed now; the list
    is drawn once, with the cursor where the visit puts it (it was drawn where the cursor
    had been, then again)."""
    app = make_app("2026-02-01T16:10")  # a now-line among the stars, the cursor after it
    async with app.run_test(size=SIZE) as pilot:
        await every_talk_starred(pilot, program)
        middle = program.talks[5].id
        if change == "a star added in the middle":
            app.toggle_star(middle)
            await pilot.press("1", "3")
            await pilot.pause()
        listing = app.screen.query_one(TalkList)
        await pilot.press("1")
        app.toggle_star(program.talks[0].id if change == "a star removed at the top" else middle)
        await pilot.pause()
        painted: list[int] = []
        drawn_anew: list[str] = []
        original, draw = listing.render_line, Hanging.render_strips

        def render_line(y: int) -> Strip:
            painted.append(y)
            return original(y)

        def render_strips(visual: Hanging, *args: Any) -> list[Strip]:
            drawn_anew.append(str(visual))
            return draw(visual, *args)

        monkeypatch.setattr(listing, "render_line", render_line)
        monkeypatch.setattr(Hanging, "render_strips", render_strips)
        await pilot.press("3")
        await pilot.pause()
        assert sorted(painted) == list(range(listing.size.height))
        assert len(drawn_anew) <= 2


async def test_a_visit_after_a_star_lays_nothing_out(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary's new count and the list's new length change nothing's size: a layout
    of the screen would draw it whole again, in a frame of its own."""
    app = make_app("2026-02-01T16:10")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await every_talk_starred(pilot, program)
        await pilot.press("1")
        app.toggle_star(program.talks[5].id)
        await pilot.pause()
        laid_out: list[str] = []
        refresh = Widget.refresh

        def recorded(widget: Widget, *regions: Region, **how: bool) -> Widget:
            if how.get("layout"):
                laid_out.append(type(widget).__name__)
            return refresh(widget, *regions, **how)

        monkeypatch.setattr(Widget, "refresh", recorded)
        await pilot.press("3")
        await pilot.pause()
        assert "9 starred talks" in flat(screen_lines(app.screen))
        assert laid_out == []


async def test_with_nothing_starred_a_visit_lists_nothing_anew(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty list counted as one never listed: every visit read the whole program for
    the day's stars (1-2 ms at 10,000 talks) and emptied the list again."""
    app = make_app("2026-02-01T16:10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: "Press s on a talk" in flat(screen_lines(app.screen)))
        listing = app.screen.query_one(TalkList)
        drawn = screen_lines(app.screen)
        listed: list[object] = []
        original = listing.replace

        def replace(*options: Any) -> None:
            listed.append(options)
            original(*options)

        monkeypatch.setattr(listing, "replace", replace)
        for _ in range(2):
            await pilot.press("1", "3")
            await pilot.pause()
        assert screen_lines(app.screen) == drawn
        assert listed == []
