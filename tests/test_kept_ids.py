"""Two different conferences whose files give the same id are kept apart, with stars of
their own; a later version of the same program keeps its id and its stars."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_driving import call_cli

FIXTURES = Path(__file__).parent / "fixtures"
PRETALX = FIXTURES / "pretalx-schedule.ics"  # says it is devconf-2030
FOSDEMISH = FIXTURES / "fosdemish.xml"  # a different program, also devconf-2030


def test_another_program_with_the_same_id_is_kept_apart() -> None:
    assert (
        call_cli("--program", str(PRETALX), "star", "pretalx-devconf-2030-qxkjma").returncode == 0
    )
    loaded = call_cli("--program", str(FOSDEMISH), "star", "101")
    assert loaded.returncode == 0
    assert "as devconf-2030-2 (devconf-2030 is another program you kept)" in loaded.stderr
    first = call_cli("--program", "devconf-2030", "starred", "--json")
    second = call_cli("--program", "devconf-2030-2", "starred", "--json")
    assert [t["id"] for t in json.loads(first.stdout)] == ["pretalx-devconf-2030-qxkjma"]
    assert [t["title"] for t in json.loads(second.stdout)] == ["Keynote: Compilers Everywhere"]
    again = call_cli("--program", str(FOSDEMISH), "starred")  # the same file: the same id
    assert again.returncode == 0 and "Keynote" in again.stdout
    assert "devconf-2030-3" not in again.stderr


def test_a_later_version_of_a_program_keeps_its_id(tmp_path: Path) -> None:
    assert call_cli("--program", str(FOSDEMISH), "star", "101").returncode == 0
    later = tmp_path / "schedule.xml"
    later.write_text(
        FOSDEMISH.read_text(encoding="utf-8").replace("Midnight Hacking", "Night Hacking"),
        encoding="utf-8",
    )
    ran = call_cli("--program", str(later), "starred")
    assert "as devconf-2030-2" not in ran.stderr and "Keynote" in ran.stdout
