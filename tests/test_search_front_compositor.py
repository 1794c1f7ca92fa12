"""The search dialog's compositor (`FrontCompositor`) draws, for the parts of the screen a
keystroke changes, only the widgets in front there: the screen, the dialog's box and the
list's inset behind the new results, and the help line that did not change, draw nothing.
What it sends to the terminal is what Textual's own compositor sends, byte for byte."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from textual._compositor import Compositor
from textual._context import visible_screen_stack
from textual.geometry import Region
from textual.widget import Widget

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.front_compositor import FrontCompositor
from companion.ui.widgets.result_list import ResultList
from tests.driving import SIZE, AppFactory, settled
from tests.test_talk_drawn_once import counting

BEHIND = ["SearchScreen", "#search-dialog", "#search-results-box", "#search-help"]


def widget(app: CompanionApp, selector: str) -> Widget:
    return app.screen if selector == "SearchScreen" else app.screen.query_one(selector)


async def test_a_keystroke_draws_the_results_not_what_is_behind_them(
    make_app: AppFactory, generated: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "n")
        await settled(pilot)
        draws: dict[str, list[Region]] = {}
        for selector in [*BEHIND, "#search-results", "#search-status"]:
            drawn, draws[selector] = widget(app, selector), []
            drawing = counting(draws[selector], drawn.render_lines)
            monkeypatch.setattr(drawn, "render_lines", drawing)
        await pilot.press("g")  # the first results, and their count on the status line
        await settled(pilot)
        assert app.screen.query_one("#search-results", ResultList).row_count
        assert draws["#search-results"] and draws["#search-status"]
        assert not any(draws[selector] for selector in BEHIND), draws


def sent(compositor: Compositor, app: CompanionApp, widgets: Iterable[Widget]) -> str:
    """What `compositor` sends to the terminal when `widgets` are drawn again: the screens
    under the dialog given to it as Textual gives them (its screen's background draws
    the one under it, taken from that list, so each side has a list of its own)."""
    compositor.reflow(app.screen, app.screen.size)
    for drawn in widgets:
        drawn.refresh()
    compositor.update_widgets(set(widgets))
    visible_screen_stack.set(app.screen_stack[:-1])
    update = compositor.render_partial_update()
    assert update is not None
    return update.render_segments(app.console)


async def test_what_is_sent_is_what_textuals_compositor_sends(
    make_app: AppFactory, generated: Program
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        for keys in [[], ["n"], ["g"], ["a"], ["space", "v", "u"], ["backspace"] * 3, [*"xqz"]]:
            await pilot.press(*keys)
            await settled(pilot)
            results = app.screen.query_one("#search-results", ResultList)
            parts = [widget(app, selector) for selector in BEHIND]
            parts += [
                app.screen.query_one(selector)
                for selector in ["#search-input", "#search-results", "#search-status"]
            ]
            parts.append(results.vertical_scrollbar)
            for widgets in [
                *([part] for part in parts),
                parts[-4:],  # what a keystroke draws again
                parts[2:],  # and its inset, as the focus moves to the list
                parts,
            ]:
                ours = sent(FrontCompositor(), app, widgets)
                assert ours == sent(Compositor(), app, widgets), (keys, widgets)
