"""The schedule's scrollbar is drawn from kept cells (`ThumbLines`) instead of by Rich: what
it shows must be what Textual's own scrollbar renderer shows, segment for segment (styles
and the mouse actions they carry), wherever the thumb goes and in whatever style the bar is
in (themes, the pointer over it, a grab)."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar, ScrollBarRender

from companion.ui.widgets.thumb_lines import ThumbLines
from tests.driving import AppFactory
from tests.test_schedule_paging_paths import SHORT, page, table_of
from tests.test_schedule_scrollbar import KEYS, ROW_BY_ROW, bar_drawn, bar_drawn_whole


def drawn_by_textual(bar: ScrollBar) -> list[list[Segment]]:
    """The bar drawn whole by Textual's renderer, the table's put back after."""
    bar.renderer = ScrollBarRender  # type: ignore[misc]  # per bar, as Textual documents
    try:
        return bar_drawn_whole(bar)
    finally:
        bar.renderer = ThumbLines  # type: ignore[misc]
        bar.refresh()


def assert_drawn_as_textual_would(bar: ScrollBar) -> None:
    assert bar.renderer is ThumbLines
    assert bar_drawn(bar) == drawn_by_textual(bar)


async def paged_through(pilot: Pilot[None], bar: ScrollBar, keys: list[str]) -> set[str]:
    """Each key's bar checked against Textual's; the looks the bar took."""
    looks = set()
    for key in keys:
        await page(pilot, key, 1)
        assert_drawn_as_textual_would(bar)
        looks.add(repr(bar_drawn(bar)))
    return looks


@pytest.mark.parametrize("keys", [KEYS, ROW_BY_ROW], ids=["paging", "row-by-row"])
async def test_the_thumb_is_drawn_as_textual_draws_it_wherever_it_goes(
    make_app: AppFactory, keys: list[str]
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        bar = table_of(app).vertical_scrollbar
        await pilot.pause()
        assert_drawn_as_textual_would(bar)
        assert len(await paged_through(pilot, bar, keys)) >= 6  # parts of a cell too


@pytest.mark.parametrize("theme", ["textual-light", "nord", "dracula"])
async def test_a_theme_changes_the_bar_as_it_changes_textuals(
    make_app: AppFactory, theme: str
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        bar = table_of(app).vertical_scrollbar
        await page(pilot, "pagedown", 2)
        before = bar_drawn(bar)
        app.theme = theme
        await pilot.pause()
        assert bar_drawn(bar) != before
        assert_drawn_as_textual_would(bar)
        await paged_through(pilot, bar, ["pagedown", "pageup", "end"])


async def test_the_bar_under_the_pointer_and_grabbed_is_drawn_as_textual_draws_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        bar = table_of(app).vertical_scrollbar
        await page(pilot, "pagedown", 3)
        plain = bar_drawn(bar)
        bar.mouse_over = True
        await pilot.pause()
        hovered = bar_drawn(bar)
        assert hovered != plain
        assert_drawn_as_textual_would(bar)
        bar.grabbed = Offset(0, 1)
        await pilot.pause()
        assert bar_drawn(bar) not in (plain, hovered)
        assert_drawn_as_textual_would(bar)
        bar.grabbed = None
        bar.mouse_over = False
        await pilot.pause()
        assert bar_drawn(bar) == plain


async def test_a_resized_bar_is_drawn_as_textual_draws_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        bar = table_of(app).vertical_scrollbar
        await page(pilot, "pagedown", 3)
        await pilot.resize_terminal(SHORT[0], SHORT[1] + 7)
        await pilot.pause()
        assert_drawn_as_textual_would(bar)
        await paged_through(pilot, bar, ["pagedown", "pagedown"])
