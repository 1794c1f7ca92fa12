"""Time, tested directly: reading `--now`, writing times, and what is on now and next."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from companion.clock import (
    DayStatus,
    describe_now_next,
    fixed_clock,
    format_dates,
    format_day,
    format_time,
    format_window,
    now_next,
    parse_moment,
    zone_label,
)
from companion.importers import parse_any
from companion.program import Program
from tests.programs import t, tiny_program

PARIS = ZoneInfo("Europe/Paris")
SYDNEY = ZoneInfo("Australia/Sydney")


def tiny(document: dict[str, Any] | None = None) -> Program:
    """The tiny program (Monday 4 March 2030, Paris): opening 09:00, Session One 09:10-10:10
    (alpha and beta, estimated halves), coffee 10:10-10:30, Session Two (gamma 10:30, delta
    11:00-11:30)."""
    raw = json.dumps(document or tiny_program()).encode()
    return parse_any(raw, "tiny.json")[0]


def at(hm: str, day: str = "2030-03-04") -> datetime:
    return datetime.fromisoformat(t(hm, day))


def titles(items: tuple[Any, ...]) -> list[str]:
    return [item.title for item in items]


# -- reading and writing times ---------------------------------------------------------------


def test_a_moment_without_an_offset_is_the_venues_time() -> None:
    moment = parse_moment("2026-02-01T16:30", SYDNEY)
    assert moment == datetime(2026, 2, 1, 5, 30, tzinfo=UTC)
    assert moment.utcoffset() == SYDNEY.utcoffset(moment.replace(tzinfo=None))


def test_a_moment_with_an_offset_keeps_it() -> None:
    assert parse_moment(" 2026-02-01T05:30+00:00 ", SYDNEY) == datetime(
        2026, 2, 1, 5, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("tomorrow", "'tomorrow' is not an ISO 8601 date and time"),
        ("2026-02-30T10:00", "not an ISO 8601"),
        ("0001-01-01T00:00", "not a plausible date"),
        ("9999-12-31T23:59", "not a plausible date"),
    ],
)
def test_a_moment_that_is_not_one_says_so(text: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        parse_moment(text, SYDNEY)


def test_a_fixed_clock_stays_where_it_was_set() -> None:
    moment = at("09:20")
    clock = fixed_clock(moment)
    assert clock() == clock() == moment


def test_times_are_written_in_the_zone_asked_for_and_estimates_marked() -> None:
    moment = datetime(2026, 2, 1, 5, 0, tzinfo=UTC)
    assert format_time(moment, SYDNEY) == "16:00"
    assert format_time(moment, PARIS, estimated=True) == "≈06:00"
    end = datetime(2026, 2, 1, 5, 27, tzinfo=UTC)
    assert format_window(moment, end, SYDNEY, estimated=True) == "≈16:00–16:27"
    assert format_window(moment, None, SYDNEY, estimated=False) == "16:00–"  # no end published


def test_a_zone_is_named_as_it_is_on_that_day() -> None:
    assert zone_label(SYDNEY, datetime(2026, 2, 1, tzinfo=UTC)) == "AEDT, UTC+11:00"
    assert zone_label(SYDNEY, datetime(2026, 7, 1, tzinfo=UTC)) == "AEST, UTC+10:00"
    assert zone_label(ZoneInfo("Asia/Kolkata"), datetime(2026, 2, 1, tzinfo=UTC)) == (
        "IST, UTC+05:30"
    )


def test_days_are_written_out() -> None:
    assert format_day(date(2026, 2, 1)) == "Sunday 1 February 2026"
    assert format_dates(date(2026, 2, 1), date(2026, 2, 1)) == "Sunday 1 February 2026"
    assert format_dates(date(2030, 2, 2), date(2030, 2, 3)) == (
        "Saturday 2 February 2030 to Sunday 3 February 2030"
    )


# -- now and next ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hm", "now", "then"),
    [
        ("09:05", ["Opening"], ["Alpha"]),
        ("09:10", ["Alpha"], ["Beta"]),  # a talk is on from its first minute
        ("09:20", ["Alpha"], ["Beta"]),
        ("10:15", ["Coffee"], ["Gamma"]),
        ("11:29", ["Delta"], []),
        ("11:30", [], []),  # and over at its last
        ("08:00", [], ["Opening"]),  # the day, before it begins
    ],
)
def test_what_is_on_and_what_comes_next(hm: str, now: list[str], then: list[str]) -> None:
    state = now_next(tiny(), at(hm))
    assert state.status is DayStatus.DURING
    assert (titles(state.current), titles(state.next)) == (now, then)


def test_before_and_after_the_event() -> None:
    program = tiny()
    assert now_next(program, at("23:59", "2030-03-03")).status is DayStatus.BEFORE
    assert now_next(program, at("00:00", "2030-03-05")).status is DayStatus.AFTER


def test_a_slot_with_no_end_runs_to_the_end_of_its_day() -> None:
    document = tiny_program()
    document["slots"].append(
        {"id": "dinner", "kind": "meal", "title": "Dinner", "start": t("19:00")}
    )
    program = tiny(document)
    assert titles(now_next(program, at("23:59")).current) == ["Dinner"]
    assert now_next(program, at("00:00", "2030-03-05")).status is DayStatus.AFTER
    zone = program.conference.zone
    assert "Now: Dinner (19:00–)" in describe_now_next(program, at("20:00"), zone)


def test_parallel_talks_are_all_on_now(frab_program: Program) -> None:
    moment = datetime.fromisoformat("2030-02-02T10:10:00+01:00")
    state = now_next(frab_program, moment)
    assert len(state.current) == 2
    line = describe_now_next(frab_program, moment, frab_program.conference.zone)
    assert line.startswith("Now: Keynote: Compilers Everywhere (Janson); MLIR in Production")


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (at("09:00", "2030-03-01"), "Tiny 2030 is on Monday 4 March 2030: in 3 days."),
        (at("22:00", "2030-03-03"), "Tiny 2030 is on Monday 4 March 2030: tomorrow."),
        (
            at("09:20"),
            "Now: Alpha (≈09:10–09:40) · Next: Beta at ≈09:40",
        ),
        (at("08:00"), "Nothing on now · Next: Opening at 09:00"),
        (at("11:15"), "Now: Delta (11:00–11:30) · Nothing more today"),
        (
            at("12:00", "2030-03-05"),
            "Tiny 2030 took place on Monday 4 March 2030. The program stays here to browse.",
        ),
    ],
)
def test_one_line_says_what_is_on(moment: datetime, said: str) -> None:
    assert describe_now_next(tiny(), moment, PARIS) == said


def test_the_line_follows_the_zone_it_is_shown_in() -> None:
    assert describe_now_next(tiny(), at("09:20"), UTC) == (
        "Now: Alpha (≈08:10–08:40) · Next: Beta at ≈08:40"
    )
