"""When Python's cyclic garbage collector runs: held off while a large, acyclic batch of
objects is made, and its full collections moved to the quiet moments between keys."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Python starts a full collection after this many collections of the middle generation
#: (its default threshold); `collect_if_due` keeps that cadence.
FULL_COLLECTION_CADENCE = 10
#: How much rarer Python's own full collections become under `collect_when_quiet`.
DEFERRED = 10


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block. Reading a program or writing an export makes
    hundreds of thousands of objects and no reference cycle, and their count sets off full
    collections that walk everything and find nothing: 0.6 s of 1.5 when a 50,000-talk
    program is read, a seventh of a 10,000-talk calendar export. Reference counting still
    frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collect_when_quiet() -> None:
    """Python starts a full collection in the middle of whatever allocates: in the app, a
    key being answered, which it holds up by 30-60 ms at 10,000 talks. From now on Python
    starts one itself only a tenth as often, as a backstop while keys never stop; the app
    runs `collect_if_due` once keys pause."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_CADENCE * DEFERRED)


def collect_if_due() -> bool:
    """A full collection now, if Python would have started one by itself by now (at its
    default cadence); whether it ran."""
    if not gc.isenabled() or gc.get_count()[2] < FULL_COLLECTION_CADENCE:
        return False
    gc.collect()
    return True
