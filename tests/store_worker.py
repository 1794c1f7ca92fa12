"""A second process that uses the store, for the concurrency and crash tests.

python -m tests.store_worker race START_AT ID...   star and re-star IDs, from START_AT
python -m tests.store_worker churn ID...            star IDs, say READY, then write forever
"""

from __future__ import annotations

import sys
import time

from companion.loading import load_program
from companion.paths import data_dir
from companion.store import Store

ROUNDS = 40


def main(mode: str, *args: str) -> None:
    program = load_program()
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


if __name__ == "__main__":
    main(*sys.argv[1:])
