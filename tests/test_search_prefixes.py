"""A query word finds every index word it starts, to the end of the alphabet and among
digits (pinned for the words now found as one slice of the sorted vocabulary)."""

from __future__ import annotations

import pytest

from tests.test_search import ids, index_of


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("zz", [("talk:t1", 1.0), ("talk:t2", 0.8), ("talk:t3", 0.8)]),
        ("zzz", [("talk:t2", 1.0)]),
        ("z1", [("talk:t6", 1.0), ("talk:t5", 0.8)]),
        ("z9", [("talk:t7", 1.0)]),
        ("zy", [("talk:t4", 1.0)]),
    ],
)
def test_every_word_a_query_word_starts_and_the_word_itself_first(
    query: str, found: list[tuple[str, float]]
) -> None:
    index = index_of(
        {"title": "Zz top"},
        {"title": "Zzz"},
        {"title": "Zz9"},
        {"title": "Zy"},
        {"title": "Z10"},
        {"title": "Z1"},
        {"title": "Z9"},
    )
    hits = index.search(query)
    assert list(zip(ids(hits), (hit.score for hit in hits), strict=True)) == found
