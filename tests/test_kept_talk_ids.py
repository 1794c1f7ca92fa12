"""A program opened from its file again is told apart from another conference kept under
the same id by the kept copy's talk ids alone, read a block of records at a time: the
kept copy is not read whole beside the program being imported (at 50,000 talks the
import's peak went from 369 to 484 MiB; the benchmark's "opened again" row)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.kept_copy import kept_talk_ids
from companion.loading import ProgramError
from companion.program import Program
from tests.kept_copies import as_earlier_name, forge, kept_document


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
