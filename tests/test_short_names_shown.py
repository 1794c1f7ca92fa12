"""Every listing of talks names each by the short name commands take, not by a 36-character
guid; a long free gap reads in hours."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.present.words import length_words
from tests.cli_driving import call_cli

FOSDEMISH = Path(__file__).parent / "fixtures" / "fosdemish.xml"
GUID = "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa"  # event 101, the keynote


@pytest.fixture
def starred_keynote() -> None:
    assert call_cli("--program", str(FOSDEMISH), "star", "101", "102").returncode == 0


@pytest.mark.parametrize("command", [["starred"], ["agenda"], ["show", "zoe-orsted"]])
def test_listings_name_talks_by_their_short_name(starred_keynote: None, command: list[str]) -> None:
    ran = call_cli("--program", "devconf-2030", *command)
    assert ran.returncode == 0, ran.stderr
    keynote = next(line for line in ran.stdout.splitlines() if "Keynote" in line)
    assert keynote.endswith("[101]"), keynote
    assert GUID not in ran.stdout


def test_the_short_name_shown_is_one_commands_take(starred_keynote: None) -> None:
    assert call_cli("--program", "devconf-2030", "unstar", "101").returncode == 0
    assert "Keynote" not in call_cli("--program", "devconf-2030", "starred").stdout


def test_lengths_read_in_hours_from_two_hours() -> None:
    assert [length_words(m) for m in (5, 75, 119, 120, 262, 780)] == [
        "5 min",
        "75 min",
        "119 min",
        "2 h",
        "4 h 22 min",
        "13 h",
    ]


def test_search_names_talks_by_their_short_name() -> None:
    ran = call_cli("--program", str(FOSDEMISH), "search", "keynote")
    assert ran.returncode == 0, ran.stderr
    assert "Keynote: Compilers Everywhere  [101]" in ran.stdout
    assert GUID not in ran.stdout


def test_a_talk_without_speakers_says_they_were_not_published() -> None:
    ran = call_cli("--program", str(FOSDEMISH), "show", "102")  # Midnight Hacking: <persons/>
    assert "Speakers:    not published" in ran.stdout


def test_an_imported_program_is_named_once_atop_its_talks() -> None:
    first = call_cli("--program", str(FOSDEMISH), "talks").stdout.splitlines()[0]
    assert first == "DevConf Brussels 2030"
