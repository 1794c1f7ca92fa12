"""A session's talks, looked up per session: the same talks, in program order, as
picking them out of the whole program."""

from __future__ import annotations

from companion.program import Program
from companion.records import SlotKind


def test_a_sessions_talks_are_its_own_in_program_order(program: Program) -> None:
    sessions = [slot.id for slot in program.slots if slot.kind is SlotKind.SESSION]
    assert any(program.talks_in_session(session_id) for session_id in sessions)
    for session_id in sessions:
        expected = tuple(talk for talk in program.talks if talk.session_id == session_id)
        assert program.talks_in_session(session_id) == expected


def test_a_slot_that_holds_no_talks_has_none(program: Program) -> None:
    assert program.talks_in_session("no-such-session") == ()
