"""A search result in words, as the search dialog, the palette and `companion search`
say it: when and where a talk is, the text it was found in, and what the list holds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import tzinfo

from companion.clock import format_window
from companion.program import Program, Talk
from companion.search import Hit, HitKind, query_words
from companion.text import ELLIPSIS, safe_line

# A word as written, accents (even combining ones) included; folded, it holds index words.
_WRITTEN_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
SNIPPET_WIDTH = 70  # characters of text around the word found: one line of a result
QUERY_SHOWN = 60  # characters of the query repeated in "No talk or person matches"


def when_and_where(program: Program, talk: Talk, zone: tzinfo) -> str:
    """ "Sat 02 Feb · 10:00–10:50 · Janson": the conference day where the program has
    several, the time, then the room and session (or the track) the talk is in."""
    day = f"{talk.day:%a %d %b}" if len(program.days) > 1 else None
    window = format_window(talk.start, talk.end, zone, talk.estimated)
    place = " · ".join(part for part in (talk.room, talk.session_title) if part) or talk.track
    return " · ".join(part for part in (day, window, place) if part)


def snippet(
    texts: Iterable[str | None], words: AbstractSet[str], width: int = SNIPPET_WIDTH
) -> str | None:
    """The words around the first of `words` (folded, as the index has them) in `texts`
    (a talk's subtitle, abstract and description): what a hit found only there was found by."""
    for text in filter(None, texts):
        for written in _WRITTEN_WORD.finditer(text):
            if not words.isdisjoint(query_words(written.group())):
                return _around(text, written.start(), written.end(), width)
    return None


def _around(text: str, start: int, end: int, width: int) -> str:
    """About `width` characters of `text` around `start`-`end`, cut between words."""
    margin = max(0, width - (end - start)) // 2
    first, last = max(0, start - margin), min(len(text), end + margin)
    if first > 0:
        first = text.find(" ", first, start) + 1 or first
    if last < len(text):
        space = text.rfind(" ", end, last)
        last = space if space > 0 else last
    lead = ELLIPSIS if first > 0 else ""
    tail = ELLIPSIS if last < len(text) else ""
    return lead + safe_line(text[first:last]) + tail


def hit_details(program: Program, hit: Hit, zone: tzinfo) -> list[str]:
    """What a result says under its title or name: a person's affiliations, when and
    where a talk is; and for a hit found only in its text (an abstract, a biography), the
    text around the word."""
    if hit.kind is HitKind.PERSON:
        biography = program.person(hit.id).biography
        around = snippet([biography], hit.matched) if hit.in_text else None
        return [line for line in (hit.detail, around) if line]
    talk = program.talk(hit.id)
    texts = (talk.subtitle, talk.abstract, talk.description)
    around = snippet(texts, hit.matched) if hit.in_text else None
    return [when_and_where(program, talk, zone), *([around] if around else [])]


def no_result(query: str) -> str:
    """What an empty result list says, with the query as typed (shown, never obeyed)."""
    return f'No talk or person matches "{safe_line(query, QUERY_SHOWN)}"'


def capped(shown: int, total: int) -> str:
    """What a result list that does not show everything found says."""
    return f"first {shown} of {total} — type more to narrow"
