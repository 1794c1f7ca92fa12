"""The command line, called in-process as `companion ARGS` runs it; a few tests run the
real entry point as a subprocess, for what only a process shows (exit status, streams)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from companion import __version__
from companion.loading import bundled_program_path
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import run_cli
from tests.dataset_facts import TALKS
from tests.programs import tiny_program


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"companion {__version__}"


def test_talks_json_lists_the_ten_talks_in_order() -> None:
    result = call_cli("talks", "--json")
    assert result.returncode == 0, result.stderr
    talks = json.loads(result.stdout)
    assert isinstance(talks, list)
    assert [(t["title"], t["authors"], t["affiliation"]) for t in talks] == [
        (title, authors, affiliation) for title, authors, affiliation in TALKS
    ]
    for talk in talks:
        assert {
            "id",
            "title",
            "authors",
            "affiliation",
            "session",
            "start",
            "end",
            "estimated",
            "starred",
        } <= talk.keys()
        assert talk["start"].endswith("+11:00") and talk["end"].endswith("+11:00")
        assert talk["estimated"] is True
        assert talk["starred"] is False
    magellan = next(t for t in talks if t["title"].startswith("Magellan: "))
    assert magellan["session"] == "Session 3: Optimization & Analysis"
    assert "2026-02-01T16:00:00+11:00" <= magellan["start"] < magellan["end"]
    assert magellan["end"] <= "2026-02-01T17:20:00+11:00"


def test_talks_text_marks_estimates_and_groups_by_session() -> None:
    result = call_cli("talks")
    assert result.returncode == 0
    out = result.stdout
    assert "≈11:05–11:38" in out
    assert out.index("Session 1: Code Generation & Kernels") < out.index("Library Liberation")
    assert out.index("Session 3: Optimization & Analysis") < out.index("Magellan")
    assert "AEDT, UTC+11:00" in out


def test_speakers_lists_everyone_once_with_accents_intact() -> None:
    text = call_cli("speakers")
    assert text.returncode == 0
    for name in ("Ngân (NV) Vũ", "José Cano", "Markus Böck", "Jacques Pienaar"):
        assert sum(line.startswith(name + " ") for line in text.stdout.splitlines()) == 1
    people = json.loads(call_cli("speakers", "--json").stdout)
    names = [person["name"] for person in people]
    assert len(names) == len(set(names))
    assert {"Jacques Pienaar", "Mehdi Amini", "Michael Roberts", "Markus Böck"} <= set(names)
    assert names.index("Samuel Bayliss") < names.index("Markus Böck") < names.index("José Cano")
    vu = next(person for person in people if person["name"] == "Ngân (NV) Vũ")
    assert vu == {
        "id": "ngan-nv-vu",
        "name": "Ngân (NV) Vũ",
        "affiliations": ["Google, Google DeepMind, and Cornell University"],
        "roles": ["author"],
        "talks": ["magellan"],
    }


def test_show_a_talk_and_a_person() -> None:
    result = call_cli("show", "magellan", "--json")
    assert result.returncode == 0
    [talk] = json.loads(result.stdout)
    assert talk["id"] == "magellan"
    assert talk["links"] == [
        {"label": "Paper: arXiv 2601.21096", "url": "https://arxiv.org/abs/2601.21096"}
    ]
    text = call_cli("show", "magellan").stdout
    assert "Ngân (NV) Vũ" in text and "estimated" in text
    person = call_cli("show", "markus-bock").stdout
    assert "Markus Böck" in person and "organizer" in person and "ETH Zurich" in person


def test_show_unknown_id_is_a_clean_error() -> None:
    assert_clean_error(call_cli("show", "no-such-talk"), "no-such-talk")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{ not json", "not valid JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (b"\xff\xfe\x00garbage", "not"),
        (json.dumps({"format_version": 1}).encode(), "conference"),
    ],
)
def test_invalid_program_files_are_clean_errors(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "program.json"
    path.write_bytes(content)
    assert_clean_error(call_cli("--program", str(path), "talks"), str(path), expected)


def test_missing_program_file_and_directory_are_clean_errors(tmp_path: Path) -> None:
    assert_clean_error(call_cli("--program", str(tmp_path / "nope.json"), "talks"), "no such file")
    assert_clean_error(call_cli("--program", str(tmp_path), "talks"), "directory")


def test_bad_now_is_a_clean_error() -> None:
    assert_clean_error(call_cli("--now", "next tuesday", "now"), "--now")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-01-25T12:00+11:00", "C4ML 2026 is on Sunday 1 February 2026: in 7 days."),
        ("2026-01-31T12:00", "C4ML 2026 is on Sunday 1 February 2026: tomorrow."),
        ("2026-02-01T12:00", "Now: ≈11:38–12:12 Enabling Compiler-Driven Transformation"),
        ("2026-02-01T01:30:00+00:00", "Now: ≈12:12–12:45 Systematic Code Generation"),  # 12:30
        ("2026-02-01T15:45", "Now: 15:30–16:00 Break · Next: ≈16:00–16:27 Magellan"),
        ("2026-02-02T09:00", "took place on Sunday 1 February 2026"),
    ],
)
def test_now_follows_the_clock(now: str, expected: str) -> None:
    result = call_cli("--now", now, "now")
    assert result.returncode == 0
    assert expected in result.stdout


def test_schema_describes_files_that_load(tmp_path: Path) -> None:
    result = call_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bundled = json.loads(bundled_program_path().read_text(encoding="utf-8"))
    validator.validate(bundled)
    document = tiny_program()
    document["$schema"] = "https://example.invalid/program.schema.json"
    validator.validate(document)
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    talks = json.loads(call_cli("--program", str(path), "talks", "--json").stdout)
    assert [talk["id"] for talk in talks] == ["alpha", "beta", "gamma", "delta"]
    assert [talk["estimated"] for talk in talks] == [True, True, False, False]
    assert talks[2]["start"] == "2030-03-04T10:30:00+01:00"


@pytest.mark.parametrize(
    "args",
    [["show", "xtc"], ["show", "no-such-talk"], ["star"], ["unstar", "xtc"]],
    ids=["output", "error", "usage", "store"],
)
def test_the_entry_point_does_what_an_in_process_call_does(args: list[str]) -> None:
    """`python -m companion` is `run` with the process's streams and exit status."""
    process = run_cli(*args)
    assert (process.returncode, process.stdout, process.stderr) == call_cli(*args)
