"""The search dialog's result list sends its lines to the screen as drawn (a box around it
pads it, so its own styles add nothing to them): what reaches the screen must be what
Textual's own way gives, segment for segment, as the results, the highlight, the hover,
the focus, the theme and the size change."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.plain_lines import has_plain_styles
from companion.ui.widgets.result_list import ResultList
from tests.driving import SIZE, AppFactory, drawn_lines


def results_of(app: CompanionApp) -> ResultList:
    return app.screen.query_one("#search-results", ResultList)


def crops(results: ResultList) -> list[Region]:
    """The whole list (as tests read it), what the screen asks for (its scrollbar left
    out), and a part of it: the lines must agree for each."""
    width, height = results.outer_size
    shown = results.scrollable_content_region.width
    return [Region(0, 0, width, height), Region(0, 0, shown, height), Region(3, 1, 20, 4)]


def as_textual_draws(results: ResultList, crop: Region) -> list[list[Segment]]:
    """The same lines through Textual's styles cache (the method the list overrides)."""
    results.refresh()  # nothing kept from an earlier frame
    return [list(strip) for strip in Widget.render_lines(results, crop)]


def assert_drawn_as_textual_would(results: ResultList) -> None:
    for crop in crops(results):
        drawn = [list(strip) for strip in results.render_lines(crop)]
        assert drawn == as_textual_draws(results, crop), crop


async def searched(pilot: Pilot[None], *keys: str) -> ResultList:
    await pilot.press(*keys)
    await pilot.pause()
    return results_of(pilot.app)  # type: ignore[arg-type]


async def test_the_dialogs_list_adds_nothing_to_its_lines(
    make_app: AppFactory,
    generated: Program,
) -> None:
    """Its inset and focus tint are the box's around it, so its lines skip the styles cache;
    they are still drawn one cell in from the dialog's edge, with the scrollbar and one
    cell of the list's background after them, as an OptionList's padding drew them."""
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        results = await searched(pilot, "slash", "n", "g")
        assert has_plain_styles(results)
        box = app.screen.query_one("#search-results-box")
        assert results.region == box.region.shrink((0, 1, 0, 1))
        label = app.search_index.search("ng", 30)[0].label
        assert drawn_lines(results)[0][2:].startswith(label[:10])  # after "@ " or "· "
        assert all(line == " " * box.outer_size.width for line in drawn_lines(box))


async def test_results_reach_the_screen_as_textual_would_draw_them(
    make_app: AppFactory,
    generated: Program,
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        results = await searched(pilot, "slash", "n", "g")  # the first fill
        assert results.row_count
        assert_drawn_as_textual_would(results)
        results = await searched(pilot, "a")  # rows kept, rows new
        assert_drawn_as_textual_would(results)
        results = await searched(pilot, "down", "down")  # the highlight moved
        assert_drawn_as_textual_would(results)
        results.focus()  # the focused list's tint and highlight
        await pilot.pause()
        assert_drawn_as_textual_would(results)
        results = await searched(pilot, "pagedown")
        assert_drawn_as_textual_would(results)
        await pilot.hover(results, offset=(4, 2))
        await pilot.pause()
        assert_drawn_as_textual_would(results)
        results = await searched(pilot, "ctrl+u", "z", "z", "q", "x")  # nothing found
        assert results.row_count == 0
        assert_drawn_as_textual_would(results)


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
async def test_a_theme_or_size_change_reaches_the_rows_drawn_before(
    make_app: AppFactory,
    generated: Program,
    theme: str,
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        results = await searched(pilot, "slash", "n", "g")
        before = drawn_lines(results)
        app.theme = theme
        await pilot.pause()
        assert drawn_lines(results) == before  # the same rows
        assert_drawn_as_textual_would(results)  # in the new theme's colours
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert_drawn_as_textual_would(results)
        results = await searched(pilot, "backspace")  # rows drawn before, at the new width
        assert_drawn_as_textual_would(results)


async def test_a_list_given_padding_is_drawn_the_textual_way(
    make_app: AppFactory,
    generated: Program,
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        results = await searched(pilot, "slash", "n", "g")
        results.styles.padding = (0, 2)
        await pilot.pause()
        assert not has_plain_styles(results)
        assert drawn_lines(results)[0].startswith("  ")
        assert_drawn_as_textual_would(results)
