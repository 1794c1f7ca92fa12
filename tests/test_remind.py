"""Reminders on the core alone: what is due, the watch loop on an injected clock, and the
store's record that makes each fire once (with the schema step that added it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from companion.clock import parse_moment
from companion.program import Program, Talk
from companion.reminders import DEFAULT_BEFORE, next_due, reminder_text, upcoming, watch
from companion.store import Store, store_path
from companion.store_file import MIGRATIONS, SCHEMA_VERSION


def at(program: Program, text: str) -> datetime:
    return parse_moment(text, program.conference.zone)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        ("2026-02-01T15:50", []),  # ten minutes to go
        ("2026-02-01T15:55", ["magellan"]),  # exactly five
        ("2026-02-01T15:57", ["magellan"]),
        ("2026-02-01T16:00", ["magellan"]),  # starting now
        ("2026-02-01T16:01", []),  # already started
    ],
)
def test_upcoming_is_the_starred_talks_starting_within_the_lead(
    program: Program, now: str, due: list[str]
) -> None:
    starred = {"magellan", "xtc", "not-in-the-program"}
    talks = upcoming(program, starred, at(program, now), DEFAULT_BEFORE)
    assert [talk.id for talk in talks] == due


def test_next_due_is_the_lead_before_the_next_starred_start(program: Program) -> None:
    magellan = program.talk("magellan")
    now = at(program, "2026-02-01T12:00")
    assert next_due(program, {"magellan"}, now, DEFAULT_BEFORE) == magellan.start - DEFAULT_BEFORE
    assert next_due(program, {"magellan"}, magellan.start, DEFAULT_BEFORE) is None


def test_reminder_text_leads_with_the_time_and_names_the_talk(program: Program) -> None:
    magellan = program.talk("magellan")
    zone = program.conference.zone
    text = reminder_text(program, magellan, at(program, "2026-02-01T15:57"), zone)
    assert text == ("≈16:00 in 3 min: " + magellan.title + " · Session 3: Optimization & Analysis")
    assert reminder_text(program, magellan, magellan.start, zone).startswith("≈16:00 now: ")


class Stop(Exception):
    """Ends a watch in a test, as Ctrl+C ends it for a user."""


class FakeTime:
    """A clock that moves only when the watch sleeps, up to `until`."""

    def __init__(self, start: datetime, until: datetime) -> None:
        self.now, self.until = start, until
        self.naps: list[float] = []

    def clock(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.naps.append(seconds)
        self.now += timedelta(seconds=seconds)
        if self.now > self.until:
            raise Stop


def run_watch(
    program: Program,
    store: Store,
    time: FakeTime,
    starred: Callable[[], set[str]],
) -> list[tuple[str, datetime]]:
    fired: list[tuple[str, datetime]] = []

    def notify(talk: Talk, now: datetime) -> None:
        fired.append((talk.id, now))

    with pytest.raises(Stop):
        watch(
            program,
            starred,
            store.claim_reminder,
            notify,
            before=DEFAULT_BEFORE,
            clock=time.clock,
            sleep=time.sleep,
        )
    return fired


def test_watch_fires_each_reminder_once_when_due(program: Program, data_dir: Path) -> None:
    stars = {"library-liberation", "magellan", "xtc"}
    time = FakeTime(at(program, "2026-02-01T09:00"), until=at(program, "2026-02-01T18:00"))

    def starred() -> set[str]:
        if time.now >= at(program, "2026-02-01T13:00"):
            stars.add("deeptools")  # starred meanwhile, in the app or another terminal
        return stars

    store = Store.open(data_dir, program.conference.id)
    try:
        fired = run_watch(program, store, time, starred)
        expected = ["library-liberation", "deeptools", "magellan", "xtc"]
        assert [talk_id for talk_id, _ in fired] == expected
        for talk_id, moment in fired:  # on time: at the lead, not a poll later
            assert moment == program.talk(talk_id).start - DEFAULT_BEFORE
        assert max(time.naps) <= 30  # it looks again for new stars at least this often
        restarted = FakeTime(at(program, "2026-02-01T09:00"), until=time.until)
        assert run_watch(program, store, restarted, starred) == []  # once, also after a restart
    finally:
        store.close()


def test_a_reminder_is_claimed_once_across_stores_and_again_when_moved(
    program: Program, data_dir: Path
) -> None:
    magellan = program.talk("magellan")
    first = Store.open(data_dir, program.conference.id)
    second = Store.open(data_dir, program.conference.id)  # another terminal, or the app
    try:
        assert first.claim_reminder(magellan) is True
        assert second.claim_reminder(magellan) is False
        moved = magellan._replace(start=magellan.start + timedelta(hours=1))
        assert second.claim_reminder(moved) is True
    finally:
        first.close()
        second.close()


def test_a_store_of_the_first_schema_is_upgraded_and_keeps_its_stars(
    program: Program, data_dir: Path
) -> None:
    conference = program.conference.id
    path = store_path(data_dir, conference)
    data_dir.mkdir(parents=True)
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("application", "c4ml-companion-store"), ("conference", conference)],
    )
    old.execute(
        "INSERT INTO stars VALUES ('magellan', '2026-01-20T00:00:00+00:00', 'Magellan',"
        " 'Session 3', '2026-02-01T16:00:00+11:00', '2026-02-01T16:27:00+11:00')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    reading = Store.read(data_dir, conference)  # reading only: no upgrade, stars readable
    try:
        assert reading.starred_ids() == {"magellan"} and reading.moved_aside is None
    finally:
        reading.close()
    store = Store.open(data_dir, conference)
    try:
        assert store.moved_aside is None and store.starred_ids() == {"magellan"}
        assert store.claim_reminder(program.talk("magellan")) is True
    finally:
        store.close()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    finally:
        check.close()
