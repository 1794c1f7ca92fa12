"""The lists' scrollbars (Speakers, Starred) are drawn from kept cells too (`ThumbLines`):
what they show must be what Textual's own renderer shows, segment for segment, wherever
the list is scrolled to."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.scrollbar import ScrollBar
from textual.widgets import OptionList

from companion.program import Program
from tests.driving import AppFactory, every_talk_starred, until
from tests.test_schedule_paging_paths import SHORT, page
from tests.test_schedule_thumb_lines import assert_drawn_as_textual_would

KEYS = ["pagedown", "pagedown", "down", "end", "pageup", "up", "home"]


async def paged_through(pilot: Pilot[None], listing: OptionList) -> set[int]:
    """Each key's bar checked against Textual's; where the list was scrolled to."""
    bar: ScrollBar = listing.vertical_scrollbar
    assert_drawn_as_textual_would(bar)
    scrolled = set()
    for key in KEYS:
        await page(pilot, key, 1)
        assert_drawn_as_textual_would(bar)
        scrolled.add(round(listing.scroll_y))
    return scrolled


async def test_the_speakers_scrollbar_is_drawn_as_textual_draws_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: bool(app.screen.query("#speaker-list")))
        listing = app.screen.query_one("#speaker-list", OptionList)
        listing.focus()
        await until(pilot, lambda: listing.show_vertical_scrollbar)
        assert len(await paged_through(pilot, listing)) >= 3


async def test_the_starred_scrollbar_is_drawn_as_textual_draws_it(
    make_app: AppFactory, program: Program
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        await every_talk_starred(pilot, program)
        listing = app.screen.query_one(OptionList)
        listing.focus()
        await until(pilot, lambda: listing.show_vertical_scrollbar)
        assert len(await paged_through(pilot, listing)) >= 3
