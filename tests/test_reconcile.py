"""Stars against a newer program, tested directly: what moved, what is gone, in what order."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from companion.loading import read_valid
from companion.program import Program
from companion.reconcile import describe_move, reconcile
from companion.store import StarRecord, Store
from companion.validation import validate_document
from tests.programs import t, tiny_program

PARIS = ZoneInfo("Europe/Paris")


def load(document: dict[str, Any]) -> Program:
    return read_valid(validate_document(document, "tiny"))


def starred_in(program: Program, *talk_ids: str) -> list[StarRecord]:
    """The records the store keeps for these stars, as the user saw the talks then."""
    store = Store.in_memory(program.conference.id)
    store.star([program.talk(talk_id) for talk_id in talk_ids])
    return store.stars()


def newer(**changes: dict[str, Any] | None) -> Program:
    """The tiny program with some talks changed (a talk changed to None is gone)."""
    document = tiny_program()
    talks = []
    for talk in document["talks"]:
        change = changes.get(talk["id"], {})
        if change is not None:
            talks.append({**talk, **change})
    document["talks"] = talks
    return load(document)


def test_nothing_moved_says_nothing() -> None:
    before = load(tiny_program())
    [status] = reconcile(before, starred_in(before, "gamma"), PARIS)
    assert status.in_program and status.moved is None
    assert status.talk == before.talk("gamma")


def test_a_talk_moved_in_time_says_from_when_to_when() -> None:
    records = starred_in(load(tiny_program()), "gamma")
    after = newer(gamma={"start": t("11:00"), "end": t("11:30")}, delta={"start": t("10:30")})
    [status] = reconcile(after, records, PARIS)
    assert status.moved == "moved: was 10:30–11:00, now 11:00–11:30"
    assert describe_move(records[0], after.talk("gamma"), ZoneInfo("UTC")) == (
        "moved: was 09:30–10:00, now 10:00–10:30"
    )


def test_a_talk_moved_to_another_day_names_the_days() -> None:
    document = tiny_program()
    document["conference"]["end_date"] = "2030-03-05"
    before = load(document)
    records = starred_in(before, "gamma")
    next_day = "2030-03-05"
    document["slots"][3].update(start=t("10:30", next_day), end=t("11:30", next_day))
    document["talks"][2].update(start=t("10:30", next_day), end=t("11:00", next_day))
    document["talks"][3].update(start=t("11:00", next_day), end=t("11:30", next_day))
    [status] = reconcile(load(document), records, PARIS)
    assert status.moved == "moved: was Mon 04 Mar 10:30–11:00, now Tue 05 Mar 10:30–11:00"


def test_a_talk_moved_to_another_session_at_the_same_time_says_where() -> None:
    records = starred_in(load(tiny_program()), "alpha")
    document = tiny_program()
    document["slots"][1]["title"] = "Session Uno"
    [status] = reconcile(load(document), records, PARIS)
    assert status.moved == "moved: was in Session One, now in Session Uno"


def test_a_talk_gone_from_the_program_stays_starred_at_its_time() -> None:
    before = load(tiny_program())
    records = starred_in(before, "alpha", "beta", "delta")
    after = newer(beta=None)
    statuses = reconcile(after, records, PARIS)
    assert [status.record.talk_id for status in statuses] == ["alpha", "beta", "delta"]
    beta = statuses[1]
    assert not beta.in_program and beta.talk is None and beta.moved is None
    assert beta.record.title == "Beta"
    assert beta.start == before.talk("beta").start  # as last seen


def test_stars_come_in_time_order_and_a_gone_one_of_unknown_time_last() -> None:
    before = load(tiny_program())
    records = starred_in(before, "delta", "alpha", "gamma", "beta")
    damaged = [
        record._replace(start=None) if record.talk_id == "alpha" else record for record in records
    ]
    statuses = reconcile(newer(alpha=None), damaged, PARIS)
    assert [status.record.talk_id for status in statuses] == ["beta", "gamma", "delta", "alpha"]


def test_a_damaged_record_cannot_say_what_moved() -> None:
    before = load(tiny_program())
    [record] = starred_in(before, "gamma")
    after = newer(gamma={"start": t("11:00"), "end": t("11:30")}, delta={"start": t("10:30")})
    assert describe_move(record._replace(end=None), after.talk("gamma"), PARIS) is None
    [status] = reconcile(after, [record._replace(start=None)], PARIS)
    assert status.in_program and status.moved is None


def test_a_talk_moved_in_time_and_place_says_both() -> None:
    [record] = starred_in(load(tiny_program()), "gamma")
    after = newer(gamma={"start": t("11:00"), "end": t("11:30")}, delta={"start": t("10:30")})
    gamma = after.talk("gamma")
    moved = describe_move(record._replace(place="Room 9"), gamma, ZoneInfo("UTC"))
    assert moved == f"moved: was 09:30–10:00 in Room 9, now 10:00–10:30 in {gamma.where}"
