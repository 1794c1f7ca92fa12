"""The kept copy's layout: JSON Lines (a header, then one record a line), read a piece at
a time; copies in the earlier layout (one JSON document) still open, stars and all, and
are kept once in the new one (see tests/test_kept_copy_names.py). A copy that is not
provably the one validated is validated again, or refused, exactly as before."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from companion.kept_copy import programs_dir, read_kept
from companion.kept_lines import holds_control
from companion.loading import ProgramError
from companion.program import Program
from tests.cli_driving import assert_clean_error, call_cli
from tests.conftest import run_cli
from tests.kept_copies import (
    DIRTY_TITLES,
    FIXTURES,
    KEPT_ID,
    as_earlier_name,
    checksum_matches,
    forge,
    kept_document,
)

STARRED = "101"  # the keynote's short name in fosdemish.xml


def earlier_layout(kept: Path) -> bytes:
    """The kept copy as earlier versions wrote it: one JSON document, indented by one."""
    document = kept_document(kept)
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def with_talk_title(kept: Path, title: str) -> tuple[bytes, str]:
    """The kept copy's lines with the first talk's title changed, and that talk's id."""
    lines = kept.read_bytes().splitlines(keepends=True)
    header = json.loads(lines[0])
    first_talk = 1 + header["lists"]["slots"]
    talk = json.loads(lines[first_talk])
    talk["title"] = title
    lines[first_talk] = json.dumps(talk, ensure_ascii=False).encode() + b"\n"
    return b"".join(lines), talk["id"]


def test_an_import_is_kept_as_a_header_and_one_record_a_line(
    kept: Path, frab_program: Program
) -> None:
    lines = kept.read_bytes().splitlines()
    header = json.loads(lines[0])
    assert header["layout"] == "c4ml-companion-kept-lines/1"
    assert header["document"]["conference"]["id"] == KEPT_ID
    assert header["lists"]["talks"] == len(frab_program.talks)
    assert len(lines) == 1 + sum(header["lists"].values())
    assert all(isinstance(json.loads(line), dict) for line in lines[1:])
    assert checksum_matches(kept)
    assert Program(kept_document(kept)).talks == frab_program.talks


def test_an_earlier_copy_that_cannot_be_kept_anew_is_read_and_nothing_is_said(
    kept: Path,
) -> None:
    text = earlier_layout(kept)
    earlier = as_earlier_name(kept, text)
    on_full_disk = run_cli("--program", KEPT_ID, "about", full_disk=True)
    assert on_full_disk.returncode == 0 and on_full_disk.stderr == ""
    assert on_full_disk.stdout.startswith("DevConf Brussels 2030\n")
    assert earlier.read_bytes() == text and checksum_matches(earlier)
    assert sorted(path.name for path in programs_dir().iterdir()) == [
        earlier.name,
        earlier.name + ".sha256",
        f"{KEPT_ID}.source.json",
    ]
    assert call_cli("--program", KEPT_ID, "about").returncode == 0
    assert kept.read_bytes().startswith(b'{"layout":') and checksum_matches(kept)
    assert earlier.read_bytes() == text and checksum_matches(earlier)


def test_a_copy_edited_by_hand_is_validated_again(kept: Path, validations: list[str]) -> None:
    edited, talk_id = with_talk_title(kept, "  Edited by hand  ")
    kept.write_bytes(edited)
    program = read_kept(kept)
    assert validations == [str(kept)]
    assert program.talk(talk_id).title == "Edited by hand"  # validated: trimmed
    read_kept(kept)
    assert validations == [str(kept)]  # kept as validated: the second time, read as is


@DIRTY_TITLES
def test_control_characters_in_a_tampered_copy_are_cleaned_though_its_checksum_matches(
    kept: Path, validations: list[str], title: str
) -> None:
    tampered, talk_id = with_talk_title(kept, title)
    forge(kept, tampered)
    program = read_kept(kept)
    assert validations == [str(kept)]
    assert program.talk(talk_id).title == "Clipboard"
    clean = kept.read_bytes()
    assert b"\\u001b" not in clean and "\u009b".encode() not in clean
    assert "\u202e".encode() not in clean and clean.startswith(b'{"layout":')
    read_kept(kept)
    assert validations == [str(kept)]  # the second time, read as is


def test_a_broken_line_is_one_clear_error_naming_it_and_the_copy_is_left_alone(
    kept: Path,
) -> None:
    lines = kept.read_bytes().splitlines(keepends=True)
    lines[3] = lines[3][: len(lines[3]) // 2] + b"\n"
    broken = b"".join(lines)
    forge(kept, broken)
    assert_clean_error(
        call_cli("--program", KEPT_ID, "talks"), str(kept), "line 4", "not valid JSON"
    )
    assert kept.read_bytes() == broken


def test_a_copy_missing_its_last_records_is_validated_again_and_refused_then_left_alone(
    kept: Path, validations: list[str]
) -> None:
    """Two people gone whom talks name: as a tampered copy, validated, which refuses it."""
    truncated = b"".join(kept.read_bytes().splitlines(keepends=True)[:-2])
    forge(kept, truncated)
    with pytest.raises(ProgramError, match="no person with id"):
        read_kept(kept)
    assert validations == [str(kept)]
    assert kept.read_bytes() == truncated


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (b'{"title":"plain \\"quoted\\" \\\\ back\\nslash"}', False),
        ('{"title":"caf\u00e9 \u00a0\u2019\u2014 \U0001f600"}'.encode(), False),
        (b'{"title":"bell \\u0007"}', True),
        (b'{"title":"escaped backslash, then \\\\u0007"}', True),  # harmless, validated
        (b'{"title":"form feed \\f"}', True),
        (b'{"title":"lone surrogate \\ud800"}', True),
        (b'{"title":"delete \x7f"}', True),
        ('{"title":"csi \u009b2J"}'.encode(), True),
        ('{"title":"override \u202e"}'.encode(), True),
        ('{"title":"isolate \u2069"}'.encode(), True),
        (b"\\\\" * 5000 + b"\\r", True),  # many starts: the expression scans it whole
        (b"\\\\" * 5000, False),
    ],
)
def test_control_characters_are_found_in_kept_json(text: bytes, held: bool) -> None:
    assert holds_control(text) is held


def test_a_fifo_where_the_copy_goes_is_not_read_nor_replaced() -> None:
    """Opening it to compare would wait for a writer forever."""
    programs_dir().mkdir(parents=True)
    fifo = programs_dir() / f"{KEPT_ID}.jsonl"
    os.mkfifo(fifo)
    ran = run_cli("--program", str(FIXTURES / "fosdemish.xml"), "about", timeout=20)
    assert ran.returncode == 0, ran.stderr
    assert "not a regular file" in ran.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
