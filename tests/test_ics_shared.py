"""A whole program as a calendar, where many events share a time, a room or a session:
each event, read back by icalendar, carries its own talk's values."""

from __future__ import annotations

from datetime import timedelta

import icalendar

from companion.export import ExportFormat, build_export, render
from companion.program import Program


def test_every_event_has_its_own_times_room_and_session(frab_program: Program) -> None:
    program = frab_program
    export = build_export(program, set(), {}, everything=True, alarm=timedelta(minutes=10))
    calendar = icalendar.Calendar.from_ical(render(export, ExportFormat.ICS))
    events = {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}
    assert sorted(events) == sorted(talk.id for talk in program.talks)
    starts = {talk.start for talk in program.talks}
    assert len(starts) < len(program.talks)  # some share a start: the case at stake
    for talk in program.talks:
        event = events[talk.id]
        assert event.decoded("DTSTART") == talk.start
        assert event.decoded("DTEND") == talk.end
        assert str(event["SUMMARY"]) == talk.title
        assert str(event["LOCATION"]).startswith(talk.room or "")
        categories = [c for c in (talk.session_title, talk.track) if c]
        if categories:
            listed = event["CATEGORIES"]
            assert isinstance(listed, icalendar.vCategory)
            assert [str(c) for c in listed.cats] == categories
        [alarm] = event.walk("VALARM")
        assert str(alarm["DESCRIPTION"]) == talk.title
