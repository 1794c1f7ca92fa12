"""The palette finds a screen's keys by their name or by what their help says, in either
order: "hide past" finds the key named Past whose help says "Hide or show what is over"."""

from __future__ import annotations

import pytest
from textual.fuzzy import Matcher

from companion.clock import fixed_clock, parse_moment
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.commands import ScreenCommands
from tests.driving import first_command, show_talk, until


@pytest.mark.parametrize("query", ["past", "hide past", "hide or show past", "what is over"])
async def test_the_past_key_is_found_by_its_name_or_its_help(program: Program, query: str) -> None:
    after_the_first_talks = parse_moment("2026-02-01T16:30", program.conference.zone)
    app = CompanionApp(program, clock=fixed_clock(after_the_first_talks))
    async with app.run_test(size=(80, 24)):
        found = [hit.text async for hit in ScreenCommands(app.screen).search(query)]
        assert "Past" in found


async def test_a_query_of_neither_finds_no_key(program: Program) -> None:
    after_the_first_talks = parse_moment("2026-02-01T16:30", program.conference.zone)
    app = CompanionApp(program, clock=fixed_clock(after_the_first_talks))
    async with app.run_test(size=(80, 24)):
        assert [hit.text async for hit in ScreenCommands(app.screen).search("zqxj")] == []


async def test_a_key_named_as_typed_ranks_above_a_longer_name(program: Program) -> None:
    """ "Star" on a talk finds the talk's Star key above the app's Starred mode, which the
    palette's own provider scores by its name alone: they tied, and whichever provider
    answered first came first, so Enter starred the talk in one build and switched mode
    in another."""
    app = CompanionApp(
        program, clock=fixed_clock(parse_moment("2026-02-01T10:00", program.conference.zone))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await show_talk(pilot, program.talks[0].id)
        hits = {hit.text: hit.score async for hit in ScreenCommands(app.screen).search("Star")}
        assert hits["Star"] > Matcher("Star").match("Starred")
        await pilot.press("ctrl+p", *"Star")
        await until(pilot, lambda: first_command(app).startswith("Star"))
        assert first_command(app).split()[0] == "Star"
