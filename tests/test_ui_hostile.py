"""Hostile programs in the TUI: whatever a program says is drawn as typed, never run as
markup, and never crashes a screen. Every test reads what the screens draw."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.content import Content
from textual.pilot import Pilot
from textual.style import Style
from textual.widgets import Input, OptionList, SelectionList, TextArea

from companion.paths import DATA_DIR_VARIABLE
from companion.program import Program
from companion.search import query_words
from companion.store import Store
from companion.text import safe_line
from companion.ui.app import CompanionApp
from companion.ui.screens.export import ExportScreen
from companion.ui.screens.person import PersonScreen
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.now_next import NowNext
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import (
    SIZE,
    AppFactory,
    drawn_lines,
    flat,
    load,
    screen_lines,
    search,
    show_talk,
    toasted,
    until,
    where_drawn,
)
from tests.programs import tiny_program

CLICK = "[ @click=app.screenshot('notes.txt','shots')]Slides[/]"
# Each string, and a word of it to search for.
MARKUP = {
    CLICK: "slides",
    "[B]Bold[/B] claims": "claims",
    "[ bold]Spaced[/]": "spaced",
    "[$accent]Accented[/]": "accented",
    "[ link='https://evil.example']Phish[/]": "phish",
    "[Salsa CI](https://salsa.debian.org)": "salsa",
    "[CANCELLED] Talk": "cancelled",
    "Go generics [T any]": "generics",
    "Intervals [0, 1)": "intervals",
    "MIT [1": "mit",
    "[[nodiscard]]": "nodiscard",
}
QUOTED_URL = 'https://example.org/say"[B]hi'
SHOWN_URL = "https://example.org/say%22[B]hi"  # percent-encoded as the program is read
ROOMS = ("[$accent]Hall[/]", "Annex [B]")
TRACK = "[Salsa CI](https://salsa.debian.org)"
BREAK = "Coffee [0, 1)"
GONE = "[GONE] [B]Withdrawn[/B]"
NAME = "Tiny [B]2030[/B]"
BEFORE = "2030-03-01T09:00"  # days before the tiny program's day: the banner names the event


def hostile_document() -> dict[str, Any]:
    """The tiny program with markup-like text everywhere a program can put text."""
    document = tiny_program()
    document["conference"].update(name=NAME, title="[i]A[/i] workshop", notes=list(MARKUP))
    document["slots"][2]["title"] = BREAK
    document["talks"] = [
        {
            "id": f"t{index:02}",
            "title": text,
            "authors": [text],
            "affiliation": text,
            "session": "s1" if index < 6 else "s2",
            "room": ROOMS[index % 2],
            "track": TRACK,
            "abstract": text,
            "links": [{"label": text, "url": QUOTED_URL}],
        }
        for index, text in enumerate(MARKUP)
    ]
    return document


@pytest.fixture(scope="module")
def hostile() -> Program:
    return load(hostile_document())


def assert_drawn(texts: Iterable[str], lines: list[str]) -> None:
    """Each of `texts` drawn as typed in `lines` (wrapped at spaces, maybe)."""
    shown = flat(lines)
    missing = [text for text in texts if flat([text]) not in shown]
    assert not missing, f"not drawn as typed: {missing}"


async def walk(pilot: Pilot[Any], widget: OptionList | ScheduleTable, steps: int) -> list[str]:
    """What a list draws while its cursor walks down it: all of a list longer than the screen."""
    seen = drawn_lines(widget)
    for _ in range(steps):
        await pilot.press("down")
        seen += drawn_lines(widget)
    return seen


# -- markup is text --------------------------------------------------------------------


async def test_a_click_on_markup_in_a_title_or_abstract_runs_nothing(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shots = tmp_path / "shots"
    shots.mkdir()
    document = tiny_program()
    document["talks"][0].update(title=CLICK, abstract=CLICK)
    app = make_app(BEFORE, on=load(document))
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "alpha")
        widgets = [app.screen.query_one(selector) for selector in ("#talk-title", "#talk-about")]
        for widget in widgets:
            await pilot.click(widget, offset=where_drawn(widget, "Slides"))
        await pilot.pause()
        assert list(shots.iterdir()) == []
        for widget in widgets:
            assert drawn_lines(widget)[-1].strip() == CLICK  # the title; the abstract


async def test_talk_details_show_program_text_as_typed(
    make_app: AppFactory, hostile: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = make_app(BEFORE, on=hostile)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await show_talk(pilot, hostile.talks[0].id)
        for talk in hostile.talks:  # in program order, each the next one on from the last
            assert app.screen.talk_id == talk.id  # type: ignore[attr-defined]
            text = talk.title
            assert_drawn([text], drawn_lines(app.screen.query_one("#talk-title")))
            assert_drawn([text], drawn_lines(app.screen.query_one("#talk-authors")))
            facts = drawn_lines(app.screen.query_one("#talk-facts"))
            assert_drawn([f"Affiliation  {text}", str(talk.room), TRACK, SHOWN_URL], facts)
            about = drawn_lines(app.screen.query_one("#talk-about"))
            assert text in [line.strip() for line in about]  # the abstract
            await pilot.press("right_square_bracket")
        await show_talk(pilot, "t00")
        await pilot.press("o")  # the one link opens, and says which it was
        assert opened == [SHOWN_URL]
        await toasted(pilot, SHOWN_URL)


async def test_person_shows_program_text_as_typed(make_app: AppFactory, hostile: Program) -> None:
    app = make_app(BEFORE, on=hostile)
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, hostile.talks[0].id)
        for talk in hostile.talks:  # in program order, each the next one on from the last
            await pilot.press("enter")  # the first author
            assert isinstance(app.screen, PersonScreen)
            text = talk.title
            assert_drawn([text], drawn_lines(app.screen.query_one("#person-name")))
            assert_drawn([text], drawn_lines(app.screen.query_one("#person-facts")))
            assert_drawn([text], drawn_lines(app.screen.query_one("#person-talks")))
            await pilot.press("escape", "right_square_bracket")


async def test_schedule_header_banner_and_place_filter_show_program_text_as_typed(
    make_app: AppFactory, hostile: Program
) -> None:
    app = make_app(BEFORE, on=hostile)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        seen = await walk(pilot, table, table.row_count)
        assert_drawn([*MARKUP, *ROOMS, BREAK], seen)
        assert_drawn([NAME], drawn_lines(app.screen.query_one(AppHeader)))
        assert_drawn([f"{NAME} is on"], drawn_lines(app.screen.query_one(NowNext)))
        await pilot.press("r")
        places = drawn_lines(app.screen.query_one(SelectionList))
        assert_drawn([f"Room: {ROOMS[0]}", f"Room: {ROOMS[1]}", f"Track: {TRACK}"], places)


async def test_starred_and_export_show_program_text_as_typed(
    make_app: AppFactory,
    hostile: Program,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gone = hostile_document()
    gone["talks"].append({**gone["talks"][0], "id": "gone", "title": GONE})
    store = Store.open(data_dir, hostile.conference.id)
    store.star([load(gone).talk("gone")])
    store.close()
    app = make_app(BEFORE, on=hostile)
    async with app.run_test(size=SIZE) as pilot:
        for talk in hostile.talks:
            app.toggle_star(talk.id)
        await pilot.press("3")
        listing = app.screen.query_one("#starred-list", OptionList)
        seen = await walk(pilot, listing, listing.option_count)
        assert_drawn([*MARKUP, BREAK, GONE], seen)

        monkeypatch.chdir(tmp_path)
        target = "[B]agenda [$accent].ics"
        Path(target).write_text("precious", encoding="utf-8")
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = target
        await pilot.press("ctrl+s")
        status = drawn_lines(app.screen.query_one("#export-status"))
        assert_drawn([f"{target} exists"], status)


async def test_search_and_palette_show_program_text_as_typed(
    make_app: AppFactory, hostile: Program
) -> None:
    app = make_app(BEFORE, on=hostile)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "go")
        for text, word in MARKUP.items():
            app.screen.query_one(Input).value = word
            await pilot.pause()
            assert_drawn([text], drawn_lines(app.screen.query_one("#search-results")))
        await pilot.press("escape", "ctrl+p")
        results = app.screen.query_one("CommandList")
        for text, word in MARKUP.items():
            app.screen.query_one(Input).value = word
            await until(pilot, lambda: f"Talk: {text}" in flat(drawn_lines(results)))  # noqa: B023


async def test_about_and_speakers_show_program_text_as_typed(
    make_app: AppFactory, hostile: Program
) -> None:
    app = make_app(BEFORE, on=hostile)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        about = drawn_lines(app.screen.query_one("#about-text"))
        assert_drawn([f"{NAME} — [i]A[/i] workshop", *(f"· {text}" for text in MARKUP)], about)
        await pilot.press("escape", "2")
        listing = app.screen.query_one("#speaker-list", OptionList)
        assert_drawn(MARKUP, await walk(pilot, listing, listing.option_count))


# -- crashes -----------------------------------------------------------------------------


async def test_a_one_room_program_draws_a_talk_without_speakers(make_app: AppFactory) -> None:
    document = tiny_program()
    document["talks"][3].update(authors=[], room="Hall A")  # delta: no affiliation, no track
    app = make_app("2030-03-04T11:10", on=load(document))
    async with app.run_test(size=SIZE):
        lines = drawn_lines(app.screen.query_one(ScheduleTable))
        [delta] = [y for y, line in enumerate(lines) if "Delta" in line]
        assert lines[delta + 1].strip() == ""  # its second line: nothing to say
        assert lines[delta + 2].strip() == ""  # and then the end of the day


async def test_a_title_with_line_breaks_keeps_its_row_two_lines_high(
    make_app: AppFactory,
) -> None:
    document = tiny_program()
    document["talks"][2]["title"] = "First line\nsecond line\nthird line"
    app = make_app("2030-03-04T10:40", on=load(document))
    async with app.run_test(size=SIZE):
        lines = drawn_lines(app.screen.query_one(ScheduleTable))
        [gamma] = [y for y, line in enumerate(lines) if "First line" in line]
        assert "First line second line third line" in lines[gamma]
        assert "Ann Able · U3" in lines[gamma + 1]
        assert "Delta" in lines[gamma + 2]


async def test_t_on_a_program_without_talks_says_so(make_app: AppFactory) -> None:
    document = tiny_program()
    document["talks"] = []
    app = make_app(BEFORE, on=load(document))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("t")
        await toasted(pilot, "This program has no talks.")
        assert isinstance(app.screen, ScheduleScreen)


async def test_co_authors_who_fold_to_one_name_both_show_and_open(make_app: AppFactory) -> None:
    document = tiny_program()
    document["talks"][0]["authors"] = ["Markus Böck", "Markus Bock"]
    app = make_app(BEFORE, on=load(document))
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "alpha")
        authors = drawn_lines(app.screen.query_one("#talk-authors"))
        assert_drawn(["Markus Böck", "Markus Bock"], authors)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, PersonScreen)
        assert_drawn(["Markus Böck"], drawn_lines(app.screen.query_one("#person-name")))


# -- links -------------------------------------------------------------------------------


async def test_o_on_a_talk_with_300_links_opens_only_the_one_chosen(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from companion.ui.screens.links import LinksScreen

    document = tiny_program()
    document["talks"][0]["links"] = [
        {"label": f"[B]Part {number}[/B]", "url": f"https://example.org/{number}?q=[x]"}
        for number in range(300)
    ]
    opened: list[str] = []
    app = make_app(BEFORE, on=load(document))
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await show_talk(pilot, "alpha")
        await pilot.press("o")
        assert isinstance(app.screen, LinksScreen)
        assert_drawn(["[B]Part 0[/B]", "https://example.org/0?q=[x]"], screen_lines(app.screen))
        await pilot.press("escape")  # cancels
        assert isinstance(app.screen, TalkScreen) and opened == []

        await pilot.press("o", "down", "down", "enter")
        assert isinstance(app.screen, TalkScreen)
        assert opened == ["https://example.org/2?q=[x]"]
        assert app.clipboard == "https://example.org/2?q=[x]"  # over SSH, no browser may start
        await toasted(pilot, "https://example.org/2?q=[x]")


# -- a crash -----------------------------------------------------------------------------


def test_a_crash_exits_non_zero_and_prints_no_local_variables(
    program: Program, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from companion.ui.app import run_app

    secret = "Ask about the acquisition, nobody knows yet"
    store = Store.open(data_dir, program.conference.id)
    store.set_note("magellan", secret)
    store.close()

    async def crash(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CompanionApp)

        def broken_handler() -> None:
            note = app.store.note("magellan")
            raise RuntimeError(f"failed with a note of {len(note)} characters")

        app.call_later(broken_handler)

    status = run_app(program, headless=True, auto_pilot=crash)
    errors = capsys.readouterr().err
    assert status == 1
    assert "RuntimeError: failed with a note of" in errors
    assert "acquisition" not in errors


def test_the_command_line_exits_with_the_tuis_status(monkeypatch: pytest.MonkeyPatch) -> None:
    from companion.cli import run

    monkeypatch.setattr("companion.ui.app.run_app", lambda *args, **kwargs: 1)
    assert run([]) == 1


# -- any text at all ---------------------------------------------------------------------

ODD_PIECES = ["[", "]", "[/]", "[b]", "[@click=app.quit]", "$accent", "\\", "\u0301", "\n"]
CONTROLS = ["\x00", "\x07", "\x1b[2J", "\r", "\x7f", "\u200b", "\u202e"]
program_text = (
    st.lists(
        st.text(max_size=6) | st.sampled_from([*MARKUP, *ODD_PIECES, *CONTROLS]),
        min_size=1,
        max_size=4,
    )
    .map("".join)
    .filter(lambda text: safe_line(text) != "")  # the native format refuses blank text
)


@st.composite
def hostile_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The tiny program, its words all drawn from `program_text`."""
    document = tiny_program()
    conference = document["conference"]
    conference.update(name=draw(program_text), title=draw(program_text))
    conference["venue"]["name"] = draw(program_text)
    conference["organizers"][0].update(name=draw(program_text), affiliation=draw(program_text))
    document["slots"][2]["title"] = draw(program_text)  # the coffee break
    rooms = [draw(program_text), draw(program_text)]
    for talk in document["talks"]:
        talk.update(
            title=draw(program_text),
            authors=draw(st.lists(program_text, max_size=2)),
            affiliation=draw(program_text),
            room=draw(st.sampled_from(rooms)),
            abstract=draw(program_text),
        )
    return document


