"""The footer, as drawn at 80x24: exactly the keys that act where you are, each one whole."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import TextArea

from companion.program import Program
from companion.ui.screens.person import PersonScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import SIZE, AppFactory, drawn_lines, screen_lines, show_talk, until

PALETTE = "^p palette"
MODES = "1 Schedule 2 Speakers 3 Starred"


def drawn_row(screen: Screen[Any], y: int) -> str:
    """Row `y` of the screen as the terminal shows it: each cell from the widget on top there."""
    cells = []
    for x in range(screen.size.width):
        widget, region = screen.get_widget_at(x, y)
        cells.append(drawn_lines(widget)[y - region.y][x - region.x])
    return "".join(cells)


def footer(pilot: Pilot[None]) -> str:
    """The bottom row, its runs of spaces read as one."""
    screen = pilot.app.screen
    return " ".join(drawn_row(screen, screen.size.height - 1).split())


async def test_the_schedule_shows_its_own_keys_first(make_app: AppFactory) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        assert footer(pilot) == f"⏎ Open s Star n Now p Past {MODES} / Search {PALETTE}"


async def test_a_talk_with_links_shows_o_and_no_clipped_key(make_app: AppFactory) -> None:
    """The keys that do not fit are left out whole: no "2 Sp", no "palettea"."""
    async with make_app().run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        expected = "esc Back s Star [ Prev ] Next e Note o Open link / Search ? Help"
        assert footer(pilot) == f"{expected} {PALETTE}"


async def test_the_first_talk_has_no_previous_and_the_last_no_next(
    make_app: AppFactory, program: Program
) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await show_talk(pilot, program.talks[0].id)
        assert footer(pilot).startswith("esc Back s Star ] Next e Note ")
        await show_talk(pilot, program.talks[-1].id)
        assert footer(pilot).startswith("esc Back s Star [ Prev e Note ")


async def test_typing_a_note_shows_only_what_still_acts(make_app: AppFactory) -> None:
    """Letters, `/` and `?` type text in the note; Esc leaves it, Ctrl+P opens the palette."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("e")
        assert isinstance(app.focused, TextArea)
        assert footer(pilot) == f"esc Back {PALETTE}"
        await pilot.press("escape")
        assert footer(pilot).startswith("esc Back s Star [ Prev")


