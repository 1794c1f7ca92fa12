"""Talks opened one after another on the kept talk screen, with a star, a resize and a
theme change between them: each shows its own facts whole (its abstract long, short or
none, its links and note) from the top, and nothing of the talk shown before."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from textual.app import App
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from companion.program import Program, Talk
from companion.ui import talks_made_ahead
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import (
    AppFactory,
    drawn_lines,
    flat,
    load,
    move_schedule_to,
    screen_lines,
    show_talk,
    until,
)
from tests.programs import opened, tiny_program
from tests.test_search_keystroke import count_layouts

SHORT = "One line on tiling."
MORNING = "2030-03-04T08:00"  # the tiny program's day
SIZE = (100, 60)  # the whole of a long abstract, with the authors and the note, on screen
LOW = (100, 24)  # the details of a talk with a long abstract scroll
MIDDLE = (100, 34)  # those of a talk with a short abstract fit, with a long one scroll


@pytest.fixture(scope="module")
def varied() -> Program:
    """Six talks: long abstracts (the generator's), one short, one without any."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from generate_program import generate

    talks = generate(6, 1, 2, 10).split("<abstract>")
    talks[2] = SHORT + talks[2][talks[2].index("</abstract>") :]
    talks[3] = talks[3][talks[3].index("</abstract>") :]
    return opened("<abstract>".join(talks))


def screenshot(app: App[None]) -> str:
    """The whole screen as drawn, cell by cell (the ids the SVG makes up left out)."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


def drawn_whole(pilot: Pilot[None], talk: Talk, before: Talk | None) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, TalkScreen)
    assert screen.query_one("#talk-body", VerticalScroll).scroll_y == 0  # from the top
    title = flat(drawn_lines(screen.query_one("#talk-title")))
    assert title == flat([talk.title])
    facts = flat(drawn_lines(screen.query_one("#talk-about")))
    if talk.abstract:
        assert f"Abstract {flat([talk.abstract])}" in facts
    else:
        assert "Abstract" not in facts
    authors = flat(drawn_lines(screen.query_one("#talk-authors")))
    assert all(author in authors for author in talk.authors)
    shown = flat(screen_lines(screen))
    if before is not None:
        assert before.title not in shown
        if before.abstract and before.abstract != talk.abstract:
            assert flat([before.abstract])[:40] not in shown


async def open_from_schedule(pilot: Pilot[None], talk: Talk) -> None:
    await move_schedule_to(pilot, talk.id)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, TalkScreen))
    await pilot.pause()


async def leave(pilot: Pilot[None]) -> None:
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, ScheduleScreen))


async def test_each_talk_opened_after_another_is_drawn_whole_and_alone(
    make_app: AppFactory, varied: Program
) -> None:
    long, other_long, *_ = (talk for talk in varied.talks if len(talk.abstract or "") > 500)
    short = next(talk for talk in varied.talks if talk.abstract == SHORT)
    none = next(talk for talk in varied.talks if not talk.abstract)
    app = make_app(long.start.isoformat(), on=varied)
    async with app.run_test(size=LOW) as pilot:
        await open_from_schedule(pilot, long)
        drawn_whole(pilot, long, None)
        await pilot.press("pagedown")  # the details scrolled down, then left
        await until(pilot, lambda: app.screen.query_one("#talk-body", VerticalScroll).scroll_y > 0)
        await leave(pilot)
        await open_from_schedule(pilot, other_long)
        drawn_whole(pilot, other_long, long)
        await leave(pilot)
        await pilot.resize_terminal(*SIZE)
        await open_from_schedule(pilot, short)
        drawn_whole(pilot, short, other_long)
        await pilot.press("s", "e", *"remember", "escape")
        await leave(pilot)
        await pilot.resize_terminal(90, 60)
        await open_from_schedule(pilot, none)
        drawn_whole(pilot, none, short)
        assert "remember" not in flat(screen_lines(app.screen))
        await leave(pilot)
        app.theme = "nord"
        await open_from_schedule(pilot, long)
        drawn_whole(pilot, long, none)
        await leave(pilot)
        await open_from_schedule(pilot, short)
        drawn_whole(pilot, short, long)
        shown = flat(screen_lines(app.screen))
        assert "remember" in shown and "★" in shown  # its own note and star again


async def test_a_talk_with_a_link_then_one_without(make_app: AppFactory, program: Program) -> None:
    linked = next(talk for talk in program.talks if talk.links)
    plain = next(talk for talk in program.talks if not talk.links)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_schedule(pilot, linked)
        drawn_whole(pilot, linked, None)
        assert linked.links[0].url in flat(screen_lines(app.screen))
        await leave(pilot)
        await open_from_schedule(pilot, plain)
        drawn_whole(pilot, plain, linked)
        assert linked.links[0].url not in flat(screen_lines(app.screen))


@pytest.mark.parametrize(
    ("size", "first", "then"),
    [(SIZE, "long", "short"), (MIDDLE, "short", "long")],
    ids=["shorter", "scrolling"],
)
async def test_the_first_frame_of_another_talk_draws_its_facts_laid_out(
    make_app: AppFactory,
    varied: Program,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    first: str,
    then: str,
) -> None:
    """Not the new facts in the size of the last talk's, laid out a frame later, nor in a
    width that a scrollbar appearing with a longer talk narrows a frame later."""
    talks = {
        "long": next(talk for talk in varied.talks if len(talk.abstract or "") > 500),
        "short": next(talk for talk in varied.talks if talk.abstract == SHORT),
    }
    app = make_app(talks[first].start.isoformat(), on=varied)
    async with app.run_test(size=size) as pilot:
        await open_from_schedule(pilot, talks[first])
        facts = app.screen.query_one("#talk-about", Static)  # the screen is kept
        await leave(pilot)
        await move_schedule_to(pilot, talks[then].id)
        sizes: list[tuple[int, int]] = []
        original = facts.render_lines

        def render_lines(crop: Region) -> list[Strip]:
            sizes.append((facts.size.width, facts.size.height))
            return original(crop)

        monkeypatch.setattr(facts, "render_lines", render_lines)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.pause()
        drawn_whole(pilot, talks[then], talks[first])
        assert sizes and set(sizes) == {(facts.size.width, facts.size.height)}


async def test_another_talk_is_laid_out_once(
    make_app: AppFactory, varied: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each talk of another height than the last laid out once: the widgets' new sizes
    asked Textual for a second layout after the first frame, which laid out the same.
    Opened at once, not shown ahead on a row the cursor rests on (on a loaded machine, a
    row passed on the way): `test_talk_made_ahead.py` counts the layouts of those."""
    monkeypatch.setattr(talks_made_ahead, "SHOW_AHEAD_AFTER", 3600.0)
    long, *_ = (talk for talk in varied.talks if len(talk.abstract or "") > 500)
    short = next(talk for talk in varied.talks if talk.abstract == SHORT)
    none = next(talk for talk in varied.talks if not talk.abstract)
    app = make_app(long.start.isoformat(), on=varied)
    async with app.run_test(size=MIDDLE) as pilot:
        await open_from_schedule(pilot, long)
        layouts = count_layouts(app.screen)  # the screen is kept
        for before, talk in ((long, short), (short, none), (none, long)):
            await leave(pilot)
            await open_from_schedule(pilot, talk)
            await pilot.pause()
            drawn_whole(pilot, talk, before)
        assert len(layouts) == 3


async def test_a_talk_with_more_authors_than_the_list_shows_and_back(
    make_app: AppFactory,
) -> None:
    """Its list scrolls (a scrollbar), the next talk's does not: each drawn as a new app
    draws it, though the list judges its scrollbar against the last talk's height."""
    document = tiny_program()
    document["talks"][0]["authors"] = [f"Author Number {i}" for i in range(14)]
    program = load(document)
    size = (80, 40)

    async def fresh(talk_id: str) -> str:
        app = make_app(MORNING, on=program)
        async with app.run_test(size=size) as pilot:
            await show_talk(pilot, talk_id)
            return screenshot(app)

    expected = {talk_id: await fresh(talk_id) for talk_id in ("alpha", "beta")}
    app = make_app(MORNING, on=program)
    async with app.run_test(size=size) as pilot:
        for talk_id in ("beta", "alpha", "beta", "alpha"):
            await show_talk(pilot, talk_id)
            await pilot.pause()
            assert screenshot(app) == expected[talk_id]
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(pilot.app.screen, ScheduleScreen))


async def test_a_talk_with_more_authors_than_the_last_is_laid_out_once(
    make_app: AppFactory,
) -> None:
    """The list measured its new options against its height and width for the last
    talk's: a scrollbar shown in the first frame, and a second layout for the options
    measured again at the width that layout gave them."""
    document = tiny_program()
    document["talks"][0]["authors"] = [f"Author Number {i}" for i in range(5)]
    program = load(document)
    app = make_app(MORNING, on=program)
    async with app.run_test(size=(80, 40)) as pilot:
        await show_talk(pilot, "beta")
        layouts = count_layouts(app.screen)  # the screen is kept
        for talk_id in ("alpha", "beta", "alpha"):
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(pilot.app.screen, ScheduleScreen))
            await show_talk(pilot, talk_id)
            await pilot.pause()
        assert len(layouts) == 3
