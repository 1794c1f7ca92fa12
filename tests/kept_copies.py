"""Kept copies in tests: fixtures for every test module (a program kept, the validations
run; see `tests/conftest.py`), and reading and forging copies independently of
`companion.kept_lines`, as the README describes them (a header, then one record a line)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from companion import validation
from companion.catalog import open_program
from companion.kept_copy import programs_dir

FIXTURES = Path(__file__).parent / "fixtures"
KEPT_ID = "devconf-2030"
# Titles with control characters, which copies kept before text was cleaned can hold.
DIRTY_TITLES = pytest.mark.parametrize(
    "title",
    ["Clip\u001b]52;c;ZXZpbA==\u0007board \u009b2J", "Clip\u202eboard \u2066\u2069"],
    ids=["escapes", "bidi-overrides"],
)


@pytest.fixture
def kept(tmp_path: Path) -> Path:
    source = tmp_path / "schedule.xml"
    shutil.copy(FIXTURES / "fosdemish.xml", source)
    opened = open_program(str(source))
    assert opened.kept_as == programs_dir() / f"{KEPT_ID}.jsonl"
    return opened.kept_as


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources validated from here on (the real validation still runs)."""
    seen: list[str] = []
    real = validation.validate_native

    def counting(text: str | bytes, source: str) -> str:
        seen.append(source)
        return real(text, source)

    monkeypatch.setattr(validation, "validate_native", counting)
    return seen


def kept_document(kept: Path) -> dict[str, Any]:
    """The program document a kept copy holds, whichever layout it is in."""
    lines = kept.read_bytes().splitlines()
    header = json.loads(lines[0])
    if "layout" not in header:  # one JSON document, as earlier versions kept it
        document: dict[str, Any] = json.loads(b"\n".join(lines))
        return document
    document = header["document"]
    records = iter(lines[1:])
    for key, count in header["lists"].items():
        document[key] = [json.loads(next(records)) for _ in range(count)]
    assert next(records, None) is None
    return document


def checksum_matches(kept: Path) -> bool:
    """Whether the copy's checksum file is that of its bytes, as `sha256sum -c` checks."""
    digest = hashlib.sha256(kept.read_bytes()).hexdigest()
    recorded = kept.with_name(kept.name + ".sha256").read_text(encoding="utf-8")
    return recorded == f"{digest}  {kept.name}\n"


def forge(kept: Path, text: bytes) -> None:
    """Write `text` as the kept copy with a checksum that matches it, as a copy that
    was validated would have (a tampered copy can have one too)."""
    kept.write_bytes(text)
    digest = hashlib.sha256(text).hexdigest()
    kept.with_name(kept.name + ".sha256").write_text(f"{digest}  {kept.name}\n", encoding="utf-8")


def as_earlier_name(kept: Path, text: bytes) -> Path:
    """Leave the program kept only as `ID.json` holding `text`, with a checksum that
    matches it, as versions before `ID.jsonl` kept it; returns that path."""
    earlier = kept.with_suffix(".json")
    forge(earlier, text)
    if kept != earlier:
        kept.unlink()
        kept.with_name(kept.name + ".sha256").unlink()
    return earlier
