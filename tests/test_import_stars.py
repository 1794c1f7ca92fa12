"""Stars from one companion to another through the command line: star in one data
directory, share or export, import in another; merge, replace, dry runs and refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from companion.paths import DATA_DIR_VARIABLE
from companion.program import Program
from companion.star_sources import read_stars
from tests.cli_driving import Ran, assert_clean_error, call_cli
from tests.programs import tiny_program
from tests.qr_reading import read_drawn

MINE = ["magellan", "xtc", "defeat-the-heap"]


class Companion:
    """One user's companion: the command line with a data directory of its own."""

    def __init__(self, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.data = data
        self.monkeypatch = monkeypatch

    def __call__(self, *args: str) -> Ran:
        self.monkeypatch.setenv(DATA_DIR_VARIABLE, str(self.data))
        return call_cli(*args)

    def stars(self, *program: str) -> list[str]:
        listed = json.loads(self(*program, "starred", "--json").stdout)
        return sorted(star["id"] for star in listed)

    def notes(self) -> dict[str, str]:
        return {s["id"]: s["note"] for s in json.loads(self("starred", "--json").stdout)}


@pytest.fixture
def alice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Companion:
    companion = Companion(tmp_path / "alice", monkeypatch)
    assert companion("star", *MINE).returncode == 0
    assert companion("note", "xtc", "ask about the scheduler").returncode == 0
    return companion


@pytest.fixture
def bob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Companion:
    return Companion(tmp_path / "bob", monkeypatch)


def share_code(companion: Companion) -> str:
    shared = companion("share", "--code")
    assert shared.returncode == 0, shared
    return shared.stdout.strip()


def test_a_share_code_carries_the_stars_to_another_data_directory(
    alice: Companion, bob: Companion
) -> None:
    imported = bob("import-stars", share_code(alice))
    assert imported.returncode == 0, imported
    assert bob.stars() == sorted(MINE)
    assert "New stars (3)" in imported.stdout


@pytest.mark.parametrize("export_format", ["json", "csv", "ics"])
def test_each_export_format_carries_the_stars(
    alice: Companion, bob: Companion, tmp_path: Path, export_format: str
) -> None:
    exported = tmp_path / f"stars.{export_format}"
    assert alice("export", "-f", export_format, "-o", str(exported)).returncode == 0
    assert bob("import-stars", str(exported)).returncode == 0
    assert bob.stars() == sorted(MINE)


def exported_with_note(companion: Companion, target: Path, note: str) -> Path:
    """The companion's stars exported to `target` (its format by its suffix), `note` on
    magellan."""
    companion("note", "magellan", note)
    companion("export", "-f", target.suffix[1:], "-o", str(target))
    return target


def test_notes_of_an_export_come_along_and_never_overwrite_ones_own(
    alice: Companion, bob: Companion, tmp_path: Path
) -> None:
    exported = exported_with_note(alice, tmp_path / "stars.json", "AlphaEvolve!")
    bob("note", "magellan", "my own thoughts")
    imported = bob("import-stars", str(exported))
    assert bob.notes() == {
        "magellan": "my own thoughts",
        "xtc": "ask about the scheduler",
        "defeat-the-heap": "",
    }
    assert "Notes added: 1 note" in imported.stdout
    assert "Notes kept as you wrote them: 1 talk" in imported.stdout


def test_an_export_of_the_whole_program_brings_its_stars_only(
    alice: Companion, bob: Companion, tmp_path: Path
) -> None:
    for export_format in ("json", "csv"):
        exported = tmp_path / f"all.{export_format}"
        alice("export", "--all", "-f", export_format, "-o", str(exported))
        bob("import-stars", str(exported), "--replace")
        assert bob.stars() == sorted(MINE)


def test_merge_keeps_ones_stars_and_replace_does_not(alice: Companion, bob: Companion) -> None:
    code = share_code(alice)
    bob("star", "deeptools")
    bob("import-stars", code)
    assert bob.stars() == sorted([*MINE, "deeptools"])
    replaced = bob("import-stars", "--replace", code)
    assert bob.stars() == sorted(MINE)
    assert "Unstarred (1): DeepTools" in replaced.stdout


def test_a_dry_run_shows_what_would_change_and_changes_nothing(
    alice: Companion, bob: Companion
) -> None:
    bob("star", "deeptools", "magellan")
    tried = bob("import-stars", "--dry-run", "--replace", share_code(alice))
    assert tried.returncode == 0
    assert "New stars (2)" in tried.stdout
    assert "Already starred (1): Magellan" in tried.stdout
    assert "Unstarred (1): DeepTools" in tried.stdout
    assert "Dry run: nothing changed." in tried.stdout
    assert bob.stars() == ["deeptools", "magellan"]


def test_a_plain_list_of_ids_and_short_names_from_standard_input(
    bob: Companion, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = io.BytesIO(b"# for Sunday\nmagellan\n\nxt\nno-such-talk\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(piped))
    imported = bob("import-stars", "-")
    assert imported.returncode == 0
    assert bob.stars() == ["magellan", "xtc"]
    assert "Not in this program (1): no-such-talk" in imported.stdout


def test_a_code_with_one_character_changed_is_refused_and_changes_nothing(
    alice: Companion, bob: Companion
) -> None:
    code = share_code(alice)
    bob("star", "deeptools")
    position = len(code) // 2
    damaged = code[:position] + ("A" if code[position] != "A" else "B") + code[position + 1 :]
    assert_clean_error(bob("import-stars", "--replace", damaged), "damaged")
    assert bob.stars() == ["deeptools"]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """The file of another program, tiny-2030."""
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(tiny_program()), encoding="utf-8")
    return path


def test_a_code_for_another_program_is_refused_naming_it(
    alice: Companion, bob: Companion, tiny: Path
) -> None:
    bob("--program", str(tiny), "star", "alpha")
    refused = bob("--program", str(tiny), "import-stars", share_code(alice))
    assert_clean_error(refused, "c4ml-2026", "not tiny-2030")
    assert bob.stars("--program", "tiny-2030") == ["alpha"]


def test_a_calendar_of_another_program_is_refused_naming_it(bob: Companion, tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.json"
    tiny.write_text(json.dumps(tiny_program()), encoding="utf-8")
    bob("--program", str(tiny), "star", "alpha")
    calendar = tmp_path / "tiny.ics"
    bob("--program", "tiny-2030", "export", "-f", "ics", "-o", str(calendar))
    assert_clean_error(bob("import-stars", str(calendar)), "tiny-2030", "not c4ml-2026")
    assert bob.stars() == []


def test_a_missing_file_that_is_no_code_either_is_one_line(bob: Companion) -> None:
    assert_clean_error(bob("import-stars", "my-stars.txt"), "no such file", "not a share code")
    assert_clean_error(bob("import-stars", "stars1.txt"), "no such file", "not a share code")
    assert_clean_error(bob("import-stars", " "), "give a share code")


def shared_in_terminal(companion: Companion, monkeypatch: pytest.MonkeyPatch, lines: int) -> str:
    """What `companion share` prints in a terminal 80 columns wide and `lines` high."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", str(lines))
    return companion("share").stdout


def test_share_draws_the_qr_code_in_an_80x24_terminal(
    alice: Companion, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = shared_in_terminal(alice, monkeypatch, 24).splitlines()
    assert len(lines) < 24
    assert read_drawn([line for line in lines if line and set(line) <= set("█▀▄ ")]) == [
        share_code(alice)
    ]


def test_share_says_when_the_qr_code_would_not_fit(
    alice: Companion, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = shared_in_terminal(alice, monkeypatch, 12)
    assert "█" not in shared
    assert "enlarge it to see the QR code" in shared
    assert share_code(alice) in shared


def test_starred_shows_the_notes(alice: Companion) -> None:
    assert "✎ ask about the scheduler" in alice("starred").stdout


def test_a_csv_note_that_looks_like_a_formula_comes_back_as_written(
    alice: Companion, bob: Companion, tmp_path: Path
) -> None:
    bob("import-stars", str(exported_with_note(alice, tmp_path / "s.csv", "=1+1 seats left")))
    assert bob.notes()["magellan"] == "=1+1 seats left"


def test_what_holds_no_stars_is_refused_in_one_line(bob: Companion, tmp_path: Path) -> None:
    not_talks = tmp_path / "numbers.json"
    not_talks.write_text("[1, 2]", encoding="utf-8")
    assert_clean_error(bob("import-stars", str(not_talks)), "not a JSON export")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    assert_clean_error(bob("import-stars", str(binary)), "is not text")


def test_a_stranger_calendar_names_the_events_it_cannot_match(
    bob: Companion, tmp_path: Path
) -> None:
    calendar = tmp_path / "other.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:lunch-42@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    tried = bob("import-stars", str(calendar))
    assert "Not in this program (1): lunch-42@example.org" in tried.stdout
    assert bob.stars() == []


def test_a_listed_name_that_several_talks_answer_to_is_not_taken(program: Program) -> None:
    source = read_stars("d\nmagellan\n", program)  # deeptools and defeat-the-heap start with d
    assert source.talk_ids == ["magellan"]
    assert source.unknown == ["d"]


def test_a_code_too_long_for_a_file_name_is_read_as_a_code(bob: Companion) -> None:
    """Forty guid-keyed talks make a code longer than a file name may be."""
    long_code = "STARS1" + "A" * 300
    assert_clean_error(bob("import-stars", long_code), "")
    assert bob.stars() == []


def test_a_device_that_never_ends_is_refused_within_the_cap(bob: Companion) -> None:
    assert_clean_error(bob("import-stars", "/dev/zero"), "larger than 128 MiB")


def test_standard_input_is_read_within_the_cap(
    bob: Companion, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("companion.cli.share.MAX_PROGRAM_BYTES", 2**20)  # the cap, smaller
    endless = io.BytesIO(b"magellan\n" * (4 * 2**20))  # 36 MiB
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(endless))
    assert_clean_error(bob("import-stars", "-"), "standard input: larger than 1 MiB")
    assert bob.stars() == []


def test_a_list_of_talks_of_no_use_here_says_so(bob: Companion, tmp_path: Path) -> None:
    strangers = tmp_path / "ids.txt"
    strangers.write_text("no-such-talk\nnor-this-one\n", encoding="utf-8")
    ran = bob("import-stars", str(strangers))
    assert ran.returncode == 0
    assert "Nothing to change: none of its talks is in this program." in ran.stdout
    assert "starred already" not in ran.stdout


def test_an_empty_file_is_said_to_be_empty(bob: Companion, tmp_path: Path) -> None:
    empty = tmp_path / "stars.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert_clean_error(bob("import-stars", str(empty)), "nothing to import: it is empty")
