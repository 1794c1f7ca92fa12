"""The search dialog opens with the geometry its results need: the first results typed
(a scrollbar and a status line with them) move and resize nothing on it, so that keystroke
costs no layout of the whole dialog and draws its rows at the width they keep."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from companion.present.search import capped
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.result_list import ResultList
from tests.driving import SIZE, AppFactory, drawn_lines, flat, screen_lines


def geometry(app: CompanionApp) -> tuple[Region, ...]:
    results = app.screen.query_one("#search-results", ResultList)
    return (
        results.region,
        results.scrollable_content_region,
        app.screen.query_one("#search-status", Static).region,
        app.screen.query_one("#search-help", Static).region,
    )


async def test_the_first_results_move_nothing_on_the_dialog(
    make_app: AppFactory,
    generated: Program,
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "n")
        await pilot.pause()
        empty = geometry(app)
        await pilot.press("g")
        await pilot.pause()
        found = app.search_index.search("ng", 30)
        assert found.capped  # the status line has something to say, and the rows overflow
        status = app.screen.query_one("#search-status", Static)
        assert " ".join(drawn_lines(status)).strip() == capped(len(found), found.total)
        assert found[0].label[:20] in flat(screen_lines(app.screen))
        assert geometry(app) == empty
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert app.screen.query_one("#search-results", ResultList).row_count == 0
        assert geometry(app) == empty
