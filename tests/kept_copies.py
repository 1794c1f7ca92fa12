"""Reading and forging kept copies in tests, independently of `companion.kept_lines`:
JSON Lines as the README describes them (a header, then one record a line)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


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


def forge(kept: Path, text: bytes) -> None:
    """Write `text` as the kept copy with a checksum that matches it, as a copy that
    was validated would have (a tampered copy can have one too)."""
    kept.write_bytes(text)
    digest = hashlib.sha256(text).hexdigest()
    kept.with_name(kept.name + ".sha256").write_text(f"{digest}  {kept.name}\n", encoding="utf-8")
