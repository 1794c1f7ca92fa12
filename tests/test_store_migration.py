"""A store written by version 1 (whose `stars.session` column held a room as often as a
session) opens with every star and note, its column renamed `place`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from companion.program import Program
from companion.reconcile import reconcile
from companion.store import Store, store_path
from companion.store_file import SCHEMA_VERSION
from tests.cli_driving import call_cli

CONFERENCE = "c4ml-2026"
# Version 1's schema, as it shipped.
VERSION_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stars (
    talk_id TEXT PRIMARY KEY,
    starred_at TEXT NOT NULL,
    -- The talk as the user last saw it, to tell them when the program moves it.
    title TEXT NOT NULL,
    session TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL
);
CREATE TABLE notes (
    talk_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO meta VALUES ('application', 'c4ml-companion-store'), ('conference', 'c4ml-2026');
INSERT INTO stars VALUES
    ('magellan', '2026-01-20T08:00:00+00:00', 'Magellan', 'Session 3: Optimization & Analysis',
     '2026-02-01T16:00:00+11:00', '2026-02-01T16:27:00+11:00'),
    ('xtc', '2026-01-20T08:01:00+00:00', 'XTC (old title)', 'Room 5',
     '2026-02-01T09:00:00+11:00', '2026-02-01T09:30:00+11:00');
INSERT INTO notes VALUES
    ('magellan', 'Ask about the heuristics — Ngân (NV) Vũ', '2026-01-20T08:02:00+00:00'),
    ('gone-talk', 'a note on a talk no longer in the program', '2026-01-20T08:03:00+00:00');
PRAGMA user_version = 1;
PRAGMA journal_mode = WAL;
"""


@pytest.fixture
def old_store(data_dir: Path) -> Path:
    path = store_path(data_dir, CONFERENCE)
    data_dir.mkdir(parents=True)
    connection = sqlite3.connect(path)
    connection.executescript(VERSION_1)
    connection.close()
    return path


def _layout(path: Path) -> tuple[int, list[str]]:
    connection = sqlite3.connect(path)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        columns = [row[1] for row in connection.execute("PRAGMA table_info(stars)")]
        return version, columns
    finally:
        connection.close()


def _assert_intact(store: Store) -> None:
    assert [(r.talk_id, r.title, r.place) for r in store.stars()] == [
        ("xtc", "XTC (old title)", "Room 5"),
        ("magellan", "Magellan", "Session 3: Optimization & Analysis"),
    ]
    assert store.notes() == {
        "magellan": "Ask about the heuristics — Ngân (NV) Vũ",
        "gone-talk": "a note on a talk no longer in the program",
    }
    assert store.damaged == [] and store.moved_aside is None


def test_opening_migrates_and_keeps_every_star_and_note(old_store: Path) -> None:
    store = Store.open(old_store.parent, CONFERENCE)
    _assert_intact(store)
    assert not store.read_only
    store.close()
    assert _layout(old_store) == (
        SCHEMA_VERSION,
        ["talk_id", "starred_at", "title", "place", "start", "end"],
    )
    again = Store.open(old_store.parent, CONFERENCE)  # judged a current store of ours
    _assert_intact(again)
    again.close()


def test_reading_only_leaves_the_file_as_it_was(old_store: Path) -> None:
    before = _layout(old_store)
    store = Store.read(old_store.parent, CONFERENCE)
    _assert_intact(store)
    store.close()
    assert (
        _layout(old_store)
        == before
        == (1, ["talk_id", "starred_at", "title", "session", "start", "end"])
    )


def test_what_moved_is_still_told_after_migrating(old_store: Path, program: Program) -> None:
    store = Store.open(old_store.parent, CONFERENCE)
    statuses = {
        s.record.talk_id: s for s in reconcile(program, store.stars(), program.conference.zone)
    }
    store.close()
    assert statuses["magellan"].moved is None
    assert statuses["xtc"].moved is not None


def test_the_cli_lists_the_old_stores_stars(old_store: Path) -> None:
    result = call_cli("starred")
    assert result.returncode == 0, result.stderr
    assert "Magellan" in result.stdout and "XTC" in result.stdout
