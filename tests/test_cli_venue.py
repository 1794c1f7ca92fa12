"""The day at the venue from the command line: now, agenda, remind, and ics alarms,
run as a user or a script would."""

from __future__ import annotations

import json
import shlex
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from companion.settings import Settings, save_settings
from tests.cli_driving import call_cli
from tests.programs import t, tiny_program, venue_program


def star(*ids: str, program: list[str] | None = None) -> None:
    result = call_cli(*(program or []), "star", *ids)
    assert result.returncode == 0, result.stderr


def program_file(tmp_path: Path, document: dict[str, Any]) -> list[str]:
    path = tmp_path / "program.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return ["--program", str(path)]


# -- now ----------------------------------------------------------------------


def test_the_closing_is_not_on_all_evening() -> None:
    result = call_cli("--now", "2026-02-01T19:00", "now")
    assert result.returncode == 0, result.stderr
    assert "Closing" not in result.stdout
    assert "over" in result.stdout
    assert "Now: 17:20– Closing" in call_cli("--now", "2026-02-01T17:22", "now").stdout


def test_now_names_the_related_event_as_not_part_of_the_workshop() -> None:
    before = call_cli("--now", "2026-02-01T09:00", "now").stdout
    during = call_cli("--now", "2026-02-01T09:45", "now").stdout
    for line in (before, during):
        assert "CC 2026 panel" in line
        assert "(related event, not part of C4ML 2026)" in line


def test_now_headlines_what_just_started_over_a_full_day_workshop(tmp_path: Path) -> None:
    result = call_cli(*program_file(tmp_path, venue_program()), "--now", t("11:20"), "now")
    assert result.returncode == 0, result.stderr
    assert "Now: 11:15–12:00 3 talks at once: B3 (B); A3 (A) +1 more" in result.stdout


# -- agenda -------------------------------------------------------------------


def test_agenda_json_has_the_gap_between_two_starred_talks_and_what_fits() -> None:
    star("library-liberation", "magellan")
    result = call_cli("agenda", "--json")
    assert result.returncode == 0, result.stderr
    first, gap, last = json.loads(result.stdout)
    assert [first["kind"], gap["kind"], last["kind"]] == ["talk", "gap", "talk"]
    assert (first["id"], last["id"]) == ("library-liberation", "magellan")
    talks = {talk["id"]: talk for talk in json.loads(call_cli("talks", "--json").stdout)}
    for entry in (first, last):  # the fields of `talks --json`, the talk's own kind renamed
        listed = dict(talks[entry["id"]], starred=True)
        listed["talk_kind"] = listed.pop("kind")
        assert {key: entry[key] for key in listed} == listed
        assert entry["overlaps"] == []
    start, end = (datetime.fromisoformat(gap[key]) for key in ("start", "end"))
    assert (gap["start"], gap["end"]) == (first["end"], last["start"])
    assert start.utcoffset() == timedelta(hours=11)
    assert gap["minutes"] == (end - start) // timedelta(minutes=1)
    inside = [
        talk_id
        for talk_id, talk in talks.items()
        if start <= datetime.fromisoformat(talk["start"])
        and datetime.fromisoformat(talk["end"]) <= end
    ]
    assert gap["fits"] == inside and len(inside) == 6


