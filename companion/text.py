"""Text from strangers made safe to show, and folded for matching and sorting.

Program files are written by someone else: `safe_line` and `safe_prose` remove
what a terminal would obey rather than show (escape sequences, control
characters), so a title can never retitle, clear or write the clipboard of
the terminal that prints it. `fold` turns "Ngân (NV) Vũ" into "ngan (nv) vu",
so a user who cannot type the accents still finds and sorts names the way a
reader expects.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

# Letters that carry no combining mark to strip, so NFKD leaves them alone.
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)
# Combining diacritical marks (all that Latin, Greek, Cyrillic and Vietnamese names use).
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Escape sequences as terminals read them (ECMA-48), 7-bit and 8-bit: CSI (ESC [ ... final
# byte), OSC/DCS/SOS/PM/APC strings up to their terminator, and two-byte escapes.
# Patterns as text: compiled (and cached by `re`) the first time text needs cleaning,
# which keeps them off the start-up path.
_ESCAPE_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# C0 controls but tab and newline, DEL, C1 controls (whatever is left of a sequence), lone
# surrogates, which JSON can carry but no file or terminal can be given, and the bidi
# embeddings, overrides and isolates, which make a line read in another order than it is
# written ("Trojan Source"); right-to-left names need none of them.
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
_LINE_BREAK = "\r\n?|[\x85\u2028\u2029]"
_WHITESPACE_RUN = r"\s+"
LINE_LIMIT = 1_000  # characters in a title, a name, a room: more is not a real one
PROSE_LIMIT = 20_000  # characters in an abstract or a description
ELLIPSIS = "…"
_PARENTHESES = re.compile(r"\([^)]*\)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def strip_controls(text: str) -> str:
    """`text` without escape sequences or control characters; tabs and line breaks kept
    (every line break becomes a newline)."""
    if text.isprintable():  # the common case, at C speed
        return text
    text = re.sub(_LINE_BREAK, "\n", text)
    return re.sub(_CONTROL, "", re.sub(_ESCAPE_SEQUENCE, "", text))


def _limit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def safe_line(text: str, limit: int = LINE_LIMIT) -> str:
    """One line of shown text (a title, a name): no controls, every run of whitespace one
    space, at most `limit` characters."""
    if text.isprintable() and "  " not in text and len(text) <= limit:  # most text, at C speed
        return text.strip()
    text = strip_controls(text)
    if not text.isprintable() or "  " in text:
        text = re.sub(_WHITESPACE_RUN, " ", text)
    return _limit(text.strip(), limit)


_BLANK_LINES_FIRST = re.compile(r"\A(?:[^\S\n]*\n)+")


def safe_prose(text: str, limit: int = PROSE_LIMIT) -> str:
    """Paragraphs of shown text (an abstract, a note): no controls, lines kept; blank lines
    and spaces around it go, but not the indent of the first of several lines (code keeps
    its shape)."""
    shown = _BLANK_LINES_FIRST.sub("", strip_controls(text)).rstrip()
    return _limit(shown if "\n" in shown else shown.lstrip(), limit)


# Characters a URL may hold as they are; anything else (spaces, quotes, <>, backticks,
# non-ASCII) is percent-encoded, so a URL cannot end a Markdown link or a quoted attribute.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


def safe_url(text: str) -> str:
    """A URL with nothing a reader could take for the end of it: controls removed, unsafe
    characters percent-encoded (`%` itself is kept, so an encoded URL stays as it is)."""
    return quote(strip_controls(text).strip(), safe=_URL_SAFE)


def fold(text: str) -> str:
    """Lower-case `text` and strip its accents, for comparison only."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _COMBINING_MARKS.sub("", decomposed).translate(_SPECIAL_LETTERS)


def slugify(text: str) -> str:
    """A stable, ASCII, lower-case id made from `text` ("Markus Böck" -> "markus-bock")."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


def family_name(name: str) -> str:
    """The last word of a name, ignoring a parenthesised nickname ("Ngân (NV) Vũ" -> "Vũ")."""
    words = _PARENTHESES.sub(" ", name).split()
    return words[-1] if words else name


def name_sort_key(name: str) -> tuple[str, str]:
    """Sort people by family name, then full name, without regard to accents or case."""
    folded = fold(name)
    return family_name(folded), folded
