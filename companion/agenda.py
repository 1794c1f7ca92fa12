"""The attendee's day: starred talks in time order, the free gaps between them, the clashes.

Built per conference day (as the program lists its talks, so a night that runs past
midnight stays with its evening) from the program and the starred ids, for `companion
agenda` and the Starred screen alike. A gap is free time between
consecutive starred talks of one day (after the latest end so far, so a talk inside a
longer one leaves no gap); its `fits` are the other talks wholly inside it and its
`edges` those that run into it across its start or its end. A talk without a length
(an import may give one no duration) counts as a moment (`companion.clock.MOMENT`).
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Set as AbstractSet
from datetime import date, datetime, timedelta
from typing import NamedTuple

from companion.clock import span_end
from companion.program import Program, Talk


class AgendaTalk(NamedTuple):
    """A starred talk, with the ids of the starred talks it clashes with (in time order)."""

    talk: Talk
    overlaps: tuple[str, ...] = ()

    @property
    def start(self) -> datetime:
        return self.talk.start

    @property
    def end(self) -> datetime:
        return _end(self.talk)


class Gap(NamedTuple):
    """Free time between two starred talks of one day."""

    start: datetime
    end: datetime
    fits: tuple[Talk, ...] = ()  # wholly inside the gap, in time order
    edges: tuple[Talk, ...] = ()  # partly inside: running into it across its start or end
    estimated: bool = False  # a talk it lies between has an estimated time

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


AgendaEntry = AgendaTalk | Gap


class AgendaDay(NamedTuple):
    day: date  # the conference day, as the program lists its talks (`Talk.day`)
    entries: tuple[AgendaEntry, ...]


def agenda(program: Program, starred: AbstractSet[str]) -> list[AgendaDay]:
    """The starred talks that are in the program, per day, with gaps and clashes; days
    without a starred talk are left out. Ids no longer in the program are ignored."""
    chosen = program.talks_among(starred)  # in program order: by start
    clashes = _clashes(chosen)
    finder = _finder(program)
    days: dict[date, list[AgendaEntry]] = {}
    latest: Talk | None = None  # the day's starred talk ending last so far
    for talk in chosen:
        entries = days.get(talk.day)
        if entries is None:
            entries = days[talk.day] = []
            latest = None
        if latest is not None and talk.start > _end(latest):
            estimated = latest.estimated or talk.estimated
            entries.append(finder.gap(_end(latest), talk.start, estimated))
        entries.append(AgendaTalk(talk, clashes.get(talk.id, ())))
        if latest is None or _end(talk) > _end(latest):
            latest = talk
    return [AgendaDay(day, tuple(entries)) for day, entries in days.items()]


def now_position(day: AgendaDay, now: datetime, program: Program) -> int | None:
    """Where a now-line goes among the day's entries: the index of the first entry that
    starts after `now`, or None when `now` is in another conference day (see `day_at`)."""
    if program.day_at(now) != day.day:
        return None
    return next(
        (index for index, entry in enumerate(day.entries) if entry.start > now),
        len(day.entries),
    )


def _end(talk: Talk) -> datetime:
    return span_end(talk.start, talk.end)


def _clashes(chosen: list[Talk]) -> dict[str, tuple[str, ...]]:
    """Overlapping pairs among talks sorted by start: each talk against those that start
    before it ends."""
    found: dict[str, list[str]] = {}
    for index, talk in enumerate(chosen):
        end = _end(talk)
        for other in chosen[index + 1 :]:
            if other.start >= end:
                break
            found.setdefault(talk.id, []).append(other.id)
            found.setdefault(other.id, []).append(talk.id)
    by_start = {talk.id: position for position, talk in enumerate(chosen)}
    return {key: tuple(sorted(ids, key=by_start.__getitem__)) for key, ids in found.items()}


_finders: weakref.WeakKeyDictionary[Program, _Finder] = weakref.WeakKeyDictionary()


def _finder(program: Program) -> _Finder:
    """One finder for the program shown (a program never changes): building one walks
    every talk, which at 10,000 talks cost each visit to the starred list 30 ms. Kept
    only while the program is: one replaced by a newer copy is freed, finder and all."""
    finder = _finders.get(program)
    if finder is None:
        _finders.clear()  # one program at a time
        finder = _finders[program] = _Finder(program)
    return finder


class _Finder:
    """The talks in or across a window, found by bisecting the talks' starts."""

    def __init__(self, program: Program) -> None:
        self.talks = program.talks
        self.starts = [talk.start for talk in self.talks]
        self.longest = max(
            (_end(talk) - talk.start for talk in self.talks),
            default=timedelta(),
        )

    def gap(self, start: datetime, end: datetime, estimated: bool) -> Gap:
        first = bisect.bisect_right(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        fits, edges = [], []
        for talk in self.talks[first:last]:
            talk_end = _end(talk)
            if talk.start >= start and talk_end <= end:
                fits.append(talk)
            elif talk_end > start:
                edges.append(talk)
        return Gap(start, end, tuple(fits), tuple(edges), estimated)
