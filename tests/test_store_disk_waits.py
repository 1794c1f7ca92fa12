"""No key waits for the disk: a commit flushes nothing, and the write-ahead log is copied
into the store by a thread of its own, not by the commit that fills it (a star took up to
0.6 s while other programs wrote to the disk)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from companion import store
from companion.program import Program
from companion.store import Store, store_path
from companion.store_file import open_file
from companion.ui.app import CompanionApp
from tests.driving import until

CONFERENCE = "c4ml-2026"
NORMAL = 1  # SQLite's `PRAGMA synchronous` levels: OFF 0, NORMAL 1, FULL 2
TALK = "magellan"
OTHER = "xtc"


def stars_in_the_file_alone(path: Path, tmp_path: Path) -> set[str]:
    """The stars the store's own file holds, without its write-ahead log: what a
    checkpoint has copied in."""
    copy = tmp_path / "file-alone.sqlite3"
    shutil.copyfile(path, copy)
    with closing(sqlite3.connect(copy)) as connection:
        return {talk_id for (talk_id,) in connection.execute("SELECT talk_id FROM stars")}


def test_a_commit_does_not_wait_for_a_disk_flush(data_dir: Path) -> None:
    connection, _ = open_file(store_path(data_dir, CONFERENCE), CONFERENCE, writing=True)
    assert connection is not None
    with closing(connection):
        assert connection.execute("PRAGMA synchronous").fetchone() == (NORMAL,)


def test_a_held_log_is_copied_in_by_checkpoint_alone(
    data_dir: Path, program: Program, tmp_path: Path
) -> None:
    kept = Store.open(data_dir, CONFERENCE)
    kept.hold_checkpoints()
    kept.star([program.talk(TALK)])
    writes = 0
    while not kept.log_is_full():  # SQLite would have copied the log in by now
        writes += 1
        assert writes < 5_000, "the log never filled"
        kept.star([program.talk(OTHER)]) if writes % 2 else kept.unstar([OTHER])
    path = store_path(data_dir, CONFERENCE)
    assert TALK not in stars_in_the_file_alone(path, tmp_path)
    kept.checkpoint()
    assert TALK in stars_in_the_file_alone(path, tmp_path)
    assert kept.starred_ids() >= {TALK}
    kept.star([program.talk(OTHER)])  # a write or two: the log starts over
    kept.unstar([OTHER])
    assert not kept.log_is_full()  # (its file stayed at its largest: a checkpoint each star)


async def test_the_app_copies_a_full_log_in_after_a_star(
    make_app: Callable[..., CompanionApp],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(store, "FULL_LOG_BYTES", 1)  # any log is full
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        path = store_path(data_dir, CONFERENCE)
        assert TALK not in stars_in_the_file_alone(path, tmp_path)
        app.toggle_star(TALK)
        await until(pilot, lambda: TALK in stars_in_the_file_alone(path, tmp_path))
