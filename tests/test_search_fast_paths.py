"""The search dialog keeps drawn results and skips redrawing what did not change: after
every keystroke (a letter, a backspace, a query narrowing then widening) what it draws is
what the index finds for the query as it now stands, and a star shows at once."""

from __future__ import annotations

from textual.pilot import Pilot

from companion.search import HitKind
from companion.ui.app import CompanionApp
from companion.ui.widgets.result_list import ResultList
from tests.driving import SIZE, AppFactory, drawn_lines, flat, screen_lines, until

MARKERS = ("· ", "★ ", "@ ")


def drawn_titles(app: CompanionApp) -> list[str]:
    """The first line of each result drawn: its marker and title or name."""
    lines = (line.strip() for line in drawn_lines(app.screen.query_one(ResultList)))
    return [line for line in lines if line.startswith(MARKERS)]


def expected_titles(app: CompanionApp, query: str) -> list[str]:
    starred = app.starred
    return [
        f"{('★' if hit.id in starred else '·') if hit.kind is HitKind.TALK else '@'} {hit.label}"
        for hit in app.search_index.search(query, 30)
    ]


def assert_shows(app: CompanionApp, query: str) -> None:
    """The rows on screen are the best results of `query`, in order, as the index ranks them
    (a title too long for the row is cut with "…")."""
    drawn, expected = drawn_titles(app), expected_titles(app, query)
    assert len(drawn) >= min(3, len(expected)), (query, drawn)
    for shown, title in zip(drawn, expected, strict=False):
        assert shown == title or (shown.endswith("…") and title.startswith(shown[:-1])), query
    assert app.screen.query_one(ResultList).row_count == len(expected)


async def type_and_check(pilot: Pilot[None], keys: list[str], query: str) -> str:
    """Press each key; after each, what is drawn is what the query typed so far finds."""
    app = pilot.app
    assert isinstance(app, CompanionApp)
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        if key == "backspace":
            query = query[:-1]
        else:
            query += " " if key == "space" else key
        assert_shows(app, query)
    return query


async def test_every_keystroke_draws_what_the_query_so_far_finds(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        query = await type_and_check(pilot, list("compiler"), "")
        query = await type_and_check(pilot, ["backspace"] * 5, query)  # "com": wider again
        query = await type_and_check(pilot, list("pu"), query)
        assert query == "compu"


async def test_a_result_count_that_changes_changes_the_rows_and_the_status(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        query = await type_and_check(pilot, ["a", "n"], "")
        total = app.search_index.search("an", None).total
        assert f"first 30 of {total}" in flat(screen_lines(app.screen))
        query = await type_and_check(pilot, ["t"], query)  # fewer than 30: all shown
        assert "type more to narrow" not in flat(screen_lines(app.screen))
        await type_and_check(pilot, ["backspace"], query)
        assert f"first 30 of {total}" in flat(screen_lines(app.screen))


async def test_a_name_typed_without_its_accents_is_drawn_with_them(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_and_check(pilot, list("bock"), "")
        assert "@ Markus Böck" in drawn_titles(app)


async def test_a_star_shows_on_the_result_at_once_and_goes_again(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_and_check(pilot, list("magellan"), "")
        assert drawn_titles(app)[0].startswith("· Magellan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert drawn_titles(app)[0].startswith("★ Magellan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert drawn_titles(app)[0].startswith("· Magellan")


async def test_the_highlight_follows_the_arrows_over_kept_rows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_and_check(pilot, list("an"), "")
        results = app.screen.query_one(ResultList)
        await pilot.press("down", "down")
        assert results.highlighted == 2
        await pilot.press("t")  # a new query: the best result highlighted again
        await pilot.pause()
        assert results.highlighted == 0
        assert_shows(app, "ant")


async def test_page_down_and_up_move_the_highlight_a_screenful(make_app: AppFactory) -> None:
    """PageDown from the query moves the highlight onto a row further down, PageUp back to
    the first: Enter then opens what is highlighted."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"an")
        await pilot.pause()
        hits = app.search_index.search("an", 30)
        assert len(hits) > 10
        results = app.screen.query_one(ResultList)
        await pilot.press("pagedown")
        await pilot.pause()
        moved = results.highlighted
        assert moved is not None and moved > 2
        await pilot.press("pagedown", "pageup", "pageup")
        await pilot.pause()
        assert results.highlighted == 0
        await pilot.press("pagedown", "enter")
        await until(pilot, lambda: hits[moved].label[:30] in flat(screen_lines(app.screen)))