def test_agenda_text_shows_days_free_time_and_clashes_by_name(tmp_path: Path) -> None:
    rooms = program_file(tmp_path, venue_program())
    star("a1", "a3", "b3", "c1", "c2", program=rooms)
    result = call_cli(*rooms, "--now", t("11:20"), "agenda")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "== Monday 4 March 2030 ==" in lines and "== Tuesday 5 March 2030 ==" in lines
    assert "  09:45–11:00  free 75 min" in lines
    assert "  10:00–10:30  free 30 min" in lines
    assert any(line.strip() == "clashes with B3 [b3]" for line in lines)
    assert any(line.strip() == "clashes with A3 [a3]" for line in lines)
    assert lines.index("  ── now 11:20 ──") > lines.index(next(x for x in lines if "[b3]" in x))
    in_gap = lines[lines.index("  09:45–11:00  free 75 min") + 1 :]
    assert in_gap[0].strip() == "2 talks fit · 2 across its edges"  # as on the Starred screen
    assert [line.split()[-1] for line in in_gap[1:3]] == ["[a2]", "[b2]"]
    assert [line.split("(")[-1] for line in in_gap[3:5]] == ["partly: starts before the gap)"] * 2
    json_days = json.loads(call_cli(*rooms, "agenda", "--json").stdout)
    a3 = next(entry for entry in json_days if entry.get("id") == "a3")
    assert a3["overlaps"] == ["b3"]


def test_agenda_without_stars_says_how_to_star() -> None:
    result = call_cli("agenda")
    assert result.returncode == 0
    assert "companion star ID" in result.stdout
    assert json.loads(call_cli("agenda", "--json").stdout) == []


# -- remind -------------------------------------------------------------------


def test_remind_names_a_starred_talk_about_to_start_and_nothing_else() -> None:
    star("magellan")
    due = call_cli("--now", "2026-02-01T15:57", "remind", "--before", "5")
    assert due.returncode == 0, due.stderr
    (line,) = due.stdout.splitlines()
    assert "Magellan" in line and line.startswith("≈16:00 in 3 min: ")
    quiet = call_cli("--now", "2026-02-01T15:50", "remind", "--before", "5")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    # A listing is a question asked again and again (a shell prompt): it says it each time.
    again = call_cli("--now", "2026-02-01T15:57", "remind")
    assert again.stdout == due.stdout


def test_remind_looks_as_far_ahead_as_the_app_was_told() -> None:
    star("magellan")
    save_settings(Settings(remind_before=timedelta(minutes=10)))
    due = call_cli("--now", "2026-02-01T15:50", "remind")
    assert "Magellan" in due.stdout and due.stdout.startswith("≈16:00 in 10 min: ")
    assert call_cli("--now", "2026-02-01T15:50", "remind", "--before", "5").stdout == ""


def test_remind_rejects_a_bad_lead_in_one_line() -> None:
    result = call_cli("remind", "--before", "soon")
    assert result.returncode == 2
    assert "--before" in result.stderr and "Traceback" not in result.stderr


ARGV_RECORDER = """
import json, sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps(sys.argv[2:]) + "\\n")
"""


def test_remind_exec_passes_hostile_text_as_one_argument_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = "$(touch pwned); `touch pwned` | rm -rf ~ && 'quoted' \"double\" \x1b]0;evil\x07 --x"
    document = tiny_program()
    document["talks"][2]["title"] = hostile  # gamma, 10:30
    hostile_program = program_file(tmp_path, document)
    star("gamma", program=hostile_program)
    script, record = tmp_path / "record.py", tmp_path / "argv.jsonl"
    script.write_text(ARGV_RECORDER, encoding="utf-8")
    command = shlex.join([sys.executable, str(script), str(record)])
    monkeypatch.chdir(tmp_path)  # where a shell would have made "pwned"
    for _ in range(2):  # the second run, a restart, fires nothing: it fired already
        result = call_cli(*hostile_program, "--now", t("10:27"), "remind", "--exec", command)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    (argv,) = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    shown = "$(touch pwned); `touch pwned` | rm -rf ~ && 'quoted' \"double\" --x"
    assert argv == [f"10:30 in 3 min: {shown} · Session Two"]  # the escape sequence gone
    assert not (tmp_path / "pwned").exists()


def test_remind_before_anything_is_starred_creates_nothing(data_dir: Path) -> None:
    for asking in (["remind"], ["remind", "--exec", "true"], ["agenda"]):
        assert call_cli("--now", "2026-02-01T15:57", *asking).returncode == 0
    assert not data_dir.exists()


