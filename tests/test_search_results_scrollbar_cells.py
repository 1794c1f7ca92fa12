"""The search results' scrollbar, whose thumb appears with a query's first results, is drawn
from kept cells (`ThumbLines`): it shows what Textual's own renderer shows, segment for
segment, as the list fills, scrolls and empties again."""

from __future__ import annotations

from textual.pilot import Pilot

from companion.program import Program
from companion.ui.widgets.result_list import ResultList
from tests.driving import SIZE, AppFactory
from tests.test_schedule_thumb_lines import assert_drawn_as_textual_would


async def typed(pilot: Pilot[None], keys: list[str]) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_the_results_scrollbar_is_drawn_as_textual_draws_it(
    make_app: AppFactory,
    generated: Program,
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        await typed(pilot, ["slash"])
        results = app.screen.query_one("#search-results", ResultList)
        bar = results.vertical_scrollbar
        assert_drawn_as_textual_would(bar)  # no results: the track alone
        thumbs = set()
        for keys in (["n"], ["g"], ["tab", "pagedown"], ["end"], ["ctrl+u"], ["c", "o"]):
            await typed(pilot, keys)
            assert_drawn_as_textual_would(bar)
            thumbs.add(round(results.scroll_y))
        assert len(thumbs) >= 3  # the thumb drawn at the top, further down and at the end
