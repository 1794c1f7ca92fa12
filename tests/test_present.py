"""The presentation layer, unit by unit: how each fact is worded, whatever shows it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from companion.clock import parse_moment
from companion.present.about import about
from companion.present.facts import Fact, Section, plain_facts, plain_sections
from companion.present.now import describe_now_next, happenings
from companion.present.person import PER_TALK, person_facts
from companion.present.starred import (
    GONE,
    DayHeading,
    Pause,
    StarRow,
    moves_to_mark_seen,
    starred_rows,
    starred_summary,
)
from companion.present.talk import Listing, talk_facts, talk_line, talk_when
from companion.present.words import ESTIMATE_LEGEND, ESTIMATE_REASON, count, first_of
from companion.program import Program
from companion.reconcile import StarStatus
from companion.store import StarRecord

SYDNEY = ZoneInfo("Australia/Sydney")


@pytest.mark.parametrize(
    ("number", "noun", "plural", "said"),
    [
        (0, "talk", None, "0 talks"),
        (1, "talk", None, "1 talk"),
        (2, "talk", None, "2 talks"),
        (1, "person", "people", "1 person"),
        (3, "person", "people", "3 people"),
        (1, "room or track", "rooms and tracks", "1 room or track"),
    ],
)
def test_count_agrees_with_its_noun(number: int, noun: str, plural: str | None, said: str) -> None:
    assert count(number, noun, plural) == said


def test_first_of_says_how_many_more() -> None:
    assert first_of(["A"]) == "A"
    assert first_of(["A", "B"]) == "A; B"
    assert first_of(["A", "B", "C", "D"]) == "A; B +2 more"


def test_a_talks_facts_in_the_order_every_view_gives_them(program: Program) -> None:
    facts = talk_facts(program, program.talk("magellan"), SYDNEY)
    assert facts == [
        Fact("Affiliation", "Google, Google DeepMind, and Cornell University"),
        Fact("Where", "Session 3: Optimization & Analysis · talk 1 of 3"),
        Fact("Time", "Sun 01 Feb 2026 ≈16:00–16:27 AEDT"),
        Fact(
            "",
            f"estimated: {ESTIMATE_REASON}; this session runs 16:00–17:20 AEDT",
            aside=True,
        ),
        Fact("Link", "Paper: arXiv 2601.21096", url="https://arxiv.org/abs/2601.21096"),
    ]


def test_a_talks_time_is_in_the_zone_shown(program: Program) -> None:
    talk = program.talk("magellan")
    assert talk_when(talk, ZoneInfo("Europe/London")) == "Sun 01 Feb 2026 ≈05:00–05:27 GMT"


def test_one_estimate_reason_in_the_legend_and_in_each_talk(program: Program) -> None:
    assert f"≈ marks an estimated time: {ESTIMATE_REASON}." == ESTIMATE_LEGEND
    for talk in program.talks:
        asides = [f.text for f in talk_facts(program, talk, SYDNEY) if f.aside]
        assert len(asides) == 1
        assert asides[0].startswith(f"estimated: {ESTIMATE_REASON}; this session runs ")


def test_plain_facts_line_up_and_show_link_addresses() -> None:
    facts = [
        Fact("Time", "10:00"),
        Fact("", "why", aside=True),
        Fact("Link", "Paper", url="https://x.invalid/p"),
        Fact("", "second"),
    ]
    assert plain_facts(facts, 8) == [
        "Time:   10:00",
        "        why",
        "Link:   Paper <https://x.invalid/p>",
        "        second",
    ]
    assert plain_facts(facts[:1]) == ["Time: 10:00"]
    assert plain_sections([Section("Abstract", "Words.")]) == ["", "Abstract:", "Words."]


def test_a_persons_labels_follow_their_counts(program: Program) -> None:
    organizer = person_facts(program, program.person("markus-bock"))
    assert organizer == [Fact("Role", "organizer"), Fact("Affiliation", "ETH Zurich")]
    author = person_facts(program, program.person("ngan-nv-vu"))
    assert author[-1] == Fact("", PER_TALK, aside=True)


def test_about_the_event(program: Program) -> None:
    event = about(program)
    assert (event.name, event.version) == (
        "C4ML 2026",
        "Program: Final program, published 2026-01-13",
    )
    labels = [fact.label for fact in event.facts if fact.label]
    assert labels == ["When", "Where", "With", "Organizers", "Contact", "Web", "Web"]
    assert Fact("", "Room: not published") in event.facts
    assert Fact("", "Mehdi Amini, Nvidia") in event.facts
    assert [section.heading for section in event.sections] == ["Scope"]


def record(program: Program, talk_id: str) -> StarRecord:
    """A star on a talk, as last seen where the talk is now."""
    talk = program.talk(talk_id)
    return StarRecord(talk_id, None, talk.title, talk.where, talk.start, talk.end)


def test_starred_rows_with_breaks_overlaps_moves_and_gone_stars(frab_program: Program) -> None:
    program, zone = frab_program, frab_program.conference.zone
    ids = [talk.id for talk in program.talks]
    statuses = [
        StarStatus(record(program, ids[0]), program.talk(ids[0])),
        StarStatus(record(program, ids[1]), program.talk(ids[1]), moved="moved: was 09:00"),
        StarStatus(record(program, ids[4]), program.talk(ids[4])),
        StarStatus(StarRecord("gone", None, "Withdrawn", None, None, None), None),
    ]
    rows = starred_rows(program, statuses, zone, {ids[1]: "moved: was 09:00"})
    kinds = [type(row) for row in rows]
    assert kinds[0] is DayHeading and kinds.count(DayHeading) == 2  # two days
    talk_rows = [row for row in rows if isinstance(row, StarRow)]
    assert [row.talk_id for row in talk_rows] == [ids[0], ids[1], ids[4], "gone"]
    first, second = (program.talk(talk_id).title for talk_id in ids[:2])
    assert talk_rows[0].detail == f"! clashes with {second} · Janson"  # names the other talk
    assert talk_rows[1].detail == f"! clashes with {first} · moved: was 09:00"
    assert (talk_rows[0].clashes, talk_rows[1].clashes) == ((ids[1],), (ids[0],))
    assert str(talk_rows[1].line) == talk_line(program.talk(ids[1]), zone, starred=True)
    assert talk_rows[3] == StarRow("gone", Listing("(gone)       ★ ", "Withdrawn"), GONE, False)
    assert moves_to_mark_seen(statuses) == [program.talk(ids[1])]
    assert not any(isinstance(row, Pause) for row in rows)  # no breaks in this program


def test_starred_rows_show_the_breaks_between_stars(program: Program) -> None:
    statuses = [
        StarStatus(record(program, talk_id), program.talk(talk_id))
        for talk_id in ("attention-variants", "magellan")
    ]
    pauses = [row for row in starred_rows(program, statuses, SYDNEY, {}) if isinstance(row, Pause)]
    assert [str(pause.line).split()[0] for pause in pauses] == ["12:45–13:45", "15:30–16:00"]


def test_starred_rows_in_a_zone_where_the_day_crosses_midnight_say_each_date(
    program: Program,
) -> None:
    """11:05 in Sydney is 19:05 the evening before in New York; 16:00 is midnight there."""
    statuses = [
        StarStatus(record(program, talk_id), program.talk(talk_id))
        for talk_id in ("library-liberation", "magellan")
    ]
    rows = starred_rows(program, statuses, ZoneInfo("America/New_York"), {})
    headings = [row.text for row in rows if isinstance(row, DayHeading)]
    assert headings == ["Saturday 31 January 2026", "Sunday 1 February 2026"]
    assert isinstance(rows[0], DayHeading)
    assert str(rows[-1].line).startswith("≈00:00–00:27 ★ Magellan")  # type: ignore[union-attr]


def test_starred_summary() -> None:
    assert starred_summary(0, 0) == "No starred talks yet."
    assert starred_summary(1, 0) == "1 starred talk"
    assert starred_summary(3, 1) == "3 starred talks · 1 moved since you last looked"


def moment(text: str, program: Program) -> datetime:
    return parse_moment(text, program.conference.zone)


def test_now_and_next_in_one_wording(program: Program, frab_program: Program) -> None:
    during = happenings(program, moment("2026-02-01T16:30", program), SYDNEY)
    assert not isinstance(during, str)
    now, upcoming = during
    assert now.label == "Now" and now.window == "≈16:27–16:53"
    assert upcoming.label == "Next" and upcoming.text.startswith("XTC")
    parallel = happenings(frab_program, moment("2030-02-02T09:00", frab_program), SYDNEY)
    assert not isinstance(parallel, str)
    assert parallel[0].text == "nothing on right now"
    assert parallel[1].text.startswith("2 talks at once: ")
    said = describe_now_next(frab_program, moment("2030-02-02T09:00", frab_program), SYDNEY)
    assert said.startswith("Now: nothing on right now · Next: ")


def test_before_and_after_the_event(program: Program) -> None:
    before = describe_now_next(program, moment("2026-01-30T12:00", program), SYDNEY)
    assert before == "C4ML 2026 is on Sunday 1 February 2026: in 2 days."
    after = describe_now_next(program, moment("2026-02-03T12:00", program), SYDNEY)
    assert after.startswith("C4ML 2026 took place on Sunday 1 February 2026.")
