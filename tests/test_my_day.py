"""My day (the Starred screen) as it is drawn while the clock runs through a day: free gaps
with their lengths and what fits them, clashes by name and the way out of one, a now-line,
the past dimmed or hidden, and unstarring undone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from rich.color import Color
from rich.style import Style
from textual.geometry import Region
from textual.pilot import Pilot

from companion.clock import parse_moment
from companion.present.starred import GapRow
from companion.program import Program
from companion.store import Store
from companion.ui.app import CompanionApp
from companion.ui.screens.choice import ChoiceScreen
from companion.ui.screens.fits import FitsScreen
from companion.ui.screens.starred import StarredScreen
from companion.ui.widgets.talk_options import TalkList
from tests.driving import (
    AppFactory,
    drawn_lines,
    every_talk_starred,
    flat,
    screen_lines,
    toasted,
    until,
)
from tests.programs import opened, t, venue_program

TALL = (80, 60)  # the whole of my day on screen
DAY_ONE_STARS = ("a1", "a3", "b3", "a4")


@pytest.fixture(scope="module")
def rooms() -> Program:
    """Two days, three rooms: a full-day workshop beside talks that overlap."""
    return opened(venue_program())


def star(data_dir: Path, program: Program, *talk_ids: str) -> None:
    store = Store.open(data_dir, program.conference.id)
    store.star(program.talk(talk_id) for talk_id in talk_ids)
    store.close()


@asynccontextmanager
async def my_day(
    make_app: AppFactory, data_dir: Path, rooms: Program, at: str
) -> AsyncIterator[tuple[CompanionApp, Pilot[None]]]:
    """The rooms program with day one's stars, open on My day at `at`, tall enough for
    the whole day."""
    star(data_dir, rooms, *DAY_ONE_STARS)
    app = make_app(at, on=rooms)
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await pilot.press("3")
        yield app, pilot


def stored(data_dir: Path, program: Program) -> set[str]:
    store = Store.open(data_dir, program.conference.id)
    try:
        return store.starred_ids()
    finally:
        store.close()


def listing(app: CompanionApp) -> TalkList:
    return app.screen.query_one("#starred-list", TalkList)


def day(app: CompanionApp) -> list[str]:
    """The lines of my day as drawn."""
    return [line.rstrip() for line in drawn_lines(listing(app)) if line.strip()]


def summary(app: CompanionApp) -> str:
    return flat(drawn_lines(app.screen.query_one("#starred-summary")))


def drawn_dim(app: CompanionApp, *texts: str) -> dict[str, bool]:
    """Whether each text is drawn dim: in the colour of the dim detail
    under a gap (Textual draws dim text in a colour blended toward the background). The cursor is
    put on the last row first, so that its highlight colours none of them."""
    widget = listing(app)
    widget.highlighted = widget.option_count - 1
    width, height = widget.outer_size
    colours: dict[str, Color | None] = {}
    for strip in widget.render_lines(Region(0, 0, width, height)):
        for segment in strip:
            style = segment.style or Style()
            for text in (*texts, "fit"):  # under a gap, always dim: "2 talks fit"
                if text in segment.text and text not in colours:
                    colours[text] = style.color
    dim = colours.pop("fit")
    assert set(colours) == set(texts), f"not drawn: {set(texts) - set(colours)}"
    return {text: colour == dim for text, colour in colours.items()}


async def at(pilot: Pilot[None], program: Program, moment: str) -> None:
    """The clock ticks at `moment` (what the app's interval does with its clock)."""
    pilot.app.now = parse_moment(moment, program.conference.zone)  # type: ignore[attr-defined]
    await pilot.pause()


async def move_to(pilot: Pilot[None], found: object) -> None:
    """Walk the cursor down from the top until the highlighted row is `found` (a talk id,
    or a number of minutes for a gap)."""
    screen = pilot.app.screen
    assert isinstance(screen, StarredScreen)
    await pilot.press("home")
    for _ in range(listing(pilot.app).option_count):  # type: ignore[arg-type]
        row = screen.highlighted_row
        if screen.highlighted_id == found or (isinstance(row, GapRow) and row.gap.minutes == found):
            return
        await pilot.press("down")
    raise AssertionError(f"{found} is not in my day")


async def test_a_day_with_its_gaps_clashes_and_days_drawn(
    make_app: AppFactory, data_dir: Path, rooms: Program
) -> None:
    star(data_dir, rooms, *DAY_ONE_STARS, "c1", "c2")
    app = make_app(t("08:00"), on=rooms)
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await pilot.press("3")
        lines = day(app)
        assert lines[0] == " Monday 4 March 2030"
        assert " Tuesday 5 March 2030" in lines
        assert " 09:45–11:00    free 75 min" in lines  # between A1 and A3
        assert " 12:00–13:00    free 60 min" in lines  # after B3, which ends after A3
        assert " 10:00–10:30    free 30 min" in lines  # on day two
        below_75 = lines[lines.index(" 09:45–11:00    free 75 min") + 1]
        assert below_75.strip() == "2 talks fit · 2 across its edges"
        assert "! clashes with B3 · A" in flat(lines)  # A3 names the talk it overlaps
        assert "! clashes with A3 · B" in flat(lines)
        assert lines[1] == " ── now 08:00 ──"  # before the day's first talk
        assert summary(app) == "6 starred talks · reminders 5 min before"


async def test_the_clock_through_a_day_moves_the_now_line_and_dims_then_hides_the_past(
    make_app: AppFactory, data_dir: Path, rooms: Program
) -> None:
    async with my_day(make_app, data_dir, rooms, t("08:30")) as (app, pilot):
        lines = day(app)
        assert lines[0] == " ── now 08:30 ──"  # the day's first row
        assert drawn_dim(app, "09:00–09:45", "11:00–11:45") == {
            "09:00–09:45": False,
            "11:00–11:45": False,
        }

        await at(pilot, rooms, t("10:30"))  # in the gap between A1 and A3
        lines = day(app)
        now = lines.index(" ── now 10:30 ──")
        assert lines.index(" 09:45–11:00    free 75 min") < now < lines.index(" 11:00–11:45  ★ A3")
        assert drawn_dim(app, "09:00–09:45", "11:00–11:45") == {
            "09:00–09:45": True,
            "11:00–11:45": False,
        }

        await pilot.press("p")  # hide the past: A1 goes, the gap it began is on now and stays
        await toasted(pilot, "Past hidden")
        lines = day(app)
        assert not any("A1" in line for line in lines)
        assert lines[:2] == [
            " 09:45–11:00    free 75 min",
            "                2 talks fit · 2 across its edges",
        ]
        assert "past hidden" in summary(app)

        await at(pilot, rooms, t("11:50"))  # A3 over, B3 still on: the clash stays in view
        lines = day(app)
        assert not any("A3" in line.split("!")[0] for line in lines)
        assert lines[0] == " 11:15–12:00  ★ B3"
        assert lines.index(" ── now 11:50 ──") == 2  # after B3 and its detail

        await pilot.press("p")  # and back: the past dimmed again
        assert drawn_dim(app, "09:00–09:45", "11:00–11:45", "11:15–12:00", "13:00–13:30") == {
            "09:00–09:45": True,
            "11:00–11:45": True,
            "11:15–12:00": False,
            "13:00–13:30": False,
        }


async def test_the_bundled_day_from_morning_to_evening(
    make_app: AppFactory, data_dir: Path, program: Program
) -> None:
    star(data_dir, program, "library-liberation", "magellan")
    app = make_app("2026-02-01T09:00")
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await pilot.press("3")
        lines = day(app)
        assert lines[0] == " ── now 09:00 ──"
        assert " ≈11:38–16:00   free 4 h 22 min" in lines
        assert lines[lines.index(" ≈11:38–16:00   free 4 h 22 min") + 1].strip() == "6 talks fit"
        assert " 12:45–13:45    Lunch" in lines  # the program's breaks stay in the gap

        await at(pilot, program, "2026-02-01T14:00")
        lines = day(app)
        assert lines.index(" 12:45–13:45    Lunch") < lines.index(" ── now 14:00 ──")
        assert lines.index(" ── now 14:00 ──") < lines.index(" 15:30–16:00    Break")
        assert drawn_dim(app, "Library Liberation", "Magellan") == {
            "Library Liberation": True,
            "Magellan": False,
        }

        await at(pilot, program, "2026-02-01T19:00")
        assert day(app)[-1] == " ── now 19:00 ──"  # the day is over
        await pilot.press("p")
        assert day(app) == [" ── now 19:00 ──"]


async def test_keep_one_of_two_clashing_talks_then_undo(
    make_app: AppFactory, data_dir: Path, rooms: Program
) -> None:
    async with my_day(make_app, data_dir, rooms, t("08:00")) as (app, pilot):
        await move_to(pilot, "a1")
        assert not app.screen.check_action("resolve_clash", ())  # A1 clashes with nothing
        await move_to(pilot, "a3")
        await pilot.press("c")
        assert isinstance(app.screen, ChoiceScreen)
        asked = flat(screen_lines(app.screen))
        assert "A3 clashes with B3." in asked
        assert "Keep A3, unstar B3" in asked and "Keep B3, unstar A3" in asked
        await pilot.press("enter")  # keep A3
        assert isinstance(app.screen, StarredScreen)
        await toasted(pilot, "Unstarred B3 · u to undo")
        assert not any("clashes" in line or "B3" in line for line in day(app))
        assert " 11:45–13:00    free 75 min" in day(app)
        assert stored(data_dir, rooms) == {"a1", "a3", "a4"}

        await pilot.press("u")
        await until(pilot, lambda: "! clashes with B3 · A" in flat(day(app)))
        assert stored(data_dir, rooms) == set(DAY_ONE_STARS)
        await toasted(pilot, "Starred again: B3")  # said, not left to a stale toast

        await move_to(pilot, "b3")  # from the other side: keep A3 by unstarring B3 itself
        await pilot.press("c", "down", "enter")
        await toasted(pilot, "Unstarred B3 · u to undo")
        assert stored(data_dir, rooms) == {"a1", "a3", "a4"}


async def test_unstarring_here_can_be_undone(
    make_app: AppFactory, data_dir: Path, rooms: Program
) -> None:
    async with my_day(make_app, data_dir, rooms, t("08:00")) as (app, pilot):
        assert not app.screen.check_action("undo", ())  # nothing to undo yet
        await move_to(pilot, "a1")
        await pilot.press("s")
        await toasted(pilot, "Unstarred A1 · u to undo")
        assert not any("A1" in line for line in day(app))
        assert stored(data_dir, rooms) == {"a3", "b3", "a4"}
        await pilot.press("u")
        await until(pilot, lambda: " 09:00–09:45  ★ A1" in day(app))
        assert stored(data_dir, rooms) == set(DAY_ONE_STARS)
        assert not app.screen.check_action("undo", ())


async def test_enter_on_a_gap_lists_what_fits_and_stars_one(
    make_app: AppFactory, data_dir: Path, rooms: Program
) -> None:
    async with my_day(make_app, data_dir, rooms, t("08:00")) as (app, pilot):
        await move_to(pilot, 75)
        await pilot.press("enter")
        assert isinstance(app.screen, FitsScreen)
        fits = [line.strip() for line in drawn_lines(app.screen.query_one(TalkList))]
        assert fits[:4] == ["10:00–10:45    A2", "A", "10:15–10:45    B2", "B"]  # wholly inside
        assert "partly: starts before the gap · C" in fits  # the workshop, marked
        assert "partly: starts before the gap · B" in fits  # B1, 09:30–10:15
        assert "09:45–11:00 free 75 min" in flat(screen_lines(app.screen))
        await pilot.press("enter")  # star A2
        await until(
            pilot, lambda: "10:00–10:45 ★ A2" in flat(drawn_lines(app.screen.query_one(TalkList)))
        )
        await pilot.press("escape")
        assert isinstance(app.screen, StarredScreen)
        lines = day(app)
        assert " 10:00–10:45  ★ A2" in lines
        assert " 09:45–10:00    free 15 min" in lines and " 10:45–11:00    free 15 min" in lines
        assert stored(data_dir, rooms) == {*DAY_ONE_STARS, "a2"}


async def test_notes_show_under_their_talks_and_export_still_opens(
    make_app: AppFactory, data_dir: Path, rooms: Program
) -> None:
    from companion.ui.screens.export import ExportScreen

    star(data_dir, rooms, "a1")
    store = Store.open(data_dir, rooms.conference.id)
    store.set_note("a1", "Ask about\x1b[2J the [b]budget[/b]")
    store.close()
    app = make_app(t("08:00"), on=rooms)
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await pilot.press("3")
        assert "A · ✎ Ask about the [b]budget[/b]" in flat(day(app))  # as typed, made safe
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)


async def test_my_day_opens_on_what_comes_next(make_app: AppFactory, program: Program) -> None:
    """Every talk starred, at 16:10 on an 80x24 screen: the now-line and the next talk
    are drawn, not the morning."""
    app = make_app("2026-02-01T16:10")
    async with app.run_test(size=(80, 24)) as pilot:
        await every_talk_starred(pilot, program)
        assert "now 16:10" in " ".join(screen_lines(app.screen))
        drawn = " ".join(screen_lines(app.screen))
        assert "Analyzing the complexities" in drawn and "Library Liberation" not in drawn
