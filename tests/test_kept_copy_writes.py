"""Keeping a program: its document is encoded once, compared with the copy kept as it goes,
and written only when it differs (the same file loaded again is not written again)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from companion import kept_lines
from companion.catalog import open_program
from companion.kept_copy import read_kept
from companion.records import Document
from tests.kept_copies import FIXTURES, checksum_matches, kept_document


@pytest.fixture
def encodings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The conference ids encoded from here on (the real encoding still runs)."""
    seen: list[str] = []
    real = kept_lines.encode

    def counting(document: Document) -> Iterator[bytes]:
        seen.append(document["conference"]["id"])
        return real(document)

    monkeypatch.setattr(kept_lines, "encode", counting)
    return seen


def test_a_changed_program_is_encoded_once_and_kept_whole(
    kept: Path, tmp_path: Path, encodings: list[str], validations: list[str]
) -> None:
    """The last talk changed: the lines before it are found the same, and written too."""
    later = tmp_path / "later.xml"
    xml = (FIXTURES / "fosdemish.xml").read_text(encoding="utf-8")
    later.write_text(xml.replace("Closing Keynote", "Closing Remarks"), encoding="utf-8")
    opened = open_program(str(later))
    assert opened.kept_as == kept and len(encodings) == 1
    assert checksum_matches(kept)
    validated = len(validations)
    titles = [talk.title for talk in read_kept(kept).talks]
    assert len(validations) == validated  # read as is: the checksum is the copy's
    assert "Closing Remarks" in titles and "Closing Keynote" not in titles
    assert len(kept_document(kept)["talks"]) == len(titles)


def test_the_same_program_loaded_again_is_not_written_again(
    kept: Path, encodings: list[str]
) -> None:
    inode = kept.stat().st_ino
    opened = open_program(str(FIXTURES / "fosdemish.xml"))
    assert opened.kept_as is None and len(encodings) == 1
    assert kept.stat().st_ino == inode and checksum_matches(kept)
