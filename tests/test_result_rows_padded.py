"""A row drawn for a list whose lines go to the screen as drawn is padded out to the list's
content width as it is drawn (one strip a line, where padding it after made two more): the
same cells and styles as the row drawn, then padded as Textual's styles cache pads it."""

from __future__ import annotations

import pytest
from rich.style import Style as RichStyle

from companion.ui.widgets.plain_lines import Padding
from companion.ui.widgets.result_list import ResultList, draw_row
from tests.test_result_rows_drawn import ROWS, OneList, segments

UNDER_BAR = RichStyle(bgcolor="#223344")


@pytest.mark.parametrize("width", [1, 9, 30, 94])
async def test_a_row_padded_as_drawn_is_the_row_then_its_padding(width: int) -> None:
    app = OneList()
    async with app.run_test(size=(100, 12)):
        style = app.query_one(ResultList).get_visual_style("result-list--option")
        for content in ROWS:
            lines = content.split(allow_blank=True)
            for extra in (0, 1, 2):
                out_to = Padding(width + extra, UNDER_BAR)
                padded = draw_row(lines, width, style, out_to)
                expected = [
                    strip.adjust_cell_length(width + extra, UNDER_BAR)
                    for strip in draw_row(lines, width, style)
                ]
                assert segments(padded) == segments(expected)
                assert {strip.cell_length for strip in padded} == {width + extra}
