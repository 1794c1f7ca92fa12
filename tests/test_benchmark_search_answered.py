"""The benchmark times a search keystroke up to the frame that shows the new query's
RESULTS, not only the letter typed in the box: a list drawn a frame after the box must not
pass for a faster keystroke."""

from __future__ import annotations

import sys
from pathlib import Path

from companion.present.search import capped, no_result
from companion.program import Program
from companion.search import SearchIndex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from benchmark_keys import search_answered

DIALOG = ("╭" + "─" * 60 + "╮", "│ Esc closes")  # what any frame of the open dialog shows


def test_the_query_typed_is_not_yet_its_answer(generated: Program) -> None:
    index = SearchIndex(generated)
    found = index.search("ng", 30)
    assert found.capped
    answered = search_answered(index)("ng")
    typed_only = (*DIALOG, "│ ng")
    assert not answered(typed_only)
    status = capped(len(found), found.total)
    assert not answered((*typed_only, status))  # the count, but the old rows
    rows = [f"│ · {hit.label}" for hit in found[:3]]
    assert answered((*typed_only, *rows, status))


def test_nothing_found_is_an_answer_too(generated: Program) -> None:
    expect = search_answered(SearchIndex(generated))("zzqx")
    assert not expect((*DIALOG, "│ zzqx"))
    assert expect((*DIALOG, "│ zzqx", no_result("zzqx")))


def test_a_single_letter_is_answered_by_the_keep_typing_line(
    generated: Program,
) -> None:
    expect = search_answered(SearchIndex(generated))("n")
    assert not expect((*DIALOG, "│ n"))
    assert expect(("│ n", "Keep typing: search starts at two letters"))
