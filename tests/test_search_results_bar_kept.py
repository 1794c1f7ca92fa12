"""The search results' scrollbar is a `KeptLinesBar`: its lines go to the screen as they are
drawn from kept cells, not through Textual's styles cache. It must be the bar the screen
shows (Textual takes a widget's bar from where `kept_vertical_bar` puts it), and what it
draws must be what Textual's own scrollbar draws in the same state, segment for segment:
any thumb, any height, under the pointer, grabbed, in other themes and without colours."""

from __future__ import annotations

import itertools

import pytest
from rich.segment import Segment
from textual.geometry import Offset, Region
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar, ScrollBarRender

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.kept_bar import KeptLinesBar
from companion.ui.widgets.result_list import ResultList
from companion.ui.widgets.thumb_lines import ThumbLines
from tests.driving import SIZE, AppFactory, settled

Lines = list[list[Segment]]


def whole(bar: ScrollBar) -> Region:
    width, height = bar.outer_size
    return Region(0, 0, width, height)


def drawn(bar: ScrollBar) -> Lines:
    return [list(strip) for strip in bar.render_lines(whole(bar))]


def drawn_by_textual(bar: ScrollBar) -> Lines:
    """The bar in its state as Textual's own ScrollBar draws it: its Rich renderer, each line
    through the widget's styles cache."""
    bar.renderer = ScrollBarRender  # type: ignore[misc]  # per bar, as Textual documents
    bar.refresh()
    try:
        return [list(strip) for strip in ScrollBar.render_lines(bar, whole(bar))]
    finally:
        bar.renderer = ThumbLines  # type: ignore[misc]
        bar.refresh()


async def searched(pilot: Pilot[None], query: str) -> ScrollBar:
    await pilot.press("slash", *query)
    await settled(pilot)
    return pilot.app.screen.query_one("#search-results", ResultList).vertical_scrollbar


def thumbs_as_textual_draws_them(bar: ScrollBar) -> set[str]:
    """Thumbs of many sizes and places, each checked against Textual's; the looks drawn."""
    looks = set()
    height = bar.size.height
    for lines, window in itertools.product(
        (0, 1, height - 1, height, height + 1, 2 * height + 3, 61, 333), (0, height - 2, height)
    ):
        last = 8 * max(1, lines - window)  # the thumb at the end, in eighths of a line
        for eighth in {*range(9), last // 3, last // 2, max(0, last - 9), last - 1, last}:
            bar.window_virtual_size = lines
            bar.window_size = window
            bar.position = eighth / 8
            assert drawn(bar) == drawn_by_textual(bar), (lines, window, eighth)
            looks.add(repr(drawn(bar)))
    return looks


async def test_the_results_bar_shown_is_the_kept_lines_bar(
    make_app: AppFactory, generated: Program
) -> None:
    """Fails if Textual stops taking the bar `kept_vertical_bar` set (it would then make and
    show a ScrollBar of its own)."""
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        bar = await searched(pilot, "ng")
        results = app.screen.query_one("#search-results", ResultList)
        assert results.show_vertical_scrollbar and isinstance(bar, KeptLinesBar)
        right = results.region.right - 1
        for y in range(results.region.y, results.region.bottom):
            shown, _ = app.screen.get_widget_at(right, y)
            assert shown is bar
        assert len({repr(line) for line in drawn(bar)}) >= 2  # a thumb on a track


@pytest.mark.parametrize("height", [SIZE[1], 31, 47])
async def test_the_kept_lines_are_textuals_for_any_thumb(
    make_app: AppFactory, generated: Program, height: int
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=(SIZE[0], height)) as pilot:
        bar = await searched(pilot, "ng")
        assert len(thumbs_as_textual_draws_them(bar)) >= 40


async def looks_in_each_state(app: CompanionApp, pilot: Pilot[None]) -> set[str]:
    bar = await searched(pilot, "ng")
    looks = thumbs_as_textual_draws_them(bar)
    bar.mouse_over = True
    looks |= thumbs_as_textual_draws_them(bar)
    bar.grabbed = Offset(0, 1)
    looks |= thumbs_as_textual_draws_them(bar)
    bar.grabbed = None
    bar.mouse_over = False
    app.theme = "textual-light"
    await pilot.pause()
    return looks | thumbs_as_textual_draws_them(bar)


async def test_the_kept_lines_are_textuals_hovered_grabbed_and_themed(
    make_app: AppFactory, generated: Program
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        plain_looks = await looks_in_each_state(app, pilot)
    assert len(plain_looks) >= 4 * 40  # each state draws its own bars


async def test_the_kept_lines_are_textuals_without_colours(
    make_app: AppFactory, generated: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    assert app.no_color
    async with app.run_test(size=SIZE) as pilot:
        assert len(await looks_in_each_state(app, pilot)) >= 40
