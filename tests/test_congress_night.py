"""A congress night: after midnight, "now" is still the conference day the night belongs
to (the listed `Talk.day`), in the banner, the day bar and the now-line of my day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from companion.clock import fixed_clock, parse_moment
from companion.present.now import describe_now_next
from companion.program import Program
from companion.store import Store
from companion.ui.app import CompanionApp
from companion.ui.widgets.day_bar import DayBar
from companion.ui.widgets.now_next import NowNext
from tests.cli_driving import call_cli
from tests.conftest import FIXTURES
from tests.driving import drawn_lines, flat, screen_lines, until
from tests.programs import opened

NIGHT = "2029-12-28T01:30"  # the night after day 1, which runs until 04:00
DAY_ONE, DAY_TWO = date(2029, 12, 27), date(2029, 12, 28)
OWL = "aaaaaaaa-0000-4000-8000-000000000015"


def _congress_night() -> dict[str, Any]:
    """congressish.json with a talk at 01:00 that day 1 lists (its night)."""
    data: dict[str, Any] = json.loads((FIXTURES / "congressish.json").read_text())
    day_one = data["schedule"]["conference"]["days"][0]["rooms"]["Saal 2"]
    owl = {"guid": OWL, "id": 15, "date": "2029-12-28T01:00:00-05:00", "start": "01:00"}
    day_one.append(owl | {"duration": "01:00", "room": "Saal 2", "title": "Night Owl Session"})
    return data


def _program() -> Program:
    return opened(_congress_night(), "schedule.json")


def test_the_night_belongs_to_the_day_before() -> None:
    program = _program()
    zone = program.conference.zone
    assert program.talk(OWL).day == DAY_ONE
    assert program.day_at(parse_moment(NIGHT, zone)) == DAY_ONE
    assert program.day_at(parse_moment("2029-12-28T12:30", zone)) == DAY_TWO
    assert program.day_at(parse_moment("2029-12-27T09:00", zone)) == DAY_ONE


def test_the_banner_names_the_next_day_when_the_night_is_over() -> None:
    program = _program()
    zone = program.conference.zone
    said = describe_now_next(program, parse_moment("2029-12-28T03:00", zone), zone)
    assert said.startswith("Now: today's program is over · Next: ")
    assert "Friday 28 December 2029 12:00–13:30 Day Two Workshop" in said


@pytest.mark.parametrize(
    ("owl", "stars", "now"),
    [(True, ("15", "14"), NIGHT), (False, ("12", "14"), "2029-12-28T00:15")],
    ids=["night-owl", "as-published"],
)
def test_the_now_line_of_my_day_stands_in_the_night_s_day(
    tmp_path: Path, owl: bool, stars: tuple[str, ...], now: str
) -> None:
    path = tmp_path / "schedule.json"
    data = _congress_night() if owl else json.loads((FIXTURES / "congressish.json").read_text())
    path.write_text(json.dumps(data))
    assert call_cli("--program", str(path), "star", *stars).returncode == 0
    agenda = call_cli("--program", str(path), "--now", now, "agenda")
    assert agenda.returncode == 0, agenda
    lines = agenda.stdout.splitlines()
    now_lines = [number for number, line in enumerate(lines) if f"now {now[-5:]}" in line]
    day_two = lines.index("== Friday 28 December 2029 ==")
    assert len(now_lines) == 1 and now_lines[0] < day_two, agenda.stdout


async def test_the_app_at_night_shows_day_one_and_what_is_on(data_dir: Path) -> None:
    program = _program()
    store = Store.open(data_dir, program.conference.id)
    store.star(program.talk(talk_id) for talk_id in (OWL, f"{OWL[:-2]}04"))
    store.close()
    clock = fixed_clock(parse_moment(NIGHT, program.conference.zone))
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: any("Night Owl" in line for line in screen_lines(app.screen)))
        banner = " ".join(drawn_lines(app.screen.query_one(NowNext)))
        assert "Night Owl Session" in banner
        assert "Fri 28 Dec" in banner or "Friday 28 December" in banner
        assert app.screen.query_one("#days", DayBar).chosen == 0
        await pilot.press("3")
        await until(pilot, lambda: "Night Owl" in flat(screen_lines(app.screen)))
        drawn = flat(screen_lines(app.screen))
        assert drawn.index("Night Owl") < drawn.index("── now 01:30 ──")
        assert drawn.index("── now 01:30 ──") < drawn.index("Friday 28 December 2029")


def test_the_last_night_is_still_the_event() -> None:
    data = _congress_night()
    saal_2 = data["schedule"]["conference"]["days"][1]["rooms"]["Saal 2"]
    late = {"guid": f"{OWL[:-2]}16", "id": 16, "date": "2029-12-28T23:30:00-05:00"}
    saal_2.append(late | {"start": "23:30", "duration": "01:00", "title": "Last Call"})
    program = opened(data, "schedule.json")
    zone = program.conference.zone
    said = describe_now_next(program, parse_moment("2029-12-29T00:10", zone), zone)
    assert said.startswith("Now: 23:30–00:30 Last Call"), said
    after = describe_now_next(program, parse_moment("2029-12-29T00:40", zone), zone)
    assert after.startswith("39th Example Congress took place on"), after
