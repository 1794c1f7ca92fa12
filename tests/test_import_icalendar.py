"""iCalendar programs (.ics, as pretalx, Indico and Sched publish them) load as a program,
recognised by their content, through the same import as every other format."""

from __future__ import annotations

import codecs
import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar.timezone import tzp

from companion.catalog import open_program
from companion.importers.pipeline import SourceFormat, recognise, validate_any
from companion.present.import_report import note_line
from companion.program import Program
from companion.talk_names import resolve_talk
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import FIXTURES
from tests.driving import SIZE, AppFactory, drawn_lines, until
from tests.programs import venue_program
from tests.test_importers_fuzz import FUZZ, only_clean_errors

PRETALX = FIXTURES / "pretalx-schedule.ics"
INDICO = FIXTURES / "indico-timetable.ics"
SCHED = FIXTURES / "sched.ics"
BERLIN = ZoneInfo("Europe/Berlin")


def _calendar(*lines: str, header: tuple[str, ...] = ("X-WR-CALNAME:Tiny Con",)) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Tests//EN", *header, *lines]
    return ("\r\n".join([*body, "END:VCALENDAR", ""])).encode()


def _event(uid: str, *lines: str, start: str = "DTSTART:20300202T100000Z") -> tuple[str, ...]:
    return ("BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:Talk {uid}", start, *lines, "END:VEVENT")


class Imported:
    """A calendar through the app's own import: its native document and the notes."""

    def __init__(self, raw: bytes) -> None:
        validated = validate_any(lambda: raw, "program.ics")
        self.document: dict[str, Any] = validated.document
        self.notes = [note_line(note) for note in validated.notes]
        self.talks = {talk["id"]: talk for talk in self.document["talks"]}

    def start(self, talk_id: str) -> datetime:
        return datetime.fromisoformat(self.talks[talk_id]["start"])

    def minutes(self, talk_id: str) -> float:
        talk = self.talks[talk_id]
        length = datetime.fromisoformat(talk["end"]) - datetime.fromisoformat(talk["start"])
        return length.total_seconds() / 60


def _open(path: Path) -> Program:
    return open_program(str(path)).program


def test_a_pretalx_calendar_keeps_titles_speakers_rooms_and_its_zone() -> None:
    program = _open(PRETALX)
    conference = program.conference
    assert (conference.title, conference.timezone) == ("devconf-2030", "Europe/Berlin")
    assert (str(conference.start_date), str(conference.end_date)) == ("2030-02-02", "2030-02-03")
    talk = program.talk(resolve_talk(program, "QXKJMA") or "")
    # SUMMARY is folded across two lines (the fold just before "Böck"): unfolded whole.
    assert talk.title == "Lowering tensors through MLIR dialects, one pass at a time"
    assert talk.authors == ("Markus Böck", "Ngân (NV) Vũ")
    assert talk.room == "Saal 1"
    assert talk.start == datetime(2030, 2, 2, 10, 0, tzinfo=BERLIN)
    assert talk.end == datetime(2030, 2, 2, 10, 45, tzinfo=BERLIN)
    assert talk.abstract is not None and talk.abstract.startswith("MLIR lowers **tensor**")
    assert [link.url for link in talk.links] == [
        "https://pretalx.example.org/devconf-2030/talk/QXKJMA/"
    ]
    opening = program.talk(resolve_talk(program, "plw3zd") or "")
    assert (opening.title, opening.authors) == ("Opening", ())  # "Opening - ": no one


def test_an_indico_calendar_keeps_its_speakers_apart_from_its_description() -> None:
    program = _open(INDICO)
    assert program.conference.title == "indico.example.org event 1432"
    assert program.conference.timezone == "UTC"  # Indico writes every time in UTC, no zone
    talk = program.talk(resolve_talk(program, "5117") or "")
    assert talk.authors == ("Markus Böck", "Ngân (NV) Vũ")  # affiliations, commas and all
    assert talk.abstract == "We differentiate through a compiler."
    assert talk.room == "40-S2-A01 - Salle Anderson (CERN)"
    closing = program.talk(resolve_talk(program, "5120") or "")
    assert (closing.authors, closing.abstract) == (("Jane Doe",), "Thanks to everyone.")
    coffee = program.talk(resolve_talk(program, "5118") or "")
    assert coffee.abstract is None  # only its own address: nothing to read


