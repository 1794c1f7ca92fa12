"""Search over talks and people: case- and accent-insensitive, tolerant of small typos.

The index folds every searchable text once; a query is folded and split into
words, and every query word must match a word of the entry: as a prefix, inside
it, or within a small edit distance ("grosman" finds "Grossman"). Titles and
names count more than affiliations and session names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from companion.program import Program
from companion.text import fold

_WORD = re.compile(r"[a-z0-9]+")


class HitKind(StrEnum):
    TALK = "talk"
    PERSON = "person"


@dataclass(frozen=True)
class Hit:
    kind: HitKind
    id: str
    label: str
    detail: str
    score: float


@dataclass(frozen=True)
class _Entry:
    kind: HitKind
    id: str
    label: str
    detail: str
    fields: tuple[tuple[frozenset[str], float], ...]  # (words, weight), most important first


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(text)))


def _typo_budget(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def within_distance(a: str, b: str, limit: int) -> bool:
    """Optimal-string-alignment distance of a and b is at most `limit` (transpositions count 1)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return False
        previous_previous, previous = previous, current
    return previous[-1] <= limit


def _word_score(query_word: str, words: frozenset[str]) -> float:
    """1 for a whole word, 0.8 for a prefix, 0.5 inside a word, 0.4 for a near miss, else 0."""
    if query_word in words:
        return 1.0
    best = 0.0
    budget = _typo_budget(query_word)
    for word in words:
        if word.startswith(query_word):
            return 0.8
        if query_word in word:
            best = max(best, 0.5)
        elif budget and within_distance(query_word, word[: len(query_word) + budget], budget):
            best = max(best, 0.4)
    return best


class SearchIndex:
    """Built once per program; `search` is cheap enough to run on every keystroke."""

    def __init__(self, program: Program) -> None:
        entries = []
        for talk in program.talks:
            entries.append(
                _Entry(
                    HitKind.TALK,
                    talk.id,
                    talk.title,
                    talk.where,
                    (
                        (_words(talk.title), 1.0),
                        (_words(" ".join(talk.authors)), 0.9),
                        (
                            _words(
                                " ".join(
                                    filter(
                                        None, (talk.affiliation, talk.where, talk.track, talk.id)
                                    )
                                )
                            ),
                            0.6,
                        ),
                    ),
                )
            )
        for person in program.people:
            entries.append(
                _Entry(
                    HitKind.PERSON,
                    person.id,
                    person.name,
                    "; ".join(person.affiliations),
                    ((_words(person.name), 1.0), (_words(" ".join(person.affiliations)), 0.6)),
                )
            )
        self._entries = entries

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        query_words = _WORD.findall(fold(query))
        if not query_words:
            return []
        hits = []
        for entry in self._entries:
            total = 0.0
            for query_word in query_words:
                best = max(
                    weight * _word_score(query_word, words) for words, weight in entry.fields
                )
                if best == 0:
                    break
                total += best
            else:
                score = total / len(query_words)
                hits.append(Hit(entry.kind, entry.id, entry.label, entry.detail, score))
        # Stable: equal scores keep program order for talks and family-name order for people.
        hits.sort(key=lambda hit: (-hit.score, hit.kind != HitKind.TALK))
        return hits[:limit]
