"""The schedule screen, driven through Textual's pilot."""

from __future__ import annotations

from companion.clock import fixed_clock, parse_moment
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.schedule_table import ScheduleTable


def make_app(program: Program, now: str) -> CompanionApp:
    return CompanionApp(program, clock=fixed_clock(parse_moment(now, program.conference.zone)))


async def test_schedule_lists_the_whole_day_and_what_is_on(program: Program) -> None:
    app = make_app(program, "2026-02-01T16:30")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ScheduleTable)
        keys = [row.key.value for row in table.ordered_rows]
        assert [key for key in keys if key and not key.startswith("slot:")] == [
            talk.id for talk in program.talks
        ]
        assert keys[0] == "slot:cc-2026-panel" and keys[-1] == "slot:closing"
        now_next = str(app.screen.query_one("#now-next").render())
        assert now_next.startswith("Now: Analyzing the complexities")
        assert "Next: XTC" in now_next