def test_a_sched_calendar_is_named_by_its_product_and_tracked_by_category() -> None:
    program = _open(SCHED)
    assert program.conference.title == "DevConf North America 2030"
    talk = program.talk("60d293f6385215465dadcf5225bb7996")
    assert talk.title == "Keynote: Compilers, Hardware, and You"
    assert (talk.room, talk.track) == ("Ballroom A, Level 1", "KEYNOTE SESSIONS")
    assert talk.start == datetime(2030, 3, 12, 16, 0, tzinfo=ZoneInfo("UTC"))


def test_a_sched_event_that_ends_as_it_starts_is_a_noted_moment() -> None:
    imported = Imported(SCHED.read_bytes())
    assert imported.minutes("9cd29a34cd522e9c6091121569dd1cdc") == 5
    assert imported.notes == [
        "event 9cd29a34cd522e9c6091121569dd1cdc ('Expo Hall Opens'): duration 'PT0S' is zero; "
        "loaded as a moment at its start (5 minutes)"
    ]


@pytest.mark.parametrize("path", [PRETALX, INDICO, SCHED], ids=lambda path: path.stem)
def test_the_command_line_lists_the_talks_of_a_calendar(path: Path) -> None:
    listed = call_cli("--program", str(path), "talks", "--json")
    assert listed.returncode == 0, listed.stderr
    talks = json.loads(listed.stdout)
    assert len(talks) >= 2
    assert all(talk["start"] and talk["end"] and talk["title"] for talk in talks)


async def test_the_schedule_draws_a_talk_of_a_calendar(make_app: AppFactory) -> None:
    program = _open(PRETALX)
    app = make_app("2030-02-02T09:00", on=program)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await until(pilot, lambda: any("Lowering tensors" in line for line in drawn_lines(table)))


def test_it_is_recognised_by_content_after_a_mark_and_blank_lines() -> None:
    raw = codecs.BOM_UTF8 + b"\r\n  " + _calendar(*_event("a")).replace(b"BEGIN", b"begin", 1)
    assert recognise(raw.removeprefix(codecs.BOM_UTF8)).kind is SourceFormat.ICALENDAR
    assert list(Imported(raw).talks) == ["a"]


# Times and zones


def test_floating_times_are_in_the_calendars_zone_and_utc_times_converted() -> None:
    imported = Imported(
        _calendar(
            *_event("floating", "DURATION:PT30M", start="DTSTART:20300202T100000"),
            *_event("utc", "DTEND:20300202T100000Z", start="DTSTART:20300202T090000Z"),
            header=("X-WR-CALNAME:Tiny Con", "X-WR-TIMEZONE:Europe/Berlin"),
        )
    )
    assert imported.document["conference"]["timezone"] == "Europe/Berlin"
    assert imported.start("floating") == datetime(2030, 2, 2, 10, 0, tzinfo=BERLIN)
    assert imported.minutes("floating") == 30
    assert imported.start("utc") == datetime(2030, 2, 2, 10, 0, tzinfo=BERLIN)
    assert imported.minutes("utc") == 60


def test_without_a_calendar_zone_the_first_zone_an_event_uses_is_the_programs() -> None:
    imported = Imported(
        _calendar(
            *_event("a", "DURATION:PT1H", start="DTSTART;TZID=America/New_York:20300202T100000")
        )
    )
    assert imported.document["conference"]["timezone"] == "America/New_York"
    assert imported.notes == []


def test_a_windows_zone_name_is_read_as_its_iana_zone() -> None:
    imported = Imported(
        _calendar(
            *_event(
                "a",
                "DTEND;TZID=W. Europe Standard Time:20300202T110000",
                start="DTSTART;TZID=W. Europe Standard Time:20300202T100000",
            ),
            header=("X-WR-CALNAME:Tiny Con", "X-WR-TIMEZONE:W. Europe Standard Time"),
        )
    )
    assert imported.document["conference"]["timezone"] == "Europe/Berlin"
    assert imported.start("a") == datetime(2030, 2, 2, 10, 0, tzinfo=BERLIN)
    assert imported.notes == []


