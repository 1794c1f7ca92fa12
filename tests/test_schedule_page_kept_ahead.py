"""Once a page's frame is out, the table makes the lines of the frame the next page will
ask for and keeps them under all they depend on: a page that comes as foreseen draws no
line at its frame, and one that does not (a star, a clock tick, another key in between)
draws its own. Either way the screen shows what a new app would draw."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.geometry import Region
from textual.strip import Strip

from companion.clock import parse_moment
from companion.program import Program
from companion.ui.services import services
from companion.ui.widgets import schedule_table
from companion.ui.widgets.plain_lines import plain_lines
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import AppFactory, until
from tests.test_schedule_fresh_drawing import LATER, SIZE, START, drawn_anew, seen
from tests.test_schedule_paging_paths import table_of

BETWEEN = ["nothing", "star", "clock", "up"]


@pytest.mark.parametrize("between", BETWEEN)
async def test_a_page_shows_what_a_new_app_draws_whether_it_was_foreseen_or_not(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch, between: str
) -> None:
    made_ahead: list[Region] = []  # the lines made for a frame still to come
    lines_drawn: list[int] = []  # one per line a frame drew
    frames: list[tuple[int, float]] = []  # the lines drawn so far and the scroll, each frame

    def watched_plain_lines(
        table: ScheduleTable, crop: Region, render_line: Callable[[int], Strip]
    ) -> list[Strip]:
        if getattr(render_line, "__self__", None) is not table:
            made_ahead.append(crop)
        return plain_lines(table, crop, render_line)

    def counted_render_line(table: ScheduleTable, y: int) -> Strip:
        lines_drawn.append(y)
        return render_line(table, y)

    render_line = ScheduleTable.render_line
    monkeypatch.setattr(schedule_table, "plain_lines", watched_plain_lines)
    monkeypatch.setattr(ScheduleTable, "render_line", counted_render_line)
    app = make_app(START)
    now = START
    async with app.run_test(size=SIZE) as pilot:
        table = table_of(app)
        monkeypatch.setattr(
            app, "post_display_hook", lambda: frames.append((len(lines_drawn), table.scroll_y))
        )
        # Each key twice, the second as foreseen or not (paged up to the top, a move up
        # would end where the page up was foreseen to).
        for key in ("pagedown", "pageup") if between == "nothing" else ("pagedown",):
            made_ahead.clear()
            await pilot.press(key)
            await until(pilot, lambda: bool(made_ahead))  # the next page's lines
            if between == "star":
                starred = app.starred
                services(app.screen).toggle_star(program.talks[0].id)
                await until(pilot, lambda: app.starred != starred)  # noqa: B023
            elif between == "clock":
                now = LATER
                app.now = parse_moment(LATER, program.conference.zone)
            elif between == "up":
                await pilot.press("up")
            await pilot.pause()
            frames.clear()
            lines_drawn.clear()
            top = table.scroll_y
            await pilot.press(key)
            await until(pilot, lambda: any(scroll != top for _, scroll in frames))  # noqa: B023
            # The lines drawn from the key to the frame that shows the page.
            first_frame_lines = next(lines for lines, scroll in frames if scroll != top)
            if between == "nothing":
                assert first_frame_lines == 0  # handed over as made ahead
            else:
                assert first_frame_lines > 0  # drawn for what changed
            await pilot.pause()
            state = seen(app, now)
            assert await drawn_anew(make_app, state) == state, key
