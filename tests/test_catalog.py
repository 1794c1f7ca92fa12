"""Kept copies of imported programs: read without validating again only while provably
the copy that was validated; anything else is validated like any file, never trusted."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from companion.catalog import open_program
from companion.kept_copy import read_kept
from companion.program import Program
from tests.cli_driving import assert_clean_error, call_cli
from tests.kept_copies import DIRTY_TITLES, KEPT_ID, kept_document


def checksum_file(kept: Path) -> Path:
    return kept.with_name(kept.name + ".sha256")


def test_an_import_is_kept_with_a_checksum_in_sha256sum_format(kept: Path) -> None:
    digest = hashlib.sha256(kept.read_bytes()).hexdigest()
    assert checksum_file(kept).read_text(encoding="utf-8") == f"{digest}  {kept.name}\n"


def test_a_kept_copy_reads_the_same_program_without_validating(
    kept: Path, frab_program: Program, validations: list[str]
) -> None:
    again = open_program(KEPT_ID).program
    assert validations == []
    assert again.conference == frab_program.conference
    assert again.slots == frab_program.slots
    assert again.talks == frab_program.talks


def test_an_edited_kept_copy_is_validated_again(kept: Path, validations: list[str]) -> None:
    document = kept_document(kept)
    document["talks"][0]["title"] = "  Edited by hand  "
    kept.write_text(json.dumps(document), encoding="utf-8")
    program = read_kept(kept)
    assert validations == [str(kept)]
    assert program.talk(document["talks"][0]["id"]).title == "Edited by hand"  # validated: trimmed


def test_a_kept_copy_broken_by_hand_is_one_clear_error_and_left_alone(kept: Path) -> None:
    document = kept_document(kept)
    document["talks"][0]["end"] = document["talks"][0]["start"]
    broken = json.dumps(document)
    kept.write_text(broken, encoding="utf-8")
    assert_clean_error(call_cli("--program", KEPT_ID, "talks"), str(kept), "is not after start")
    assert kept.read_text(encoding="utf-8") == broken


def test_a_kept_copy_without_a_checksum_gets_one_once_validated(
    kept: Path, validations: list[str]
) -> None:
    """Copies kept by earlier versions, and copies whose checksum was lost."""
    written = checksum_file(kept).read_text(encoding="utf-8")
    checksum_file(kept).unlink()
    read_kept(kept)
    assert validations == [str(kept)]
    assert checksum_file(kept).read_text(encoding="utf-8") == written
    read_kept(kept)
    assert validations == [str(kept)]  # the second time, read as is


@DIRTY_TITLES
def test_a_kept_copy_from_before_text_was_cleaned_is_cleaned_once(
    kept: Path, validations: list[str], title: str
) -> None:
    """Earlier versions kept control characters; such a copy is validated (cleaning it) even
    though its checksum matches, and kept clean, so the next launch reads it as is."""
    document = kept_document(kept)
    document["talks"][0]["title"] = title
    dirty = json.dumps(document, ensure_ascii=False, indent=1).encode()
    kept.write_bytes(dirty)
    digest = hashlib.sha256(dirty).hexdigest()
    checksum_file(kept).write_text(f"{digest}  {kept.name}\n", encoding="utf-8")
    program = read_kept(kept)
    assert validations == [str(kept)]
    assert program.talk(document["talks"][0]["id"]).title == "Clipboard"
    assert b"\\u001b" not in kept.read_bytes() and "\u009b".encode() not in kept.read_bytes()
    assert "\u202e".encode() not in kept.read_bytes()
    read_kept(kept)
    assert validations == [str(kept)]  # the second time, read as is
