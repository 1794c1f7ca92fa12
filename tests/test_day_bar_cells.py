"""The day bar counts terminal cells, not characters: labels with wide characters (CJK,
two cells each) or combining accents (none) keep the labels on their line and the bar's
highlight under the chosen day, scrolled or not."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult

from companion.ui.widgets.day_bar import DayBar
from tests.driving import drawn_lines

WIDE = ["土 02 2月", "日 03 2月", "月 04 2月", "火 05 2月", "水 06 2月"]
DAYS = ["Sa\u0301b", "Do\u0301m", "Lu\u0301n", "Ma\u0301r", "Mie\u0301"]  # accents combined
ACCENTED = [f"{day} 0{n}" for n, day in enumerate(DAYS, 2)]
WIDTH = 30


class Days(App[None]):
    def __init__(self, labels: list[str], chosen: int) -> None:
        super().__init__()
        self.labels, self.chosen = labels, chosen

    def compose(self) -> ComposeResult:
        bar = DayBar(self.labels)
        bar.chosen = self.chosen
        yield bar


@pytest.mark.parametrize(
    ("labels", "chosen"),
    [(WIDE, 0), (WIDE, 2), (WIDE, 4), (ACCENTED, 0), (ACCENTED, 2), (ACCENTED, 4)],
    ids=[
        "wide-first",
        "wide-scrolled",
        "wide-last",
        "accented-first",
        "accented-scrolled",
        "accented-last",
    ],
)
async def test_the_chosen_days_label_is_drawn_over_its_highlight(
    labels: list[str], chosen: int
) -> None:
    app = Days(labels, chosen)
    async with app.run_test(size=(WIDTH, 4)):
        names, bar = drawn_lines(app.query_one(DayBar))
    assert set(bar) <= set("━╸╺")  # the bar is on its own line, labels on theirs
    assert cell_len(names) == cell_len(bar) == WIDTH
    label = labels[chosen]
    start = bar.index("╸") + 1 if "╸" in bar else 1  # the first day: from the left edge
    end = bar.find("╺") if "╺" in bar else WIDTH
    assert cell_len(names[: names.index(label)]) == start
    assert end - start == cell_len(label)
