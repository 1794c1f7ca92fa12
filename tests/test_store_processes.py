"""The store's guarantees across processes: no lost update, no damage from a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from companion.program import Program
from companion.store import Store

ROOT = Path(__file__).resolve().parent.parent
CONFERENCE = "c4ml-2026"


def worker(
    *args: str, stdout: int | None = None, stdin: int | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store_worker", *args],
        cwd=ROOT,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_starring_at_once_both_keep_their_stars(
    data_dir: Path, program: Program
) -> None:
    Store.open(data_dir, CONFERENCE).close()
    ids = [talk.id for talk in program.talks]
    first, second = ids[:5], ids[5:]
    start_at = f"{time.time() + 1.5:.3f}"
    workers = [worker("race", start_at, *first), worker("race", start_at, *second)]
    for process in workers:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    store = Store.open(data_dir, CONFERENCE)
    assert store.starred_ids() == set(ids)
    assert set(store.notes()) == set(ids)


def test_a_process_killed_while_writing_leaves_every_earlier_star(
    data_dir: Path, program: Program
) -> None:
    process = worker("churn", "magellan", "xtc", stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "READY"
    time.sleep(0.5)  # let it get well into its write loop
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    store = Store.open(data_dir, CONFERENCE)
    assert store.moved_aside is None
    assert {"magellan", "xtc"} <= store.starred_ids()
    assert store.stars()[0].title  # rows are whole, not torn
    store.star([program.talk("library-liberation")])
    assert "library-liberation" in store.starred_ids()


def test_eight_processes_on_a_fresh_data_directory_keep_all_eight_stars(
    tmp_path: Path, program: Program
) -> None:
    """Two terminals on first use, eight times over: nobody sets aside a store being born."""
    ids = [talk.id for talk in program.talks[:8]]
    folders = [tmp_path / f"round-{number}" for number in range(10)]
    workers = [
        worker(
            "first-use", talk_id, *map(str, folders), stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        for talk_id in ids
    ]
    for process in workers:  # all loaded, so they open each store at the same moment
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "READY"
    start_at = f"{time.time() + 0.2:.3f}\n"
    for process in workers:
        assert process.stdin is not None
        process.stdin.write(start_at)
        process.stdin.flush()
    for process in workers:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    for folder in folders:
        store = Store.open(folder, CONFERENCE)
        assert (store.starred_ids(), store.moved_aside) == (set(ids), None), folder
        assert [path.name for path in folder.iterdir() if "unreadable" in path.name] == []
        store.close()