def test_a_zone_no_one_knows_is_read_in_the_calendars_zone_and_noted() -> None:
    imported = Imported(
        _calendar(
            *_event(
                "a", "DURATION:PT1H", start="DTSTART;TZID=Customized Time Zone:20300202T100000"
            ),
            header=("X-WR-CALNAME:Tiny Con", "X-WR-TIMEZONE:Europe/Berlin"),
        )
    )
    assert imported.start("a") == datetime(2030, 2, 2, 10, 0, tzinfo=BERLIN)
    assert imported.notes == [
        "event a ('Talk a'): time zone 'Customized Time Zone' is unknown; "
        "its times read in the program's time zone"
    ]


def test_the_conference_dates_are_those_of_its_events_in_its_zone() -> None:
    imported = Imported(
        _calendar(
            *_event("late", start="DTSTART:20300202T233000Z"),  # 00:30 on the 3rd in Berlin
            *_event("early", start="DTSTART:20300201T090000Z"),
            header=("X-WR-CALNAME:Tiny Con", "X-WR-TIMEZONE:Europe/Berlin"),
        )
    )
    conference = imported.document["conference"]
    assert (conference["start_date"], conference["end_date"]) == ("2030-02-01", "2030-02-03")


# Events a program cannot take as they are


def test_cancelled_all_day_repeating_and_backwards_events_are_noted() -> None:
    imported = Imported(
        _calendar(
            *_event("kept", "DTEND:20300202T110000Z"),
            *_event("cancelled", "STATUS:CANCELLED"),
            *_event("all-day", start="DTSTART;VALUE=DATE:20300202"),
            *_event("weekly", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=3"),
            *_event("backwards", "DTEND:20300202T090000Z"),
            *("BEGIN:VEVENT", "UID:no-start", "SUMMARY:No start", "END:VEVENT"),
        )
    )
    assert sorted(imported.talks) == ["backwards", "kept", "weekly"]
    assert imported.minutes("weekly") == 60 and imported.minutes("backwards") == 5
    assert imported.notes == [
        "event cancelled ('Talk cancelled'): is cancelled (STATUS:CANCELLED); skipped",
        "event all-day ('Talk all-day'): is an all-day event, with no time of day; skipped",
        "event weekly ('Talk weekly'): repeats (RRULE); loaded once, at its first occurrence",
        "event backwards ('Talk backwards'): it ends before it starts; "
        "loaded as a moment at its start (5 minutes)",
        "event no-start ('No start'): has no start (DTSTART); skipped",
    ]


def test_a_calendar_without_events_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.ics"
    path.write_bytes(_calendar())
    assert_clean_error(call_cli("--program", str(path), "talks"), "has no events (VEVENT)")


def test_a_calendar_of_only_all_day_events_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "holidays.ics"
    path.write_bytes(_calendar(*_event("a", start="DTSTART;VALUE=DATE:20300202")))
    assert_clean_error(
        call_cli("--program", str(path), "talks"), "none of its events can be loaded", "all-day"
    )


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (_calendar(*_event("a"))[:-30], "ends before END:VCALENDAR (is the file cut short?)"),
        (b"BEGIN:VCALENDAR\r\n\x00\x01\x02 garbage\r\n", "content line 2 is not NAME:VALUE"),
        (b"BEGIN:VCALENDAR\r\nEND:VEVENT\r\n", "ends a component it did not begin"),
        (b"BEGIN:VCALENDAR\r\nSUMMARY:caf\xe9\r\nEND:VCALENDAR\r\n", "not UTF-8 text"),
    ],
    ids=["truncated", "garbage", "unbalanced", "latin-1"],
)
def test_a_broken_calendar_is_refused_in_one_line(raw: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.ics"
    path.write_bytes(raw)
    assert_clean_error(call_cli("--program", str(path), "talks"), "iCalendar", problem)


# Hostile text and structure


def test_escape_sequences_and_control_characters_are_stripped() -> None:
    raw = _calendar(
        "BEGIN:VEVENT",
        "UID:a",
        "SUMMARY:\x1b]8;;https://evil.example\x07Click\x1b]8;;\x07 \x1b[31mred\x1b[0m\x08",
        "LOCATION:Saal\\, 1\x07",
        "DESCRIPTION:one\\ntwo\x1b[2J",
        "DTSTART:20300202T100000Z",
        "END:VEVENT",
    )
    talk = Imported(raw).talks["a"]
    assert (talk["title"], talk["room"], talk["abstract"]) == ("Click red", "Saal, 1", "one\ntwo")


def test_a_fold_inside_a_characters_bytes_is_undone_before_decoding() -> None:
    name = "Ngân Vũ".encode()
    split = name.index("â".encode()) + 1  # between the two bytes of "â"
    raw = _calendar(*_event("a")).replace(
        b"SUMMARY:Talk a", b"SUMMARY:" + name[:split] + b"\r\n " + name[split:]
    )
    assert Imported(raw).talks["a"]["title"] == "Ngân Vũ"


def test_deep_nesting_and_many_components_load_without_recursion() -> None:
    nested = ("BEGIN:X-NEST",) * 50_000 + ("END:X-NEST",) * 50_000
    many = [line for number in range(2_000) for line in _event(f"e{number}")]
    imported = Imported(_calendar(*_event("a", *nested), *many))
    assert len(imported.talks) == 2_001


def test_a_calendars_own_zone_rules_are_never_evaluated_nor_kept() -> None:
    """A VTIMEZONE is taken for its name only: its rules (here one change a second, for
    ever) are neither run nor cached for the whole process, as the library's parser does."""
    zone = (
        "BEGIN:VTIMEZONE",
        "TZID:Hostile Zone",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "RRULE:FREQ=SECONDLY",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:STANDARD",
        "END:VTIMEZONE",
    )
    imported = Imported(
        _calendar(*zone, *_event("a", start="DTSTART;TZID=Hostile Zone:20300202T100000"))
    )
    assert imported.document["conference"]["timezone"] == "UTC"
    assert imported.start("a") == datetime(2030, 2, 2, 10, 0, tzinfo=ZoneInfo("UTC"))
    assert tzp.timezone("Hostile Zone") is None


# The companion's own calendar export, read back


def test_the_companions_own_calendar_export_loads_back(tmp_path: Path) -> None:
    document = venue_program()
    del document["conference"]["venue"]  # LOCATION is then the room alone
    native = tmp_path / "rooms.json"
    native.write_text(json.dumps(document), encoding="utf-8")
    exported = tmp_path / "rooms.ics"
    wrote = call_cli("--program", str(native), "export", "-f", "ics", "--all", "-o", str(exported))
    assert wrote.returncode == 0, wrote.stderr
    original, reread = _open(native), _open(exported)
    assert reread.conference.timezone == original.conference.timezone
    assert [(t.id, t.title, t.start, t.end, t.room) for t in reread.talks] == [
        (t.id, t.title, t.start, t.end, t.room) for t in original.talks
    ]


# Mangled calendars, generated by hypothesis: a program or one clean line, never a crash

CALENDARS = [path.read_bytes() for path in (PRETALX, INDICO, SCHED)]
PIECES = [
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    "BEGIN:VTIMEZONE",
    "DTSTART:",
    "DTSTART;VALUE=DATE:",
    "DTSTART;TZID=",
    "DTEND:",
    "DURATION:",
    "RRULE:",
    "STATUS:CANCELLED",
    "UID:",
    "SUMMARY:",
    "X-WR-TIMEZONE:",
    "PRODID:-//pretalx//",
    "20300202T100000Z",
    "20300202",
    "99991231T250000",
    "PT1H",
    "-P1W",
    "P99999999999D",
    "W. Europe Standard Time",
    "/a/Europe/Berlin",
    "\\",
    "\\,",
    ";",
    ":",
    '"',
    "\r\n",
    "\r\n ",
]


@FUZZ
@given(st.data())
def test_mangled_calendars(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(CALENDARS))
    position = data.draw(st.integers(0, len(source)))
    cut = data.draw(st.integers(0, 40))
    pieces = data.draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=6))
    insert = "".join(pieces).encode()
    only_clean_errors(source[:position] + insert + source[position + cut :])


@pytest.mark.parametrize("url", ["https://[indico.example.org/event/1/", "https://[::1/talk/X/"])
def test_an_address_python_cannot_split_is_kept_and_read_no_further(url: str) -> None:
    """An event's URL with an unclosed IPv6 bracket made urllib raise; the calendar is
    still read, named by the next event with an address that is one."""
    raw = _calendar(
        *_event("talk-7", f"URL:{url}"),
        *_event("talk-8", "URL:https://indico.example.org/event/9/"),
        header=(),
    )
    imported = Imported(raw)
    assert imported.document["conference"]["title"] == "indico.example.org"
    assert len(imported.talks) == 2
