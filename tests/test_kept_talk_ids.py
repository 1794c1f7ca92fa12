"""A program opened from its file again is told apart from another conference kept under
the same id by the kept copy's talk ids alone, read a block of records at a time: the
kept copy is not read whole beside the program being imported (at 50,000 talks the
import's peak went from 369 to 484 MiB; the benchmark's "opened again" row)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.catalog import open_program
from companion.kept_copy import kept_talk_ids
from companion.loading import ProgramError
from companion.program import Program
from tests.kept_copies import FIXTURES, KEPT_ID, as_earlier_name, forge, kept_document

ANOTHER_PROGRAM = FIXTURES / "pretalx-schedule.ics"  # says it is devconf-2030 too


def test_the_talk_ids_of_a_kept_copy_are_its_programs(kept: Path, frab_program: Program) -> None:
    assert kept_talk_ids(kept) == {talk.id for talk in frab_program.talks}


def test_a_copy_in_the_earlier_layout_gives_them_too(kept: Path, frab_program: Program) -> None:
    document = kept_document(kept)
    earlier = as_earlier_name(kept, json.dumps(document, ensure_ascii=False).encode())
    assert kept_talk_ids(earlier) == {talk.id for talk in frab_program.talks}


def test_only_the_talks_ids_are_read_wherever_the_lists_are(kept: Path) -> None:
    """The header says how many records each list has, in its order: the ids of the slots
    and people before and after the talks are not talk ids."""
    lines = kept.read_bytes().splitlines(keepends=True)
    header = json.loads(lines[0])
    counts = header["lists"]
    talks_first = 1 + sum(list(counts.values())[: list(counts).index("talks")])
    talks = lines[talks_first : talks_first + counts["talks"]]
    others = lines[1:talks_first] + lines[talks_first + counts["talks"] :]
    header["lists"] = {"talks": counts["talks"]} | {
        key: count for key, count in counts.items() if key != "talks"
    }
    compact = json.dumps(header, separators=(",", ":")).encode()  # as the copy is written
    forge(kept, compact + b"\n" + b"".join(talks + others))
    assert kept_talk_ids(kept) == {json.loads(line)["id"] for line in talks}


def test_a_copy_cut_short_does_not_read(kept: Path) -> None:
    text = kept.read_bytes()
    forge(kept, text[: len(text) - 20])
    with pytest.raises(ProgramError, match="cut short"):
        kept_talk_ids(kept)


def test_a_copy_edited_by_hand_that_no_longer_reads_is_replaced_as_before(kept: Path) -> None:
    """Only a copy proven to be the one validated is read for its ids alone: one edited
    since (its checksum no longer matches) is read as any kept copy is, and one that does
    not read is replaced by another program under its id, as an unreadable copy always
    was, not kept beside it as if it were another conference."""
    lines = kept.read_bytes().splitlines(keepends=True)
    first_talk = 1 + json.loads(lines[0])["lists"]["slots"]
    lines[first_talk] = b"[1,2]\n"  # a talk that is not a record: the copy does not validate
    kept.write_bytes(b"".join(lines))
    opened = open_program(str(ANOTHER_PROGRAM))
    assert opened.program.conference.id == KEPT_ID
    assert opened.renamed_because is None
