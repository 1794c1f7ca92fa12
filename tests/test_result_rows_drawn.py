"""Search results are drawn by the result list's own short path (`draw_row`), which must draw
exactly what Textual's general one (`Visual.to_strips`) draws for the same rows: the text,
the styles and what a mouse selection reads (each cell's offset)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from companion.ui.widgets.result_list import ResultList, ResultRow, draw_row
from tests.driving import drawn_lines

ROWS = [
    Content.assemble("· Compiling Tensors", ("\n  talk · Sat 10:00–10:30 · Room A", "dim")),
    Content.assemble(
        "★ A title long enough to be cut short in every list narrower than it is, by far",
        ("\n  talk · Sat 10:00–10:30 · Janson", "dim"),
        ("\n  …the words around the one it was found by…", "dim italic"),
    ),
    Content.assemble("@ Ngân Vũ", ("\n  Université de Genève", "dim")),
    Content.assemble("· 東京の講演 with wide letters 東京", ("\n  a\ttab", "dim")),
    Content("· one line"),
]


class OneList(App[None]):
    CSS = "ResultList { height: 8; }"

    def compose(self) -> ComposeResult:
        yield ResultList(id="results")


def segments(strips: list[Strip]) -> list[list[object]]:
    return [list(strip) for strip in strips]


@pytest.mark.parametrize("width", [1, 9, 30, 94])
async def test_a_row_is_drawn_as_textual_draws_its_content(width: int) -> None:
    app = OneList()
    async with app.run_test(size=(100, 12)):
        results = app.query_one(ResultList)
        for component in ("", "result-list--option-highlighted", "result-list--option-hover"):
            style = results.get_visual_style("result-list--option", *filter(None, [component]))
            for content in ROWS:
                textual = [
                    strip.extend_cell_length(width, style.rich_style)
                    for strip in Visual.to_strips(results, content, width, None, style)
                ]
                lines = content.split(allow_blank=True)
                assert segments(draw_row(lines, width, style)) == segments(textual)


async def test_rows_that_fill_the_list_are_cut_beside_its_scrollbar() -> None:
    """The first rows a list is given bring its scrollbar: they are cut with "…" where the
    scrollbar starts, in the same frame, and stay so after the screen is laid out again."""
    app = OneList()
    async with app.run_test(size=(40, 12)) as pilot:
        results = app.query_one(ResultList)
        row_lines = tuple(ROWS[1].split(allow_blank=True))
        results.show([ResultRow(f"talk:{n}", row_lines, n) for n in range(6)])
        await pilot.pause()
        lines = drawn_lines(results)
        assert results.show_vertical_scrollbar
        title = ROWS[1].plain.splitlines()[0]
        width = results.scrollable_content_region.width  # inside the border, padding, scrollbar
        assert lines[1][2 : 2 + width] == title[: width - 1] + "…"  # after border and padding
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert drawn_lines(results) == lines
