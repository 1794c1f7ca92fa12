"""Search knows what the program knows: subtitles, abstracts and descriptions are searched
too, always ranked below what a listing shows; and a search says how many it found."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.present.search import capped, hit_details, no_result, snippet, when_and_where
from companion.program import Program
from companion.search import HitKind, SearchIndex
from tests.programs import opened
from tests.test_search import ids, index_of, program_with

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_title_match_ranks_above_an_abstract_only_match() -> None:
    index = index_of(
        {"title": "Alpha", "abstract": "We lower polyhedral loops."},
        {"title": "Polyhedral Loops"},
    )
    assert ids(index.search("polyhedral")) == ["talk:t2", "talk:t1"]


@pytest.mark.parametrize("query", ["tensor", "tensro"])  # inside a word, or a typo
def test_the_weakest_match_in_a_room_ranks_above_the_best_in_an_abstract(query: str) -> None:
    index = index_of(
        {"title": "Alpha", "abstract": "Tensor programs."},
        {"title": "Beta", "room": "Subtensor Hall" if query == "tensor" else "Tensor Hall"},
    )
    found = index.search(query)
    assert ids(found) == ["talk:t2", "talk:t1"]
    assert [hit.in_text for hit in found] == [False, True]


@pytest.mark.parametrize("field", ["abstract", "description", "subtitle"])
def test_a_word_only_in_the_text_finds_the_talk(field: str) -> None:
    index = index_of(
        {"title": "Alpha", field: "On the <b>unrolling</b> of loops"}, {"title": "Beta"}
    )
    [hit] = index.search("unrolling")
    assert (hit.id, hit.in_text) == ("t1", True)
    assert "unrolling" in hit.matched


def test_a_word_in_the_title_and_the_abstract_counts_as_the_title() -> None:
    index = index_of({"title": "Fusion", "abstract": "Fusion, fusion and more fusion."})
    [hit] = index.search("fusion")
    assert (hit.score, hit.in_text) == (1.0, False)


def test_words_split_between_title_and_abstract_find_the_talk() -> None:
    index = index_of({"title": "Loop Fusion", "abstract": "In MLIR, on GPUs."})
    [hit] = index.search("fusion gpus")
    assert hit.id == "t1" and not hit.in_text  # a word of it is in the title


@pytest.mark.parametrize("query", ["bock", "BÖCK", "ngan vu", "Ngân Vũ", "orsted"])
def test_accents_need_not_be_typed_in_abstracts_either(query: str) -> None:
    index = index_of(
        {"title": "Alpha", "abstract": "Joint work of Markus Böck, Ngân (NV) Vũ and Søren Ørsted."}
    )
    assert ids(index.search(query, kind=HitKind.TALK)) == ["talk:t1"]


def test_no_result_is_empty_and_counts_none() -> None:
    index = index_of({"title": "Alpha", "abstract": "Loops."})
    found = index.search("zzyzx")
    assert (list(found), found.total, found.capped) == ([], 0, False)


def test_a_capped_list_knows_how_many_matched() -> None:
    index = index_of(*({"title": f"Loop {number}"} for number in range(12)))
    found = index.search("loop", limit=5)
    assert (len(found), found.total, found.capped) == (5, 12, True)
    everything = index.search("loop", limit=None)
    assert (len(everything), everything.total, everything.capped) == (12, 12, False)


def test_a_capped_list_keeps_the_best_then_program_order_among_equals() -> None:
    index = index_of(
        *({"title": f"T{n}", "abstract": "A loop."} for n in range(40)), {"title": "Loop"}
    )
    assert ids(index.search("loop", limit=4)) == ["talk:t41", "talk:t1", "talk:t2", "talk:t3"]


def test_a_title_that_is_the_query_wins_a_tie_at_the_cap() -> None:
    index = index_of(
        {"title": "Loop Tiling Fast"}, {"title": "Tiling Loop"}, {"title": "Loop Tiling"}
    )
    assert ids(index.search("loop tiling", limit=1)) == ["talk:t3"]
    assert ids(index.search("loop tiling", limit=2)) == ["talk:t3", "talk:t1"]


@pytest.mark.parametrize("query", ["loop", "loo", "tiling loop", "an", "lop"])
def test_any_cap_lists_the_start_of_the_whole_list(query: str) -> None:
    index = index_of(
        *({"title": f"Loop {n}", "abstract": "Tiling loops, an analysis."} for n in range(8)),
        *({"title": f"Tiling {n}", "room": "Loop Hall", "authors": ["Ann Loo"]} for n in range(8)),
    )
    everything = index.search(query, limit=None)
    for limit in range(1, len(everything) + 1):
        assert index.search(query, limit=limit) == everything[:limit]


def test_an_imported_subtitle_and_abstract_are_searched(frab_program: Program) -> None:
    index = SearchIndex(frab_program)
    for query in ("runtime", "ahead of time", "longer description"):
        [hit] = index.search(query)
        assert (hit.label, hit.in_text) == ("Keynote: Compilers Everywhere", True)


# -- how a result is worded (companion.present.search) ----------------------------------------


def test_a_talk_says_its_day_time_and_room_and_the_day_only_where_there_are_several(
    frab_program: Program, program: Program
) -> None:
    keynote = next(t for t in frab_program.talks if t.title == "Keynote: Compilers Everywhere")
    zone = frab_program.conference.zone
    assert when_and_where(frab_program, keynote, zone) == "Sat 02 Feb · 10:00–10:50 · Janson"
    first = program.talks[0]  # of the one-day bundled program, without rooms
    worded = when_and_where(program, first, program.conference.zone)
    assert worded == "≈11:05–11:38 · Session 1: Code Generation & Kernels"


def test_a_talk_found_in_its_text_shows_the_words_around_it() -> None:
    abstract = " ".join(f"filler{n}" for n in range(40)) + " we unroll Böck's loops " + "tail " * 30
    program = program_with({"title": "Alpha", "abstract": abstract})
    [hit] = SearchIndex(program).search("bock")
    around = snippet([program.talks[0].abstract], hit.matched)
    assert around is not None and "Böck" in around
    assert around.startswith("…") and around.endswith("…") and len(around) <= 72


def test_the_text_around_is_one_safe_line() -> None:
    talk = program_with({"title": "A", "abstract": "Line one\n\x1b[2Jcleared? unrolled\tloops"})
    assert snippet([None, talk.talks[0].abstract], frozenset({"unrolled"})) == (
        "Line one cleared? unrolled loops"
    )


def test_no_result_and_a_capped_list_say_so() -> None:
    assert no_result("zz\x1b[31myx") == 'No talk or person matches "zzyx"'
    assert capped(30, 312) == "first 30 of 312 — type more to narrow"


def test_a_biography_finds_its_person_below_a_talk_titled_so_and_says_where() -> None:
    program = opened((FIXTURES / "fosdem-people.xml").read_bytes(), "fosdem-people.xml")
    index = SearchIndex(program)
    found = index.search("tulips")
    assert [(hit.label, hit.in_text) for hit in found] == [
        ("Tulips and Tensors", False),
        ("Ada Quill", True),
    ]
    assert hit_details(program, found[1], program.conference.zone) == [
        "…Speaker since 2021 • Loves tulips"
    ]
    [jan] = index.search("greenhouse")
    assert hit_details(program, jan, program.conference.zone) == [
        "Jan trains models on greenhouse data."
    ]