async def open_every_screen(pilot: Pilot[None], program: Program) -> None:
    """Schedule, talk details, person, starred, search, speakers, about and help (the tiny
    program's lists fit on one screen: each is drawn whole)."""
    talk = program.talks[0]
    await pilot.press("end")  # the schedule's last row
    await show_talk(pilot, talk.id)
    await pilot.press("s", "enter")  # star it; its first author, if any
    await pilot.press("escape", "escape", "3", "slash")
    pilot.app.screen.query_one("#search-input", Input).value = max(talk.title.split(), key=len)
    await pilot.press("enter", "escape", "2", "enter")  # the first hit; the first person
    await pilot.press("escape", "i", "escape", "question_mark", "escape")


@settings(
    # Each runs the app for about 2 s, so CI tries a few; FUZZ_EXAMPLES=100 digs deeper.
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=hostile_documents())
def test_any_program_text_opens_every_screen(
    document: dict[str, Any], make_app: AppFactory, tmp_path_factory: pytest.TempPathFactory
) -> None:
    program = load(document)

    async def explore() -> None:
        app = make_app("2030-03-04T09:30", on=program)
        async with app.run_test(size=SIZE) as pilot:
            await open_every_screen(pilot, program)

    with pytest.MonkeyPatch.context() as patch:  # each example with stars of its own
        patch.setenv(DATA_DIR_VARIABLE, str(tmp_path_factory.mktemp("data")))
        asyncio.run(explore())


