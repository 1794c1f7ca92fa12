"""The search index that the search dialog, the Speakers filter and the palette share:
what a query finds and in what order, tested directly (milliseconds, no TUI)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from companion.loading import read_valid
from companion.program import Program
from companion.search import Hit, HitKind, SearchIndex, query_words, too_short, within_distance
from companion.validation import validate_document
from tests.programs import tiny_program


@pytest.fixture(scope="module")
def bundled(program: Program) -> SearchIndex:
    return SearchIndex(program)


def program_with(*talks: dict[str, Any]) -> Program:
    """The tiny program with these talks (in this program order)."""
    document = tiny_program()
    document["talks"] = [
        {"id": f"t{number}", "authors": [], "session": "s1", **talk}
        for number, talk in enumerate(talks, 1)
    ]
    return read_valid(validate_document(document, "tiny"))


def index_of(*talks: dict[str, Any]) -> SearchIndex:
    """An index over the tiny program with these talks (in this program order)."""
    return SearchIndex(program_with(*talks))


def ids(hits: list[Hit]) -> list[str]:
    return [f"{hit.kind}:{hit.id}" for hit in hits]


# -- the bundled program: what people type -----------------------------------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("ngan vu", "person:ngan-nv-vu"),  # accents need not be typed
        ("Ngân (NV) Vũ", "person:ngan-nv-vu"),  # nor do they get in the way
        ("Böck", "person:markus-bock"),
        ("bock", "person:markus-bock"),
        ("BOCK", "person:markus-bock"),
        ("magelan", "talk:magellan"),  # a typo
        ("d-matrix", "talk:graph-compiler-complexities"),  # an affiliation
        ("xtc", "talk:xtc"),
        ("markus b", "person:markus-bock"),  # a last word still being typed narrows
    ],
)
def test_what_people_type_finds_what_they_mean(
    bundled: SearchIndex, query: str, first: str
) -> None:
    assert ids(bundled.search(query))[0] == first


def test_a_session_name_finds_its_talks_in_program_order(
    bundled: SearchIndex, program: Program
) -> None:
    in_session = [f"talk:{talk.id}" for talk in program.talks if talk.session_id == "session-2"]
    assert in_session  # the bundled program has a Session 2
    assert ids(bundled.search("session 2")) == in_session


def test_a_name_finds_the_person_before_their_talks(bundled: SearchIndex) -> None:
    hits = bundled.search("ngan vu")
    assert ids(hits) == ["person:ngan-nv-vu", "talk:magellan"]
    assert hits[0].label == "Ngân (NV) Vũ"
    assert hits[1].label.startswith("Magellan: Autonomous Discovery")
    assert hits[1].detail == "Session 3: Optimization & Analysis"


def test_a_typo_finds_the_word_it_misses_and_says_which(bundled: SearchIndex) -> None:
    [person, *_] = bundled.search("grosman")
    assert (person.id, person.label) == ("aiden-grossman", "Aiden Grossman")
    assert "grossman" in person.matched
    assert person.score == pytest.approx(0.4)


# -- ranking --------------------------------------------------------------------------------


def test_the_title_that_is_the_query_then_one_starting_with_it_then_words_then_authors() -> None:
    index = index_of(
        {"title": "Kernels", "authors": ["Ada Graph"], "affiliation": "Compilers Inc"},
        {"title": "Graphs and Compilers"},
        {"title": "Why Graph Compilers"},
        {"title": "Graph Compilers at Scale"},
        {"title": "Graph Compilers"},
    )
    assert ids(index.search("graph compilers")) == [
        "talk:t5",  # the title, word for word
        "talk:t4",  # a title starting with it
        "talk:t3",  # a title holding both words
        "talk:t2",  # a title holding a word that starts with one of them
        "person:ada-graph",  # a name (and an affiliation)
        "talk:t1",  # an author (and an affiliation)
    ]


def test_a_whole_word_then_a_prefix_then_inside_a_word() -> None:
    index = index_of({"title": "Subtensor"}, {"title": "Tensors"}, {"title": "Tensor"})
    hits = index.search("tensor")
    assert ids(hits) == ["talk:t3", "talk:t2", "talk:t1"]
    assert [hit.score for hit in hits] == pytest.approx([1.0, 0.8, 0.5])


def test_a_title_then_an_author_then_an_affiliation_session_or_room() -> None:
    index = index_of(
        {"title": "Beta", "room": "Lattice Hall"},
        {"title": "Alpha", "affiliation": "Lattice Labs"},
        {"title": "Gamma", "authors": ["Ann Lattice"]},
        {"title": "Lattice"},
    )
    hits = index.search("lattice", kind=HitKind.TALK)
    assert ids(hits) == ["talk:t4", "talk:t3", "talk:t1", "talk:t2"]  # ties: program order
    assert [hit.score for hit in hits] == pytest.approx([1.0, 0.9, 0.6, 0.6])


def test_every_word_must_match_and_the_score_is_their_mean() -> None:
    index = index_of(
        {"title": "Alpha", "authors": ["Ann Able", "Émile Zola"]},
        {"title": "Gamma", "authors": ["Ann Able"]},
    )
    assert ids(index.search("ann zola")) == ["talk:t1"]
    [gamma] = index.search("gamma ann", kind=HitKind.TALK)
    assert gamma.id == "t2"
    assert gamma.score == pytest.approx((1.0 + 0.9) / 2)
    assert index.search("gamma zola") == []
    assert index.search("zzzzzz") == []


def test_people_only_for_the_speakers_filter() -> None:
    index = index_of({"title": "Able bodies", "authors": ["Ann Able"]})
    assert ids(index.search("able")) == ["talk:t1", "person:ann-able"]
    assert ids(index.search("able", kind=HitKind.PERSON)) == ["person:ann-able"]
    [person] = index.search("able", kind=HitKind.PERSON)
    assert (person.label, person.detail) == ("Ann Able", "")


# -- queries too short, limits -----------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "a", "é", "!!", "-a-", "\u0301\u0301"])
def test_a_query_of_less_than_two_letters_finds_nothing(bundled: SearchIndex, query: str) -> None:
    assert too_short(query)
    assert bundled.search(query) == []


@pytest.mark.parametrize("query", ["ab", "a b", "é è", " xt "])
def test_two_letters_are_enough(query: str) -> None:
    assert not too_short(query)


def test_query_words_are_folded_and_split_at_punctuation() -> None:
    assert query_words("  Ngân (NV) Vũ, d-Matrix! ") == ("ngan", "nv", "vu", "d", "matrix")


def test_limits_keep_the_best_and_none_keeps_all(bundled: SearchIndex) -> None:
    everything = bundled.search("compiler", limit=None)
    assert len(everything) > 5
    assert bundled.search("compiler", limit=5) == everything[:5]
    assert bundled.search("compiler", limit=0) == []
    scores = [hit.score for hit in everything]
    assert scores == sorted(scores, reverse=True)


def test_every_person_can_be_found_by_name(bundled: SearchIndex, program: Program) -> None:
    for person in program.people:
        found = bundled.search(person.name, limit=None, kind=HitKind.PERSON)
        assert person.id in [hit.id for hit in found], person.name


# -- the typo distance --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "limit", "within"),
    [
        ("grosman", "grossman", 1, True),  # a letter missing
        ("magelan", "magellan", 1, True),
        ("compliers", "compilers", 1, True),  # two letters swapped count one
        ("compliers", "compilers", 0, False),
        ("abcd", "wxyz", 2, False),
        ("ab", "abcde", 2, False),  # lengths too far apart
        ("same", "same", 0, True),
    ],
)
def test_within_distance(a: str, b: str, limit: int, within: bool) -> None:
    assert within_distance(a, b, limit) is within


def _distance(a: str, b: str) -> int:
    """The optimal-string-alignment distance, the whole table: the reference."""
    table = [[i + j if not i * j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i, j in itertools.product(range(1, len(a) + 1), range(1, len(b) + 1)):
        table[i][j] = min(
            table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1])
        )
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[len(a)][len(b)]


def test_within_distance_agrees_with_the_whole_table_for_every_short_pair() -> None:
    # One edit is checked past the common start, two in the table's band along its diagonal,
    # not by the whole table: every pair of words of up to four letters of three (changed,
    # added, dropped, swapped, at the start, the end, twice) must get the whole table's answer.
    words = ["".join(letters) for n in range(5) for letters in itertools.product("abc", repeat=n)]
    for a, b in itertools.product(words, repeat=2):
        distance = _distance(a, b)
        assert [within_distance(a, b, limit) for limit in (1, 2)] == [
            distance <= 1,
            distance <= 2,
        ], (a, b)
