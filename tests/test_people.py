"""People as the program knows them: ids that keep namesakes apart, biographies published
as HTML shown as readable text, and the day beside each talk of a multi-day program."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from companion.catalog import open_program
from companion.loading import ProgramError
from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.screens.person import PersonScreen
from companion.validation import validate_document
from tests.cli_driving import assert_clean_error, call_cli
from tests.driving import drawn_lines, flat, show_talk, until
from tests.programs import tiny_program

FIXTURES = Path(__file__).parent / "fixtures"
FOSDEM = FIXTURES / "fosdem-people.xml"  # a <persons> block with HTML biographies
PRETALX = FIXTURES / "pretalx-people.json"  # persons as objects with codes and biographies
TULIPS = "b7e1a0c2-0003-4c3e-9a11-000000000003"  # Jan de Vries (303) and Ada Quill, Sunday
SIZE = (80, 24)


@pytest.fixture
def fosdem() -> Program:
    return open_program(str(FOSDEM)).program


@pytest.fixture
def pretalx() -> Program:
    return open_program(str(PRETALX)).program


def _named(program: Program, name: str) -> list[Any]:
    return [person for person in program.people if person.name == name]


def test_frab_biographies_are_readable_text(fosdem: Program) -> None:
    ada = fosdem.person("ada-quill")
    assert ada.biography == (
        "Ada maintains the Quill <https://quill.example.org/> compiler.\n\n"
        "• Speaker since 2021\n• Loves tulips"
    )
    assert [(link.label, link.url) for link in ada.links] == [
        ("Homepage", "https://ada.example.org/")
    ]
    assert len(ada.talk_ids) == 2  # one person across the talks that name her id


def test_namesakes_with_different_ids_stay_two(fosdem: Program, pretalx: Program) -> None:
    jans = _named(fosdem, "Jan de Vries")
    assert [(jan.id, jan.biography) for jan in jans] == [
        ("jan-de-vries", "Jan writes flight software in Rust."),
        ("jan-de-vries-2", "Jan trains models on greenhouse data."),
    ]
    assert [fosdem.talk(jan.talk_ids[0]).title for jan in jans] == [
        "Rust in Space",
        "Tulips and Tensors",
    ]
    alexes = _named(pretalx, "Alex Kim")
    assert [alex.biography for alex in alexes] == [
        "Alex builds radios.",
        "Another Alex Kim: a radio astronomer.",
    ]


def test_c3voc_person_objects_give_biography_links_and_one_person_per_code(
    pretalx: Program,
) -> None:
    (sam,) = _named(pretalx, "Sam Iron")
    assert sam.biography == "Sam runs the hardware hacking village."  # tags gone
    assert [link.label for link in sam.links] == ["Speaker page"]
    assert len(sam.talk_ids) == 2  # named by both events, one person


def test_a_talk_names_its_authors_by_id(fosdem: Program) -> None:
    talk = fosdem.talk(TULIPS)
    assert fosdem.author_ids(talk) == ("jan-de-vries-2", "ada-quill")


def test_programs_without_people_keep_their_people(program: Program) -> None:
    """A program that names its authors only by name (the bundled one) is as before."""
    assert program.person("ngan-nv-vu").biography is None
    assert not program.shared_names


def _with_people(**talk_fields: Any) -> dict[str, Any]:
    document = tiny_program()
    document["people"] = [{"id": "ann", "name": "Ann", "biography": "Hi."}]
    document["talks"][0].update(talk_fields)
    return document


def test_a_program_file_may_give_people_and_talks_name_them() -> None:
    document = _with_people(authors=["Ann"], people=["ann"])
    assert json.loads(validate_document(document, "file"))["people"][0]["biography"] == "Hi."


@pytest.mark.parametrize(
    ("fields", "people", "problem"),
    [
        ({"authors": ["Ann"], "people": ["bob"]}, None, "no person with id 'bob'"),
        ({"authors": ["Ann", "Bob"], "people": ["ann"]}, None, "for each author"),
        ({"authors": ["Ann"], "people": ["ann"]}, ["ann", "ann"], "duplicate person id"),
    ],
)
def test_a_program_file_must_name_people_it_gives(
    fields: dict[str, Any], people: list[str] | None, problem: str
) -> None:
    document = _with_people(**fields)
    if people:
        document["people"] = [{"id": person, "name": person} for person in people]
    with pytest.raises(ProgramError, match=problem):
        validate_document(document, "file")


def test_show_person_prints_biography_and_the_day_of_each_talk() -> None:
    ran = call_cli("--program", str(FOSDEM), "show", "ada-quill")
    assert ran.returncode == 0, ran
    lines = ran.stdout.splitlines()
    assert "Biography:" in lines and "<p>" not in ran.stdout
    assert "• Loves tulips" in lines
    assert "Link:        Homepage <https://ada.example.org/>" in lines
    talks = [line.split("   ")[0].strip() for line in lines if line.startswith("  ")]
    assert talks == ["Sat 10:00–10:50", "Sun 14:00–14:30"]


def test_a_one_day_program_names_no_day_and_no_biography() -> None:
    ran = call_cli("show", "ngan-nv-vu")
    assert ran.returncode == 0, ran
    assert "Biography" not in ran.stdout
    assert not any(line.startswith("  Sun") for line in ran.stdout.splitlines())


def test_speakers_tell_namesakes_apart() -> None:
    ran = call_cli("--program", str(FOSDEM), "speakers")
    jans = [line for line in ran.stdout.splitlines() if line.startswith("Jan de Vries")]
    assert [line.split("  ")[-2:] for line in jans] == [
        ["“Rust in Space”", "[jan-de-vries]"],
        ["“Tulips and Tensors”", "[jan-de-vries-2]"],
    ]
    ada = next(line for line in ran.stdout.splitlines() if line.startswith("Ada"))
    assert "[" not in ada  # a name no one else has needs no id


def test_kept_copy_keeps_people_and_json_gives_their_biographies() -> None:
    """The kept copy is the native document: its people and ids survive offline."""
    assert call_cli("--program", str(PRETALX), "about").returncode == 0
    ran = call_cli("--program", "camp-2030", "speakers", "--json")
    people = {person["id"]: person for person in json.loads(ran.stdout)}
    assert {key: person["name"] for key, person in people.items()} == {
        "sam-iron": "Sam Iron",
        "alex-kim": "Alex Kim",
        "alex-kim-2": "Alex Kim",
    }
    assert people["alex-kim-2"]["biography"] == "Another Alex Kim: a radio astronomer."
    assert people["sam-iron"]["links"] == [
        {"label": "Speaker page", "url": "https://pretalx.example.org/camp-2030/speaker/KX8ABC/"}
    ]


async def test_person_screen_shows_the_namesake_meant_biography_and_days(
    make_app: Callable[..., CompanionApp], fosdem: Program
) -> None:
    app = make_app("2030-02-02T09:00", on=fosdem)
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, TULIPS)
        await pilot.press("enter")  # the first author: the Jan de Vries of tulips
        await until(pilot, lambda: isinstance(app.screen, PersonScreen))
        facts = flat(drawn_lines(app.screen.query_one("#person-facts")))
        assert "greenhouse" in facts and "Rust" not in facts
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, PersonScreen))
        await pilot.press("down", "enter")  # the second author: Ada Quill
        await until(pilot, lambda: isinstance(app.screen, PersonScreen))
        facts = flat(drawn_lines(app.screen.query_one("#person-facts")))
        assert "Biography Ada maintains the Quill <https://quill.example.org/> compiler." in facts
        assert "• Speaker since 2021 • Loves tulips" in facts and "<p>" not in facts
        talks = drawn_lines(app.screen.query_one("#person-talks"))
        assert any("Sat 10:00–10:50" in line and "Welcome" in line for line in talks)
        assert any("Sun 14:00–14:30" in line and "Tulips" in line for line in talks)


async def test_below_a_long_biography_every_talk_comes_into_view(
    make_app: Callable[..., CompanionApp], tmp_path: Path
) -> None:
    long = "&lt;p&gt;" + "Ada has written compilers for many years. " * 40 + "&lt;/p&gt;"
    text = FOSDEM.read_text(encoding="utf-8").replace("&lt;p&gt;Ada maintains", long + "&lt;p&gt;")
    path = tmp_path / "schedule.xml"
    path.write_text(text, encoding="utf-8")
    app = make_app("2030-02-02T09:00", on=open_program(str(path)).program)
    async with app.run_test(size=SIZE) as pilot:
        app.open_person("ada-quill")
        await until(pilot, lambda: bool(app.screen.query("#person-talks:focus")))
        body, talks = app.screen.query_one("#person-body"), app.screen.query_one("#person-talks")
        assert not body.region.contains_region(talks.region)  # below the fold at first
        await pilot.press("down")
        await until(pilot, lambda: body.region.contains_region(talks.region))
        assert talks.region.height == 4  # both talks, each with its room under it
        await pilot.press("up", "up")  # past the first talk: the page scrolls back up
        await until(pilot, lambda: not body.region.contains_region(talks.region))


async def test_speakers_screen_tells_namesakes_apart(
    make_app: Callable[..., CompanionApp], fosdem: Program
) -> None:
    app = make_app("2030-02-02T09:00", on=fosdem)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: bool(app.screen.query("#speaker-list")))
        listed = drawn_lines(app.screen.query_one("#speaker-list"))
        jans = [line.strip() for line in listed if "Jan de Vries" in line]
        assert [line.split(" · ")[-1] for line in jans] == [
            "“Rust in Space”",
            "“Tulips and Tensors”",
        ]


def test_show_finds_a_person_by_name_typed_without_accents() -> None:
    ran = call_cli("show", "markus bock")
    assert ran.returncode == 0 and ran.stdout.startswith("Markus Böck\n")
    assert call_cli("show", "NGÂN (NV) VŨ").stdout.startswith("Ngân (NV) Vũ\n")


def test_show_of_a_namesake_by_name_asks_for_the_id() -> None:
    assert call_cli("--program", str(FOSDEM), "about").returncode == 0  # kept: said once
    ran = call_cli("--program", "fosdem-2030", "show", "Jan de Vries")
    assert_clean_error(ran, "names 2 people: jan-de-vries, jan-de-vries-2")


def test_speakers_lines_end_without_trailing_spaces() -> None:
    lines = call_cli("--program", str(FOSDEM), "speakers").stdout.splitlines()
    assert lines and all(line == line.rstrip() for line in lines)


def test_show_takes_the_id_the_source_gives_a_person() -> None:
    """FOSDEM's <person id="303">: the second Jan de Vries, by the id on FOSDEM's site."""
    assert call_cli("--program", str(FOSDEM), "about").returncode == 0
    ran = call_cli("--program", "fosdem-2030", "show", "303")
    assert ran.returncode == 0 and ran.stdout.startswith("Jan de Vries\n")
    assert "Tulips and Tensors" in ran.stdout and "Rust in Space" not in ran.stdout
    people = json.loads(call_cli("--program", "fosdem-2030", "speakers", "--json").stdout)
    assert {p["id"]: p.get("aliases") for p in people}["jan-de-vries-2"] == ["303"]


def test_a_short_name_shared_by_a_talk_and_a_speaker_shows_the_talk(tmp_path: Path) -> None:
    """`talks` lists the talk as [103]; `show 103` must not open a speaker whose id is 103."""
    xml = (Path(__file__).parent / "fixtures" / "fosdemish.xml").read_text(encoding="utf-8")
    path = tmp_path / "clash.xml"
    path.write_text(xml.replace('<person id="1">', '<person id="103">'), encoding="utf-8")
    ran = call_cli("--program", str(path), "show", "103")
    assert ran.returncode == 0 and ran.stdout.startswith("MLIR in Production\n")
