"""A talk screen kept in a mode shows the star as it is when that mode is shown again,
where the talk was unstarred meanwhile on Starred."""

from __future__ import annotations

from companion.program import Program
from tests.driving import AppFactory, flat, screen_lines, until
from tests.test_talk_opened_in_a_row import open_from_schedule


async def test_a_star_taken_off_on_starred_shows_on_the_talk_left_open(
    make_app: AppFactory, program: Program
) -> None:
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_schedule(pilot, talk)
        await pilot.press("s")
        await until(pilot, lambda: "(s to star)" not in flat(screen_lines(app.screen)))
        await pilot.press("3")
        await until(pilot, lambda: talk.title[:20] in flat(screen_lines(app.screen)))
        await pilot.press("s")  # unstars the talk highlighted there, the only one
        await until(pilot, lambda: talk.id not in app.starred)
        await pilot.press("1")
        await until(pilot, lambda: talk.title[:20] in flat(screen_lines(app.screen)))
        await until(pilot, lambda: "(s to star)" in flat(screen_lines(app.screen)))
