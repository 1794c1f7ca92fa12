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


def hear(workers: list[subprocess.Popen[str]], word: str) -> None:
    """Wait until every worker has said `word` (a worker that died says nothing more)."""
    for process in workers:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline().strip()
        assert line == word, line or process.stderr.read()


def tell(workers: list[subprocess.Popen[str]], line: str = "go") -> None:
    """Say `line` to every worker waiting for one, at about the same moment."""
    for process in workers:
        assert process.stdin is not None
        process.stdin.write(f"{line}\n")
        process.stdin.flush()


def test_two_processes_starring_at_once_both_keep_their_stars(
    data_dir: Path, program: Program
) -> None:
    Store.open(data_dir, CONFERENCE).close()
    ids = [talk.id for talk in program.talks]
    first, second = ids[:5], ids[5:]
    workers = [
        worker("race", *talks, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        for talks in (first, second)
    ]
    hear(workers, "READY")  # both loaded and holding the store open
    tell(workers)
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
    assert process.stdout.readline().strip() == "WRITING"  # well into its write loop
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
    hear(workers, "READY")  # all loaded, so they open each store at the same moment
    tell(workers, f"{time.time() + 0.2:.3f}")
    for process in workers:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    for folder in folders:
        store = Store.open(folder, CONFERENCE)
        assert (store.starred_ids(), store.moved_aside) == (set(ids), None), folder
        assert [path.name for path in folder.iterdir() if "unreadable" in path.name] == []
        store.close()
