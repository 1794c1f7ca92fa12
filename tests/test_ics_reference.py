"""The calendar export, however it saves work, writes the very bytes icalendar itself
writes for the same events through its plain API (`Component.add`, `Calendar.to_ical`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import icalendar
import pytest

from companion.export import Export, ExportFormat, build_export, render
from companion.export.ics import (
    add_calendar_facts,
    calendar_time,
    describe,
    event_categories,
    event_location,
    event_uid,
    reminder,
)
from companion.program import Program

TRICKY_NOTE = "Café; bring a, comma — and a back\\slash\nsecond line " + "long " * 40


def plain_icalendar(export: Export) -> bytes:
    """The export written by icalendar alone, one `add` per property."""
    conference = export.program.conference
    calendar = icalendar.Calendar()
    add_calendar_facts(calendar, export)
    for talk in export.talks:
        event = icalendar.Event()
        event.add("uid", event_uid(talk, conference.id))
        event.add("dtstamp", export.created.astimezone(UTC))
        event.add("dtstart", calendar_time(talk.start, conference.zone))
        event.add("dtend", calendar_time(talk.end, conference.zone))
        event.add("summary", talk.title)
        if location := event_location(export, talk):
            event.add("location", location)
        event.add("description", describe(export, talk))
        if categories := event_categories(talk):
            event.add("categories", categories)
        if talk.links:
            event.add("url", talk.links[0].url)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        if export.alarm is not None:
            event.add_component(reminder(talk, export.alarm))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


@pytest.mark.parametrize("alarm", [None, timedelta(minutes=10)])
def test_export_is_byte_for_byte_icalendars_own(
    frab_program: Program, alarm: timedelta | None
) -> None:
    notes = {talk.id: TRICKY_NOTE for talk in frab_program.talks[::2]}
    export = build_export(frab_program, set(), notes, everything=True, alarm=alarm)
    export = replace(export, created=datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    written = render(export, ExportFormat.ICS).encode("utf-8")
    assert written == plain_icalendar(export)


def test_a_generated_program_is_byte_for_byte_icalendars_own() -> None:
    """Accented names, long abstracts, days in a row, many events sharing a slot or room."""
    import sys
    from pathlib import Path

    from tests.programs import opened

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from generate_program import generate

    program = opened(generate(300, 3, 6, 200))
    notes = {talk.id: TRICKY_NOTE for talk in program.talks[::7]}
    export = build_export(program, set(), notes, everything=True)
    export = replace(export, created=datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    assert render(export, ExportFormat.ICS).encode("utf-8") == plain_icalendar(export)
