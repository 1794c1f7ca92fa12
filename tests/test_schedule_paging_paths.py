"""Paging and starring on the schedule take short cuts (a move from talk to talk asks no
binding again; a frame draws each row once; a star is shown before the stars are read
back): what is drawn must be what the long way would draw."""

from __future__ import annotations

from pathlib import Path

from rich.segment import Segment
from textual.geometry import Region
from textual.pilot import Pilot

from companion.program import Program
from companion.store import Store
from companion.ui.app import CompanionApp
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import AppFactory, drawn_lines, move_schedule_to

SHORT = (80, 12)  # a few rows on screen: paging moves them off it and back
TALK = "graph-compiler-complexities"  # on now at the venue's default moment
TITLE = "Analyzing the complexities"
OTHER = "magellan"
OTHER_TITLE = "Magellan"


def table_of(app: CompanionApp) -> ScheduleTable:
    return app.screen.query_one(ScheduleTable)


def footer(app: CompanionApp) -> str:
    return " ".join(drawn_lines(app.screen.query_one(KeyFooter)))


def drawn_rows(table: ScheduleTable) -> list[list[Segment]]:
    """The table's lines below its heading, as segments."""
    width, height = table.outer_size
    return [list(strip) for strip in table.render_lines(Region(0, 0, width, height))][1:]


def cursor_lines(table: ScheduleTable) -> list[int]:
    """The lines below the heading drawn in the cursor's colours."""
    cursor = table.get_component_rich_style("schedule-table--cursor").bgcolor
    return [
        y
        for y, segments in enumerate(drawn_rows(table))
        if any(segment.style and segment.style.bgcolor == cursor for segment in segments)
    ]


def selected_lines(table: ScheduleTable) -> list[int]:
    """Where the selected row should be drawn, line by line, as far as it is on screen."""
    key = table.selected_key
    assert key is not None
    index = table.row_index(key)
    keys = table.row_keys
    first = table.row_line(key) - int(table.scroll_y)
    end = table.row_line(keys[index + 1]) if index + 1 < len(keys) else first + 10_000
    last = end - int(table.scroll_y)
    return [y for y in range(first, last) if 0 <= y < table.size.height - 1]


def star_drawn(table: ScheduleTable, title: str) -> bool | None:
    """Whether the row titled `title` shows a star; None when it is not on screen."""
    for line in drawn_lines(table)[1:]:
        if title in line:
            return "★" in line
    return None


async def page(pilot: Pilot[None], key: str, times: int) -> None:
    for _ in range(times):
        await pilot.press(key)
    await pilot.pause()


async def test_paging_over_slots_and_talks_offers_the_keys_of_the_row_it_rests_on(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await page(pilot, "home", 1)
        kinds_seen = set()
        for key in ["pagedown"] * 8 + ["pageup"] * 8 + ["down", "up", "end", "up", "home"]:
            await page(pilot, key, 1)
            on_talk = table.selected_talk_id is not None
            kinds_seen.add(on_talk)
            assert ("s Star" in footer(app)) == on_talk, (key, table.selected_key)
            assert ("⏎ Open" in footer(app)) == on_talk, (key, table.selected_key)
        assert kinds_seen == {True, False}  # both kinds of row were met


async def test_the_cursor_is_drawn_on_its_row_alone_after_paging_back_and_forth(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await pilot.pause()
        for key in ["pageup"] * 6 + ["pagedown"] * 6 + ["pageup"] * 3 + ["down", "pagedown"]:
            await page(pilot, key, 1)
            assert cursor_lines(table) == selected_lines(table), (key, table.selected_key)


async def test_a_row_drawn_before_shows_its_current_star_when_paged_back_into_view(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        table = table_of(app)
        await pilot.pause()
        assert table.selected_key == TALK
        assert star_drawn(table, TITLE) is False
        for starred in (True, False, True):
            await page(pilot, "s", 1)
            assert star_drawn(table, TITLE) is starred
            await page(pilot, "pageup", 3)  # the row off screen, the cursor elsewhere
            assert star_drawn(table, TITLE) is None
            for _ in range(table.row_count):  # paged on until it is back in view
                await page(pilot, "pagedown", 1)
                if star_drawn(table, TITLE) is not None:
                    break
            assert star_drawn(table, TITLE) is starred
            assert cursor_lines(table) == selected_lines(table)
            await move_schedule_to(pilot, TALK)  # back onto the row, to star it again


async def test_a_star_shows_stars_made_meanwhile_in_another_terminal(
    program: Program, data_dir: Path, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        table = table_of(app)
        await pilot.pause()
        assert (star_drawn(table, TITLE), star_drawn(table, OTHER_TITLE)) == (False, False)
        elsewhere = Store.open(data_dir, program.conference.id)
        try:
            elsewhere.star([program.talk(OTHER)])
        finally:
            elsewhere.close()
        await page(pilot, "s", 1)
        assert app.starred == {TALK, OTHER}
        assert (star_drawn(table, TITLE), star_drawn(table, OTHER_TITLE)) == (True, True)
        await page(pilot, "s", 1)  # unstarred here: the other terminal's star stays
        assert app.starred == {OTHER}
        assert (star_drawn(table, TITLE), star_drawn(table, OTHER_TITLE)) == (False, True)
    assert Store.read(data_dir, program.conference.id).starred_ids() == {OTHER}
