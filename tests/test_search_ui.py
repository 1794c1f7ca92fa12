"""One search everywhere: the search dialog, the Speakers filter and the command palette
find the same things in the same order (how the index ranks is tested in test_search.py)."""

from __future__ import annotations

from textual.widgets import Input

from companion.search import HitKind
from tests.driving import SIZE, AppFactory, first_command, options_of, search, until


async def test_the_dialog_the_speakers_filter_and_the_palette_find_alike(
    make_app: AppFactory,
) -> None:
    query = "grosman"  # a typo, which only the index forgives
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        index = app.search_index
        everything = [f"{hit.kind}:{hit.id}" for hit in index.search(query)]
        people = [hit.id for hit in index.search(query, limit=None, kind=HitKind.PERSON)]
        assert people == ["aiden-grossman"]
        assert await search(pilot, query) == everything

        await pilot.press("escape", "2")  # the filter has the focus
        app.screen.query_one("#speaker-filter", Input).value = query  # as if typed at once
        await pilot.pause()
        assert options_of(app, "#speaker-list") == people
        assert app.screen.sub_title == f"1 of {len(app.program.people)} people"

        await pilot.press("escape", "ctrl+p")
        app.screen.query_one(Input).value = query
        await until(pilot, lambda: first_command(app).startswith("Person: Aiden Grossman"))


async def test_the_speakers_filter_waits_for_two_letters(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")  # typed into the filter, which has the focus
        assert len(options_of(app, "#speaker-list")) == len(app.program.people)
        assert "keep typing" in str(app.screen.sub_title)
        await pilot.press("o")
        found = options_of(app, "#speaker-list")
        assert "markus-bock" in found and len(found) < len(app.program.people)
        assert app.screen.sub_title == f"{len(found)} of {len(app.program.people)} people"
