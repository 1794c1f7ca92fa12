"""RFC 5545 line folding for the calendar export, linear in the line's length.

`icalendar` writes every content line of the export (escaping, parameters, the
VTIMEZONE); only the folding of those lines is done here. The library folds a line one
character at a time in Python, which was two thirds of a 10,000-talk export. This gives
the library's own result (tests compare the two on any text): segments of at most 74
octets, never inside a character, and never right after a backslash or a caret, which
readers take as the start of an escape (the library's own rule, its issue #1501).
"""

from __future__ import annotations

from collections.abc import Iterable

LIMIT = 75  # a segment is shorter than this many octets
SEPARATOR = b"\r\n "  # between segments, which are cut and joined as UTF-8 octets
_ESCAPE_STARTS = (ord("\\"), ord("^"))


def fold(line: str) -> str:
    """`line` folded as icalendar folds it."""
    if len(line) < LIMIT // 4 or (line.isascii() and len(line) < LIMIT):
        return line  # short: no segment to cut (4 octets at most per character)
    octets = line.encode("utf-8")
    if len(octets) < LIMIT:
        return line
    segments, start, size = [], 0, len(octets)
    while size - start >= LIMIT:
        end = start + LIMIT - 1
        while octets[end] & 0xC0 == 0x80:  # inside a character: cut before it
            end -= 1
        if octets[end - 1] in _ESCAPE_STARTS and end - 1 > start:
            end -= 1  # the escape's first character begins the next segment
        segments.append(octets[start:end])
        start = end
    segments.append(octets[start:])
    return SEPARATOR.join(segments).decode("utf-8")


def folded(lines: Iterable[str]) -> str:
    """Content lines as a calendar file: each folded, each ended by CRLF."""
    written = "\r\n".join(map(fold, filter(None, lines)))
    return f"{written}\r\n" if written else ""
