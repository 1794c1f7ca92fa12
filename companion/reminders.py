"""Reminders: a starred talk announces itself a few minutes before it starts.

Plain functions of the program, the starred ids and a moment, for `companion remind`
and the app alike. That each reminder fires once, also after a restart, is the store's
part (`Store.claim_reminder`); `watch` is the loop of `companion remind --watch`, with
its clock and its sleep passed in, so a test runs through a whole day in milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from datetime import datetime, timedelta, tzinfo
from typing import NoReturn

from companion.clock import Clock, format_time
from companion.program import Program, Talk
from companion.store_file import StoreError
from companion.text import safe_line

DEFAULT_BEFORE = timedelta(minutes=5)
POLL_SECONDS = 30.0  # a watch looks again at least this often, for stars added meanwhile


def _starred_talks(program: Program, starred: AbstractSet[str]) -> list[Talk]:
    talks = [program.talk(talk_id) for talk_id in starred if program.has_talk(talk_id)]
    return sorted(talks, key=lambda talk: (talk.start, talk.order))


def upcoming(
    program: Program, starred: AbstractSet[str], now: datetime, before: timedelta
) -> list[Talk]:
    """The starred talks that start within `before` from `now` (one starting at `now`
    included, one already started not), in time order."""
    return [talk for talk in _starred_talks(program, starred) if now <= talk.start <= now + before]


def next_due(
    program: Program, starred: AbstractSet[str], now: datetime, before: timedelta
) -> datetime | None:
    """When the next reminder falls due after `now`, if any starred talk is still to come."""
    dues = (talk.start - before for talk in _starred_talks(program, starred))
    return min((due for due in dues if due > now), default=None)


def reminder_text(program: Program, talk: Talk, now: datetime, zone: tzinfo) -> str:
    """One line: "≈16:00 in 3 min: Magellan: … · Session 3: … · room 2".

    It starts with the time, never with text from the program, so a command given it as
    an argument cannot take it for an option; the program's text in it is made safe.
    """
    minutes = math.ceil((talk.start - now).total_seconds() / 60)
    when = "now" if minutes <= 0 else f"in {minutes} min"
    venue = program.conference.venue
    room = talk.room or (venue.room if venue else None)
    place = [part for part in (talk.session_title or talk.track, room and f"room {room}") if part]
    head = f"{format_time(talk.start, zone, talk.estimated)} {when}: {talk.title}"
    return safe_line(" · ".join([head, *place]))


def fire_due(
    program: Program,
    starred: AbstractSet[str],
    now: datetime,
    before: timedelta,
    claim: Callable[[Talk], bool],
    notify: Callable[[Talk, datetime], None],
) -> None:
    """Notify the reminders due at `now` that `claim` lets fire (each once: see
    `Store.claim_reminder`)."""
    for talk in upcoming(program, starred, now, before):
        if claim(talk):
            notify(talk, now)


class OnceClaims:
    """Which reminders fire: each once, as the store records (`Store.claim_reminder`);
    when it cannot record (a read-only store), once in this process, and `warn` is told
    why, once."""

    def __init__(self, record: Callable[[Talk], bool], warn: Callable[[str], None]) -> None:
        self.record = record
        self.warn = warn
        self.fired: set[tuple[str, datetime]] = set()
        self.warned = False

    def __call__(self, talk: Talk) -> bool:
        key = (talk.id, talk.start)
        if key in self.fired:
            return False
        self.fired.add(key)
        try:
            return self.record(talk)
        except StoreError as error:
            if not self.warned:
                self.warn(f"reminders will fire again after a restart: {error}")
                self.warned = True
            return True


def watch(
    program: Program,
    starred: Callable[[], AbstractSet[str]],
    claim: Callable[[Talk], bool],
    notify: Callable[[Talk, datetime], None],
    *,
    before: timedelta,
    clock: Clock,
    sleep: Callable[[float], None],
) -> NoReturn:
    """Notify each starred talk once when it falls due, until interrupted.

    `starred` is asked again each round (stars change meanwhile, in the app or another
    terminal); `claim` says whether a reminder fires here, which it does once. Between
    rounds it sleeps until the next reminder falls due, or `POLL_SECONDS` at most.
    """
    while True:
        now = clock()
        chosen = starred()
        fire_due(program, chosen, now, before, claim, notify)
        due = next_due(program, chosen, now, before)
        sleep(POLL_SECONDS if due is None else min(POLL_SECONDS, (due - now).total_seconds()))
