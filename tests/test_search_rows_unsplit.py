"""A search row is made as its lines: drawing a query's new rows splits no Content (that
split was two thirds of drawing a new row, and a query's second letter draws a dozen)."""

from __future__ import annotations

import pytest
from textual.content import Content

from companion.program import Program
from tests.driving import SIZE, AppFactory, flat, screen_lines


async def test_new_rows_are_drawn_without_splitting_content(
    make_app: AppFactory, generated: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "n")
        await pilot.pause()
        split = Content.split
        splits: list[str] = []

        def counted(content: Content, *args: object, **kwargs: bool) -> list[Content]:
            splits.append(content.plain)
            return split(content, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Content, "split", counted)
        await pilot.press("g")
        await pilot.pause()
        found = app.search_index.search("ng", 30)
        drawn = flat(screen_lines(app.screen))
        assert found[0].label[:20] in drawn and found[1].label[:20] in drawn
        assert not [text for text in splits if found[0].label in text]
