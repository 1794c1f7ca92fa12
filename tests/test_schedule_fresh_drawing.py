"""What the schedule keeps drawn (rows under their look, the next page drawn ahead, the
scrollbar's lines and the cells its thumb repaints) must never show anything a fresh
drawing would not: after pages down and up, a star, a theme change, a resize and a clock
tick, the table and its scrollbar are what a new app drawing the same state shows."""

from __future__ import annotations

from typing import NamedTuple

from rich.segment import Segment
from textual.geometry import Region
from textual.pilot import Pilot

from companion.clock import parse_moment
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.services import services
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import AppFactory
from tests.test_schedule_paging_paths import table_of
from tests.test_schedule_scrollbar import bar_drawn

START = "2026-02-01T10:00"
LATER = "2026-02-01T15:05"  # a clock tick that puts talks in the past and one on now
SIZE, RESIZED = (90, 16), (100, 22)
THEME = "nord"

Drawn = tuple[list[list[Segment]], list[list[Segment]]]


class Seen(NamedTuple):
    """A state of the table and what it drew in it."""

    size: tuple[int, int]
    theme: str
    now: str
    starred: frozenset[str]
    key: str | None
    scroll_y: float
    drawn: Drawn


def drawn(table: ScheduleTable) -> Drawn:
    """The table's lines as the screen asks for them, and its scrollbar's."""
    width, height = table.outer_size
    lines = [list(strip) for strip in table.render_lines(Region(0, 0, width, height))]
    return lines, bar_drawn(table.vertical_scrollbar)


def seen(app: CompanionApp, now: str) -> Seen:
    table = table_of(app)
    size = (app.size.width, app.size.height)
    return Seen(size, app.theme, now, app.starred, table.selected_key, table.scroll_y, drawn(table))


async def each_step(pilot: Pilot[None], app: CompanionApp, program: Program) -> list[Seen]:
    """Pages, a star, a theme, a size and a clock tick, and what the table drew after each."""
    now = START
    states = [seen(app, now)]
    for step in (
        ["pagedown"] * 3
        + ["pageup", "s", "pagedown", THEME, "pagedown", "resize"]
        + [
            "pageup",
            "pageup",
            LATER,
            "pagedown",
        ]
    ):
        if step == THEME:
            app.theme = THEME
        elif step == "resize":
            await pilot.resize_terminal(*RESIZED)
        elif step == LATER:
            now = LATER
            app.now = parse_moment(LATER, program.conference.zone)  # what a clock tick does
        else:
            await pilot.press(step)
        await pilot.pause()
        states.append(seen(app, now))
    return states


async def drawn_anew(make_app: AppFactory, state: Seen) -> Seen:
    """The same state shown by a new app, which has drawn nothing before."""
    app = make_app(state.now)
    async with app.run_test(size=state.size) as pilot:
        app.theme = state.theme
        for talk_id in app.starred ^ state.starred:
            services(app.screen).toggle_star(talk_id)
        table = table_of(app)
        if state.key is not None:
            table.select_key(state.key)
        table.scroll_to(y=state.scroll_y, animate=False, immediate=True)
        await pilot.pause()
        return seen(app, state.now)


async def test_what_is_kept_drawn_is_what_a_new_app_draws(
    make_app: AppFactory, program: Program
) -> None:
    app = make_app(START)
    async with app.run_test(size=SIZE) as pilot:
        states = await each_step(pilot, app, program)
    assert len({state.scroll_y for state in states}) > 5  # the pages went somewhere
    assert len({state.starred for state in states}) == 2
    for step, state in enumerate(states):
        assert await drawn_anew(make_app, state) == state, step
