"""The room and track filter of a big program, read from what the screens draw: the
schedule says what it shows, and the dialog is sorted, found by typing, and works
from the keyboard alone."""

from __future__ import annotations

import random
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import SelectionList

from companion.program import Program
from companion.ui.screens.place_filter import PlaceFilterScreen
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import SIZE, AppFactory, drawn_lines, load, screen_lines
from tests.programs import t, tiny_program

NAMED_ROOMS = ["Salle Été", "Annex", "Éther", "salle ete 3"]
ROOMS = [*NAMED_ROOMS, *(f"Room {number}" for number in range(1, 137))]  # 140 rooms
TRACKS = ["Systems", "Compilers"]
NOW = "2030-03-04T08:00"  # before the first talk: the cursor starts at the top


def minute(number: int) -> str:
    """The tiny program's day at 09:00 and `number` minutes."""
    return t(f"{9 + number // 60:02}:{number % 60:02}")


def many_rooms() -> dict[str, Any]:
    """The tiny program with one talk in each of 140 rooms, listed in no order."""
    document = tiny_program()
    rooms = ROOMS.copy()
    random.Random(12).shuffle(rooms)
    document["talks"] = [
        {
            "id": f"talk-{index:03}",
            "title": f"Talk in {room}",
            "authors": ["Ann Able"],
            "start": minute(index),
            "end": minute(index + 1),
            "room": room,
            "track": TRACKS[index % 2],
        }
        for index, room in enumerate(rooms)
    ]
    return document


@pytest.fixture(scope="module")
def big() -> Program:
    return load(many_rooms())


def filter_line(pilot: Pilot[None]) -> str:
    """The line on the schedule that says which rooms and tracks it shows."""
    [line] = [
        line
        for line in screen_lines(pilot.app.screen)
        if " to change" in line or " to filter" in line
    ]
    return line.strip()


def dialog_lines(pilot: Pilot[None]) -> list[str]:
    return [line.strip() for line in screen_lines(pilot.app.screen) if line.strip()]


def listed(pilot: Pilot[None]) -> list[str]:
    """The places the dialog lists, as drawn (without their tick boxes)."""
    lines = drawn_lines(pilot.app.screen.query_one(SelectionList))
    return [line.split("▌", 1)[1].strip() for line in lines if "▌" in line]


def talks_drawn(pilot: Pilot[None]) -> list[str]:
    lines = drawn_lines(pilot.app.screen.query_one(ScheduleTable))
    return [line.split("Talk in ", 1)[1].strip() for line in lines if "Talk in " in line]


async def test_the_schedule_says_which_rooms_it_shows_at_80_columns(
    make_app: AppFactory, big: Program
) -> None:
    app = make_app(NOW, on=big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert filter_line(pilot) == "140 rooms and 2 tracks, all shown · r to filter"
        await pilot.press("r", *"annex", "down", "space", "ctrl+s")
        assert isinstance(app.screen, ScheduleScreen)
        assert filter_line(pilot) == "Showing 1 of 140 rooms · r to change"
        assert talks_drawn(pilot) == ["Annex"]


async def test_the_dialog_lists_rooms_in_natural_order_then_tracks(
    make_app: AppFactory, big: Program
) -> None:
    app = make_app(NOW, on=big)
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, PlaceFilterScreen)
        assert "All 142 shown · none ticked: the schedule shows all" in dialog_lines(pilot)
        assert listed(pilot)[:8] == [
            "Room: Annex",
            "Room: Éther",
            "Room: Room 1",
            "Room: Room 2",
            "Room: Room 3",
            "Room: Room 4",
            "Room: Room 5",
            "Room: Room 6",
        ]
        await pilot.press(*"room 13")  # numbers by value: 13, 113, then 130 to 136
        assert listed(pilot) == [f"Room: Room {n}" for n in (13, 113, *range(130, 137))]
        await pilot.press(*["backspace"] * 7, *"track")
        assert listed(pilot) == ["Track: Compilers", "Track: Systems"]


async def test_typing_finds_places_without_their_accents(
    make_app: AppFactory, big: Program
) -> None:
    app = make_app(NOW, on=big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", *"salle ete")
        assert listed(pilot) == ["Room: Salle Été", "Room: salle ete 3"]
        assert "2 of 142 shown · none ticked: the schedule shows all" in dialog_lines(pilot)
        await pilot.press(*["backspace"] * 9, *"ETHER")
        assert listed(pilot) == ["Room: Éther"]
        await pilot.press(*["backspace"] * 5, *"nowhere")
        assert listed(pilot) == []
        assert "0 of 142 shown · none ticked: the schedule shows all" in dialog_lines(pilot)


async def test_tick_and_untick_every_place_shown_from_the_keyboard(
    make_app: AppFactory, big: Program
) -> None:
    app = make_app(NOW, on=big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", *"salle", "ctrl+t")  # the two "salle" rooms
        assert "2 of 142 shown · 2 ticked" in dialog_lines(pilot)
        await pilot.press(*["backspace"] * 5, *"room 13", "ctrl+t")
        assert "9 of 142 shown · 11 ticked" in dialog_lines(pilot)
        await pilot.press("down", "down", *"0")  # typed in the list: goes on in the search box
        assert listed(pilot) == ["Room: Room 130"]
        await pilot.press("ctrl+n")
        assert "1 of 142 shown · 10 ticked" in dialog_lines(pilot)
        await pilot.press("ctrl+s")
        assert filter_line(pilot) == "Showing 10 of 140 rooms · r to change"
        chosen = {"Salle Été", "salle ete 3", "Room 13", "Room 113"}
        chosen |= {f"Room {n}" for n in range(131, 137)}
        assert talks_drawn(pilot) and set(talks_drawn(pilot)) <= chosen

        await pilot.press("r", "ctrl+n", "escape")  # untick everything, then think better
        assert filter_line(pilot) == "Showing 10 of 140 rooms · r to change"
        await pilot.press("r", "ctrl+n", "ctrl+s")  # nothing ticked: every room again
        assert filter_line(pilot) == "140 rooms and 2 tracks, all shown · r to filter"


async def test_ticking_a_track_shows_its_talks(make_app: AppFactory, big: Program) -> None:
    app = make_app(NOW, on=big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", *"compilers", "enter", "space", "ctrl+s")
        assert filter_line(pilot) == "Showing 1 of 2 tracks · r to change"
        shown = {talk.room for talk in big.talks if talk.track == "Compilers"}
        assert talks_drawn(pilot) and set(talks_drawn(pilot)) <= shown
