"""A result list says whether its rows overflow as it is given them, so its scrollbar is
drawn in the same frame as the rows (Textual found out while laying the screen out for the
frame, and drew the scrollbar only in the next one, 30-40 ms later)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from companion.ui.widgets.result_list import ResultList, ResultRow


class OneList(App[None]):
    CSS = "ResultList { height: 6; border: none; }"  # 6 lines, no border: 6 rows show

    def compose(self) -> ComposeResult:
        yield ResultList(id="results")


def rows(count: int) -> list[ResultRow]:
    return [ResultRow(f"talk:{n}", (Content(f"Talk {n}"),), n) for n in range(count)]


async def test_the_scrollbar_is_known_with_the_rows_not_a_layout_later() -> None:
    app = OneList()
    async with app.run_test(size=(40, 10)) as pilot:
        results = app.query_one(ResultList)
        results.show(rows(3))
        await pilot.pause()
        assert not results.show_vertical_scrollbar
        results.show(rows(30))
        assert results.show_vertical_scrollbar  # before any layout
        await pilot.pause()
        assert results.show_vertical_scrollbar
        results.show(rows(6))  # exactly the height: no scrollbar
        assert not results.show_vertical_scrollbar
        await pilot.pause()
        assert not results.show_vertical_scrollbar
