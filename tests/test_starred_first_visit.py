"""Starred's first visit opens on what comes next, the now-line at the top of the list and
the row after it just under, at every size: the list's lines were measured before its
scrollbar came, and the rows then wrapped anew in the narrower width, moving the row the
list had been scrolled to down by a line or more (1-5 lines short at 80x24 and 60x20)."""

from __future__ import annotations

import re

import pytest

from companion.program import Program
from companion.ui.widgets.starred_options import StarredList
from tests.driving import AppFactory, drawn_lines, screen_lines, until

ROW_START = re.compile(r"^ \d\d:\d\d–\d\d:\d\d ")  # a row's first line: when, then the title
SIZES = [(60, 20), (70, 22), (80, 24), (90, 28), (100, 30), (120, 40)]


@pytest.mark.parametrize("stars", [20, 24])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_first_visit_opens_with_the_now_line_at_the_top(
    make_app: AppFactory, generated: Program, size: tuple[int, int], stars: int
) -> None:
    talks = generated.talks[:: len(generated.talks) // stars][:stars]
    now = talks[stars // 3].start  # what comes next fills more than the list's height
    app = make_app(now.isoformat(), on=generated)
    async with app.run_test(size=size) as pilot:
        for talk in talks:
            app.toggle_star(talk.id)
        await pilot.press("3")
        await until(pilot, lambda: "── now" in " ".join(screen_lines(app.screen)))
        listing = app.screen.query_one(StarredList)
        await until(pilot, lambda: listing.show_vertical_scrollbar)
        for _ in range(3):  # whatever the frames that came with the scrollbar left to do
            await pilot.pause()
        top = drawn_lines(listing)[:2]
        assert "── now" in top[0]
        assert ROW_START.match(top[1]), top
