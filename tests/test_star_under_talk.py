"""A star on the talk screen draws the star there alone: the schedule under it, out of
sight, shows its rows' stars as it is shown again (its rows filled while hidden cost a
star on the talk screen about 1 ms of CPU at 10,000 talks)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import datetime, timedelta, tzinfo

import pytest

from companion.present.now import Happening, happenings
from companion.program import Program
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.widgets import now_next
from companion.ui.widgets.schedule_rows import ScheduleView
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import AppFactory, drawn_lines, flat, screen_lines, until
from tests.test_talk_opened_in_a_row import open_from_schedule


async def test_a_star_on_the_talk_screen_fills_the_schedule_once_shown_again(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=(120, 30)) as pilot:
        await open_from_schedule(pilot, talk)
        fills: list[ScheduleView] = []
        fill = ScheduleTable.fill

        def counted(table: ScheduleTable, view: ScheduleView, focus: str | None = None) -> None:
            fills.append(view)
            fill(table, view, focus)

        monkeypatch.setattr(ScheduleTable, "fill", counted)
        await pilot.press("s")
        await until(pilot, lambda: "(s to star)" not in flat(screen_lines(app.screen)))
        await pilot.pause()
        assert talk.id in app.starred
        assert fills == []  # out of sight: nothing drawn for it yet
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        await pilot.pause()
        rows = drawn_lines(app.screen.query_one(ScheduleTable))
        assert any("★" in row and talk.title[:12] in row for row in rows)
        assert len(fills) == 1


async def test_a_star_on_the_talk_screen_tells_the_banner_once_shown_again(
    make_app: AppFactory, generated: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A talk on now, among others, that its star puts first in the banner."""
    program, zone = generated, generated.conference.zone
    now, talk = next(
        (moment, talk)
        for talk in program.talks
        for moment in [talk.start + timedelta(minutes=5)]
        if happenings(program, moment, zone, {talk.id}) != happenings(program, moment, zone)
    )
    app = make_app(now.isoformat(), on=program)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_from_schedule(pilot, talk)
        told: list[AbstractSet[str]] = []

        def counted(
            program: Program, now: datetime, zone: tzinfo, starred: AbstractSet[str] = frozenset()
        ) -> tuple[Happening, ...] | str:
            told.append(starred)
            return happenings(program, now, zone, starred)

        monkeypatch.setattr(now_next, "happenings", counted)
        await pilot.press("s")
        await until(pilot, lambda: "(s to star)" not in flat(screen_lines(app.screen)))
        await pilot.pause()
        assert told == []  # out of sight: nothing worked out for it yet
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        await pilot.pause()
        said = happenings(program, now, zone, {talk.id})
        assert not isinstance(said, str)
        banner = flat(drawn_lines(app.screen.query_one(now_next.NowNext)))
        assert said[0].text[:40] in banner
        assert told == [{talk.id}]
