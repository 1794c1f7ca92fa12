"""Screens shown again (the modes on 1/2/3, the kept talk screen, the Starred list) draw
what is true when they come back, not what was drawn when they were left: a screen out
of view neither redraws its footer nor lists its stars again until it is shown."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import OptionList

from companion.program import Program
from companion.store import Store
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.starred import StarredScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.talk_options import TalkList
from tests.driving import SIZE, AppFactory, drawn_lines, flat, screen_lines, show_talk

TALL = (100, 60)  # the whole talk, facts and note, on screen


def footer_text(pilot: Pilot[None]) -> str:
    return " ".join(drawn_lines(pilot.app.screen.query_one(KeyFooter))[0].split())


def dimmed_keys(pilot: Pilot[None]) -> list[str]:
    """The footer's keys drawn in another colour than the others: dimmed, the key of the
    mode you are in (Textual draws dim as a blended colour)."""
    bar = pilot.app.screen.query_one(KeyFooter)
    strip = bar.render_lines(Region(0, 0, bar.size.width, 1))[0]
    keys = [segment for segment in strip if segment.style and segment.style.bold]
    usual = Counter(segment.style.color for segment in keys if segment.style).most_common(1)
    return [
        segment.text for segment in keys if segment.style and segment.style.color != usual[0][0]
    ]


def write_note_elsewhere(data_dir: Path, program: Program, talk_id: str, note: str) -> None:
    """A note written as another terminal would: through a store of its own."""
    store = Store.open(data_dir, program.conference.id)
    try:
        store.set_note(talk_id, note, expected=store.note(talk_id))
    finally:
        store.close()


async def test_each_mode_dims_its_own_key_when_switched_back_to(make_app: AppFactory) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        for key, mode in (("2", "speakers"), ("3", "starred"), ("1", "schedule")) * 2:
            await pilot.press(key)
            await pilot.pause()
            assert dimmed_keys(pilot) == [key], mode


async def test_a_mode_shown_again_offers_the_keys_of_what_changed_out_of_view(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert footer_text(pilot).startswith("x Export g Import ")  # nothing to unstar
        await pilot.press("1")
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("s")  # starred on the Schedule, the Starred screen out of view
        await pilot.press("3")
        await pilot.pause()
        assert footer_text(pilot).startswith("⏎ Open s Unstar x Export ")
        assert isinstance(app.screen, StarredScreen)
        assert app.screen.selected_talk_id in app.starred


async def test_starred_lists_a_star_and_a_note_made_while_out_of_view(
    make_app: AppFactory, data_dir: Path, program: Program
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        app.toggle_star("magellan")
        await pilot.press("3")
        await pilot.pause()
        listed = flat(drawn_lines(app.screen.query_one(TalkList)))
        assert "Magellan" in listed and "Chasing ghosts" not in listed
        await pilot.press("1")
        write_note_elsewhere(data_dir, program, "magellan", "Chasing ghosts")
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, StarredScreen)
        assert "Chasing ghosts" in flat(drawn_lines(app.screen.query_one(TalkList)))
        await pilot.press("1")
        app.toggle_star("xtc")
        await pilot.press("3")
        await pilot.pause()
        listed = flat(drawn_lines(app.screen.query_one(TalkList)))
        assert "Magellan" in listed and "XTC" in listed


async def test_the_kept_talk_screen_opened_again_on_its_talk_shows_a_note_written_meanwhile(
    make_app: AppFactory, data_dir: Path, program: Program
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        kept = app.screen
        assert "Chasing ghosts" not in flat(screen_lines(kept))
        await pilot.press("escape")
        write_note_elsewhere(data_dir, program, "magellan", "Chasing ghosts")
        await show_talk(pilot, "magellan")
        assert app.screen is kept and isinstance(kept, TalkScreen)
        drawn = flat(screen_lines(kept))
        assert "Magellan" in drawn and "Chasing ghosts" in drawn
        await pilot.press("escape")
        await show_talk(pilot, "xtc")  # another talk on it: nothing of the first one
        drawn = flat(screen_lines(kept))
        assert "XTC" in drawn and "Magellan" not in drawn and "Chasing ghosts" not in drawn


async def test_the_kept_talk_screen_opened_again_shows_a_star_made_meanwhile(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=TALL) as pilot:
        await show_talk(pilot, "magellan")
        kept = app.screen
        assert "Starred no (s to star)" in flat(screen_lines(kept))
        await pilot.press("escape")
        app.toggle_star("magellan")  # as a star from the Schedule or another terminal
        await show_talk(pilot, "magellan")
        assert app.screen is kept
        drawn = flat(screen_lines(kept))
        assert "Starred ★ yes" in drawn and "s to star" not in drawn
        await pilot.press("s")  # and unstarred here, on the screen in view
        await pilot.pause()
        assert "Starred no (s to star)" in flat(screen_lines(kept))


def cursor_row_colours(listing: OptionList) -> set[object]:
    """The colours the list's highlighted row is drawn in, as it reaches the screen."""
    assert listing.highlighted is not None
    y = listing.highlighted - listing.scroll_offset.y
    strip = listing.render_lines(Region(0, y, listing.size.width, 1))[0]
    return {(segment.style.color, segment.style.bgcolor) for segment in strip if segment.style}


async def test_a_list_is_drawn_anew_when_its_styles_change(make_app: AppFactory) -> None:
    """Lists skip Textual's repaint of every row on a restyle: focus leaving the list
    and a new theme, which do change how rows look, still repaint them."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down")  # into the list of people
        listing = app.screen.query_one("#speaker-list", OptionList)
        assert app.screen.focused is listing
        focused = cursor_row_colours(listing)
        await pilot.press("f")  # back to the filter: the cursor is drawn as blurred
        await pilot.pause()
        blurred = cursor_row_colours(listing)
        assert blurred != focused
        await pilot.press("1", "2")  # away and back: as it was left
        await pilot.pause()
        assert cursor_row_colours(listing) == blurred
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert cursor_row_colours(listing) != blurred
