"""The event's own name, subtitle, venue and city, and the whole date range of a
multi-day event, wherever the event is dated."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from companion.catalog import open_program
from companion.present.dates import date_range, iso_range
from companion.present.talk import listing_day
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.screens.about import AboutScreen
from companion.ui.widgets.app_header import AppHeader
from tests.cli_driving import call_cli
from tests.driving import drawn_lines, flat, until
from tests.programs import tiny_program

FIXTURES = Path(__file__).parent / "fixtures"
FOSDEM = FIXTURES / "fosdem-people.xml"  # FOSDEM's <conference>: title, venue, city
SIZE = (80, 24)


@pytest.mark.parametrize(
    ("first", "last", "words", "iso"),
    [
        (date(2026, 2, 1), date(2026, 2, 1), "Sunday 1 February 2026", "2026-02-01"),
        (
            date(2030, 2, 2),
            date(2030, 2, 3),
            "Saturday 2 – Sunday 3 February 2030",
            "2030-02-02/03",
        ),
        (
            date(2030, 1, 31),
            date(2030, 2, 1),
            "Thursday 31 January – Friday 1 February 2030",
            "2030-01-31/02-01",
        ),
        (
            date(2029, 12, 27),
            date(2030, 1, 1),
            "Thursday 27 December 2029 – Tuesday 1 January 2030",
            "2029-12-27/2030-01-01",
        ),
    ],
)
def test_date_ranges_say_what_both_ends_share_once(
    first: date, last: date, words: str, iso: str
) -> None:
    assert date_range(first, last) == words
    assert iso_range(first, last) == iso


@pytest.fixture
def fosdem() -> Program:
    return open_program(str(FOSDEM)).program


def test_import_keeps_title_subtitle_venue_and_city(fosdem: Program) -> None:
    conference = fosdem.conference
    assert (conference.id, conference.name) == ("fosdem-2030", "FOSDEM 2030")
    assert conference.subtitle == "Free and Open source Software Developers' European Meeting"
    assert conference.venue is not None
    assert (conference.venue.name, conference.venue.city) == (
        "ULB (Université Libre de Bruxelles)",
        "Brussels",
    )
    assert conference.venue_line == "ULB (Université Libre de Bruxelles), Brussels"


def test_about_gives_venue_city_and_date_range() -> None:
    ran = call_cli("--program", str(FOSDEM), "about")
    assert ran.returncode == 0, ran
    lines = ran.stdout.splitlines()
    assert lines[:2] == [
        "FOSDEM 2030",  # its name is its title: said once
        "Free and Open source Software Developers' European Meeting",
    ]
    assert "When:        Saturday 2 – Sunday 3 February 2030 (Europe/Brussels)" in lines
    assert "Where:       ULB (Université Libre de Bruxelles)" in lines
    assert "             Brussels" in lines
    assert not any("Room:" in line for line in lines)  # each talk names its room


def test_about_json_gives_subtitle_and_city() -> None:
    about = json.loads(call_cli("--program", str(FOSDEM), "about", "--json").stdout)
    assert about["venue"]["city"] == "Brussels"
    assert about["subtitle"].startswith("Free and Open source")


def test_markdown_header_gives_the_date_range_and_city(tmp_path: Path) -> None:
    target = tmp_path / "all.md"
    ran = call_cli("--program", str(FOSDEM), "export", "-f", "md", "--all", "-o", str(target))
    assert ran.returncode == 0, ran
    header = target.read_text(encoding="utf-8").splitlines()[2]
    assert header == (
        "FOSDEM 2030 · Saturday 2 – Sunday 3 February 2030 · "
        "ULB (Université Libre de Bruxelles), Brussels"
    )


def test_programs_list_dates_each_program_whole() -> None:
    assert call_cli("--program", str(FOSDEM), "about").returncode == 0
    lines = call_cli("programs").stdout.splitlines()
    bundled = next(line for line in lines if line.startswith("c4ml-2026"))
    fosdem = next(line for line in lines if line.startswith("fosdem-2030"))
    assert " 2026-02-01 " in bundled and " 2030-02-02/03 " in fosdem
    assert bundled.index("talks") == fosdem.index("talks")  # the columns line up


def test_before_the_event_now_gives_the_range() -> None:
    ran = call_cli("--program", str(FOSDEM), "--now", "2030-01-30T12:00", "now")
    assert "FOSDEM 2030 is on Saturday 2 – Sunday 3 February 2030: in 3 days." in ran.stdout


def test_the_bundled_one_day_event_reads_as_before() -> None:
    lines = call_cli("about").stdout.splitlines()
    assert lines[0] == "C4ML 2026 — 7th Workshop on Compilers for Machine Learning"
    assert any(line.startswith("When:        Sunday 1 February 2026 (") for line in lines)
    assert "             Room: not published" in lines


async def test_header_and_about_screen_read_the_events_name_venue_and_dates(
    make_app: Callable[..., CompanionApp], fosdem: Program
) -> None:
    app = make_app("2030-02-02T09:00", on=fosdem)
    async with app.run_test(size=SIZE) as pilot:
        title = flat(drawn_lines(app.screen.query_one(AppHeader)))
        assert "FOSDEM 2030" in title and "fosdem-2030" not in title
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, AboutScreen))
        about = flat(drawn_lines(app.screen.query_one("#about-text")))
        assert about.startswith("FOSDEM 2030 Free and Open source Software")
        assert "Saturday 2 – Sunday 3 February 2030" in about
        assert "ULB (Université Libre de Bruxelles) Brussels" in about


def _two_day_workshop(tmp_path: Path) -> Path:
    """The tiny workshop with its second session and the coffee before it a day later."""
    document = tiny_program()
    document["conference"]["end_date"] = "2030-03-05"
    for item in [*document["slots"], *document["talks"]]:
        if item["id"] in ("coffee", "s2", "gamma", "delta"):
            for edge in ("start", "end"):
                if edge in item:
                    item[edge] = item[edge].replace("2030-03-04", "2030-03-05")
    path = tmp_path / "two-days.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_markdown_sessions_of_a_multi_day_program_name_their_day(tmp_path: Path) -> None:
    target = tmp_path / "all.md"
    program = _two_day_workshop(tmp_path)
    ran = call_cli("--program", str(program), "export", "-f", "md", "--all", "-o", str(target))
    assert ran.returncode == 0, ran
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "A tiny workshop · Monday 4 – Tuesday 5 March 2030 · Hall A"
    sessions = [line for line in lines if line.startswith("## ")]
    assert sessions == ["## Session One (Mon 09:10–10:10)", "## Session Two (Tue 10:30–11:30)"]


def test_a_person_of_a_multi_day_program_has_the_day_beside_each_time(tmp_path: Path) -> None:
    ran = call_cli("--program", str(_two_day_workshop(tmp_path)), "show", "ann-able")
    talks = [line.split("  ")[1].strip() for line in ran.stdout.splitlines() if "[" in line]
    assert talks == ["Mon ≈09:10–09:40", "Tue 10:30–11:00"]


def test_markdown_sessions_of_a_one_day_program_stay_as_they_were(tmp_path: Path) -> None:
    path, target = tmp_path / "tiny.json", tmp_path / "all.md"
    path.write_text(json.dumps(tiny_program()), encoding="utf-8")
    assert (
        call_cli("--program", str(path), "export", "-f", "md", "--all", "-o", str(target))[0] == 0
    )
    sessions = [line for line in target.read_text().splitlines() if line.startswith("## ")]
    assert sessions == ["## Session One (09:10–10:10)", "## Session Two (10:30–11:30)"]


def test_the_day_beside_a_time_is_the_conference_day_or_the_shown_zones_date(
    frab_program: Program, program: Program
) -> None:
    midnight = frab_program.talk("0e5d2b6c-2222-4a8b-9c55-bbbbbbbbbbbb")  # Sat 23:30 Brussels
    venue = frab_program.conference.zone
    assert listing_day(frab_program, midnight, venue) == date(2030, 2, 2)
    assert listing_day(frab_program, midnight, ZoneInfo("Australia/Sydney")) == date(2030, 2, 3)
    talk = program.talks[0]
    assert listing_day(program, talk, program.conference.zone) is None  # one day: no day