async def test_a_person_without_talks_has_nothing_to_star_or_open(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_person("mehdi-amini")  # an organizer
        await until(pilot, lambda: isinstance(app.screen, PersonScreen))
        await pilot.pause()
        assert footer(pilot) == f"esc Back {MODES} / Search ? Help t Talk {PALETTE}"
        app.open_person("kshitij-jain")
        await until(pilot, lambda: bool(app.screen.query("#person-talks:focus")))
        await pilot.pause()
        assert footer(pilot).startswith("⏎ Open esc Back s Star ")


async def test_an_empty_starred_list_offers_export_but_not_unstar(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # import too (stars to start from), but nothing to share
        assert footer(pilot) == f"x Export g Import {MODES} / Search ? Help {PALETTE}"
        app.toggle_star("magellan")
        await pilot.pause()
        assert footer(pilot).startswith("⏎ Open s Unstar x Export ")
        await pilot.press("s")  # unstarred in place: the list is empty again
        await pilot.pause()
        assert footer(pilot).startswith("x Export ")


async def test_speakers_show_clear_only_when_there_is_a_filter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # the filter has focus: letters are the filter's
        await pilot.pause()
        assert footer(pilot) == f"↓ List {MODES} / Search ? Help {PALETTE}"
        await pilot.press("m", "a")
        assert footer(pilot) == f"↓ List esc Clear {MODES} / Search ? Help {PALETTE}"
        await pilot.press("down")  # into the list, the filter still set
        assert footer(pilot).startswith("⏎ Open f Filter esc Clear ")
        await pilot.press("escape")  # cleared, and back in the box to type another name
        assert footer(pilot) == f"↓ List {MODES} / Search ? Help {PALETTE}"
        await pilot.press("z", "h")  # typed, not the zone key
        assert footer(pilot) == f"↓ List esc Clear {MODES} / Search ? Help {PALETTE}"
        assert not app.local_time


async def test_a_multi_day_program_shows_its_day_and_room_keys(
    make_app: AppFactory, frab_program: Program
) -> None:
    app = make_app("2026-01-31T10:00", on=frab_program)
    async with app.run_test(size=SIZE) as pilot:
        assert footer(pilot) == f"⏎ Open s Star n Now ,. Day r Room {MODES} {PALETTE}"


async def test_at_any_width_every_key_drawn_is_whole(make_app: AppFactory) -> None:
    """What a narrow footer draws is a part of what a wide one draws, word for word (one
    app, widened again before each width)."""
    app = make_app()
    async with app.run_test(size=(200, 24)) as pilot:
        await show_talk(pilot, "magellan")
        for width in (40, 60, 80, 100, 120, 160):
            await pilot.resize_terminal(200, 24)
            await pilot.pause()
            wide = footer(pilot).split()
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            narrow = footer(pilot).split()
            assert isinstance(app.screen, TalkScreen)
            assert narrow[:2] == ["esc", "Back"], width
            assert set(narrow) <= set(wide), width
            assert narrow[-2:] == PALETTE.split(), width


async def test_t_is_not_offered_on_the_talk_it_would_open(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(200, 24)) as pilot:
        assert " t Talk " in footer(pilot)  # the Schedule: the talk under the cursor
        await show_talk(pilot, "magellan")
        assert " t Talk " not in footer(pilot)
        assert " z Zone i About q Quit " in footer(pilot)


async def test_a_click_on_a_key_presses_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        row = drawn_row(app.screen, SIZE[1] - 1)
        await pilot.click(offset=(row.index("s Star"), SIZE[1] - 1))
        assert "magellan" in app.starred


async def test_on_a_break_or_session_row_open_and_star_are_not_offered(
    make_app: AppFactory, program: Program
) -> None:
    """The cursor on a row that holds no talk (the day's first row is a slot): no Enter, no s."""
    async with make_app().run_test(size=SIZE) as pilot:
        await pilot.press("home")
        assert program.entries()[0].id not in {talk.id for talk in program.talks}
        await until(pilot, lambda: footer(pilot).startswith("n Now "))
        assert footer(pilot).startswith(f"n Now p Past {MODES} / Search ? Help ")
        await pilot.press("end")  # the day ends with a talk or a slot: then back to a talk
        await pilot.press("n")
        await until(pilot, lambda: footer(pilot).startswith("⏎ Open s Star "))


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("question_mark",), "esc Close"),
        (("i",), "esc Close"),
        (("slash",), "esc Close ^s Star"),
        (("3", "x"), "esc Cancel ^s Export"),
    ],
)
async def test_a_dialog_shows_its_own_keys_not_those_of_the_screen_under_it(
    make_app: AppFactory, keys: tuple[str, ...], expected: str
) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press(*keys)
        await until(pilot, lambda: footer(pilot) == expected)


async def test_after_an_unstar_the_cursor_is_on_a_talk_again(make_app: AppFactory) -> None:
    """Rows: Library Liberation, a free gap, Lunch, DeepTools, a gap, Break, Magellan.
    Unstarring DeepTools leaves a break at its place: the cursor goes to the nearest row
    that acts instead (on a break nothing does)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for talk_id in ("library-liberation", "deeptools", "magellan"):
            app.toggle_star(talk_id)
        await pilot.press("3", "down", "down")  # past the gap, and over Lunch
        await until(pilot, lambda: "DeepTools" in " ".join(screen_lines(app.screen)))
        await until(pilot, lambda: footer(pilot).startswith("⏎ Open s Unstar "))
        await pilot.press("s")
        await until(pilot, lambda: "DeepTools" not in " ".join(screen_lines(app.screen)))
        assert footer(pilot).startswith("⏎ Open s Unstar ")


@pytest.mark.parametrize(
    ("place", "typed", "offered"),
    [
        ("talk", "next talk", "The next talk in program order"),
        ("starred", "export", "Export your starred talks"),
        ("speakers", "filter", "Filter by name"),
    ],
)
async def test_the_palette_offers_the_keys_of_the_screen_it_is_opened_over(
    make_app: AppFactory, place: str, typed: str, offered: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        if place == "talk":
            await show_talk(pilot, "magellan")
        else:
            await pilot.press("3" if place == "starred" else "2", "down")
        await pilot.press("ctrl+p", *typed)
        await until(pilot, lambda: offered in " ".join(screen_lines(app.screen)))
