"""Hanging lines draw exactly what Textual draws for the same rows joined into one text
(segment for segment, style for style, the mouse's offsets too), for labels, accents,
wide characters, long words, blank lines, tabs, a selection and a line padding, at widths
wide and narrow: they are wrapped once, and not wrapped again by Textual to be drawn."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Static

from companion.ui.content import hyperlink, labelled, stacked
from companion.ui.hanging import Hanging, Indented
from tests.test_kept_text import TEXTS, drawn

WIDTHS = [3, 13, 24, 25, 80]  # 24 and 25 either side of a label's hanging indent


def hangings() -> list[Hanging]:
    """Every text alone, as a talk's facts and sections, and under a bullet and a tab."""
    alone = [stacked([text]) for text in TEXTS]
    facts = [
        stacked(
            [
                labelled("Time", "Mon 10:00–10:30 (Europe/Brussels)", 13),
                labelled("Links", hyperlink("paper", "https://example.org/p"), 13),
                labelled("Room", text, 13),
                "",
                Content.styled("Abstract", "bold"),
                text,
                "   " + text,
            ]
        )
        for text in TEXTS
    ]
    prefixed = [
        Hanging(
            [
                Indented(Content.styled("· ", "bold"), Content(text)),
                Indented(Content("\tkey "), Content.styled(text, "italic")),
            ]
        )
        for text in TEXTS[1:]
    ]
    return [Hanging([]), *alone, *facts, *prefixed]


def joined(hanging: Hanging, width: int) -> Content:
    """The rows the lines wrap to at `width` cells, joined for Textual to draw."""
    return Content("\n").join(row for line in hanging.lines for row in line.wrapped(width))


class Pairs(App[None]):
    """Each Hanging beside its rows joined, plain, with a line padding, and aligned right."""

    CSS = """
    .padded { line-pad: 1; }
    .right { text-align: right; }
    .nowrap { text-wrap: nowrap; }
    """

    def __init__(self, shown: list[Hanging], width: int) -> None:
        super().__init__()
        self.shown = shown
        self.width = width

    def compose(self) -> ComposeResult:
        for classes, pad in (("", 0), ("padded", 1), ("right", 0), ("nowrap", 0)):
            inner = self.width - 2 * pad
            for hanging in self.shown:
                yield Static(hanging, classes=f"hanging {classes}")
                yield Static(joined(hanging, inner), classes=f"joined {classes}")

    def on_mount(self) -> None:
        for widget in self.query(Static):
            widget.styles.width = self.width


@pytest.mark.parametrize("width", WIDTHS)  # one app a width: each mounts hundreds of texts
async def test_hanging_lines_draw_what_their_rows_joined_draw(width: int) -> None:
    app = Pairs(hangings(), width)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        pairs = zip(app.query(".hanging"), app.query(".joined"), strict=True)
        for hanging, plain in pairs:
            what = (width, hanging.classes, str(hanging.render())[:40])
            assert hanging.outer_size == plain.outer_size, what
            assert drawn(hanging) == drawn(plain), what


async def test_a_selection_in_hanging_lines_is_drawn_as_in_their_rows_joined() -> None:
    shown = hangings()[len(TEXTS) + 1 : len(TEXTS) + 5]
    app = Pairs(shown, 25)
    async with app.run_test(size=(100, 40)) as pilot:
        pairs = list(zip(app.query(".hanging"), app.query(".joined"), strict=True))
        unselected = [drawn(hanging) for hanging, _ in pairs]
        selection = Selection(Offset(3, 1), Offset(7, 4))
        app.screen.selections = {widget: selection for pair in pairs for widget in pair}
        await pilot.pause()
        for (hanging, plain), before in zip(pairs, unselected, strict=True):
            assert drawn(hanging) != before  # the selection is drawn
            assert drawn(hanging) == drawn(plain), str(hanging.render())[:40]
