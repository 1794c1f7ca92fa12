"""A kept copy is ASCII JSON, every other character escaped, and reads back unchanged:
a text with one accented name would take twice the memory while it is parsed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_driving import call_cli

FOSDEMISH = Path(__file__).parent / "fixtures" / "fosdemish.xml"
TITLE = "Keynote: Compilateurs partout — Kōji Dvořák 😀"


def test_a_kept_copy_is_ascii_and_keeps_every_character(tmp_path: Path, data_dir: Path) -> None:
    program = tmp_path / "schedule.xml"
    program.write_text(
        FOSDEMISH.read_text(encoding="utf-8").replace("Keynote: Compilers Everywhere", TITLE),
        encoding="utf-8",
    )
    assert call_cli("--program", str(program), "star", "101").returncode == 0
    kept = (data_dir / "programs" / "devconf-2030.json").read_bytes()
    assert kept.isascii()
    assert TITLE in [talk["title"] for talk in json.loads(kept)["talks"]]
    starred = call_cli("--program", "devconf-2030", "starred", "--json")  # read from the copy
    assert [talk["title"] for talk in json.loads(starred.stdout)] == [TITLE]