def test_remind_exec_of_a_missing_command_is_a_clean_error() -> None:
    result = call_cli("remind", "--exec", "no-such-notifier-here --flag")
    assert result.returncode == 2
    assert result.stderr.startswith("companion: error: --exec: no command 'no-such-notifier")


def restore_sigint() -> None:
    """The watch runs with Ctrl+C as a user's terminal delivers it, even under a test
    runner that ignores it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_remind_watch_says_a_reminder_once_and_stops_cleanly_on_ctrl_c() -> None:
    star("magellan")
    watching = subprocess.Popen(
        [sys.executable, "-m", "companion", "--now", "2026-02-01T15:57", "remind", "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        preexec_fn=restore_sigint,
    )
    try:
        assert watching.stdout is not None
        first = watching.stdout.readline()  # blocks until the reminder is said
        assert first.startswith("≈16:00 in 3 min: Magellan")
        watching.send_signal(signal.SIGINT)
        rest, errors = watching.communicate(timeout=60)
    finally:
        watching.kill()
    assert watching.returncode == 0
    assert "Magellan" not in rest and errors == ""
    # The watch recorded it: a notifier started afterwards does not say it again.
    assert call_cli("--now", "2026-02-01T15:58", "remind", "--exec", "true").stderr == ""


# -- export -------------------------------------------------------------------


def test_ics_alarm_reminds_before_every_event(tmp_path: Path) -> None:
    target = tmp_path / "day.ics"
    result = call_cli("export", "-f", "ics", "--all", "--alarm", "10", "-o", str(target))
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 10
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-10)
        assert alarm["DESCRIPTION"] == event["SUMMARY"]
    plain = call_cli("export", "-f", "ics", "--all", "-o", "-")
    assert "VALARM" not in plain.stdout


def test_alarm_on_a_format_without_alarms_is_a_clean_error() -> None:
    result = call_cli("export", "-f", "md", "--alarm", "10", "-o", "-")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "companion: error: --alarm is for calendars: use it with --format ics"
    )


def test_starred_says_where_now_is_as_the_screen_does() -> None:
    star("magellan", "xtc")
    lines = call_cli("--now", "2026-02-01T16:40", "starred").stdout.splitlines()
    now = lines.index("── now 16:40 ──")
    assert "Magellan" in lines[1] and "free 26 min" in lines[now - 2] and "XTC" in lines[now + 1]


def test_now_json_says_the_same_as_now() -> None:
    star("magellan")
    data = json.loads(call_cli("--now", "2026-02-01T16:10", "now", "--json").stdout)
    assert data["status"] == "during" and data["now"] == "2026-02-01T16:10:00+11:00"
    assert [item["id"] for item in data["current"]] == ["magellan"]
    assert data["current"][0]["starred"] and data["current"][0]["kind"] == "talk"
    assert [item["id"] for item in data["next"]] == ["graph-compiler-complexities"]
    evening = json.loads(call_cli("--now", "2026-02-01T19:00", "now", "--json").stdout)
    assert (evening["current"], evening["next"]) == ([], [])  # the Closing was a moment
    panel = json.loads(call_cli("--now", "2026-02-01T09:45", "now", "--json").stdout)
    assert panel["current"][0]["related"] is True


def test_about_json_carries_the_events_facts() -> None:
    data = json.loads(call_cli("about", "--json").stdout)
    assert data["name"] == "C4ML 2026" and data["start_date"] == "2026-02-01"
    assert data["timezone"] == "Australia/Sydney"
    assert data["venue"]["address"] == "14 Darling Drive, Sydney NSW 2000, Australia"
    assert [link["url"] for link in data["links"]] == ["https://c4ml.org/", "https://2026.cgo.org/"]
    assert {"name": "Markus Böck", "affiliation": "ETH Zurich"} in data["organizers"]
