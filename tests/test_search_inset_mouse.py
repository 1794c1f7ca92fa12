"""The column either side of the search results (the inset a box around the list draws)
acts as the list under the mouse, as the list's own padding did: a press there gives the
list the focus, and the wheel there scrolls it."""

from __future__ import annotations

from textual import events
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.result_list import ResultList
from tests.driving import SIZE, AppFactory, until


def inset_cell(app: CompanionApp, row: int) -> Offset:
    """A screen cell of the inset left of the results, on the list's `row`th line."""
    results = app.screen.query_one("#search-results", ResultList)
    return Offset(results.region.x - 1, results.region.y + row)


def focused(app: CompanionApp) -> Widget | None:
    return app.focused  # read anew: not the type an assert before narrowed it to


async def searched(pilot: Pilot[None], query: str) -> ResultList:
    app = pilot.app
    await pilot.press("slash", *query)
    await until(pilot, lambda: app.screen.query_one("#search-results", ResultList).row_count > 0)
    return app.screen.query_one("#search-results", ResultList)


async def test_a_press_on_the_inset_focuses_the_results(
    make_app: AppFactory,
    generated: Program,
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        results = await searched(pilot, "ng")
        assert isinstance(app.focused, Input)
        cell = inset_cell(app, 2)
        assert app.get_widget_at(*cell)[0] is not results  # the box's, not the list's
        await pilot.click(offset=cell)
        assert focused(app) is results


async def test_the_wheel_over_the_inset_scrolls_the_results(
    make_app: AppFactory,
    generated: Program,
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        results = await searched(pilot, "ng")
        assert results.max_scroll_y > 0 and results.scroll_y == 0
        x, y = inset_cell(app, 1)

        def wheel(kind: type[events.MouseScrollDown | events.MouseScrollUp]) -> None:
            app.post_message(kind(None, x, y, 0, 1, 0, False, False, False, x, y))

        wheel(events.MouseScrollDown)
        await until(pilot, lambda: results.scroll_y > 0)
        down = results.scroll_y
        wheel(events.MouseScrollUp)
        await until(pilot, lambda: results.scroll_y < down)
        assert results.scroll_y == 0
