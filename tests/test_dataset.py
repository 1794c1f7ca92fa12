"""The bundled C4ML 2026 program carries the published facts exactly."""

from __future__ import annotations

from datetime import datetime, timedelta

from companion.program import Program
from companion.text import fold
from tests.dataset_facts import ORGANIZERS, SESSION_OF_TALK, SLOTS, TALKS


def test_the_event(program: Program) -> None:
    conference = program.conference
    assert conference.name == "C4ML 2026"
    assert conference.title == "7th Workshop on Compilers for Machine Learning"
    assert str(conference.start_date) == str(conference.end_date) == "2026-02-01"
    assert conference.timezone == "Australia/Sydney"
    assert conference.venue is not None
    assert "ICC Sydney" in conference.venue.name
    assert conference.venue.address == "14 Darling Drive, Sydney NSW 2000, Australia"
    assert conference.venue.room is None
    assert conference.contact == "c4ml@googlegroups.com"
    assert [link.url for link in conference.links] == ["https://c4ml.org/", "https://2026.cgo.org/"]
    assert {o.name: o.affiliation for o in conference.organizers} == ORGANIZERS
    assert conference.co_located_with is not None and "CGO 2026" in conference.co_located_with


def test_the_talks_in_program_order(program: Program) -> None:
    got = [(talk.title, list(talk.authors), talk.affiliation) for talk in program.talks]
    assert got == TALKS
    titles = [talk.session_title or "" for talk in program.talks]
    sessions = [int(title.split(":")[0].removeprefix("Session ")) for title in titles]
    assert sessions == SESSION_OF_TALK


def test_the_slots_of_the_day(program: Program) -> None:
    got = [
        (s.start.strftime("%H:%M"), s.end.strftime("%H:%M") if s.end else None, s.kind)
        for s in program.slots
    ]
    assert got == [(start, end, kind) for start, end, kind, _ in SLOTS]
    for slot, (_, _, _, title) in zip(program.slots, SLOTS, strict=True):
        assert title in slot.title
    assert "not part of C4ML" in (program.slots[0].note or "")


def test_every_time_is_aware_and_in_aedt(program: Program) -> None:
    moments: list[datetime] = [m for t in program.talks for m in (t.start, t.end)]
    moments += [m for s in program.slots for m in (s.start, s.end) if m is not None]
    for moment in moments:
        assert moment.utcoffset() == timedelta(hours=11)
        assert moment.astimezone(program.conference.zone).tzname() == "AEDT"


def test_talk_times_are_estimates_inside_their_sessions(program: Program) -> None:
    sessions = {slot.id: slot for slot in program.slots}
    for talk in program.talks:
        assert talk.session_id is not None
        session = sessions[talk.session_id]
        assert talk.estimated
        assert session.end is not None
        assert session.start <= talk.start < talk.end <= session.end
    magellan = program.talk("magellan")
    assert magellan.title.startswith("Magellan: ")
    assert (magellan.start.strftime("%H:%M"), magellan.end.strftime("%H:%M")) == ("16:00", "16:27")
    assert [link.url for link in magellan.links] == ["https://arxiv.org/abs/2601.21096"]


def test_every_author_and_organizer_once(program: Program) -> None:
    names = [person.name for person in program.people]
    authors = {author for _, team, _ in TALKS for author in team}
    assert sorted(names) == sorted(authors | set(ORGANIZERS))
    assert len(names) == len(set(names)) == len(authors) + 4
    for name in ("Ngân (NV) Vũ", "José Cano", "Markus Böck"):
        assert name in names
    roles = {person.name: [str(role) for role in person.roles] for person in program.people}
    assert roles["Markus Böck"] == ["organizer"]
    assert roles["José Cano"] == ["author"]


def test_people_sort_by_family_name_ignoring_accents(program: Program) -> None:
    names = [person.name for person in program.people]
    families = [fold(name.split()[-1]) for name in names]
    assert families == sorted(families)
    assert names.index("Samuel Bayliss") < names.index("Markus Böck") < names.index("José Cano")
    assert names.index("Ngân (NV) Vũ") > names.index("Viji Srinivasan")


def test_the_bundled_file_read_as_is_equals_the_validated_program(program: Program) -> None:
    """The bundled file is read without pydantic, trusted because this test validates it."""
    from companion.loading import bundled_program_path, read_valid
    from companion.validation import validate_native

    validated = read_valid(validate_native(bundled_program_path().read_bytes(), "bundled"))
    assert program.conference == validated.conference
    assert program.slots == validated.slots
    assert program.talks == validated.talks
