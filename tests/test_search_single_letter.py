"""A word being typed that is one letter so far ("ngan v") is looked up as one list per
letter, gathered the first time the letter is typed and kept: every such query, typed on,
backspaced, pasted or edited in the middle, finds exactly what the rules in the search
module's docstring say, checked against a brute-force reading of every entry."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest

from companion.program import Program
from companion.search import (
    TEXT,
    WORD,
    Hit,
    SearchIndex,
    person_fields,
    query_words,
    talk_fields,
)
from companion.text import fold
from tests.test_search import program_with

LETTERS = string.ascii_lowercase + string.digits

# (id, entry words with the weight of the field each counts in, title or name words)
Entry = tuple[str, dict[str, float], str]


def entries(program: Program) -> list[Entry]:
    """Every talk, then every person, with their words as the index weighs them: a word
    counts once an entry, in the first (heaviest) field that has it."""
    listed = [(f"talk:{t.id}", talk_fields(t), t.title) for t in program.talks]
    listed += [(f"person:{p.id}", person_fields(p), p.name) for p in program.people]
    read: list[Entry] = []
    for entry_id, fields, label in listed:
        weights: dict[str, float] = {}
        for text, weight in fields:
            for word in WORD.findall(fold(text or "")):
                weights.setdefault(word, weight)
        read.append((entry_id, weights, " ".join(query_words(label))))
    return read


def quality(query_word: str, word: str) -> float:
    if word == query_word:
        return 1.0
    if word.startswith(query_word):
        return 0.8
    return 0.5 if len(query_word) >= 3 and query_word in word else 0.0


class BruteForce:
    """Each matching entry's id, score and whether it was found only in its text, best
    first, read entry by entry (no typo in these queries: each word matches some word).

    A query word's best score in every entry is read once and kept: the queries repeat
    their words thousands of times, and a word scores the same in whichever query it is.
    """

    def __init__(self, program_entries: list[Entry]) -> None:
        self.entries = program_entries
        self.vocabulary = {word for _, weights, _ in program_entries for word in weights}
        self.best_scores: dict[str, list[float]] = {}

    def best(self, query_word: str) -> list[float]:
        """The query word's best score in each entry, in the entries' order."""
        if query_word not in self.best_scores:
            self.best_scores[query_word] = [
                max(
                    (quality(query_word, word) * weight for word, weight in weights.items()),
                    default=0.0,
                )
                for _, weights, _ in self.entries
            ]
        return self.best_scores[query_word]

    def any_entry_has(self, query_word: str) -> bool:
        return any(quality(query_word, word) for word in self.vocabulary)

    def __call__(self, query: str) -> list[tuple[str, float, bool]]:
        words = query_words(query)
        scores = [self.best(q) for q in words]
        joined = " ".join(words)
        found: list[tuple[float, int, int, str, float, bool]] = []
        for order, (entry_id, _, label) in enumerate(self.entries):
            best = [per_entry[order] for per_entry in scores]
            if all(best):
                label_rank = 2 if label == joined else 1 if label.startswith(joined) else 0
                total = sum(best)
                in_text = all(score <= TEXT for score in best)
                found.append((-total, -label_rank, order, entry_id, total / len(words), in_text))
        return [(entry_id, score, in_text) for *_, entry_id, score, in_text in sorted(found)]


def shown(hits: list[Hit]) -> list[tuple[str, float, bool]]:
    return [(f"{hit.kind}:{hit.id}", hit.score, hit.in_text) for hit in hits]


def typed_words(program: Program) -> list[str]:
    """The first word of every title and name, each once: what people start typing."""
    firsts = (query_words(label)[:1] for label in [t.title for t in program.talks])
    names = (query_words(person.name)[:1] for person in program.people)
    return sorted({word for first in (*firsts, *names) for word in first if len(word) > 1})


def sequences(words: list[str]) -> Iterator[str]:
    """Queries as typed: a word, then a letter after it, a second letter, both backspaced,
    the letter typed again; the letter pasted in front of the word; each letter of LETTERS.
    Two words, whose score sums do not depend on the order they are added in."""
    for word in words:
        for letter in LETTERS:
            yield from (f"{word} {letter}", f"{word} {letter}x", f"{word} ", f"{word} {letter}")
            yield f"{letter} {word}"


@pytest.fixture(scope="module")
def bundled(program: Program) -> BruteForce:
    return BruteForce(entries(program))


def test_the_brute_force_reading_agrees_with_the_index_on_whole_words(
    program: Program, bundled: BruteForce
) -> None:
    """The reference itself, on queries that take no shortcut: two words of two letters and
    more, which match as wholes, prefixes and, from three letters, inside words."""
    index = SearchIndex(program)
    words = typed_words(program)
    for first, second in zip(words, words[1:] + words[:1], strict=True):
        query = f"{first} {second[:2]}"
        assert shown(index.search(query, None)) == bundled(query), query


def test_a_single_letter_beside_a_word_finds_what_every_entry_says(
    program: Program, bundled: BruteForce
) -> None:
    index = SearchIndex(program)  # one index for all: the letters' lists are kept
    checked = 0
    for query in sequences(typed_words(program)):
        if not all(bundled.any_entry_has(q) for q in query_words(query)):
            continue  # a word no entry has is looked up as a typo: not what this checks
        assert shown(index.search(query, None)) == bundled(query), query
        checked += 1
    assert checked > 5_000


def test_a_single_letter_highlights_every_word_it_starts(program: Program) -> None:
    index = SearchIndex(program)
    hits = index.search("markus b", 30)
    assert hits and {"bock", "b"} & hits[0].matched
    every_b_word = {w for _, ws, _ in entries(program) for w in ws if w.startswith("b")}
    assert hits[0].matched >= every_b_word


def test_ngan_v_as_typed_finds_the_person_first(program: Program) -> None:
    index = SearchIndex(program)
    for query in ("ngan v", "ngan vu", "ngan v", "Ngân V"):
        assert shown(index.search(query, 1))[0][0] == "person:ngan-nv-vu", query


def test_a_letter_that_is_a_word_of_the_text_outranks_the_words_it_starts() -> None:
    """ "x" found as a word of an abstract (1.0 of the text's weight) ranks above "x" found
    as the start of one ("xla", 0.8 of it), and a listed "x" above both."""
    program = program_with(
        {"title": "Tiling compilers", "abstract": "Lowering to xla and beyond"},
        {"title": "Tiling for an x86", "abstract": "no letter alone here"},
        {"title": "Tiling kernels", "abstract": "Axis x then axis y"},
        {"title": "Tiling caches", "authors": ["X Li"], "abstract": "x"},
    )
    reference = BruteForce(entries(program))
    index = SearchIndex(program)
    for query in ("tiling x", "tiling xl", "tiling x", "x tiling", "tiling y", "tiling a"):
        assert shown(index.search(query, None)) == reference(query), query
    assert [hit.id for hit in index.search("tiling x", None)] == ["t4", "t2", "t3", "t1"]
