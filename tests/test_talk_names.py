"""Talks named by a short form wherever the command line takes a talk id: the source's
numeric id, its slug, or an unambiguous start of the id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.catalog import open_program
from companion.talk_names import AmbiguousName, resolve_talk
from tests.cli_driving import assert_clean_error, call_cli

FIXTURES = Path(__file__).parent / "fixtures"
C3VOC = str(FIXTURES / "congressish.json")
FRAB = str(FIXTURES / "fosdemish.xml")
OPENING = "aaaaaaaa-0000-4000-8000-000000000001"  # id 11, slug "opening"
LATE = "aaaaaaaa-0000-4000-8000-000000000002"  # id 12
TALK_3 = "0e5d2b6c-3333-4a8b-9c55-cccccccccccc"


def _shown_id(*args: str) -> str:
    ran = call_cli(*args, "--json")
    assert ran.returncode == 0, ran
    shown: str = json.loads(ran.stdout)[0]["id"]
    return shown


def test_show_takes_the_numeric_id_the_slug_and_a_prefix() -> None:
    assert _shown_id("--program", C3VOC, "show", "12") == LATE
    assert _shown_id("--program", C3VOC, "show", "opening") == OPENING
    assert _shown_id("--program", FRAB, "show", "0e5d2b6c-3") == TALK_3
    assert _shown_id("--program", FRAB, "show", "0E5D2B6C-3") == TALK_3


def test_star_unstar_and_note_take_short_forms() -> None:
    ran = call_cli("--program", C3VOC, "star", "11", "12")
    assert ran.returncode == 0, ran
    assert OPENING in ran.stdout and LATE in ran.stdout
    starred = json.loads(call_cli("--program", C3VOC, "starred", "--json").stdout)
    assert {star["id"] for star in starred} == {OPENING, LATE}
    assert call_cli("--program", C3VOC, "note", "opening", "bring", "tea").returncode == 0
    assert call_cli("--program", C3VOC, "note", OPENING).stdout.strip() == "bring tea"
    assert call_cli("--program", C3VOC, "unstar", "12").returncode == 0
    starred = json.loads(call_cli("--program", C3VOC, "starred", "--json").stdout)
    assert [star["id"] for star in starred] == [OPENING]


def test_an_ambiguous_prefix_is_one_line_listing_the_candidates() -> None:
    call_cli("--program", FRAB, "talks")  # kept for offline use: said once, on first use
    ran = call_cli("--program", FRAB, "star", "0e5d2b6c")
    assert_clean_error(ran, "'0e5d2b6c' names 5 talks", TALK_3)
    assert call_cli("--program", FRAB, "starred", "--json").stdout.strip() in ("", "[]")


def test_unknown_names_are_still_reported_as_unknown() -> None:
    call_cli("--program", FRAB, "talks")
    assert_clean_error(call_cli("--program", FRAB, "star", "nothing-like-it"), "nothing-like-it")


def test_resolution_order_exact_then_short_name_then_prefix() -> None:
    program = open_program(C3VOC).program
    assert resolve_talk(program, OPENING) == OPENING
    assert resolve_talk(program, "13") == "aaaaaaaa-0000-4000-8000-000000000003"
    assert resolve_talk(program, "zzz") is None
    with pytest.raises(AmbiguousName) as raised:
        resolve_talk(program, "aaaa")
    assert OPENING in raised.value.candidates and LATE in raised.value.candidates
