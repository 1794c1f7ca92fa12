"""A kept program's layout on disk: JSON Lines, read a block of whole lines at a time.

The first line holds the document without its lists of records (its format, conference)
and how many records each list has; then every record of those lists (slots, talks,
people), one per line, in order. Read this way the file never exists as one string: at
50,000 talks the text of a single JSON document was 190 MiB (two bytes a character once
one name needs it) beside its parsed form, most of the peak memory. Copies kept by earlier
versions are one JSON document; `open_lines` tells them apart by the first line's start.

Program text is untrusted even here (the file can be edited), so every byte read is
checked for control characters as it goes by (`holds_control`), and hashed.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from typing import BinaryIO, NamedTuple

from companion.loading import MAX_PROGRAM_BYTES, OPEN_FLAGS, ProgramError
from companion.records import Document

LAYOUT = "c4ml-companion-kept-lines/1"
_HEADER_START = b'{"layout":"' + LAYOUT.encode() + b'",'
_BLOCK_BYTES = 4 * 1024 * 1024  # parsed as one JSON array: few calls, keys shared within

# In canonical JSON a control character can only be an escape (or a raw C1 or DEL byte).
# Copies kept by versions that did not yet remove them hold some; a match may also be
# harmless text (an escaped backslash), which only costs validating once more.
_CONTROL_IN_JSON = re.compile(
    rb"\\(?:u00[0189]|u007[fF]|u[dD][89abAB]|u202[a-eA-E]|u206[6-9]|[bfr])"
    rb"|\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"  # bidi controls too
)
# The bytes its alternatives begin with: single bytes, which a search finds at memory speed.
_CONTROL_LEADS = (b"\\", b"\x7f", b"\xc2", b"\xe2")


def holds_control(text: bytes) -> bool:
    """Whether `text` holds a control character, as `_CONTROL_IN_JSON.search` finds it, but
    tried only where a byte search finds one could begin: the expression's own scan took
    half a second over 50,000 talks. Text with very many such places (more than one in 64
    bytes) is left to that scan, so the cost stays within about twice its."""
    budget = len(text) // 64
    for lead in _CONTROL_LEADS:
        at = text.find(lead)
        while at >= 0:
            if _CONTROL_IN_JSON.match(text, at):
                return True
            budget -= 1
            if budget < 0:
                return _CONTROL_IN_JSON.search(text) is not None
            at = text.find(lead, at + 1)
    return False


class LinesCopy(NamedTuple):
    document: Document
    digest: str  # the SHA-256 of every byte read, in hex
    clean: bool  # no control character, raw or escaped (see `holds_control`)
    # The records are as many as the header says (edited by hand, they may not be: the
    # document is then assembled as best it can be, to be validated again).
    whole: bool


def encode(document: Document) -> Iterator[bytes]:
    """The lines of a (valid) document in this layout, each ending in a line break."""
    lists = {key: value for key, value in document.items() if isinstance(value, list)}
    rest = {key: value for key, value in document.items() if key not in lists}
    counts = {key: len(records) for key, records in lists.items()}
    yield _line({"layout": LAYOUT, "lists": counts, "document": rest})
    for records in lists.values():
        for record in records:
            yield _line(record)


def _line(value: object) -> bytes:
    # Compact JSON never holds a line break: one in a string is written as an escape.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def open_lines(path: os.PathLike[str]) -> BinaryIO | None:
    """The file at `path`, open, if it is a regular file in this layout within the size cap;
    None for anything else (a copy in the earlier layout), left to `read_program_bytes`."""
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except OSError:
        return None
    handle = os.fdopen(descriptor, "rb")
    try:
        status = os.fstat(descriptor)
        regular = stat.S_ISREG(status.st_mode) and status.st_size <= MAX_PROGRAM_BYTES
        if regular and handle.read(len(_HEADER_START)) == _HEADER_START:
            handle.seek(0)
            return handle
    except OSError:
        pass
    handle.close()
    return None


def read_lines(handle: BinaryIO, source: str) -> LinesCopy:
    """The document in an open file in this layout. A line that is not JSON, or a file
    cut short in the middle of a line, is a ProgramError naming `source`."""
    import hashlib  # only kept copies need it, not the bundled program

    hasher = hashlib.sha256()
    header, clean = _header_line(handle, source, hasher.update)
    records: list[object] = []
    for lines, first_line, ended in _line_blocks(handle, hasher.update):
        clean = clean and not holds_control(lines)
        records.extend(_records(lines, source, first_line, ended))
    document, counted = _assemble(header, records, source)
    return LinesCopy(document, hasher.hexdigest(), clean, counted)


class TalkIds(NamedTuple):
    """The ids of the talks in a copy, and what tells whether it is the copy validated (see
    `LinesCopy`)."""

    ids: set[str]
    digest: str
    clean: bool
    whole: bool


def talk_ids(handle: BinaryIO, source: str) -> TalkIds:
    """The ids of the talks in an open file in this layout, a block of records at a time:
    read whole, a 50,000-talk copy beside the program being imported under its id (to tell
    whether the two are one conference) took the import's peak from 369 to 484 MiB."""
    import hashlib  # as in `read_lines`

    hasher = hashlib.sha256()
    header, clean = _header_line(handle, source, hasher.update)
    counts, _ = _header(header, source)
    first = 0
    for key, count in counts.items():
        if key == "talks":
            break
        first += count
    end = first + counts.get("talks", 0)
    ids: set[str] = set()
    seen = 0  # records read before this block
    for lines, first_line, ended in _line_blocks(handle, hasher.update):
        clean = clean and not holds_control(lines)
        records = _records(lines, source, first_line, ended)
        for record in records[max(first - seen, 0) : max(end - seen, 0)]:
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                ids.add(record["id"])
        seen += len(records)
    return TalkIds(ids, hasher.hexdigest(), clean, seen == sum(counts.values()))


