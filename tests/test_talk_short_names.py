"""`companion talks` shows each talk by the shortest name a person can type for it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from companion.catalog import open_program
from companion.talk_names import resolve_talk, short_names
from tests.cli_driving import call_cli
from tests.conftest import FIXTURES

PROGRAMS = [str(FIXTURES / "congressish.json"), str(FIXTURES / "fosdemish.xml"), None]


@pytest.mark.parametrize("path", PROGRAMS, ids=["c3voc", "frab", "bundled"])
def test_talks_shows_a_short_name_that_names_each_talk_alone(path: str | None) -> None:
    program_args = ["--program", path] if path else []
    listed = call_cli(*program_args, "talks")
    assert listed.returncode == 0, listed
    shown = re.findall(r"^\[([^\]]+)\] ", listed.stdout, re.MULTILINE)
    talks = json.loads(call_cli(*program_args, "talks", "--json").stdout)
    assert len(shown) == len(talks)
    program = open_program(path).program if path else None
    if program is not None:
        assert sorted(resolve_talk(program, name) or "" for name in shown) == sorted(
            talk["id"] for talk in talks
        )
    assert all(len(name) <= 32 for name in shown)  # never a 36-character guid
    if path == str(FIXTURES / "congressish.json"):
        assert sorted(shown) == ["11", "12", "13", "14"]
        assert talks[0]["aliases"] == ["11", "opening"]


def test_a_guid_without_a_short_name_is_shown_by_its_shortest_unique_prefix(
    tmp_path: Path,
) -> None:
    xml = re.sub(r' id="\d+"', "", (FIXTURES / "fosdemish.xml").read_text(encoding="utf-8"))
    path = tmp_path / "schedule.xml"
    path.write_text(xml, encoding="utf-8")
    program = open_program(str(path)).program
    names = short_names(program)
    for talk_id, name in names.items():
        assert len(name) >= 8 and resolve_talk(program, name) == talk_id
    assert names["0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa"] == "0e5d2b6c-1"
