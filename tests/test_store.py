"""The store of stars and notes: persistence, and what happens to bad or foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from companion import store_file
from companion.program import Program
from companion.store import Store, StoreError, store_path
from companion.store_file import Access

CONFERENCE = "c4ml-2026"


def test_stars_and_notes_survive_reopening(data_dir: Path, program: Program) -> None:
    store = Store.open(data_dir, CONFERENCE)
    store.star([program.talk("magellan"), program.talk("xtc")])
    store.set_note("magellan", "Ask about the heuristics — Ngân (NV) Vũ")
    store.close()
    again = Store.open(data_dir, CONFERENCE)
    assert again.starred_ids() == {"magellan", "xtc"}
    assert again.note("magellan") == "Ask about the heuristics — Ngân (NV) Vũ"
    again.unstar(["xtc"])
    again.set_note("magellan", "   ")
    assert again.starred_ids() == {"magellan"}
    assert again.notes() == {}
    assert again.moved_aside is None and not again.read_only


def test_starring_twice_keeps_the_first_star(data_dir: Path, program: Program) -> None:
    store = Store.open(data_dir, CONFERENCE)
    store.star([program.talk("magellan")])
    first = store.stars()[0].starred_at
    store.star([program.talk("magellan")])
    assert [record.starred_at for record in store.stars()] == [first]


def _assert_moved_aside(store: Store, original: Path, content: bytes) -> None:
    assert store.moved_aside is not None
    assert store.moved_aside.parent == original.parent
    assert store.moved_aside.name.startswith(f"{original.name}.unreadable-")
    assert store.moved_aside.read_bytes() == content
    assert store.starred_ids() == set()


def test_a_corrupt_store_is_kept_aside_and_replaced(data_dir: Path, program: Program) -> None:
    data_dir.mkdir(parents=True)
    path = store_path(data_dir, CONFERENCE)
    garbage = b"SQLite format 3\x00" + b"\x13\x37" * 3000
    path.write_bytes(garbage)
    store = Store.open(data_dir, CONFERENCE)
    _assert_moved_aside(store, path, garbage)
    store.star([program.talk("xtc")])
    assert Store.open(data_dir, CONFERENCE).starred_ids() == {"xtc"}


def test_a_foreign_sqlite_file_is_kept_aside(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = store_path(data_dir, CONFERENCE)
    with sqlite3.connect(path) as foreign:
        foreign.execute("CREATE TABLE photos (name TEXT)")
        foreign.execute("INSERT INTO photos VALUES ('sydney.jpg')")
    foreign.close()
    content = path.read_bytes()
    store = Store.open(data_dir, CONFERENCE)
    _assert_moved_aside(store, path, content)


def test_a_store_of_another_conference_is_kept_aside(data_dir: Path, program: Program) -> None:
    other = Store.open(data_dir, "other-2030")
    other.star([program.talk("xtc")])
    other.close()
    path = store_path(data_dir, CONFERENCE)
    store_path(data_dir, "other-2030").rename(path)
    content = path.read_bytes()
    store = Store.open(data_dir, CONFERENCE)
    _assert_moved_aside(store, path, content)


def test_a_store_from_a_newer_version_is_left_alone(data_dir: Path) -> None:
    Store.open(data_dir, CONFERENCE).close()
    path = store_path(data_dir, CONFERENCE)
    with sqlite3.connect(path) as newer:
        newer.execute("PRAGMA user_version = 99")
    newer.close()
    content = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(data_dir, CONFERENCE)
    assert path.read_bytes() == content
    assert not [p for p in data_dir.iterdir() if "unreadable" in p.name]


def test_a_data_directory_under_a_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    """Not "no stars yet": the user's stars are somewhere else, and the file is in the way."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be")
    for opening in (Store.open, Store.read):
        with pytest.raises(StoreError, match=f"{blocker} is a file, not a folder"):
            opening(blocker / "data", CONFERENCE)
    assert blocker.read_text() == "a file where the data directory should be"


def test_a_read_only_store_still_reads_and_refuses_writes(
    data_dir: Path, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(data_dir, CONFERENCE)
    store.star([program.talk("magellan")])
    store.close()
    content = store_path(data_dir, CONFERENCE).read_bytes()
    connect = store_file.connect

    def read_only(target: Path | None, access: Access = Access.WRITE) -> sqlite3.Connection:
        """What SQLite gives on a write-protected file: a connection that can only read."""
        return connect(target, Access.READ if access is Access.WRITE else access)

    monkeypatch.setattr(store_file, "connect", read_only)
    read_only_store = Store.open(data_dir, CONFERENCE)
    assert read_only_store.starred_ids() == {"magellan"}
    with pytest.raises(StoreError, match="cannot save"):
        read_only_store.star([program.talk("xtc")])
    assert read_only_store.starred_ids() == {"magellan"}
    assert read_only_store.moved_aside is None
    assert store_path(data_dir, CONFERENCE).read_bytes() == content
