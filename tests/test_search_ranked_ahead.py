"""The answers to two-letter queries, ranked ahead by the app's indexing worker: the same
hits, in the same order, with the same counts, as the plain ranking gives under the key."""

from __future__ import annotations

import itertools
import string
import tracemalloc

import pytest

from companion.program import Program
from companion.search import HitKind, SearchIndex, person_fields, query_words, talk_fields

# Two letters as a person types them: accented or not, any case, with punctuation, as two
# words; and what is not two letters of one word (nothing, one letter, longer words).
TYPED = [
    *("ng", "Ng", "NG", "ngâ", "Ngân", "Ngân (NV) Vũ", "(n", "n)", "vũ", "Vu", "VŨ", "vu"),
    *("bo", "bö", "Bö", "BÖ", "bock", "Böck", "ö", "o", "b o", "b-o", "b.o", "bo!", " bo "),
    *("", " ", "b", "zz", "qx", "0", "00", "12", "co", "compiler", "lo", "low", "ro 1"),
]
LIMITS = [0, 1, 5, 29, 30, 31, 50, 51, None]
KINDS = [None, HitKind.TALK, HitKind.PERSON]
LETTERS = string.ascii_lowercase + string.digits


def every_two_letters() -> list[str]:
    return [
        "".join(pair) for pair in itertools.product(string.ascii_lowercase + "0123456789", repeat=2)
    ]


@pytest.fixture(scope="module")
def bundled_pair(program: Program) -> tuple[SearchIndex, SearchIndex]:
    """The bundled program, as ranked ahead and as ranked plainly."""
    ahead = SearchIndex(program)
    ahead.rank_ahead()
    return ahead, SearchIndex(program)


@pytest.fixture(scope="module")
def generated_pair(generated: Program) -> tuple[SearchIndex, SearchIndex]:
    """600 talks: two letters match more than the dialog shows."""
    ahead = SearchIndex(generated)
    ahead.rank_ahead()
    return ahead, SearchIndex(generated)


def assert_same_answers(
    pair: tuple[SearchIndex, SearchIndex], queries: list[str], limits: list[int | None]
) -> None:
    ahead, plain = pair
    for query, limit, kind in itertools.product(queries, limits, KINDS):
        found, expected = ahead.search(query, limit, kind), plain.search(query, limit, kind)
        assert found == expected, (query, limit, kind)
        assert found.total == expected.total, (query, limit, kind)


def test_typed_queries_find_the_same_in_the_same_order(
    bundled_pair: tuple[SearchIndex, SearchIndex],
    generated_pair: tuple[SearchIndex, SearchIndex],
) -> None:
    for pair in (bundled_pair, generated_pair):
        assert_same_answers(pair, TYPED, LIMITS)


def test_every_two_letters_finds_the_same_in_the_same_order(
    bundled_pair: tuple[SearchIndex, SearchIndex],
    generated_pair: tuple[SearchIndex, SearchIndex],
) -> None:
    for pair in (bundled_pair, generated_pair):
        assert_same_answers(pair, every_two_letters(), [30, 50])


def every_three_letters_in(program: Program) -> list[str]:
    """Every three letters in a word of the program's talks and people (first, last and
    between), and three that are in none."""
    texts = [text for talk in program.talks for text, _ in talk_fields(talk) if text]
    texts += [text for person in program.people for text, _ in person_fields(person) if text]
    words = {word for text in texts for word in query_words(text)}
    found = {word[start : start + 3] for word in words for start in range(len(word) - 2)}
    return [*sorted(found), "qxq"]


def test_three_letters_find_the_same_words_once_ranked_ahead(
    bundled_pair: tuple[SearchIndex, SearchIndex],
    generated_pair: tuple[SearchIndex, SearchIndex],
    program: Program,
    generated: Program,
) -> None:
    """Three letters are looked for inside the index words through a table gathered ahead,
    not a search of every word: the same words, so the same hits and highlights."""
    for pair, source in ((bundled_pair, program), (generated_pair, generated)):
        assert_same_answers(pair, every_three_letters_in(source), [None])


def test_accents_and_case_do_not_matter_to_an_answer_ranked_ahead(
    bundled_pair: tuple[SearchIndex, SearchIndex],
) -> None:
    ahead, _ = bundled_pair
    for query in ("bö", "Bo", "BÖ"):
        names = [hit.label for hit in ahead.search(query, 30)]
        assert "Markus Böck" in names, query
    assert ahead.search("bö", 30) == ahead.search("bo", 30)
    assert "Ngân (NV) Vũ" in [hit.label for hit in ahead.search("NG", 30)]


def test_many_matches_keep_their_count_beyond_those_shown(
    generated_pair: tuple[SearchIndex, SearchIndex],
) -> None:
    ahead, plain = generated_pair
    capped = [query for query in every_two_letters() if plain.search(query, 30).capped]
    assert len(capped) > 10  # the 600 talks do exercise the capped answers
    for query in capped:
        found = ahead.search(query, 30)
        assert len(found) == 30 and found.total == plain.search(query, None).__len__()


def kept_by_searching(index: SearchIndex, queries: list[str]) -> int:
    """Bytes still allocated once `queries` have been searched and their results dropped."""
    index.search(queries[0])  # anything made on a first search alone
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for query in queries:
            index.search(query)
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_every_single_letter_is_gathered_ahead_as_well(generated: Program) -> None:
    """A letter typed after a word ("room 1") is looked up in what the indexing worker
    gathered for it, so that keystroke keeps nothing more: gathered under it, it cost up to
    24 ms at 10,000 talks. Each letter and digit is searched as a query's last word."""
    ahead, plain = SearchIndex(generated), SearchIndex(generated)
    ahead.rank_ahead()
    queries = [f"{word} {letter}" for word in ("room", "zz") for letter in LETTERS]
    gathered_under_the_keys = kept_by_searching(plain, queries)
    assert gathered_under_the_keys > 50_000  # bytes: about 2.5 KiB a letter at 600 talks
    # A few KiB of Python's free lists for floats and small objects, at most.
    assert kept_by_searching(ahead, queries) < gathered_under_the_keys / 10
