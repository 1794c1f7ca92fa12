"""Queries typed into one box (`TypedSearch`): a query that can only narrow the last one is
looked for among the entries the last matched, with the scores of its kept words. Every
answer is the one the whole index gives for the query alone: the same hits, in the same
order, with the same scores, highlighted words and counts, whatever was typed before it."""

from __future__ import annotations

import itertools

import pytest
from textual.widgets import Static

from companion.present.search import capped
from companion.program import Program
from companion.search import HitKind, SearchIndex, TypedSearch
from tests.driving import SIZE, AppFactory, drawn_lines
from tests.test_search_fast_paths import type_and_check

# Typed a letter at a time, with what a person does on the way: a second word (a letter, a
# number), a third, words typed on or back, a typo, accents and case, punctuation between
# words, a word that matches nothing and one that matches everywhere, a word twice.
QUERIES = [
    "room 1",
    "room 12",
    "room 01 sparse",
    "room 1 2 3",
    "sparse kernels",
    "sparse kernls",  # a typo: the last word's prefix matches, then only near misses do
    "tensors autotuning sparse models",
    "Ngân Vũ",
    "ngan vu 101",
    "Böck markus",
    "MÜLLER, Dương",
    "chloé-eßer",
    "room zzz",
    "zzz room",
    "room room",
    "models models models",
    "in the",
    "netata zostri",  # words of abstracts only: found in the text
    "grosman kernel",
    "vectorization polyhedral 51",
    "scheduling 1",
    "a b c d",
]


def typed(query: str) -> list[str]:
    """Every state of the box as `query` is typed; then back to its first word and on
    again; then the last word typed back and a different one typed over it."""
    states = [query[:end] for end in range(1, len(query) + 1)]
    first = query.split()[0]
    states += [query[:end] for end in range(len(query) - 1, len(first) - 1, -1)]
    states += [query[:end] for end in range(len(first) + 1, len(query) + 1)]
    cut = query.rstrip().rfind(" ") + 1
    states += [query[:end] for end in range(len(query) - 1, cut - 1, -1)]
    states += [query[:cut] + "zq"[: end + 1] for end in range(2)] + [query[:cut], query]
    return states


@pytest.fixture(scope="module")
def indexes(program: Program, generated: Program) -> list[SearchIndex]:
    """The bundled program and 600 generated talks, ranked ahead as in the app."""
    found = [SearchIndex(program), SearchIndex(generated)]
    for index in found:
        index.rank_ahead()
    return found


@pytest.mark.parametrize(
    ("limit", "kind"), [(30, None), (5, None), (None, None), (None, HitKind.PERSON)]
)
def test_each_typed_query_finds_what_the_whole_index_finds(
    indexes: list[SearchIndex], limit: int | None, kind: HitKind | None
) -> None:
    for index in indexes:
        box = TypedSearch(index, limit, kind)
        for query in itertools.chain.from_iterable(map(typed, QUERIES)):
            found, expected = box.search(query), index.search(query, limit, kind)
            assert found == expected, (query, limit, kind)
            assert found.total == expected.total, (query, limit, kind)


def test_one_box_typed_through_every_query_in_turn(indexes: list[SearchIndex]) -> None:
    """No query is cleared between two: each is typed over what the last left."""
    for index in indexes:
        box = TypedSearch(index, 30)
        for first, then in itertools.pairwise(QUERIES):
            for query in [*typed(first), f"{first} {then}", then]:
                found, expected = box.search(query), index.search(query, 30)
                assert found == expected and found.total == expected.total, query


async def test_the_dialog_draws_what_each_query_typed_on_finds(
    make_app: AppFactory, generated: Program
) -> None:
    """Words typed on, back and over in the search dialog: each frame shows the best
    results of the query as it then stands, as the whole index ranks them, and their count."""
    app = make_app(generated.talks[0].start.isoformat(), on=generated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        back = ["backspace"]
        typing = [*"room 1", *back, *"01 spa", *back * 2, *"ca", *back * 3, *"models 2"]
        keys = ["space" if key == " " else key for key in typing]
        query = await type_and_check(pilot, keys, "")
        assert query == "room 01 models 2"
        found = app.search_index.search(query, 30)
        status = " ".join(drawn_lines(app.screen.query_one("#search-status", Static))).strip()
        assert status == (capped(len(found), found.total) if found.capped else "")
