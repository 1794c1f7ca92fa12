"""Exports (through the command line, in-process), read back with independent parsers:
icalendar, csv and json."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from companion.export import ExportError, write_export
from companion.present.words import ESTIMATE_REASON
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import FIXTURES

NOTE = "Ask Markus Böck about the search budget; bring questions, too"


@pytest.fixture
def starred() -> None:
    assert call_cli("star", "library-liberation", "magellan").returncode == 0
    assert call_cli("note", "magellan", NOTE).returncode == 0


def export(tmp_path: Path, fmt: str, *extra: str, name: str | None = None) -> Path:
    target = tmp_path / (name or f"out.{fmt}")
    result = call_cli("export", "--format", fmt, "--output", str(target), *extra)
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    return target


def events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [event for event in calendar.walk("VEVENT") if isinstance(event, icalendar.Event)]


def test_ics_carries_every_field(starred: None, tmp_path: Path) -> None:
    path = export(tmp_path, "ics")
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded as RFC 5545 says
    calendar = icalendar.Calendar.from_ical(raw)
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Australia/Sydney"
    first, magellan = events(path)
    assert str(first["SUMMARY"]).startswith("Library Liberation: Competitive Performance Matmul")
    assert first.decoded("DTSTART").astimezone(UTC) == datetime(2026, 2, 1, 0, 5, tzinfo=UTC)
    assert first["DTSTART"].params["TZID"] == "Australia/Sydney"
    assert first.decoded("DTEND").astimezone(UTC) == datetime(2026, 2, 1, 0, 38, tzinfo=UTC)
    assert magellan.decoded("DTSTART").astimezone(UTC) == datetime(2026, 2, 1, 5, 0, tzinfo=UTC)
    assert str(magellan["UID"]) == "magellan@c4ml-2026.c4ml-companion"
    assert str(magellan["LOCATION"]).startswith("International Convention Centre Sydney")
    assert str(magellan["URL"]) == "https://arxiv.org/abs/2601.21096"
    categories = magellan["CATEGORIES"]
    assert isinstance(categories, icalendar.vCategory)
    assert categories.cats == ["Session 3: Optimization & Analysis"]
    assert magellan.decoded("DTSTAMP").tzinfo is not None
    description = str(magellan["DESCRIPTION"])
    for fact in (
        "Ngân (NV) Vũ",
        "Amir Yazdanbakhsh",
        "Affiliation: Google, Google DeepMind, and Cornell University",
        "Where: Session 3: Optimization & Analysis · talk 1 of 3",
        "Time: Sun 01 Feb 2026 ≈16:00–16:27 AEDT",
        f"estimated: {ESTIMATE_REASON}; this session runs 16:00–17:20 AEDT",
        f"Note: {NOTE}",
    ):
        assert fact in description


def test_uids_repeat_across_exports(starred: None, tmp_path: Path) -> None:
    first = export(tmp_path, "ics", name="a.ics")
    second = export(tmp_path, "ics", name="b.ics")
    assert [str(e["UID"]) for e in events(first)] == [str(e["UID"]) for e in events(second)]
    everything = export(tmp_path, "ics", "--all", name="all.ics")
    uids = [str(e["UID"]) for e in events(everything)]
    assert len(uids) == len(set(uids)) == 10
    assert {str(e["UID"]) for e in events(first)} <= set(uids)


def test_markdown_agenda_grouped_by_session(starred: None, tmp_path: Path) -> None:
    text = export(tmp_path, "md").read_text(encoding="utf-8")
    assert text.startswith("# C4ML 2026 — starred talks\n")
    session_1 = text.index("## Session 1: Code Generation & Kernels (11:05–12:45)")
    session_3 = text.index("## Session 3: Optimization & Analysis (16:00–17:20)")
    assert session_1 < text.index("### ≈11:05–11:38 · Library Liberation") < session_3
    assert session_3 < text.index("### ≈16:00–16:27 · Magellan")
    assert "Ngân (NV) Vũ" in text and f"- Note: {NOTE}" in text
    assert "Session 2" not in text


def test_csv_for_spreadsheets(starred: None, tmp_path: Path) -> None:
    raw = export(tmp_path, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheets read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["id"] for row in rows] == ["library-liberation", "magellan"]
    magellan = rows[1]
    assert magellan["authors"].split("; ")[2] == "Ngân (NV) Vũ"
    assert magellan["affiliation"] == "Google, Google DeepMind, and Cornell University"
    assert (magellan["date"], magellan["start"], magellan["end"]) == (
        "2026-02-01",
        "16:00",
        "16:27",
    )
    assert magellan["estimated"] == "yes" and magellan["starred"] == "yes"
    assert magellan["note"] == NOTE
    assert magellan["start_iso"] == "2026-02-01T16:00:00+11:00"


def test_csv_is_the_same_bytes_in_a_file_and_on_standard_output(
    starred: None, tmp_path: Path
) -> None:
    """One decision on the byte-order mark: it is part of the CSV, wherever it goes."""
    written = export(tmp_path, "csv").read_bytes()
    printed = call_cli("export", "-f", "csv", "-o", "-").stdout.encode("utf-8")
    assert printed == written
    assert printed.startswith(b"\xef\xbb\xbfid,title,")
    assert b"\xef\xbb\xbf" not in printed[3:]


def test_json_matches_talks_json_plus_notes(starred: None, tmp_path: Path) -> None:
    exported = json.loads(export(tmp_path, "json").read_text(encoding="utf-8"))
    listed = {talk["id"]: talk for talk in json.loads(call_cli("talks", "--json").stdout)}
    assert [talk["id"] for talk in exported] == ["library-liberation", "magellan"]
    for talk in exported:
        note = talk.pop("note")
        assert talk == listed[talk["id"]]
        assert note == (NOTE if talk["id"] == "magellan" else "")


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("ics", lambda text: icalendar.Calendar.from_ical(text).walk("VEVENT") == []),
        ("md", lambda text: "No starred talks." in text),
        (
            "csv",
            lambda text: (
                text.splitlines()[0].startswith("id,title") and len(text.splitlines()) == 1
            ),
        ),
        ("json", lambda text: json.loads(text) == []),
    ],
)
def test_nothing_starred_is_a_valid_empty_document(tmp_path: Path, fmt: str, check) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / f"empty.{fmt}"
    result = call_cli("export", "-f", fmt, "-o", str(target))
    assert result.returncode == 0
    assert "nothing starred" in result.stderr
    assert check(target.read_text(encoding="utf-8-sig"))


def test_standard_output_and_the_default_path(
    starred: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = call_cli("export", "-f", "json", "-o", "-")
    assert [talk["id"] for talk in json.loads(printed.stdout)] == ["library-liberation", "magellan"]
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = call_cli("export", "-f", "ics")
    expected = tmp_path / "Documents" / "c4ml-2026-starred.ics"
    assert result.returncode == 0 and str(expected) in result.stdout
    assert len(events(expected)) == 2


def test_never_overwrites_without_force(starred: None, tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    target.write_text("my own calendar", encoding="utf-8")
    assert_clean_error(call_cli("export", "-f", "ics", "-o", str(target)), "--force")
    assert target.read_text(encoding="utf-8") == "my own calendar"
    assert call_cli("export", "-f", "ics", "-o", str(target), "--force").returncode == 0
    assert len(events(target)) == 2
    assert_clean_error(call_cli("export", "-f", "ics", "-o", str(tmp_path)), "directory")


def test_a_failed_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    target = tmp_path / "out.ics"
    with pytest.raises(ExportError, match="No space left on device"):
        write_export("BEGIN:VCALENDAR", target, overwrite=False)
    assert list(tmp_path.iterdir()) == []
    target.write_text("kept", encoding="utf-8")
    with pytest.raises(ExportError):
        write_export("BEGIN:VCALENDAR", target, overwrite=True)
    assert target.read_text(encoding="utf-8") == "kept"
    assert list(tmp_path.iterdir()) == [target]


def test_a_talk_in_the_hour_a_dst_change_repeats_ends_after_it_starts(tmp_path: Path) -> None:
    """01:45 EDT for 30 minutes ends at 01:15 EST: as local times with a TZID the end would
    read as the first 01:15 (EDT), before the start; such times are written in UTC."""
    document = json.loads((FIXTURES / "congressish.json").read_text(encoding="utf-8"))
    conference = document["schedule"]["conference"]
    day = conference["days"][0]
    day["date"], day["day_start"], day["day_end"] = "2029-11-04", None, None
    conference["start"] = conference["end"] = "2029-11-04"
    conference["days"] = [day]
    [room] = list(day["rooms"])[:1]
    event = day["rooms"][room][0]
    event.update(date="2029-11-04T01:45:00-04:00", duration="00:30")
    day["rooms"] = {room: [event]}
    path = tmp_path / "fold.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = call_cli("--program", str(path), "export", "-f", "ics", "-o", "-", "--all")
    assert result.returncode == 0, result.stderr
    [talk] = icalendar.Calendar.from_ical(result.stdout.encode()).walk("VEVENT")
    start, end = talk.decoded("DTSTART"), talk.decoded("DTEND")
    assert start.astimezone(UTC) == datetime(2029, 11, 4, 5, 45, tzinfo=UTC)
    assert end - start == timedelta(minutes=30)
