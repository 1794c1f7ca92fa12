"""My day lists its rows again at each change of a star; a row listed again as it was
keeps its option (wrapped and measured once), a changed row gets a new one, and the option
above the rule over gone stars, which draws that rule, is never kept for another listing.
Starred drawn after stars changed is what a freshly built app draws."""

from __future__ import annotations

import pytest

from companion.clock import fixed_clock
from companion.loading import load_program
from companion.present.starred import DayHeading, Row, StarRow
from companion.present.talk import Listing
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.starred_options import StarredOptions
from tests.driving import (
    SIZE,
    drawn_lines,
    every_talk_starred,
    flat,
    screen_lines,
    until,
    where_drawn,
)
from tests.test_now_in_view import Clock


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


CHANGES = [
    "stars removed",
    "stars removed until the list fits",  # its scrollbar gone
    "a star added in the middle",
    "a star removed at the top",
    "the now-line moved",
    "the program updated",
]


async def changed(app: CompanionApp, clock: Clock, program: Program, change: str) -> None:
    """One of the changes a visit to Starred finds, made on the Schedule."""
    if change == "stars removed":
        for talk in program.talks[2:5]:
            app.toggle_star(talk.id)
    elif change == "stars removed until the list fits":
        for talk in program.talks[:-2]:
            app.toggle_star(talk.id)
    elif change == "a star added in the middle":
        app.toggle_star(program.talks[5].id)
    elif change == "a star removed at the top":
        app.toggle_star(program.talks[0].id)
    elif change == "the now-line moved":
        clock.set(app, "2026-02-01T16:40")
    else:
        await app.replace_program(load_program())


@pytest.mark.parametrize("change", CHANGES)
async def test_starred_after_a_change_draws_what_a_new_app_draws(
    program: Program, change: str
) -> None:
    clock = Clock(program, "2026-02-01T16:10")
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await every_talk_starred(pilot, program)
        if change == "a star added in the middle":  # listed without it first
            app.toggle_star(program.talks[5].id)
            await pilot.press("1", "3")
        await pilot.press("1")
        await pilot.pause()
        await changed(app, clock, program, change)
        await pilot.press("3")
        await pilot.pause()
        drawn = screen_lines(app.screen), app.export_screenshot()  # scrollbars and colours
        starred = set(app.starred)
    fresh = CompanionApp(program, clock=fixed_clock(clock.moment))
    async with fresh.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: set(fresh.starred) == starred)
        await pilot.press("3")
        await pilot.pause()
        assert screen_lines(fresh.screen) == drawn[0]
        assert fresh.export_screenshot() == drawn[1]


@pytest.mark.parametrize("change", [CHANGES[0], *CHANGES[2:4]])
async def test_a_row_clicked_after_rows_moved_opens_the_talk_drawn_there(
    program: Program, change: str
) -> None:
    """A row listed again at another place keeps the lines it drew, but not the place the
    mouse finds in them."""
    clock = Clock(program, "2026-02-01T14:00")  # the talks after each change in view
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await every_talk_starred(pilot, program)
        await pilot.press("1")
        await changed(app, clock, program, change)
        await pilot.press("3")
        await pilot.pause()
        listing = app.screen.query_one("#starred-list")
        drawn = flat(drawn_lines(listing))
        talk = [t for t in program.talks if t.title[:20] in drawn][-1]  # below the change
        assert program.talks.index(talk) > 5
        await pilot.click(listing, offset=where_drawn(listing, talk.title[:20]))
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert isinstance(app.screen, TalkScreen)
        assert app.screen.talk_id == talk.id
