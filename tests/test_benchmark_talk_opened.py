"""The benchmark times opening talk details on a talk OTHER than the one shown last, up
to the frame that shows THAT talk's title: the kept talk screen reopened on its own talk,
or a frame still showing the talk before, must not pass for opening a new one."""

from __future__ import annotations

import sys
from pathlib import Path

from companion.program import Program

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from benchmark_keys import TALK, next_title, talk_shown


def talk_frame(title: str) -> tuple[str, ...]:
    return (" header", "", f" {title}", "", " Time         Fri 10:00", "esc Back s Star")


def test_the_talk_shown_before_is_not_the_one_opened(generated: Program) -> None:
    first, second = generated.talks[0], generated.talks[1]
    assert first.title != second.title
    before = talk_frame(first.title)
    assert TALK(before)  # the old expectation: any talk screen
    assert not talk_shown(second.title)(before)
    assert talk_shown(second.title)(talk_frame(second.title))


def test_the_next_title_is_the_next_talk_in_program_order(
    generated: Program,
) -> None:
    after = next_title(generated)
    first, second = generated.talks[0], generated.talks[1]
    assert after(first.title) == second.title
    assert after(first.title[:10]) == second.title  # a title wrapped, its first line shown
