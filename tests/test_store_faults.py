"""The store under faults: a full disk, damage SQLite's quick check passes, a FIFO, a
relative data directory, and a note changed in two places at once."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from companion.paths import DATA_DIR_VARIABLE, data_dir
from companion.program import Program
from companion.store import NoteSaved, Store, StoreError, store_path
from companion.ui.app import CompanionApp
from companion.ui.screens.starred import StarredScreen
from companion.ui.screens.talk import TalkScreen
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import no_file_growth, run_cli
from tests.driving import SIZE, flat, screen_lines, show_talk, toasted, until

CONFERENCE = "c4ml-2026"


def make_store(data_dir: Path, program: Program, *talk_ids: str) -> Path:
    store = Store.open(data_dir, CONFERENCE)
    store.star([program.talk(talk_id) for talk_id in talk_ids])
    store.close()  # folds the write-ahead log into the file
    return store_path(data_dir, CONFERENCE)


def set_aside(data_dir: Path) -> list[str]:
    return [path.name for path in data_dir.iterdir() if ".unreadable-" in path.name]


def sql(path: Path, statement: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(statement)
    connection.close()


def flip_first(path: Path, stored: str, mask: int, at: int = 0) -> None:
    """Flip bits of one byte of the first stored copy of `stored` (the table row's,
    before its index entry), as a bad sector or cosmic ray would."""
    content = bytearray(path.read_bytes())
    offset = content.index(stored.encode()) + at
    content[offset] ^= mask
    path.write_bytes(bytes(content))


def test_a_full_disk_still_shows_every_star_and_sets_nothing_aside(
    data_dir: Path, program: Program
) -> None:
    path = make_store(data_dir, program, "magellan", "xtc")
    # xtc moved since it was last seen: listing it would mark it seen, a write.
    sql(path, "UPDATE stars SET start = '2026-02-01T09:00:00+11:00' WHERE talk_id = 'xtc'")
    content = path.read_bytes()

    starred = run_cli("starred", full_disk=True)
    assert starred.returncode == 0, starred.stderr
    assert "[magellan]" in starred.stdout and "[xtc]" in starred.stdout
    assert "moved: was 09:00" in starred.stdout
    listed = json.loads(run_cli("starred", "--json", full_disk=True).stdout)
    assert [star["id"] for star in listed] == ["magellan", "xtc"]
    talks = json.loads(run_cli("talks", "--json", full_disk=True).stdout)
    assert {talk["id"] for talk in talks if talk["starred"]} == {"magellan", "xtc"}
    assert "Starred:     ★ yes" in run_cli("show", "xtc", full_disk=True).stdout
    exported = run_cli("export", "-f", "json", "-o", "-", full_disk=True)
    assert [talk["id"] for talk in json.loads(exported.stdout)] == ["magellan", "xtc"]
    for write in (["star", "deeptools"], ["unstar", "xtc"], ["note", "xtc", "hello"]):
        assert_clean_error(run_cli(*write, full_disk=True), "cannot save stars")

    assert set_aside(data_dir) == []
    assert path.read_bytes() == content
    assert "moved: was 09:00" in run_cli("starred").stdout  # still flagged: never marked seen


APP_ON_A_FULL_DISK = """
import asyncio
from companion.loading import load_program
from companion.ui.app import CompanionApp

async def main() -> None:
    app = CompanionApp(load_program())
    async with app.run_test() as pilot:
        await pilot.pause()
        print(" ".join(sorted(app.starred)), app.store.path)

