"""The export folds its calendar's lines exactly as icalendar itself does (the library's
`to_ical` is the reference), only faster: any text, any width of character, backslashes
and carets where a fold would fall."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from companion.export.ics_folding import fold, folded

# Characters of one to four UTF-8 octets, and those a fold must not follow.
TEXT = st.text(
    alphabet=st.sampled_from(list("ab \\^,;:é€😀\tx")) | st.characters(blacklist_categories=["Cs"]),
    max_size=400,
)


def calendar_of(texts: list[str]) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    for number, text in enumerate(texts):
        event = Event()
        event.add("uid", f"{number}@test")
        event.add("summary", text)
        event.add("description", text * 3)
        calendar.add_component(event)
    return calendar


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, max_size=4))
def test_the_export_folds_as_the_library_does(texts: list[str]) -> None:
    calendar = calendar_of(texts)
    assert folded(calendar.content_lines()) == calendar.to_ical().decode("utf-8")


def test_a_fold_never_splits_a_character_nor_follows_an_escape() -> None:
    line = "DESCRIPTION:" + "é" * 40 + "\\" + "n" * 40 + "😀" * 30
    segments = fold(line).split("\r\n ")
    assert "".join(segments) == line
    assert all(len(segment.encode()) <= 74 for segment in segments)
    assert not any(segment.endswith("\\") for segment in segments)


def test_short_lines_are_left_as_they_are() -> None:
    assert fold("SUMMARY:Magellan") == "SUMMARY:Magellan"
    assert fold("X" * 74) == "X" * 74
    assert fold("X" * 75) == "X" * 74 + "\r\n X"
