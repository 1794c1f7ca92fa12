"""The attendee's day (agenda, gaps, clashes) and the "now" rules, on the core alone."""

from __future__ import annotations

from datetime import datetime

import pytest

from companion.agenda import AgendaTalk, Gap, agenda, now_position
from companion.clock import MOMENT, by_prominence, now_next, parse_moment
from companion.loading import read_valid
from companion.present.now import describe_now_next
from companion.program import Program
from companion.validation import validate_document
from tests.programs import venue_program


@pytest.fixture(scope="module")
def rooms() -> Program:
    """Two days, three rooms, a full-day workshop, a related event, an open-ended Closing."""
    return read_valid(validate_document(venue_program(), "venue_program"))


def at(program: Program, text: str) -> datetime:
    return parse_moment(text, program.conference.zone)


def ids(entries: tuple[object, ...]) -> list[str]:
    """The agenda as short labels: a talk's id, a gap as "gap N" (its minutes)."""
    return [
        entry.talk.id if isinstance(entry, AgendaTalk) else f"gap {entry.minutes}"
        for entry in entries
        if isinstance(entry, AgendaTalk | Gap)
    ]


# -- agenda -------------------------------------------------------------------


def test_gap_between_two_starred_talks_lists_what_fits_wholly_inside(program: Program) -> None:
    (day,) = agenda(program, {"library-liberation", "magellan"})
    first, gap, last = day.entries
    assert isinstance(first, AgendaTalk) and isinstance(gap, Gap) and isinstance(last, AgendaTalk)
    assert (gap.start, gap.end) == (first.talk.end, last.talk.start)
    assert gap.minutes == (last.talk.start - first.talk.end).total_seconds() // 60 == 262
    assert gap.estimated  # it lies between estimated times
    assert [talk.id for talk in gap.fits] == [
        talk.id
        for talk in program.talks
        if first.talk.end <= talk.start and talk.end <= last.talk.start
    ]
    assert len(gap.fits) == 6 and gap.edges == ()


def test_adjacent_starred_talks_leave_no_gap(program: Program) -> None:
    (day,) = agenda(program, {"magellan", "graph-compiler-complexities", "xtc"})
    assert ids(day.entries) == ["magellan", "graph-compiler-complexities", "xtc"]


def test_multi_room_days_gaps_edges_and_clashes(rooms: Program) -> None:
    starred = {"a1", "a3", "b3", "a4", "c1", "c2", "not-in-the-program"}
    first, second = agenda(rooms, starred)
    assert (str(first.day), str(second.day)) == ("2030-03-04", "2030-03-05")
    assert ids(first.entries) == ["a1", "gap 75", "a3", "b3", "gap 60", "a4"]
    assert ids(second.entries) == ["c1", "gap 30", "c2"]  # no gap across the night
    morning = first.entries[1]
    assert isinstance(morning, Gap)
    assert [talk.id for talk in morning.fits] == ["a2", "b2"]
    assert {talk.id for talk in morning.edges} == {"workshop", "b1"}  # run across its edges
    talks = {entry.talk.id: entry for entry in first.entries if isinstance(entry, AgendaTalk)}
    assert talks["a3"].overlaps == ("b3",) and talks["b3"].overlaps == ("a3",)
    assert talks["a1"].overlaps == talks["a4"].overlaps == ()


def test_a_talk_inside_a_longer_starred_one_leaves_no_gap(rooms: Program) -> None:
    (day,) = agenda(rooms, {"workshop", "a2", "a4"})
    assert ids(day.entries) == ["workshop", "a2", "a4"]  # the workshop runs to 17:00
    workshop = day.entries[0]
    assert isinstance(workshop, AgendaTalk) and workshop.overlaps == ("a2", "a4")


def test_nothing_starred_is_no_day(rooms: Program) -> None:
    assert agenda(rooms, set()) == []


def test_now_line_goes_before_the_first_entry_still_to_start(rooms: Program) -> None:
    first, second = agenda(rooms, {"a1", "a3", "c1"})
    assert now_position(first, at(rooms, "2030-03-04T08:00"), rooms) == 0
    assert now_position(first, at(rooms, "2030-03-04T09:10"), rooms) == 1  # a1 is on
    assert now_position(first, at(rooms, "2030-03-04T18:00"), rooms) == 3
    assert now_position(second, at(rooms, "2030-03-04T09:10"), rooms) is None


# -- now ----------------------------------------------------------------------


def test_an_item_without_an_end_is_now_for_a_moment_only(program: Program) -> None:
    closing = next(slot for slot in program.slots if slot.id == "closing")
    assert closing.end is None
    assert [item.title for item in now_next(program, closing.start + MOMENT / 2).current] == [
        "Closing"
    ]
    assert now_next(program, closing.start + MOMENT).current == ()
    evening = describe_now_next(program, at(program, "2026-02-01T19:00"), program.conference.zone)
    assert "Closing" not in evening
    assert evening == "Today's program is over: nothing more to come."


def test_latest_start_and_stars_headline_over_a_full_day_workshop(rooms: Program) -> None:
    moment = at(rooms, "2030-03-04T11:20")
    on = now_next(rooms, moment).current
    assert [item.title for item in on] == ["B3", "A3", "WORKSHOP"]
    assert [item.title for item in now_next(rooms, moment, {"a3"}).current] == [
        "A3",
        "B3",
        "WORKSHOP",
    ]
    assert by_prominence(on, {"workshop"})[0].title == "WORKSHOP"
    line = describe_now_next(rooms, moment, rooms.conference.zone)
    assert line.startswith("Now: 11:15–12:00 3 talks at once: B3 (B); A3 (A) +1 more")


def test_after_the_days_last_item_the_next_day_is_named(rooms: Program) -> None:
    line = describe_now_next(rooms, at(rooms, "2030-03-04T17:40"), rooms.conference.zone)
    assert line == (
        "Now: today's program is over · Next: Tuesday 5 March 2030 08:00–08:45 Neighbour "
        "panel (related event, not part of Rooms 2030)"
    )


def test_a_related_event_says_it_is_not_part_of_the_event(program: Program) -> None:
    line = describe_now_next(program, at(program, "2026-02-01T09:45"), program.conference.zone)
    assert "CC 2026 panel" in line.split(" · ")[0]
    assert "(related event, not part of C4ML 2026)" in line
