"""Wording follows the program: a talk program's speakers, a paper program's authors, and
no affiliation line where the program publishes no affiliations."""

from __future__ import annotations

from collections.abc import Callable

from companion.program import Program
from companion.ui.app import CompanionApp
from tests.cli_driving import call_cli
from tests.conftest import FIXTURES
from tests.driving import screen_lines, show_talk

FOSDEM_HTML = FIXTURES / "fosdem-html.xml"
KEYNOTE = "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa"  # in the frab_program fixture


def test_an_imported_talk_names_speakers_and_no_affiliation_line() -> None:
    shown = call_cli("--program", str(FOSDEM_HTML), "show", "7f5a9d42-0000-4c11-9b0e-000000000001")
    assert shown.returncode == 0, shown.stderr
    assert "Speakers:    Lang Hames" in shown.stdout.splitlines()
    assert "Authors" not in shown.stdout and "Affiliation" not in shown.stdout


def test_the_workshop_program_keeps_authors_and_affiliations() -> None:
    lines = call_cli("show", "magellan").stdout.splitlines()
    assert any(line.startswith("Authors:     Hongzheng Chen") for line in lines)
    assert "Affiliation: Google, Google DeepMind, and Cornell University" in lines
    assert not any(line.startswith("Speakers") for line in lines)


async def test_the_screens_draw_speakers_for_an_imported_program(
    make_app: Callable[..., CompanionApp], frab_program: Program
) -> None:
    app = make_app(now="2030-02-02T09:30", on=frab_program)
    async with app.run_test(size=(80, 24)) as pilot:
        assert any("Talk · speakers" in line for line in screen_lines(app.screen))
        await show_talk(pilot, KEYNOTE)
        drawn = "\n".join(screen_lines(app.screen))
        assert "Speakers — Enter opens a person" in drawn
        assert "Authors" not in drawn and "Affiliation" not in drawn


async def test_the_screens_draw_authors_for_the_workshop_program(
    make_app: Callable[..., CompanionApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 40)) as pilot:
        assert any("Talk · authors · affiliation" in line for line in screen_lines(app.screen))
        await show_talk(pilot, "magellan")
        drawn = "\n".join(screen_lines(app.screen))
        assert "Authors — Enter opens a person" in drawn and "Affiliation" in drawn
        assert "Speakers" not in drawn


def test_an_imported_program_calls_its_people_speakers() -> None:
    person = call_cli("--program", str(FOSDEM_HTML), "show", "lang-hames").stdout.splitlines()
    assert "Role:        speaker" in person
    listed = call_cli("--program", str(FOSDEM_HTML), "speakers").stdout.split()
    assert listed == ["Lang", "Hames", "speaker"]
    assert "Role:        author" in call_cli("show", "ngan-nv-vu").stdout.splitlines()
