"""A screen out of view (another mode's) catches up when it comes back into view: what
changed meanwhile (a star, the clock) is drawn on the next visit, not lost."""

from __future__ import annotations

from companion.ui.screens.starred import StarredScreen
from tests.driving import SIZE, AppFactory, flat, move_schedule_to, screen_lines


async def test_a_star_made_on_the_schedule_is_listed_on_the_next_visit_to_starred(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # Starred, built now and then left
        assert "Magellan" not in flat(screen_lines(app.screen))
        await pilot.press("1")
        await move_schedule_to(pilot, "magellan")
        await pilot.press("s", "3")
        assert isinstance(app.screen, StarredScreen)
        assert "Magellan" in flat(screen_lines(app.screen))
        assert "1 starred talk" in flat(screen_lines(app.screen))


async def test_a_star_taken_off_on_starred_leaves_its_list_at_once(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.toggle_star("magellan")
        app.toggle_star("xtc")
        await pilot.press("3")
        drawn = flat(screen_lines(app.screen))
        assert "Magellan" in drawn and "XTC" in drawn
        app.toggle_star("xtc")  # as from the talk's own screen, or another terminal
        await pilot.pause()
        drawn = flat(screen_lines(app.screen))
        assert "Magellan" in drawn and "XTC" not in drawn
