"""What the command line says when there is nothing to do, and how it counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from companion.paths import DATA_DIR_VARIABLE
from tests.cli_driving import assert_clean_error, call_cli


def test_unstar_says_which_talks_were_not_starred() -> None:
    assert call_cli("star", "xtc").returncode == 0
    result = call_cli("unstar", "xtc", "magellan")
    assert result.returncode == 0  # what was asked for holds: neither is starred
    assert result.stdout.splitlines() == ["  unstarred xtc", "  magellan was not starred"]


def test_star_says_which_talks_were_starred_already() -> None:
    assert call_cli("star", "xtc").returncode == 0
    result = call_cli("star", "xtc", "magellan")
    assert result.returncode == 0
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "★ was already starred xtc",
        "★ starred magellan",
    ]


def test_browsing_with_a_data_directory_that_is_a_file_lists_without_stars(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "companion-data"
    blocker.write_text("a file the user keeps here")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(blocker))
    result = call_cli("talks")
    assert result.returncode == 0 and "Magellan" in result.stdout
    assert result.stderr.strip().splitlines() == [
        f"companion: cannot keep stars in {blocker}: {blocker} is a file, not a folder;"
        " stars not shown"
    ]


def test_note_without_a_note_says_there_is_none() -> None:
    result = call_cli("note", "magellan")
    assert (result.returncode, result.stdout, result.stderr) == (0, "No note on magellan.\n", "")


@pytest.mark.parametrize("below", ["", "data"], ids=["is-a-file", "under-a-file"])
@pytest.mark.parametrize(
    "command",
    [
        ["star", "xtc"],
        ["note", "xtc", "hi"],
        ["unstar", "xtc"],
        ["starred"],
        ["note", "xtc"],
        ["agenda"],
        ["remind"],
        ["export", "--format", "json", "--output", "-"],
    ],
)
def test_a_data_directory_that_is_a_file_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, below: str, command: list[str]
) -> None:
    blocker = tmp_path / "companion-data"
    blocker.write_text("a file the user keeps here")
    folder = blocker / below if below else blocker
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    result = call_cli(*command)
    assert_clean_error(result, str(folder), f"{blocker} is a file, not a folder")
    assert "File exists" not in result.stderr and "Not a directory" not in result.stderr
    assert blocker.read_text() == "a file the user keeps here"  # nothing lost


# A number, then a noun that disagrees with it: "1 rooms", "2 talk(s)", "1 talks".
WRONG_COUNT = re.compile(r"\b(1 [a-z]+s\b|[02-9] [a-z]+\(s\)|\d+ [a-z]+\(s\))")


@pytest.mark.parametrize("starred", [["xtc"], ["xtc", "magellan"]], ids=["one", "two"])
def test_counts_agree_with_their_nouns(tmp_path: Path, starred: list[str]) -> None:
    assert call_cli("star", *starred).returncode == 0
    exported = call_cli("export", "-f", "json", "-o", str(tmp_path / "out.json"))
    said = {
        "export": exported.stdout,
        "starred": call_cli("starred").stdout.splitlines()[0],
        "programs": call_cli("programs").stdout,
        "person": call_cli("show", "ngan-nv-vu").stdout,
    }
    for what, text in said.items():
        assert not WRONG_COUNT.search(text), (what, text)
    talks = "1 talk" if len(starred) == 1 else "2 talks"
    assert f"Wrote {talks} to" in said["export"]
    assert said["starred"] == f"{len(starred)} starred {talks.split()[1]}"
    assert "1 talk:" in said["person"]


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["remind", "--before", "-5"], ["star"], ["export"], ["--now"]],
    ids=["command", "value", "missing", "required-option", "option-value"],
)
def test_a_usage_error_is_one_line_that_names_help(args: list[str]) -> None:
    result = call_cli(*args)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("companion") and ": error: " in line and line.endswith(" --help)")
