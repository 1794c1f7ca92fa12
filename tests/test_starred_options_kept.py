"""My day lists its rows again at each change of a star; a row listed again as it was
keeps its option (wrapped and measured once), a changed row gets a new one, and the option
above the rule over gone stars, which draws that rule, is never kept for another listing.
Starred drawn after stars changed is what a freshly built app draws."""

from __future__ import annotations

from companion.present.starred import DayHeading, Row, StarRow
from companion.present.talk import Listing
from companion.program import Program
from companion.ui.widgets.starred_options import StarredOptions
from tests.driving import SIZE, AppFactory, every_talk_starred, screen_lines, until


def star(talk_id: str, title: str, in_program: bool = True) -> StarRow:
    return StarRow(talk_id, Listing("10:00 ★ ", title), "", in_program)


def test_rows_listed_again_keep_their_options_and_changed_rows_get_new_ones() -> None:
    options = StarredOptions()
    rows: list[Row] = [DayHeading("Sunday"), star("a", "Alpha"), star("b", "Beta")]
    first = options(rows)
    second = options([rows[0], rows[1], star("b", "Beta, renamed")])
    assert second[0] is first[0] and second[1] is first[1]
    assert second[2] is not first[2]
    assert [option.id for option in second if option is not None] == [None, "a", "b"]


def test_the_option_above_the_rule_over_gone_stars_is_made_anew() -> None:
    options = StarredOptions()
    kept = star("a", "Alpha")
    with_rule = options([kept, star("g", "Gone", in_program=False)])
    assert with_rule[1] is None
    without = options([kept, star("b", "Beta")])
    assert without[0] is not with_rule[0]  # it carried the rule: not listed without one
    assert options([kept, star("b", "Beta")])[0] is without[0]


async def test_starred_after_stars_changed_draws_what_a_new_app_draws(
    make_app: AppFactory, program: Program
) -> None:
    now = "2026-02-01T16:10"
    app = make_app(now)
    async with app.run_test(size=SIZE) as pilot:
        await every_talk_starred(pilot, program)
        await pilot.press("3")
        await pilot.pause()
        for talk in program.talks[2:5]:
            app.toggle_star(talk.id)
        await until(pilot, lambda: not any(t.id in app.starred for t in program.talks[2:5]))
        await pilot.press("1", "3")
        await pilot.pause()
        drawn = screen_lines(app.screen)
        starred = set(app.starred)
    fresh = make_app(now)
    async with fresh.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: set(fresh.starred) == starred)
        await pilot.press("3")
        await pilot.pause()
        assert screen_lines(fresh.screen) == drawn
