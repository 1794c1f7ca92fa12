"""Imported abstracts and descriptions are readable text wherever they are shown."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar
from markdown_it import MarkdownIt

from tests.cli_driving import call_cli
from tests.conftest import FIXTURES

FOSDEM_HTML = FIXTURES / "fosdem-html.xml"
TALK = "7f5a9d42-0000-4c11-9b0e-000000000001"
ABSTRACT = (
    "ORC makes JITs & REPLs easy.\n\n"
    "We cover:\n\n"
    "1. lazy compilation\n"
    "2. linking,\n   and more\n\n"
    "Code: the repository <https://example.org/orc>."
)
TAGS = ("<p>", "</p>", "<a ", "<ol>", "<li>", "<ul>", "<br", "<em>", "&lt;")


def assert_no_tags(text: str) -> None:
    for tag in TAGS:
        assert tag not in text, (tag, text)


def test_a_frab_html_abstract_is_readable_in_show_and_its_json() -> None:
    shown = call_cli("--program", str(FOSDEM_HTML), "show", TALK)
    assert shown.returncode == 0, shown.stderr
    assert_no_tags(shown.stdout)
    assert "1. lazy compilation" in shown.stdout
    assert "the repository <https://example.org/orc>" in shown.stdout
    (data,) = json.loads(call_cli("--program", str(FOSDEM_HTML), "show", TALK, "--json").stdout)
    assert data["abstract"] == ABSTRACT
    assert data["description"] == "• Slides\n• Demo"


def test_a_frab_html_abstract_is_readable_in_the_calendar_export() -> None:
    exported = call_cli("--program", str(FOSDEM_HTML), "export", "-f", "ics", "--all", "-o", "-")
    assert exported.returncode == 0, exported.stderr
    (event,) = Calendar.from_ical(exported.stdout).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert_no_tags(description)
    assert f"Abstract:\n{ABSTRACT}" in description


def test_a_c3voc_html_description_is_readable_too(tmp_path: Path) -> None:
    schedule = json.loads((FIXTURES / "congressish.json").read_text(encoding="utf-8"))
    days = schedule["schedule"]["conference"]["days"]
    event = next(e for day in days for room in day["rooms"].values() for e in room)
    event["description"] = "<p>Bring a laptop.</p><ul><li>Rust</li><li>C&#43;&#43;</li></ul>"
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(schedule), encoding="utf-8")
    talks = json.loads(call_cli("--program", str(path), "talks", "--json").stdout)
    described = [talk["description"] for talk in talks if talk.get("description")]
    assert described == ["Bring a laptop.\n\n• Rust\n• C++"]


def test_a_frab_html_abstract_is_readable_in_the_markdown_export() -> None:
    exported = call_cli("--program", str(FOSDEM_HTML), "export", "-f", "md", "--all", "-o", "-")
    assert exported.returncode == 0, exported.stderr
    assert_no_tags(exported.stdout)
    rendered = MarkdownIt("commonmark").render(exported.stdout)
    assert "<li>lazy compilation</li>" in rendered
    assert "<li>linking,<br />\nand more</li>" in rendered
    assert "the repository &lt;https://example.org/orc&gt;." in rendered
    assert "<p>• Slides<br />\n• Demo</p>" in rendered
