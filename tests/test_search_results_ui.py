"""What the search dialog and the palette draw for a result: when and where a talk is, the
text a talk was found in, that nothing matched, or that the list does not show all."""

from __future__ import annotations

from textual.widgets import Input

from companion.program import Program
from tests.driving import SIZE, AppFactory, flat, screen_lines, search, until


async def test_a_talk_shows_its_day_time_and_room_on_a_program_of_several_days(
    make_app: AppFactory, frab_program: Program
) -> None:
    app = make_app(now="2030-02-02T09:00", on=frab_program)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "tiling")
        drawn = flat(screen_lines(app.screen))
        assert "· Tiling for Everyone talk · Sat 02 Feb · 10:30–11:00 · K.1.105" in drawn


async def test_a_talk_of_a_one_day_program_shows_its_time_and_session(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "magellan")
        drawn = flat(screen_lines(app.screen))
        assert "talk · ≈" in drawn and " · Session " in drawn
        assert "Feb ·" not in drawn  # one day: no day to tell apart


async def test_a_talk_found_in_its_text_shows_the_words_around_them(
    make_app: AppFactory, frab_program: Program
) -> None:
    app = make_app(now="2030-02-02T09:00", on=frab_program)
    async with app.run_test(size=SIZE) as pilot:
        assert len(await search(pilot, "runtime")) == 1  # only its subtitle says "runtime"
        drawn = flat(screen_lines(app.screen))
        assert "Keynote: Compilers Everywhere talk · Sat 02 Feb · 10:00–10:50 · Janson" in drawn
        assert "Why every runtime grows one" in drawn


async def test_no_result_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert await search(pilot, "xyzzy") == []
        assert 'No talk or person matches "xyzzy"' in flat(screen_lines(app.screen))
        await pilot.press("backspace", "backspace", "backspace", "backspace")  # "x": too short
        drawn = flat(screen_lines(app.screen))
        assert "No talk or person matches" not in drawn and "Keep typing" in drawn


async def test_a_query_that_looks_like_markup_is_shown_as_typed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert await search(pilot, "xyzzy [b]bold[/b] [/oops]") == []
        drawn = flat(screen_lines(app.screen))
        assert 'No talk or person matches "xyzzy [b]bold[/b] [/oops]"' in drawn


async def test_a_capped_list_says_it_is_capped_until_the_query_narrows_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        found = app.search_index.search("an", limit=None)
        assert len(found) > 30  # more than the dialog lists
        await search(pilot, "an")
        assert f"first 30 of {len(found)} — type more to narrow" in flat(screen_lines(app.screen))
        await pilot.press("t")  # "ant": fewer than 30
        assert "type more to narrow" not in flat(screen_lines(app.screen))


async def test_the_palette_shows_when_and_where_a_talk_is(
    make_app: AppFactory, frab_program: Program
) -> None:
    app = make_app(now="2030-02-02T09:00", on=frab_program)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        app.screen.query_one(Input).value = "tiling"
        await until(
            pilot, lambda: "Sat 02 Feb · 10:30–11:00 · K.1.105" in flat(screen_lines(app.screen))
        )
