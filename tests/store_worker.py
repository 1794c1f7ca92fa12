"""A second process that uses the store, for the concurrency and crash tests.

python -m tests.store_worker race ID...             say READY, wait for a line on stdin,
                                                    then star and re-star IDs
python -m tests.store_worker churn ID...            star IDs, say READY, then write forever,
                                                    saying WRITING once well into it
python -m tests.store_worker first-use ID DIR...    say READY, read START_AT from stdin, then
                                                    star ID in each fresh DIR, one a round
"""

from __future__ import annotations

import itertools
import random
import sys
import time
from pathlib import Path

from companion.loading import load_program
from companion.paths import data_dir
from companion.program import Talk
from companion.store import Store

ROUNDS = 40
CHURN_ROUNDS_BEFORE_SAYING = 10  # writes done before WRITING: the loop is well under way
FIRST_USE_ROUND_SECONDS = 0.25
FIRST_USE_SPREAD_SECONDS = 0.02  # the workers' moments differ by as much as creating a store takes


def main(mode: str, *args: str) -> None:
    program = load_program()
    if mode == "first-use":
        first_use(program.talk(args[0]), [Path(folder) for folder in args[1:]])
        return
    store = Store.open(data_dir(), program.conference.id)
    if mode == "race":
        print("READY", flush=True)
        sys.stdin.readline()  # every worker is loaded: start together
        for round_number in range(ROUNDS):
            for talk_id in args:
                store.unstar([talk_id])
                store.star([program.talk(talk_id)])
                store.set_note(talk_id, f"round {round_number}")
    elif mode == "churn":
        store.star([program.talk(talk_id) for talk_id in args])
        print("READY", flush=True)
        busy = program.talk("deeptools")
        text = "x" * 50_000
        for round_number in itertools.count(1):
            store.star([busy])
            store.set_note("deeptools", text)
            store.unstar(["deeptools"])
            if round_number == CHURN_ROUNDS_BEFORE_SAYING:
                print("WRITING", flush=True)


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
