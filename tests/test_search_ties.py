"""Which of many entries tied at the same score a capped search keeps: those whose title or
name is the query, then those starting with it, then program order, exactly as the whole
ordered list would begin (pinned for the cheaper way these are picked out)."""

from __future__ import annotations

import pytest

from companion.search import SearchIndex
from tests.test_search import ids, index_of


@pytest.fixture(scope="module")
def tied() -> SearchIndex:
    return index_of(
        {"title": "Fast lowering"},
        {"title": "Lowering passes"},
        {"title": "Lowering"},
        {"title": "More lowering"},
        {"title": "LOWERING"},
        {"title": "Lowering 2 tricks"},
        {"title": "Lowering2"},
        {"title": "Gamma", "authors": ["Ann Lowering"]},
        {"title": "Lowerings"},
        {"title": "Low"},
    )


def test_the_query_as_title_then_titles_starting_with_it_then_program_order(
    tied: SearchIndex,
) -> None:
    assert ids(tied.search("lowering", limit=None)) == [
        "talk:t3",  # the title is the query
        "talk:t5",
        "talk:t2",  # titles starting with it
        "talk:t6",
        "talk:t1",  # the word elsewhere in the title: program order
        "talk:t4",
        "person:ann-lowering",  # a name holding it
        "talk:t8",  # an author
        "talk:t7",  # titles with a word starting with it
        "talk:t9",
    ]
    assert ids(tied.search("lowering 2", limit=None))[:1] == ["talk:t6"]
    assert ids(tied.search("low", limit=None)) == [
        "talk:t10",  # the title is the query
        *("talk:t2", "talk:t3", "talk:t5", "talk:t6", "talk:t7", "talk:t9"),  # starting with it
        *("talk:t1", "talk:t4", "person:ann-lowering"),  # a word starting with it elsewhere
        "talk:t8",  # an author's
    ]


@pytest.fixture(scope="module")
def all_tied() -> SearchIndex:
    """Every entry a query finds scores the same: the word, whole, in each title."""
    titles = ("Fast lowering", "Lowering passes", "More lowering", "Lowering", "Cheap lowering")
    return index_of(*({"title": title} for title in (*titles, "LOWERING", "Late lowering")))


def test_all_tied_the_query_as_title_then_titles_starting_with_it_then_program_order(
    all_tied: SearchIndex,
) -> None:
    assert ids(all_tied.search("lowering", limit=None)) == [
        *("talk:t4", "talk:t6"),  # the title is the query
        "talk:t2",  # the title starts with it
        *("talk:t1", "talk:t3", "talk:t5", "talk:t7"),  # program order
    ]


@pytest.mark.parametrize(
    ("entries", "query"),
    [
        *(("tied", query) for query in ("lowering", "lowering 2", "lo", "low")),
        *(("all_tied", query) for query in ("lowering", "lower")),  # all tie: a path of its own
    ],
)
def test_a_capped_search_keeps_the_first_of_the_whole_ordered_list(
    entries: str, query: str, request: pytest.FixtureRequest
) -> None:
    index: SearchIndex = request.getfixturevalue(entries)
    everything = index.search(query, limit=None)
    for limit in range(len(everything) + 1):
        capped = index.search(query, limit=limit)
        assert capped == everything[:limit], limit
        assert capped.total == len(everything)
