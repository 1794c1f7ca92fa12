"""Conference days as the program defines them: a congress day runs 10:00 to 10:00 the
next morning, so its night's talks stay under the evening's day everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from companion.catalog import open_program
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.cli_driving import call_cli
from tests.driving import drawn_lines, until

ZONE = "Europe/Berlin"
FIRST, SECOND = "2029-12-27", "2029-12-28"


def _c3voc_event(guid: str, moment: str, title: str) -> dict[str, Any]:
    return {
        "guid": guid,
        "id": int(guid[-1]),
        "date": moment,
        "start": moment[11:16],
        "duration": "00:45",
        "room": "Saal 1",
        "title": title,
        "persons": [],
    }


C3VOC = {
    "schedule": {
        "version": "1",
        "conference": {
            "acronym": "nightcon",
            "title": "Night Congress",
            "start": FIRST,
            "end": SECOND,
            "time_zone_name": ZONE,
            "days": [
                {
                    "index": 1,
                    "date": FIRST,
                    "day_start": f"{FIRST}T10:00:00+01:00",
                    "day_end": f"{SECOND}T10:00:00+01:00",
                    "rooms": {
                        "Saal 1": [
                            _c3voc_event("talk-1", f"{FIRST}T11:00:00+01:00", "Opening"),
                            _c3voc_event("talk-2", f"{SECOND}T02:00:00+01:00", "Night Owls"),
                        ]
                    },
                },
                {
                    "index": 2,
                    "date": SECOND,
                    "day_start": f"{SECOND}T10:00:00+01:00",
                    "day_end": "2029-12-29T10:00:00+01:00",
                    "rooms": {
                        "Saal 1": [
                            _c3voc_event("talk-3", f"{SECOND}T12:00:00+01:00", "Second Morning")
                        ]
                    },
                },
            ],
        },
    }
}

# frab gives the night's talk only a time of day: 02:00 on a day that changes at 10:00.
FRAB = f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <acronym>nightcon</acronym><title>Night Congress</title>
    <start>{FIRST}</start><end>{SECOND}</end>
    <time_zone_name>{ZONE}</time_zone_name><day_change>10:00</day_change>
  </conference>
  <day index="1" date="{FIRST}" start="{FIRST}T10:00:00+01:00" end="{SECOND}T10:00:00+01:00">
    <room name="Saal 1">
      <event guid="talk-1" id="1"><start>11:00</start><duration>00:45</duration>
        <title>Opening</title></event>
      <event guid="talk-2" id="2"><start>02:00</start><duration>00:45</duration>
        <title>Night Owls</title></event>
    </room>
  </day>
  <day index="2" date="{SECOND}" start="{SECOND}T10:00:00+01:00" end="2029-12-29T10:00:00+01:00">
    <room name="Saal 1">
      <event guid="talk-3" id="3"><start>12:00</start><duration>00:45</duration>
        <title>Second Morning</title></event>
    </room>
  </day>
</schedule>
"""


@pytest.fixture(params=["c3voc", "frab"])
def night_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "c3voc":
        path = tmp_path / "schedule.json"
        path.write_text(json.dumps(C3VOC), encoding="utf-8")
    else:
        path = tmp_path / "schedule.xml"
        path.write_text(FRAB, encoding="utf-8")
    return path


def _json(*args: str) -> Any:
    ran = call_cli(*args)
    assert ran.returncode == 0, ran
    return json.loads(ran.stdout)


def test_talks_json_names_the_conference_day(night_file: Path) -> None:
    talks = {talk["id"]: talk for talk in _json("--program", str(night_file), "talks", "--json")}
    assert talks["talk-2"]["start"] == f"{SECOND}T02:00:00+01:00"
    assert {key: talk["day"] for key, talk in talks.items()} == {
        "talk-1": FIRST,
        "talk-2": FIRST,  # the night of the first day, not the second day's
        "talk-3": SECOND,
    }


def test_agenda_files_the_night_under_its_conference_day(night_file: Path) -> None:
    for talk_id in ("talk-1", "talk-2", "talk-3"):
        assert call_cli("--program", str(night_file), "star", talk_id).returncode == 0
    entries = _json("--program", str(night_file), "agenda", "--json")
    talks = [(entry["id"], entry["day"]) for entry in entries if "id" in entry]
    assert talks == [("talk-1", FIRST), ("talk-2", FIRST), ("talk-3", SECOND)]


def test_bundled_program_days_are_its_dates(program: Program) -> None:
    assert program.days == (program.conference.start_date,)
    assert all(talk.day == program.conference.start_date for talk in program.talks)


async def test_day_tab_lists_the_night_under_its_evening(
    night_file: Path, make_app: Callable[..., CompanionApp]
) -> None:
    night = open_program(str(night_file)).program
    app = make_app(now=f"{FIRST}T10:30", on=night)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await until(pilot, lambda: "Opening" in "\n".join(drawn_lines(table)))
        first_day = "\n".join(drawn_lines(table))
        assert "Night Owls" in first_day and "Second Morning" not in first_day
        await pilot.press("full_stop")
        await until(pilot, lambda: "Second Morning" in "\n".join(drawn_lines(table)))
        assert "Night Owls" not in "\n".join(drawn_lines(table))


def test_markdown_export_files_the_night_under_its_conference_day(night_file: Path) -> None:
    ran = call_cli("--program", str(night_file), "export", "--all", "-f", "md", "-o", "-")
    assert ran.returncode == 0, ran
    headings = [line for line in ran.stdout.splitlines() if line.startswith(("## ", "### "))]
    assert [h.split(" · ")[1] if h.startswith("###") else h for h in headings] == [
        "## Thursday 27 December 2029",
        "Opening",
        "Night Owls",  # 02:00 on the 28th, the first day's night
        "## Friday 28 December 2029",
        "Second Morning",
    ]
