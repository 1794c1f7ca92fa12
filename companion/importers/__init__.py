"""Programs in other formats, recognised by content: frab/Pentabarf XML and c3voc JSON.

Every problem, however mangled the file, comes out as one `ProgramError` line
naming the file and what is wrong.
"""

from __future__ import annotations

import json
from enum import StrEnum

from companion.importers.common import ImportProblem
from companion.loading import ProgramError, read_valid
from companion.program import Program
from companion.validation import validate_document, validate_native


class SourceFormat(StrEnum):
    NATIVE = "native"
    FRAB_XML = "frab schedule.xml"
    C3VOC_JSON = "c3voc schedule.json"


def detect(raw: bytes) -> SourceFormat:
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return SourceFormat.FRAB_XML
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return SourceFormat.NATIVE  # the native parser says what is wrong with it
    if isinstance(data, dict) and "schedule" in data and "format" not in data:
        return SourceFormat.C3VOC_JSON
    return SourceFormat.NATIVE


def parse_any(raw: bytes, source: str) -> tuple[Program, SourceFormat]:
    """Parse a program in any supported format, recognised by its content."""
    text, kind = validate_any(raw, source)
    return read_valid(text), kind


def validate_any(raw: bytes, source: str) -> tuple[str, SourceFormat]:
    """A program in any supported format as canonical native text, and the format it was in."""
    kind = detect(raw)
    if kind is SourceFormat.NATIVE:
        return validate_native(raw, source), kind
    try:
        if kind is SourceFormat.FRAB_XML:
            from companion.importers.frab_xml import read_frab_xml

            document, labels = read_frab_xml(raw)
        else:
            from companion.importers.c3voc_json import read_c3voc_json

            document, labels = read_c3voc_json(json.loads(raw))
    except ImportProblem as problem:
        raise ProgramError(f"{source}: {kind}: {problem}") from None
    return validate_document(document, f"{source} ({kind})", labels), kind
