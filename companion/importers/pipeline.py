"""Importing a program file in any supported format, recognised by its content.

Each format other than the native one has a reader, which turns the document
into `ScheduleFields`; everything after that is shared (`importers.document`,
then validation). Every problem, however mangled the file, comes out as one
`ProgramError` line naming the file and what is wrong.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Any, NamedTuple

from companion.importers.c3voc_json import read_c3voc
from companion.importers.document import build_document
from companion.importers.fields import ImportNote, ImportProblem, ScheduleFields
from companion.importers.frab_xml import read_frab_xml
from companion.importers.icalendar_program import read_icalendar
from companion.loading import ProgramError
from companion.records import Document
from companion.validation import canonical_document, validate_native

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
    ICALENDAR = "iCalendar"


Reader = Callable[[str | bytes], ScheduleFields]
READERS: dict[SourceFormat, Reader] = {  # of text; c3voc's from its JSON parsed
    SourceFormat.FRAB_XML: read_frab_xml,
    SourceFormat.ICALENDAR: read_icalendar,
}
_CALENDAR = "BEGIN:VCALENDAR"


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


class Recognised(NamedTuple):
    kind: SourceFormat
    json: Any  # the document parsed, when it is JSON; None when it is not


def recognise(document: str | bytes) -> Recognised:
    """The format of a document (see `_decode_marked`), by its content, and its JSON
    parsed when it is JSON: a c3voc document is read from that parse, not parsed again
    (at 50,000 talks, a second parse beside the first was the peak of its import, and a
    second's work)."""
    if isinstance(document, str):
        head = document.lstrip(" \t\r\n")[: len(_CALENDAR)]
    else:
        head = document.lstrip(b" \t\r\n")[: len(_CALENDAR)].decode("latin-1")
    if head.startswith("<"):
        return Recognised(SourceFormat.FRAB_XML, None)
    if head.upper() == _CALENDAR:
        return Recognised(SourceFormat.ICALENDAR, None)
    try:
        data = json.loads(document)
    except (ValueError, RecursionError):
        # the native parser says what is wrong with it
        return Recognised(SourceFormat.NATIVE, None)
    if isinstance(data, dict) and "schedule" in data and "format" not in data:
        return Recognised(SourceFormat.C3VOC_JSON, data)
    return Recognised(SourceFormat.NATIVE, data)


def _starts_like_json(document: str | bytes) -> bool:
    """Whether a document begins as JSON does (an object or an array), so the JSON
    parser's own words say what is wrong with it; anything else is no program at all."""
    if isinstance(document, str):
        return document.lstrip(" \t\r\n")[:1] in ("{", "[")
    return document.lstrip(b" \t\r\n")[:1] in (b"{", b"[")


class Validated(NamedTuple):
    document: Document  # the program as its canonical native text would parse
    notes: list[ImportNote]  # the events an import adjusted or skipped


def validate_any(read: Callable[[], bytes], source: str) -> Validated:
    """A program file's bytes (as `read` gives them), in any supported format, as a
    canonical native document. Each form of the program is let go as the next is made:
    the bytes, the reader's fields, the document built from them (see `canonical_document`);
    at 50,000 talks, held to the end, they were 200 MiB of the peak."""
    document = _decode_marked(read(), source)
    kind, parsed = recognise(document)
    if kind is SourceFormat.NATIVE:
        del parsed  # validated from its text, by pydantic's own parser
        if not _starts_like_json(document):
            raise ProgramError(
                f"{source}: not a program (neither frab XML, c3voc JSON, iCalendar nor the "
                "companion's own JSON)"
            )
        return Validated(json.loads(validate_native(document, source)), [])
    try:
        reading = (
            partial(read_c3voc, parsed)
            if kind is SourceFormat.C3VOC_JSON
            else partial(READERS[kind], document)
        )
        del document, parsed  # held by `reading` only, and only what it reads
        schedule = reading()
        del reading
        built = build_document(schedule)
        del schedule
    except ImportProblem as problem:
        raise ProgramError(f"{source}: {kind}: {problem}") from None
    valid = canonical_document(built.document, f"{source} ({kind})", built.talk_labels)
    return Validated(valid, built.notes)
