"""Time, tested directly: reading `--now`, writing times, and what is on now and next."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from companion.clock import (
    MOMENT,
    DayStatus,
    fixed_clock,
    format_day,
    format_time,
    format_window,
    now_next,
    parse_moment,
    zone_label,
)
from companion.loading import read_valid
from companion.program import Program
from companion.validation import validate_document
from tests.programs import t, tiny_program

PARIS = ZoneInfo("Europe/Paris")
SYDNEY = ZoneInfo("Australia/Sydney")


def tiny(document: dict[str, Any] | None = None) -> Program:
    """The tiny program (Monday 4 March 2030, Paris): opening 09:00, Session One 09:10-10:10
    (alpha and beta, estimated halves), coffee 10:10-10:30, Session Two (gamma 10:30, delta
    11:00-11:30)."""
    return read_valid(validate_document(document or tiny_program(), "tiny"))


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


def test_a_slot_with_no_end_is_on_for_a_moment() -> None:
    document = tiny_program()
    document["slots"].append(
        {"id": "dinner", "kind": "meal", "title": "Dinner", "start": t("19:00")}
    )
    program = tiny(document)
    assert titles(now_next(program, at("18:59")).next) == ["Dinner"]
    [dinner] = now_next(program, at("19:00") + MOMENT / 2).current
    assert dinner.title == "Dinner" and dinner.shown_end is None  # none was published
    assert now_next(program, at("19:00") + MOMENT).current == ()


def test_parallel_talks_are_all_on_now(frab_program: Program) -> None:
    moment = datetime.fromisoformat("2030-02-02T10:10:00+01:00")
    state = now_next(frab_program, moment)
    assert titles(state.current) == ["Keynote: Compilers Everywhere", "MLIR in Production"]