asyncio.run(main())
"""


def test_the_app_on_a_full_disk_shows_every_star(data_dir: Path, program: Program) -> None:
    path = make_store(data_dir, program, "magellan", "xtc")
    result = subprocess.run(
        [sys.executable, "-c", APP_ON_A_FULL_DISK],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=no_file_growth,
    )
    assert result.stdout.split() == ["magellan", "xtc", "None"], result.stderr  # kept in memory
    assert set_aside(data_dir) == []
    assert Store.read(data_dir, CONFERENCE).starred_ids() == {"magellan", "xtc"}
    assert path.exists()


def test_a_full_disk_on_first_use_still_browses(data_dir: Path) -> None:
    result = run_cli("talks", full_disk=True)
    assert result.returncode == 0, result.stderr
    assert not data_dir.exists()  # reading creates nothing
    assert_clean_error(run_cli("star", "xtc", full_disk=True), "cannot save stars")
    for command in (["talks"], ["starred"], ["show", "xtc"]):  # over the store it began
        result = run_cli(*command, full_disk=True)
        assert (result.returncode, result.stderr) == (0, ""), command
    assert "No starred talks yet" in run_cli("starred", full_disk=True).stdout


def damage_rows(data_dir: Path, program: Program) -> None:
    """Three stars, each damaged in a way `PRAGMA quick_check` does not see."""
    path = make_store(data_dir, program, "magellan", "xtc", "deeptools")
    flip_first(path, program.talk("magellan").start.isoformat(), 0x01, at=4)  # 2026-02 -> 2026,02
    flip_first(path, program.talk("xtc").title, 0x80)  # not valid UTF-8 any more
    flip_first(path, "deeptools", 0x80)  # the talk id itself
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as check:
        assert check.execute("PRAGMA quick_check").fetchone() == ("ok",)
    check.close()


def test_damaged_rows_are_skipped_or_kept_and_reported(data_dir: Path, program: Program) -> None:
    damage_rows(data_dir, program)
    result = call_cli("starred")
    assert result.returncode == 0, result.stderr
    assert "[magellan]" in result.stdout and "[xtc]" in result.stdout
    assert "deeptools" not in result.stdout
    assert result.stderr.splitlines() == [
        "companion: damaged store: kept the star on 'magellan' without its unreadable start time",
        "companion: damaged store: skipped a star whose talk id is unreadable (row 3)",
        "companion: damaged store: kept the star on 'xtc' without its unreadable title",
    ]
    listed = json.loads(call_cli("starred", "--json").stdout)
    assert [(star["id"], star["moved"]) for star in listed] == [("magellan", None), ("xtc", None)]
    assert set_aside(data_dir) == []


async def test_the_app_shows_every_readable_star_of_a_damaged_store(
    make_app: Callable[..., CompanionApp], data_dir: Path, program: Program
) -> None:
    damage_rows(data_dir, program)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.starred == {"magellan", "xtc"}
        assert len(app.store.damaged) == 3


def test_a_gone_star_with_damaged_times_is_listed(data_dir: Path, program: Program) -> None:
    path = make_store(data_dir, program, "xtc")
    sql(
        path,
        "INSERT INTO stars VALUES ('withdrawn', 'x', 'A withdrawn talk', 'Session 9',"
        " '2026-02-01T16:00:00', CAST(X'FF' AS TEXT))",  # no offset; not UTF-8
    )
    listed = {star["id"]: star for star in json.loads(call_cli("starred", "--json").stdout)}
    assert listed["withdrawn"]["title"] == "A withdrawn talk"
    assert (listed["withdrawn"]["start"], listed["withdrawn"]["in_program"]) == (None, False)
    text = call_cli("starred")
    assert "A withdrawn talk  [withdrawn]" in text.stdout
    assert "unreadable star time, start time, end time" in text.stderr


@pytest.mark.parametrize(
    "alteration",
    ["ALTER TABLE stars RENAME COLUMN title TO name", "DROP TABLE stars"],
)
def test_an_altered_schema_is_set_aside_not_a_crash(
    data_dir: Path, program: Program, alteration: str
) -> None:
    path = make_store(data_dir, program, "xtc")
    sql(path, alteration)
    content = path.read_bytes()
    result = call_cli("starred")
    assert result.returncode == 0, result.stderr
    assert "kept it as" in result.stderr and "No starred talks yet" in result.stdout
    [kept] = set_aside(data_dir)
    assert (data_dir / kept).read_bytes() == content


def test_a_fifo_in_place_of_the_store_is_set_aside_without_hanging(data_dir: Path) -> None:
    data_dir.mkdir()
    os.mkfifo(store_path(data_dir, CONFERENCE))
    result = run_cli("star", "xtc", timeout=30)
    assert result.returncode == 0, result.stderr
    assert "kept it as" in result.stderr
    [kept] = set_aside(data_dir)
    assert not (data_dir / kept).is_file()
    assert run_cli("starred", timeout=30).stdout.count("★") == 1


def test_a_relative_data_directory_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, "relative-data")
    monkeypatch.chdir(tmp_path)
    for command in (["star", "xtc"], ["starred"], ["talks"], ["star", "magellan"]):
        result = call_cli(*command)
        assert result.returncode == 0, result.stderr
    assert data_dir() == tmp_path / "relative-data"
    assert Store.read(tmp_path / "relative-data", CONFERENCE).starred_ids() == {"xtc", "magellan"}


def test_a_note_changed_elsewhere_is_kept_beside_this_one(data_dir: Path) -> None:
    here = Store.open(data_dir, CONFERENCE)
    assert here.set_note("xtc", "first", expected="") == NoteSaved("first", conflict=False)
    elsewhere = Store.open(data_dir, CONFERENCE)
    elsewhere.set_note("xtc", "theirs")
    saved = here.set_note("xtc", "mine", expected="first")
    assert saved == NoteSaved("theirs\n\nmine", conflict=True)
    assert elsewhere.note("xtc") == "theirs\n\nmine"
    assert not here.set_note("xtc", "mine, edited", expected=saved.text).conflict
    assert here.set_note("xtc", "", expected="stale") == NoteSaved("mine, edited", conflict=True)


@pytest.fixture
def elsewhere(data_dir: Path) -> Iterator[Store]:
    """A second writer of the store, as `companion note` in another terminal."""
    store = Store.open(data_dir, CONFERENCE)
    yield store
    store.close()


async def open_magellan_then_note_elsewhere(pilot: Pilot[None], elsewhere: Store) -> None:
    pilot.app.open_talk("magellan")  # type: ignore[attr-defined]
    await pilot.pause()
    elsewhere.set_note("magellan", "theirs")  # while the talk screen is open


async def test_the_talk_screen_keeps_a_note_changed_meanwhile(
    make_app: Callable[..., CompanionApp], elsewhere: Store
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await open_magellan_then_note_elsewhere(pilot, elsewhere)
        await pilot.press("e", *"mine", "escape", "2")  # leaving the mode saves the note
        await pilot.press("1")
        screen = app.screen
        assert isinstance(screen, TalkScreen)
        note = screen.query_one("#talk-note", TextArea)
        assert note.text == "theirs\n\nmine"
        assert note.cursor_location == note.document.end
        assert elsewhere.note("magellan") == "theirs\n\nmine"


async def test_a_note_changed_meanwhile_is_kept_when_the_app_closes_over_it(
    make_app: Callable[..., CompanionApp], elsewhere: Store
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await open_magellan_then_note_elsewhere(pilot, elsewhere)
        await pilot.press("e", *"mine")
        app.exit()  # the screen saves as it unmounts, its note area already gone
    assert elsewhere.note("magellan") == "theirs\n\nmine"


async def test_a_store_that_cannot_be_read_now_is_said_not_a_crash(
    make_app: Callable[..., CompanionApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads that fail while the app runs (a disk gone away): the screens still open, the
    stars last read stay listed, and the user is told why."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.toggle_star("magellan")
        await pilot.press("3")
        await until(pilot, lambda: "Magellan" in flat(screen_lines(app.screen)))
        await pilot.press("1")

        def failing(*_: object) -> None:
            raise StoreError("disk I/O error")

        for read in ("stars", "note", "notes"):
            monkeypatch.setattr(Store, read, failing)
        await show_talk(pilot, "magellan")
        await toasted(pilot, "disk I/O error")
        await pilot.press("3")
        assert isinstance(app.screen, StarredScreen)
        await until(pilot, lambda: "Magellan" in flat(screen_lines(app.screen)))
        await pilot.press("x")
        await until(pilot, lambda: "Export" in flat(screen_lines(app.screen)))
    assert app.return_code in (None, 0)
