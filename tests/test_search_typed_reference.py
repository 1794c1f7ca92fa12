"""Queries typed into one box (`TypedSearch`), checked against a brute-force reading of
every entry, not against the index itself: the scores a single letter keeps, the words it
highlights, the entries looked up within the last query's and the best few of thousands
tied come out as the rules in the search module's docstring say, whatever was typed
before. Two words at most, whose score sums do not depend on the order they are added in."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from companion.program import Program
from companion.search import HitKind, SearchIndex, TypedSearch, query_words, too_short
from tests.test_search_single_letter import BruteForce, entries, quality, shown
from tests.test_search_typed import typed

# Typed on, back and over (see `typed`): a room and its number (every talk has a room,
# so the first word ties them all), a title's words and a letter, a person's name; a word
# in words of a talk's title and of its abstract.
QUERIES = [
    "room 1",
    "room 12",
    "room 0",
    "room s",
    "sparse k",
    "sparse 1",
    "models m",
    "scheduling 1",
    "tensors a",
    "ngan v",
    "Ngân Vũ",
    "müller d",
    "in the",
    "netata z",
    "room ing",  # "ing" ends words of titles and of abstracts, in the same talks
    "room sc",
    "polyhedral 51",
    "a b",
    "1 room",
]


class Reading:
    """A brute-force reading whose answers are kept: every limit types the same queries,
    and typing on, back and over repeats each state of the box several times. Kept or
    not, an answer is the brute force's own (three quarters of this module's CPU went to
    reading the same query again)."""

    def __init__(self, reference: BruteForce) -> None:
        self.reference = reference
        self.answers: dict[str, list[tuple[str, float, bool]]] = {}
        self.matches: dict[str, set[str]] = {}

    def __call__(self, query: str) -> list[tuple[str, float, bool]]:
        if query not in self.answers:
            self.answers[query] = self.reference(query)
        return self.answers[query]

    def any_entry_has(self, query_word: str) -> bool:
        return bool(self.matched([query_word]))

    def matched(self, words: Sequence[str]) -> set[str]:
        """Every word of every entry that some query word matches."""
        for word in words:
            if word not in self.matches:
                vocabulary = self.reference.vocabulary
                self.matches[word] = {w for w in vocabulary if quality(word, w)}
        return set().union(*(self.matches[word] for word in words))


@pytest.fixture(scope="module")
def references(program: Program, generated: Program) -> list[tuple[SearchIndex, Reading]]:
    """The bundled program and 600 generated talks, ranked ahead as in the app, each with
    its brute-force reading."""
    found = []
    for each in (program, generated):
        index = SearchIndex(each)
        index.rank_ahead()
        found.append((index, Reading(BruteForce(entries(each)))))
    return found


@pytest.mark.parametrize("limit", [1, 5, 30, None])
def test_each_typed_query_finds_what_every_entry_says(
    references: list[tuple[SearchIndex, Reading]], limit: int | None
) -> None:
    checked = 0
    for index, reference in references:
        box = TypedSearch(index, limit)
        for query in itertools.chain.from_iterable(map(typed, QUERIES)):
            found = box.search(query)
            words = query_words(query)
            if too_short(query) or len(words) > 2:
                continue
            if not all(reference.any_entry_has(word) for word in words):
                continue  # a word no entry has is looked up as a typo: not what this checks
            expected = reference(query)
            assert shown(found) == expected[:limit], (query, limit)
            assert found.total == len(expected), (query, limit)
            matched = reference.matched(words)
            assert all(hit.matched == matched for hit in found), (query, limit)
            checked += 1
    assert checked > 300


def test_people_typed_find_what_every_entry_says(
    references: list[tuple[SearchIndex, Reading]],
) -> None:
    """The Speakers filter: people alone, all of them."""
    for index, reference in references:
        box = TypedSearch(index, None, HitKind.PERSON)
        for query in itertools.chain.from_iterable(map(typed, ["ngan v", "müller d", "a b"])):
            words = query_words(query)
            found = box.search(query)
            if too_short(query) or not all(reference.any_entry_has(word) for word in words):
                continue
            people = [hit for hit in reference(query) if hit[0].startswith("person:")]
            assert shown(found) == people, query
