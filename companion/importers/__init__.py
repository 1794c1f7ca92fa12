"""Programs in other formats, recognised by content: frab/Pentabarf XML and c3voc JSON.

Every problem, however mangled the file, comes out as one `ProgramError` line
naming the file and what is wrong.
"""

from __future__ import annotations

import codecs
import json
from enum import StrEnum

from companion.importers.common import ImportProblem
from companion.loading import ProgramError, read_valid
from companion.program import Program
from companion.validation import parse_json, validate_document, validate_native

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceFormat(StrEnum):
    NATIVE = "native"
    FRAB_XML = "frab schedule.xml"
    C3VOC_JSON = "c3voc schedule.json"


def _decode_marked(raw: bytes, source: str) -> str | bytes:
    """A document that starts with a byte-order mark, decoded by it; any other as it is,
    for its parser to decode by its format's rules (XML's declaration, JSON's UTF-8)."""
    for mark, codec in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return raw[len(mark) :].decode(codec)
            except UnicodeDecodeError:
                raise ProgramError(
                    f"{source}: not {codec.upper()} text, as its byte-order mark says"
                ) from None
    return raw


def detect(document: str | bytes) -> SourceFormat:
    """The format of a document (see `_decode_marked`), by its content."""
    if isinstance(document, str):
        markup = document.lstrip(" \t\r\n").startswith("<")
    else:
        markup = document.lstrip(b" \t\r\n").startswith(b"<")
    if markup:
        return SourceFormat.FRAB_XML
    try:
        data = json.loads(document)
    except (ValueError, RecursionError):
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
    text = _decode_marked(raw, source)
    kind = detect(text)
    if kind is SourceFormat.NATIVE:
        return validate_native(text, source), kind
    try:
        if kind is SourceFormat.FRAB_XML:
            from companion.importers.frab_xml import read_frab_xml

            document, labels = read_frab_xml(text)
        else:
            from companion.importers.c3voc_json import read_c3voc_json

            document, labels = read_c3voc_json(parse_json(text, source))
    except ImportProblem as problem:
        raise ProgramError(f"{source}: {kind}: {problem}") from None
    return validate_document(document, f"{source} ({kind})", labels), kind
