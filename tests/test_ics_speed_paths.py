"""The calendar export's short cuts (a value encoded once for every event that shares it,
a time converted and a window described once per instant, component names encoded once,
the garbage collector held off) change no byte of what plain icalendar writes, nor any
word of a talk's time, where the clock goes back and where events share everything."""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.collector import collector_paused
from companion.export import Export, ExportFormat, build_export, render
from companion.present.talk import talk_when
from companion.program import Program, Talk
from tests.programs import opened, tiny_program
from tests.test_ics_reference import plain_icalendar

PARIS = ZoneInfo("Europe/Paris")
# 02:30 on the morning the clock goes back: first in summer time, an hour later in winter.
SUMMER = datetime(2030, 10, 27, 2, 30, tzinfo=PARIS, fold=0)
WINTER = datetime(2030, 10, 27, 2, 30, tzinfo=PARIS, fold=1)
BACKSLASH = "\\"


def exported(program: Program, talks: list[Talk], alarm: timedelta | None = None) -> Export:
    export = build_export(program, set(), {}, everything=True, alarm=alarm)
    return replace(export, talks=talks, created=datetime(2030, 3, 1, 9, 30, tzinfo=UTC))


def assert_written_as_plain_icalendar(export: Export) -> None:
    assert render(export, ExportFormat.ICS).encode("utf-8") == plain_icalendar(export)


def test_one_wall_clock_time_twice_where_the_clock_goes_back_is_two_times() -> None:
    """Times of one zone compare equal by their clocks, an hour apart or not: a time
    converted or encoded once per such "equal" time would give both talks the first's."""
    program = opened(tiny_program())
    first, second = program.talks[:2]
    talks = [
        first._replace(start=SUMMER, end=SUMMER + timedelta(minutes=20)),
        second._replace(start=WINTER, end=WINTER + timedelta(minutes=20)),
    ]
    assert SUMMER == WINTER and SUMMER.utcoffset() != WINTER.utcoffset()
    for order in (talks, talks[::-1]):
        assert_written_as_plain_icalendar(exported(program, order))


def test_a_talks_time_in_words_tells_the_hour_the_clock_repeats_apart() -> None:
    program = opened(tiny_program())
    talk = program.talks[0]._replace(estimated=False)
    summer = talk._replace(start=SUMMER, end=SUMMER + timedelta(minutes=20))
    winter = talk._replace(start=WINTER, end=WINTER + timedelta(minutes=20))
    for _ in range(2):  # the second time, each is looked up
        assert talk_when(summer, PARIS) == "Sun 27 Oct 2030 02:30–02:50 CEST"
        assert talk_when(winter, PARIS) == "Sun 27 Oct 2030 02:30–02:50 CET"
    # One instant written in two zones is one window, and reads the same.
    in_utc = summer._replace(start=SUMMER.astimezone(UTC), end=summer.end.astimezone(UTC))
    assert talk_when(in_utc, PARIS) == talk_when(summer, PARIS)


@pytest.mark.parametrize("alarm", [None, timedelta(minutes=5)])
def test_events_sharing_every_value_but_their_own_are_written_as_icalendar_would(
    alarm: timedelta | None,
) -> None:
    """Forty copies of one talk (its times, given in two zones, its session, status), in
    three rooms of one prefix and four tracks or none, each with its own id and title,
    some long enough to fold on a multi-byte character or right after an escape."""
    program = opened(tiny_program())
    talk = program.talks[0]
    tokyo = ZoneInfo("Asia/Tokyo")
    talks = []
    for number in range(40):
        title = f"Talk {number}: {'é' * number}{BACKSLASH * (number % 3)}; déjà vu, " * (number % 5)
        start = talk.start.astimezone(tokyo) if number % 2 else talk.start
        talks.append(
            talk._replace(
                id=f"t{number}",
                title=title or "Talk",
                start=start,
                room=f"Salle Ω {number % 3}",
                track=f"Track {number % 4}" if number % 5 else None,
            )
        )
    assert_written_as_plain_icalendar(exported(program, talks, alarm))


def test_the_collector_is_held_off_while_a_writer_runs_and_left_as_it_was() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a writer failed")
    assert gc.isenabled()
    gc.disable()  # someone else holds it off: an export does not turn it back on
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