def _header_line(
    handle: BinaryIO, source: str, read: Callable[[bytes], object]
) -> tuple[object, bool]:
    """The first line, parsed, and whether it holds no control characters; `read` is given
    its bytes (see `_line_blocks`)."""
    line = handle.readline()
    read(line)
    return _parse(line, source, 1), not holds_control(line)


def _line_blocks(
    handle: BinaryIO, read: Callable[[bytes], object]
) -> Iterator[tuple[bytes, int, bool]]:
    """The lines after the header, a block of whole lines at a time, each with the number of
    its first line and whether it ended with a line break (the last line may not); `read`
    is given every byte read, in order."""
    line_number, rest = 2, b""
    while block := handle.read(_BLOCK_BYTES):
        read(block)
        whole, _, rest = (rest + block).rpartition(b"\n")
        if whole:
            yield whole, line_number, True
            line_number += whole.count(b"\n") + 1
    if rest:  # a last line without its line break: whole, or the file was cut short
        yield rest, line_number, False


def _records(lines: bytes, source: str, first_line: int, ended: bool) -> list[object]:
    return (
        _parse_block(lines, source, first_line)
        if ended
        else [_last_line(lines, source, first_line)]
    )


def _last_line(line: bytes, source: str, number: int) -> object:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        raise ProgramError(
            f"{source}: cut short (line {number}, its last, ends in the middle of a record)"
        ) from None


def _parse_block(lines: bytes, source: str, first_line: int) -> list[object]:
    """Lines of JSON values, parsed as one array (one call, keys shared across records)."""
    try:
        parsed: list[object] = json.loads(b"[" + lines.replace(b"\n", b",") + b"]")
    except (ValueError, RecursionError):
        for number, line in enumerate(lines.split(b"\n"), first_line):
            _parse(line, source, number)  # raises, naming the line
        raise ProgramError(f"{source}: not valid JSON (from line {first_line})") from None
    return parsed


def _parse(line: bytes, source: str, number: int) -> object:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        from companion.validation import parse_json  # says what is wrong; needs pydantic

        return parse_json(line, f"{source}, line {number}")


def _assemble(header: object, records: list[object], source: str) -> tuple[Document, bool]:
    """The document the header and records make, and whether they fit; a ProgramError if
    the header is not one. Records that do not fit the counts (edited by hand) go to each
    list in turn as counted, the last taking whatever is left."""
    counts, document = _header(header, source)
    sizes = list(counts.values())
    start = 0
    for number, (key, count) in enumerate(counts.items(), 1):
        end = len(records) if number == len(counts) else start + count
        document[key] = records[start:end]
        start = end
    return document, sum(sizes) == len(records)


def _header(header: object, source: str) -> tuple[dict[str, int], Document]:
    """How many records each list has, as the header says, and the rest of the document; a
    ProgramError if it is not a header."""
    match header:
        case {"layout": str(), "lists": dict(counts), "document": dict(document)}:
            pass
        case _:
            raise ProgramError(f"{source}: line 1 is not a kept program's header")
    if not all(isinstance(size, int) and size >= 0 for size in counts.values()):
        raise ProgramError(f"{source}: line 1 does not say how many records follow")
    return counts, document
