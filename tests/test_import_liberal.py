"""Liberal import, strict report: a program loads when its document is usable; each event
with odd or broken fields is adjusted or skipped, counted on loading and listed by `check`."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from companion.catalog import Opened, open_program
from companion.clock import MOMENT, fixed_clock, parse_moment
from companion.importers.document import IdMaker
from companion.present.import_report import import_summary
from companion.ui.app import CompanionApp
from tests.cli_driving import assert_clean_error, call_cli
from tests.driving import notices_saying, until

FIXTURES = Path(__file__).parent / "fixtures"
C3VOC_GUID = "aaaaaaaa-0000-4000-8000-000000000001"
FRAB_GUID = "0E5D2B6C-1111-4A8B-9C55-AAAAAAAAAAAA"

# Per broken event: its id in the file, what is wrong with it, and the reason `check` gives.
BROKEN: dict[str, tuple[dict[str, str | None], str]] = {
    "901": ({"duration": "00:00"}, "duration '00:00' is zero; loaded as a moment"),
    "902": ({"duration": "-01:00"}, "duration '-01:00' is not HH:MM"),
    "903": ({"duration": "99:00:00:00"}, "is longer than 7 days; loaded as a moment"),
    "904": ({"title": None}, "event 904: has no title; skipped"),
    "905": ({"date": "tomorrow"}, "'tomorrow' is not an ISO 8601"),
}
GOOD_TALKS = {"c3voc": 4, "frab": 5}


def _c3voc(folder: Path) -> Path:
    data: dict[str, Any] = json.loads((FIXTURES / "congressish.json").read_text())
    saal = data["schedule"]["conference"]["days"][0]["rooms"]["Saal 1"]
    template = saal[0]
    for event_id, (changes, _) in BROKEN.items():
        event = copy.deepcopy(template) | {"id": int(event_id), "guid": f"guid-{event_id}"}
        for key, value in changes.items():
            if value is None:
                del event[key]
            else:
                event[key] = value
        saal.append(event)
    saal.append(copy.deepcopy(template) | {"id": 906, "title": "Twin"})  # the guid repeated
    path = folder / "schedule.json"
    path.write_text(json.dumps(data))
    return path


def _frab_event(event_id: str, guid: str, fields: dict[str, str | None]) -> str:
    values: dict[str, str | None] = {
        "date": "2030-02-02T12:00:00+01:00",
        "duration": "00:30",
        "title": f"Event {event_id}",
    }
    values |= fields
    inner = "".join(f"<{tag}>{text}</{tag}>" for tag, text in values.items() if text is not None)
    return f'<event guid="{guid}" id="{event_id}"><room>Janson</room>{inner}</event>'


def _frab(folder: Path) -> Path:
    events = [
        _frab_event(event_id, f"guid-{event_id}", changes)
        for event_id, (changes, _) in BROKEN.items()
    ]
    events.append(_frab_event("906", FRAB_GUID, {"title": "Twin"}))
    xml = (FIXTURES / "fosdemish.xml").read_text()
    path = folder / "schedule.xml"  # after the events of the first room, 101 among them
    path.write_text(xml.replace("    </room>", "".join(events) + "    </room>", 1))
    return path


MAKERS = {"c3voc": (_c3voc, C3VOC_GUID), "frab": (_frab, FRAB_GUID)}


@pytest.fixture(params=sorted(MAKERS))
def broken(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path, str]:
    kind: str = request.param
    make, guid = MAKERS[kind]
    return kind, make(tmp_path), guid.lower()


def test_the_usable_events_load_and_the_odd_ones_are_noted(broken: tuple[str, Path, str]) -> None:
    kind, path, guid = broken
    opened: Opened = open_program(str(path))
    talks = {talk.id: talk for talk in opened.program.talks}
    # The good events, the three with odd durations and the twin under a new id.
    assert len(talks) == GOOD_TALKS[kind] + 3 + 1
    for event_id in ("901", "902", "903"):
        moment = talks[f"guid-{event_id}"]
        assert moment.end - moment.start == MOMENT
    assert "guid-904" not in talks and "guid-905" not in talks
    assert talks[guid].title != "Twin" and talks[f"{guid}-2"].title == "Twin"
    assert opened.import_notes is not None and len(opened.import_notes) == 6


def test_loading_says_how_many_and_check_lists_each_with_its_reason(
    broken: tuple[str, Path, str],
) -> None:
    _, path, guid = broken
    loaded = call_cli("--program", str(path), "talks")
    assert loaded.returncode == 0, loaded
    summary = [line for line in loaded.stderr.splitlines() if "loaded with" in line]
    assert summary == [
        f"companion: loaded with 4 events adjusted and 2 events skipped: "
        f"`companion --program {path} check` lists each with its reason"
    ]
    checked = call_cli("--program", str(path), "check")
    assert checked.returncode == 0, checked
    assert "loaded with" not in checked.stderr  # not told to run what it is running
    lines = checked.stdout.splitlines()
    assert len(lines) == 6
    for event_id, (_, reason) in BROKEN.items():
        [line] = [line for line in lines if line.startswith(f"event {event_id}")]
        assert reason in line
    [twin] = [line for line in lines if line.startswith("event 906")]
    assert f"is repeated; loaded as {guid}-2" in twin


def test_a_program_taken_as_given_checks_clean() -> None:
    checked = call_cli("--program", str(FIXTURES / "fosdemish.xml"), "check")
    assert checked.returncode == 0
    assert checked.stdout == "every event loaded as the file gives it\n"
    assert "loaded with" not in checked.stderr


def test_check_by_a_kept_id_says_no_file_was_read(broken: tuple[str, Path, str]) -> None:
    _, path, _ = broken
    assert call_cli("--program", str(path), "talks").returncode == 0
    program_id = open_program(str(path)).program.conference.id
    checked = call_cli("--program", program_id, "check")
    assert checked.returncode == 0
    assert checked.stdout.startswith(f"{program_id} was opened from its kept copy")
    assert checked.stderr == ""


def test_a_document_with_no_loadable_event_is_refused(tmp_path: Path) -> None:
    xml = (
        (FIXTURES / "fosdemish.xml")
        .read_text()
        .replace("<title>", "<subtitle>")
        .replace("</title>", "</subtitle>")
    )
    path = tmp_path / "schedule.xml"
    path.write_text(
        xml.replace("<subtitle>DevConf Brussels 2030</subtitle>", "<title>DevConf</title>", 1)
    )
    assert_clean_error(
        call_cli("--program", str(path), "check"), "none of its events can be loaded"
    )


def test_a_document_that_is_not_a_program_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body>not a schedule</body></html>")
    assert_clean_error(call_cli("--program", str(path), "check"), "not <schedule>")


async def test_the_app_says_on_start_what_loading_adjusted_and_skipped(
    broken: tuple[str, Path, str],
) -> None:
    _, path, _ = broken
    opened = open_program(str(path))
    assert opened.import_notes is not None
    notice = import_summary(opened.import_notes, str(path))
    assert notice is not None
    program = opened.program
    clock = fixed_clock(parse_moment("2030-02-02T09:00", program.conference.zone))
    app = CompanionApp(program, clock=clock, load_notice=notice)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: notices_saying(app.screen, "4 events adjusted") == 1)
        assert notices_saying(app.screen, "2 events skipped") == 1


def test_events_sharing_one_id_each_get_the_next_free_one() -> None:
    """Counted on from the last suffix handed out (not from 2 each time, which made 20,000
    events sharing a guid take half a minute), skipping ids the file itself uses."""
    ids = IdMaker()
    made = [ids.make("x", None, "T")[0] for _ in range(3)]
    made += [ids.make("x-5", None, "T")[0]] + [ids.make("x", None, "T")[0] for _ in range(3)]
    assert made == ["x", "x-2", "x-3", "x-5", "x-4", "x-6", "x-7"]