@given(label=program_text, query=program_text)
def test_palette_highlighting_keeps_the_label_as_typed(label: str, query: str) -> None:
    from companion.ui.commands import highlighted

    words = {*query_words(query), *query_words(label)[:1]}  # the label's first word matches
    shown = highlighted(label, words, Style(reverse=True))
    assert shown.plain == Content(label).plain


async def test_a_palette_query_of_combining_marks_alone_finds_nothing(
    make_app: AppFactory,
) -> None:
    from companion.ui.commands import ProgramCommands

    app = make_app()
    async with app.run_test(size=SIZE):
        provider = ProgramCommands(app.screen)
        assert [hit async for hit in provider.search("\u0301")] == []


async def test_a_note_that_cannot_be_saved_is_said_as_typed_and_kept_on_screen(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error names the data directory, whose name may hold brackets like any path."""
    folder = tmp_path / "x[1 [b]bold[/b]"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await show_talk(pilot, "magellan")
        app.store.close()  # the store stops taking writes while the app runs
        await pilot.press("e", *"kept", "escape", "escape")
        await toasted(pilot, "[b]bold[/b]")
        screen = app.screen
        assert isinstance(screen, TalkScreen)  # still here: the note could not be saved
        assert screen.query_one("#talk-note", TextArea).text == "kept"
        await pilot.press("escape")  # once more: leave without it
        assert isinstance(app.screen, ScheduleScreen)
