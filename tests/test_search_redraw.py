"""What the search dialog redraws as little as it can, and still draws right after every
key: the status line ("first 30 of 162 — type more to narrow", or that nothing matched),
redrawn in place while it stays one line and laid out again when it appears, goes or grows;
and result rows, built once per hit, which show the text the query at hand was found in."""

from __future__ import annotations

from textual.widgets import Input, Static

from companion.present.search import capped, no_result
from companion.program import Program
from companion.search import too_short
from companion.ui.app import CompanionApp
from companion.ui.screens.search import KEEP_TYPING
from tests.driving import SIZE, AppFactory, drawn_lines, flat, screen_lines
from tests.test_search import program_with
from tests.test_search_fast_paths import assert_shows

# "ngan vu" typed, then back to "ng", then "ngxqz" (nothing) and back to "ng" again.
KEYS = [*"ngan vu", *["backspace"] * 5, *"xqz", *["backspace"] * 3]


def expected_status(app: CompanionApp, query: str) -> str | None:
    found = app.search_index.search(query, 30)
    if found.capped:
        return capped(len(found), found.total)
    if too_short(query):  # a letter, or only punctuation ("!!")
        return KEEP_TYPING if query.strip() else None
    return None if found else no_result(query)


async def test_the_status_says_what_each_query_typed_or_backspaced_finds(
    make_app: AppFactory, generated: Program
) -> None:
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        query, statuses = "", []
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
            query = query[:-1] if key == "backspace" else query + (" " if key == "space" else key)
            status = app.screen.query_one("#search-status", Static)
            expected = expected_status(app, query)
            drawn = " ".join(drawn_lines(status)).strip() or None
            assert drawn == expected, query
            if expected:
                assert expected in flat(screen_lines(app.screen)), query
            assert_shows(app, query)
            statuses.append(expected)
        assert query == "ng"
        pasted = "ng wxqz wxqz wxqz wxqz wxqz wxqz wxqz wxqz wxqz"  # nothing, said in two lines
        app.screen.query_one(Input).value = pasted
        await pilot.pause()
        status = app.screen.query_one("#search-status", Static)
        assert len(drawn_lines(status)) == 2
        assert " ".join(line.strip() for line in drawn_lines(status)) == no_result(pasted)
        assert len({status for status in statuses if status and "first 30" in status}) >= 3
        assert None in statuses and any(status and "No talk" in status for status in statuses)


async def test_a_talk_found_in_its_text_again_shows_the_words_of_the_new_query(
    make_app: AppFactory,
) -> None:
    program = program_with(
        {"title": "Tiling", "subtitle": "Zephyr lowering first", "abstract": "Then quokka passes"}
    )
    app = make_app(program.talks[0].start.isoformat(), on=program)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zephyr")
        await pilot.pause()
        assert "Zephyr lowering first" in flat(screen_lines(app.screen))
        await pilot.press(*["backspace"] * 6, *"quokka")
        await pilot.pause()
        drawn = flat(screen_lines(app.screen))
        assert "Then quokka passes" in drawn and "Zephyr" not in drawn
