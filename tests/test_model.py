"""Validation of the native program format: each rule, with a case that breaks it."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from pydantic import BaseModel

from companion import program_file as schema
from companion import records
from companion.loading import ProgramError
from companion.program import Program, split_evenly
from tests.programs import opened, t, tiny_program

Mutation = Callable[[dict[str, Any]], None]


def load(document: dict[str, Any]) -> Program:
    return opened(document, "test.json")


def test_tiny_program_is_valid() -> None:
    program = load(tiny_program())
    assert [talk.id for talk in program.talks] == ["alpha", "beta", "gamma", "delta"]


def _set(path: str, value: Any) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return mutate


RULES: dict[str, tuple[Mutation, str]] = {
    "naive slot start": (_set("slots.1.start", "2030-03-04T09:10:00"), "slots[1].start"),
    "naive talk end": (_set("talks.2.end", "2030-03-04T11:00:00"), "talks[2].end"),
    "slot ends before it starts": (_set("slots.0.end", t("08:00")), "slot 'opening'"),
    "slot ends as it starts": (_set("slots.0.end", t("09:00")), "not after start"),
    "talk ends before it starts": (_set("talks.2.end", t("10:00")), "talk 'gamma'"),
    "talk with start but no end": (_delete("talks.3.end"), "both start and end"),
    "talk outside its session": (_set("talks.3.end", t("11:45")), "outside session 's2'"),
    "duplicate talk id": (_set("talks.1.id", "alpha"), "duplicate id(s): alpha"),
    "talk id equal to a slot id": (_set("talks.1.id", "coffee"), "duplicate id(s): coffee"),
    "session that does not exist": (_set("talks.0.session", "s9"), "talks[0] 'alpha'"),
    "session that is a break": (_set("talks.0.session", "coffee"), "not a session slot"),
    "unknown time zone": (_set("conference.timezone", "Mars/Olympus"), "unknown time zone"),
    "conference ends before it starts": (_set("conference.end_date", "2030-03-01"), "end_date"),
    "slot outside the conference dates": (
        _set(
            "slots.2",
            {"id": "late", "kind": "break", "title": "Late", "start": t("09:00", day="2030-03-09")},
        ),
        "slots[2] 'late': starts on 2030-03-09, outside the conference dates",
    ),
    "session half timed": (_delete("talks.3.start"), "both start and end"),
    "session with some talks timed": (_set("talks.1.start", t("09:40")), "give both start and end"),
    "estimated talks need a session end": (_set("slots.1.end", None), "needs an end time"),
    "unknown field": (_set("talks.0.speaker", "x"), "talks[0].speaker"),
    "bad id": (_set("talks.0.id", "Has Spaces"), "talks[0].id"),
    "no session and no times": (_delete("talks.0.session"), "outside a session needs start"),
    "empty title": (_set("talks.0.title", "  "), "talks[0].title"),
    "wrong format version": (_set("format_version", 2), "format_version"),
}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_rejects_and_names_the_place(rule: str) -> None:
    mutate, expected = RULES[rule]
    document = tiny_program()
    mutate(document)
    with pytest.raises(ProgramError) as raised:
        load(document)
    message = str(raised.value)
    assert message.split(": ", 1)[0].endswith("/test.json")
    assert expected in message
    assert "\n" not in message


def test_mixed_timed_and_estimated_talks_in_one_session_are_rejected() -> None:
    document = tiny_program()
    document["talks"][1].update(start=t("09:40"), end=t("10:10"))
    with pytest.raises(ProgramError, match="all of its talks or for none"):
        load(document)


def test_many_problems_are_counted_on_one_line() -> None:
    document = tiny_program()
    document["talks"][0]["title"] = ""
    document["talks"][1]["title"] = ""
    with pytest.raises(ProgramError, match=r"\(and 1 more problem\)$"):
        load(document)


def test_exact_times_are_kept_and_not_estimated() -> None:
    program = load(tiny_program())
    gamma = program.talk("gamma")
    assert not gamma.estimated
    assert gamma.start.isoformat() == "2030-03-04T10:30:00+01:00"


def test_untimed_talks_split_their_session_evenly_and_are_estimated() -> None:
    program = load(tiny_program())
    alpha, beta = program.talk("alpha"), program.talk("beta")
    assert alpha.estimated and beta.estimated
    assert (alpha.start.strftime("%H:%M"), alpha.end.strftime("%H:%M")) == ("09:10", "09:40")
    assert (beta.start.strftime("%H:%M"), beta.end.strftime("%H:%M")) == ("09:40", "10:10")
    assert (alpha.order, beta.order) == (1, 2)


def test_split_evenly_rounds_to_the_minute_and_covers_the_window() -> None:
    program = load(tiny_program())
    start = program.talk("alpha").start
    windows = split_evenly(start, start + timedelta(minutes=100), 3)
    minutes = [int((b - a).total_seconds() // 60) for a, b in windows]
    assert minutes == [33, 34, 33]
    assert windows[0][0] == start and windows[-1][1] == start + timedelta(minutes=100)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(windows))


def test_talk_ids_do_not_depend_on_position() -> None:
    document = tiny_program()
    document["talks"][0], document["talks"][1] = document["talks"][1], document["talks"][0]
    program = load(document)
    assert program.talk("beta").order == 1
    assert program.talk("alpha").order == 2
    assert program.talk("alpha").title == "Alpha"


def test_the_talk_after_another_follows_program_order_and_stops_at_both_ends() -> None:
    program = load(tiny_program())
    ids = [talk.id for talk in program.talks]
    first, second = ids[0], ids[1]
    assert program.talk_after(first, 1) == program.talk(second)
    assert program.talk_after(second, -1) == program.talk(first)
    assert program.talk_after(first, -1) is None
    assert program.talk_after(ids[-1], 1) is None
    assert program.talk_after(ids[-1], 0) == program.talk(ids[-1])


def test_the_talks_among_some_ids_come_in_program_order_without_unknown_ids() -> None:
    program = load(tiny_program())
    ids = [talk.id for talk in program.talks]
    among = program.talks_among({ids[-1], "no-such-talk", ids[0]})
    assert among == [program.talk(ids[0]), program.talk(ids[-1])]
    assert program.talks_among(set()) == []


def test_people_are_derived_once_each_with_roles_and_talks() -> None:
    program = load(tiny_program())
    ann = program.person("ann-able")
    assert ann.talk_ids == ("alpha", "gamma")
    assert ann.affiliations == ("U1", "U3")
    assert [str(role) for role in ann.roles] == ["author"]
    assert [str(role) for role in program.person("zoe-orsted").roles] == ["organizer"]
    assert [person.name for person in program.people] == [
        "Ann Able",
        "Bob Baker",
        "Cy Cole",
        "Zoë Ørsted",
        "Émile Zola",
    ]


@pytest.mark.parametrize(
    ("record", "checked"),
    [
        (records.Conference, schema.ConferenceEntry),
        (records.Venue, schema.VenueEntry),
        (records.Organizer, schema.OrganizerEntry),
        (records.Slot, schema.SlotEntry),
        (records.Link, schema.LinkEntry),
        (records.Profile, schema.ProfileEntry),
    ],
)
def test_the_plain_records_carry_every_field_of_the_models(
    record: Any, checked: type[BaseModel]
) -> None:
    """The app holds plain records read from validated documents; none may drop a field."""
    assert set(record._fields) == set(checked.model_fields)
