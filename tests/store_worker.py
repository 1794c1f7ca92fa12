"""A second process that uses the store, for the concurrency and crash tests.

python -m tests.store_worker race START_AT ID...   star and re-star IDs, from START_AT
python -m tests.store_worker churn ID...            star IDs, say READY, then write forever
python -m tests.store_worker first-use ID DIR...    say READY, read START_AT from stdin, then
                                                    star ID in each fresh DIR, one a round
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from companion.loading import load_program
from companion.paths import data_dir
from companion.program import Talk
from companion.store import Store

ROUNDS = 40
FIRST_USE_ROUND_SECONDS = 0.25
FIRST_USE_SPREAD_SECONDS = 0.02  # the workers' moments differ by as much as creating a store takes


def main(mode: str, *args: str) -> None:
    program = load_program()
    if mode == "first-use":
        first_use(program.talk(args[0]), [Path(folder) for folder in args[1:]])
        return
    store = Store.open(data_dir(), program.conference.id)
    if mode == "race":
        start_at, ids = float(args[0]), args[1:]
        time.sleep(max(0.0, start_at - time.time()))
        for round_number in range(ROUNDS):
            for talk_id in ids:
                store.unstar([talk_id])
                store.star([program.talk(talk_id)])
                store.set_note(talk_id, f"round {round_number}")
    elif mode == "churn":
        store.star([program.talk(talk_id) for talk_id in args])
        print("READY", flush=True)
        busy = program.talk("deeptools")
        text = "x" * 50_000
        while True:
            store.star([busy])
            store.set_note("deeptools", text)
            store.unstar(["deeptools"])


def first_use(talk: Talk, folders: list[Path]) -> None:
    """Open each fresh data directory at about the same moment as the other workers, and star."""
    print("READY", flush=True)
    start_at = float(sys.stdin.readline())
    for round_number, folder in enumerate(folders):
        moment = start_at + round_number * FIRST_USE_ROUND_SECONDS
        time.sleep(max(0.0, moment + random.uniform(0, FIRST_USE_SPREAD_SECONDS) - time.time()))
        store = Store.open(folder, "c4ml-2026")
        store.star([talk])
        store.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
