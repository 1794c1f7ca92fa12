"""KeptText draws a new text anew even when it reads the same as the last one (Textual's
Content compares its words only, not their styles or links), and shows a plain string as
it is written, never as markup."""

from __future__ import annotations

from rich.style import Style
from textual.content import Content

from companion.ui.widgets.kept_text import KeptText
from tests.test_kept_text import SideBySide, drawn, show


async def test_the_same_words_in_other_styles_are_drawn_in_those_styles() -> None:
    plain = Content("Title subtitle")
    styled = Content.assemble("Title ", ("subtitle", "italic"))
    app = SideBySide()
    async with app.run_test(size=(100, 20)) as pilot:
        await show(pilot, plain, 40)
        static, kept = await show(pilot, styled, 40)
        assert drawn(kept) == drawn(static)
        styles = [style for line in drawn(kept) for _, style in line]
        assert any(isinstance(style, Style) and style.italic for style in styles)


async def test_a_string_is_shown_as_written() -> None:
    app = SideBySide()
    async with app.run_test(size=(100, 20)) as pilot:
        kept = app.query_one("#kept", KeptText)
        kept.update("[bold]not bold[/bold] [@click=app.quit]x[/]")
        await pilot.pause()
        text = "".join(part for line in drawn(kept) for part, _ in line)
        assert "[bold]not bold[/bold] [@click=app.quit]x[/]" in text
