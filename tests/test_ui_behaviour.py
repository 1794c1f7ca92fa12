"""What a newcomer runs into: keys after quitting, a tall talk, typing a name on Speakers,
mode keys over a pushed screen, key names and wrapped lines. Read from what is drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widget import Widget
from textual.widgets import OptionList

from companion.store import Store
from companion.ui.app import CompanionApp
from companion.ui.screens.person import PersonScreen
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.speakers import SpeakersScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import (
    SIZE,
    AppFactory,
    drawn_lines,
    load,
    screen_lines,
    search,
    show_talk,
    until,
)
from tests.programs import tiny_program

# -- keys typed right after q ---------------------------------------------------------

TYPED = {"2": "2", "3": "3", "t": "t", "i": "i", "question_mark": "?", "slash": "/"}


def typed_at_once(app: CompanionApp, *keys: str) -> None:
    """Keys as a fast typist sends them: all queued before the app handles the first."""
    for key in keys:
        character = TYPED.get(key, key if len(key) == 1 else {"enter": "\r"}.get(key))
        app.post_message(events.Key(key, character))


@pytest.mark.parametrize("key", sorted(TYPED))
async def test_a_key_right_after_q_leaves_cleanly(make_app: AppFactory, key: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:  # an exception in the app is raised here
        typed_at_once(app, "q", key)
        await pilot.pause()
    assert app.return_code == 0


async def test_q_from_the_speakers_list_then_more_letters_leaves_cleanly(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down")  # from the filter to the list, where q quits
        typed_at_once(app, "q", "u", "i", "z", "2", "3")
        await pilot.pause()
    assert app.return_code == 0


# -- a talk taller than the window ----------------------------------------------------

TALL_TITLE = "A talk taller than the window"


def tall_talk_app(make_app: AppFactory) -> CompanionApp:
    document = tiny_program()
    alpha = document["talks"][0]
    alpha["title"] = TALL_TITLE
    alpha["abstract"] = " ".join(f"Sentence {n} of a long abstract." for n in range(120))
    return make_app(on=load(document))


def title_drawn(app: CompanionApp) -> bool:
    return any(TALL_TITLE in line for line in screen_lines(app.screen))


async def test_a_tall_talk_opens_at_its_title_and_scrolls_from_the_keyboard(
    make_app: AppFactory,
) -> None:
    app = tall_talk_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "alpha")
        await until(pilot, lambda: title_drawn(app))
        for away, back in (("pagedown", "home"), ("pagedown", "pageup"), ("end", "home")):
            await pilot.press(away)
            await until(pilot, lambda: not title_drawn(app))
            await pilot.press(back)
            await until(pilot, lambda: title_drawn(app))
        await pilot.press("down", "down", "down")  # to the last author, then the details scroll
        await until(pilot, lambda: not title_drawn(app))
        for _ in range(SIZE[1] * 2):  # Up alone brings the title back: it is not a trap
            await pilot.press("up")
            if title_drawn(app):
                break
        await until(pilot, lambda: title_drawn(app))
        await pilot.press("end")
        await until(pilot, lambda: any("Your note" in line for line in screen_lines(app.screen)))
        await pilot.press("enter")  # the author's list still has the keys it needs
        assert isinstance(app.screen, PersonScreen)


# -- typing a name on Speakers --------------------------------------------------------


async def test_typing_on_speakers_filters_even_with_letters_that_are_keys(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *"jacques piz")  # q quits, i is About, z the zone elsewhere
        listing = drawn_lines(app.screen.query_one("#speaker-list"))
        assert isinstance(app.screen, SpeakersScreen) and app.return_code is None
        assert "Jacques Pienaar" not in " ".join(listing)  # "piz" matches no one
        await pilot.press("backspace")
        listing = drawn_lines(app.screen.query_one("#speaker-list"))
        assert "Jacques Pienaar" in listing[0] and not listing[1].strip()
        assert "Filter" not in " ".join(screen_lines(app.screen))  # the box holds the name
        await pilot.press("down", "enter")  # into the list, and open
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("escape", "1")  # keys that are not letters act from the filter too
        assert isinstance(app.screen, ScheduleScreen)


# -- mode keys over a pushed screen ---------------------------------------------------


def shows_schedule(app: CompanionApp) -> bool:
    lines = screen_lines(app.screen)
    return any("Talk · authors" in line for line in lines) and not any(
        "Your note" in line for line in lines
    )


async def test_a_mode_key_over_a_talk_from_search_shows_that_mode(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "magelan")
        await pilot.press("enter")
        assert isinstance(app.screen, TalkScreen) and not shows_schedule(app)
        await pilot.press("1")
        assert shows_schedule(app)


async def test_a_mode_key_over_a_person_shows_the_mode_and_keeps_other_stacks(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *"bock", "enter")
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("1")
        assert shows_schedule(app)
        await pilot.press("2")  # each mode keeps its own back-stack
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("2")  # and its own key goes back to its own screen
        lines = screen_lines(app.screen)
        assert isinstance(app.screen, SpeakersScreen)
        assert any("Markus Böck" in line for line in lines)


# -- key names and wrapped lines --------------------------------------------------------


async def test_help_names_keys_as_typed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        lines = drawn_lines(app.screen.query_one("#help-text"))
    keys = {line.split()[0] for line in lines if line.startswith("  ") and line.strip()}
    assert {",", ".", "/", "?", "[", "]", "Esc", "Enter", "Ctrl+S"} <= keys
    assert not keys & {"comma", "full_stop", "slash", "question_mark", "escape", "ctrl+s"}


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


async def test_help_wraps_a_description_under_its_column(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.press("question_mark")
        lines = drawn_lines(app.screen.query_one("#help-text"))
    continued = 0
    column = 0  # where the last key's description starts
    for line in lines:
        if indent(line) == 2:  # a key, then what it does
            key = line.split()[0]
            column = line.index(key) + len(key) + indent(line[line.index(key) + len(key) :])
        elif line.strip() and indent(line):
            assert indent(line) == column, f"{line!r} is not under column {column}"
            continued += 1
    assert continued, "nothing wraps at this width"


def words(stem: str, count: int) -> str:
    return " ".join(f"{stem}{n:02}" for n in range(count))


def assert_hangs(widget: Widget, text: str, under: str = "") -> None:
    """`text` is drawn over several lines, each one starting in the column where `under`
    (by default the text itself) starts on the first."""
    first, *_ = text.split()
    lines = [line for line in drawn_lines(widget) if any(w in line for w in text.split())]
    assert len(lines) > 1, f"{first}… does not wrap"
    column = lines[0].index(under or first)
    for line in lines[1:]:
        assert len(line) - len(line.lstrip()) == column, f"{line!r} is not under column {column}"


@pytest.fixture
def wordy_app(make_app: AppFactory, data_dir: Path) -> CompanionApp:
    document: dict[str, Any] = tiny_program()
    alpha = document["talks"][0]
    alpha["title"] = words("title", 20)
    alpha["affiliation"] = words("aff", 20)
    conference = document["conference"]
    conference["organizers"] = [{"name": "Zoë Ørsted", "affiliation": words("org", 20)}]
    conference["co_located_with"] = words("with", 20)
    conference["notes"] = [words("note", 20)]
    program = load(document)
    store = Store.open(data_dir, program.conference.id)
    store.star([program.talk("alpha")])
    store.close()
    return make_app(on=program)


async def test_wrapped_lines_keep_their_column(wordy_app: CompanionApp) -> None:
    app = wordy_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert_hangs(app.screen.query_one("#starred-list"), words("title", 20))
        app.open_person("ann-able")
        await pilot.pause()
        assert_hangs(app.screen.query_one("#person-facts"), words("aff", 20))
        assert_hangs(app.screen.query_one("#person-talks"), words("title", 20))
        await show_talk(pilot, "alpha")
        assert_hangs(app.screen.query_one("#talk-facts"), words("aff", 20))
        await pilot.press("i")
        about = app.screen.query_one("#about-text")
        assert_hangs(about, words("org", 20), under="Zoë Ørsted")
        assert_hangs(about, words("with", 20))
        assert_hangs(about, words("note", 20))


async def test_e_goes_on_writing_after_a_note_already_there(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.save_note("magellan", "note from A", expected="")
        await show_talk(pilot, "magellan")
        await pilot.press("e", *" plus B", "escape")
        await until(pilot, lambda: app.note("magellan") == "note from A plus B")


# -- Enter right after an arrow key ---------------------------------------------------


async def test_enter_typed_right_after_down_opens_the_row_down_moved_to(
    make_app: AppFactory,
) -> None:
    """Enter must wait its turn: run ahead of the Down before it, it opened the row above."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down")  # into the list, on its first person
        listing = app.screen.query_one("#speaker-list", OptionList)
        second = listing.get_option_at_index(1).id
        typed_at_once(app, "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, PersonScreen))
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == second
