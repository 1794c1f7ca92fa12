"""Text folding for accent- and case-insensitive matching and sorting.

"Ngân (NV) Vũ" folds to "ngan (nv) vu", so a user who cannot type the accents
still finds and sorts names the way a reader expects.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that carry no combining mark to strip, so NFKD leaves them alone.
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)
# Combining diacritical marks (all that Latin, Greek, Cyrillic and Vietnamese names use).
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_PARENTHESES = re.compile(r"\([^)]*\)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


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
