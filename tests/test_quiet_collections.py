"""Full garbage collections wait for a pause in the keys: Python would otherwise start one
in the middle of answering a key, which holds that key up by 30-60 ms at 10,000 talks."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from textual import events
from textual.timer import Timer, TimerCallback

from companion.collector import (
    FULL_COLLECTION_CADENCE,
    collect_if_due,
    collect_when_quiet,
    collector_paused,
)
from tests.driving import SIZE, AppFactory, until


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """Every full collection from now on (the count of objects it found), with Python's own
    full collections held off, so that any seen here were asked for."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "stop" and info["generation"] == 2:
            seen.append(info["collected"])

    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1_000_000)
    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*thresholds)


def middle_collections(count: int) -> None:
    """As many collections of the middle generation as Python makes while objects come and go."""
    for _ in range(count):
        gc.collect(1)


def test_nothing_is_collected_before_python_would_have(full_collections: list[int]) -> None:
    gc.collect()
    middle_collections(FULL_COLLECTION_CADENCE - 1)
    assert not collect_if_due()
    assert len(full_collections) == 1  # the one asked for above


def test_a_due_collection_runs_and_starts_the_count_again(full_collections: list[int]) -> None:
    middle_collections(FULL_COLLECTION_CADENCE)
    assert collect_if_due()
    assert len(full_collections) == 1
    assert not collect_if_due()


def test_no_collection_while_the_collector_is_paused(full_collections: list[int]) -> None:
    middle_collections(FULL_COLLECTION_CADENCE)
    with collector_paused():
        assert not collect_if_due()
    assert full_collections == []


def test_python_starts_full_collections_itself_only_as_a_backstop() -> None:
    thresholds = gc.get_threshold()
    try:
        collect_when_quiet()
        young, middle, full = gc.get_threshold()
        assert (young, middle) == thresholds[:2]
        assert full == 10 * FULL_COLLECTION_CADENCE
    finally:
        gc.set_threshold(*thresholds)


async def test_a_due_collection_runs_once_the_keys_pause(
    make_app: AppFactory, full_collections: list[int]
) -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        middle_collections(FULL_COLLECTION_CADENCE)
        await pilot.pause()
        assert full_collections == []  # nothing pressed yet: nothing asked
        await pilot.press("down")
        await until(pilot, lambda: len(full_collections) == 1)


async def test_one_timer_waits_for_a_pause_in_a_stream_of_mouse_moves_and_keys(
    make_app: AppFactory, full_collections: list[int]
) -> None:
    """Not a timer made and stopped at every event: a mouse sends dozens a second."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        made: list[float] = []
        set_timer = app.set_timer

        def counted(
            delay: float,
            callback: TimerCallback | None = None,
            *,
            name: str | None = None,
            pause: bool = False,
        ) -> Timer:
            made.append(delay)
            return set_timer(delay, callback, name=name, pause=pause)

        app.set_timer = counted  # type: ignore[method-assign]
        middle_collections(FULL_COLLECTION_CADENCE)
        for x in range(30):  # as they come in one read of the terminal
            app.post_message(events.MouseMove(None, x, 5, 1, 0, 0, False, False, False, x, 5))
        app.post_message(events.Key("down", None))
        await until(pilot, lambda: len(full_collections) == 1)
        assert 1 <= len(made) <= 3  # one, and again if the events took over 0.1 s
