"""A talk's details are shown ahead while the schedule's cursor rests on its row, on the
kept talk screen out of sight, and laid out: Enter then pushes it, neither wrapping nor
laying out anything, and whatever changed between the two (a star, the time zone, the
terminal's size, the theme, the program, the note, the mode, an Enter before the rest)
is drawn as an app built anew draws that talk."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from rich.segment import Segment
from textual.pilot import Pilot
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.hanging import Hanging
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.talks_made_ahead import SHOW_AHEAD_AFTER
from tests.driving import (
    AppFactory,
    flat,
    load,
    move_schedule_to,
    screen_lines,
    settled,
    show_talk,
    until,
)
from tests.programs import tiny_program
from tests.test_screens_kept_drawn import screen_segments
from tests.test_search_keystroke import count_layouts

MORNING = "2030-03-04T08:00"  # the tiny program's day
SIZE = (100, 30)
OTHER = (90, 34)
ABSTRACT = "A long look at tiling, " * 12

RenderStrips = Callable[[Hanging, int, int | None, Style, RenderOptions], list[Strip]]


def program(abstract: str, title: str = "Beta") -> Program:
    document: dict[str, Any] = tiny_program()
    alpha, beta = document["talks"][:2]
    alpha["abstract"] = "Alpha's own abstract."  # its screen lays out the abstract's width
    beta["title"], beta["abstract"] = title, abstract
    return load(document)


def counting(made: list[int], original: RenderStrips) -> RenderStrips:
    def render_strips(
        self: Hanging, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        made.append(width)
        return original(self, width, height, style, options)

    return render_strips


async def rest_on(pilot: Pilot[None], talk_id: str, kept: TalkScreen) -> None:
    """Move to `talk_id`'s row and rest there until `kept` is laid out on it ahead (on a
    loaded machine, a row passed on the way may be laid out ahead too)."""
    laid_out: list[str] = []
    kept.screen_layout_refresh_signal.subscribe(
        kept, lambda _: laid_out.append(kept.talk_id), immediate=True
    )
    await move_schedule_to(pilot, talk_id)
    await until(pilot, lambda: talk_id in laid_out)
    await settled(pilot)


async def open_selected(pilot: Pilot[None]) -> list[list[Segment]]:
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, TalkScreen))
    await settled(pilot)
    await pilot.pause()
    return screen_segments(pilot.app.screen)


async def open_and_leave(pilot: Pilot[None], talk_id: str, *keys: str) -> TalkScreen:
    """Open `talk_id` (the mode's talk screen, built and kept), press `keys` on it, and
    go back to the schedule; the kept screen."""
    await move_schedule_to(pilot, talk_id)
    await open_selected(pilot)
    kept = pilot.app.screen
    assert isinstance(kept, TalkScreen)
    await pilot.press(*keys)
    await settled(pilot)
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, ScheduleScreen))
    return kept


CHANGES = ["nothing", "star", "zone", "resize", "theme", "program", "note", "mode", "no rest"]


@pytest.mark.parametrize("change", CHANGES)
async def test_a_talk_made_ahead_is_drawn_as_an_app_built_anew_draws_it(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    before = program(ABSTRACT)
    after = program("Rewritten: " + ABSTRACT, "Beta, renamed")
    app = make_app(MORNING, on=before)
    assert isinstance(app, CompanionApp)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        kept = await open_and_leave(pilot, "alpha")
        made: list[int] = []
        monkeypatch.setattr(Hanging, "render_strips", counting(made, Hanging.render_strips))
        if change == "no rest":  # Enter before the cursor rested on the row
            await move_schedule_to(pilot, "beta")
        else:
            await rest_on(pilot, "beta", kept)
        made_ahead = len(made)
        if change == "star":
            await pilot.press("s")
        elif change == "zone":
            await pilot.press("z")
        elif change == "resize":
            await pilot.resize_terminal(*OTHER)
        elif change == "theme":
            app.theme = "nord"
        elif change == "program":
            await app.replace_program(after)
            await move_schedule_to(pilot, "beta")
        elif change == "note":  # saved from another terminal
            make_app(MORNING, on=before).save_note("beta", "Seen elsewhere.", expected="")
        elif change == "mode":
            await pilot.press("2")
            await pilot.press("1")
            await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        await pilot.pause()
        kept_drawn = await open_selected(pilot)
        if change == "nothing":
            assert len(made) == made_ahead  # nothing wrapped again as it opened

    fresh = make_app(MORNING, on=after if change == "program" else before)  # the same store
    async with fresh.run_test(size=OTHER if change == "resize" else SIZE) as pilot:
        await settled(pilot)
        await show_talk(pilot, "beta")
        await settled(pilot)
        await pilot.pause()
        built = screen_segments(fresh.screen)
    assert kept_drawn == built


@pytest.mark.parametrize("rested_on", ["alpha", "beta"])
async def test_a_talk_shown_ahead_is_not_laid_out_again_as_it_opens(
    make_app: AppFactory, rested_on: str
) -> None:
    """Not even for its scrolling: the talk left (beta) was scrolled down, the talk shown
    ahead, another or the same, is drawn from its top."""
    app = make_app(MORNING, on=program(ABSTRACT * 4))
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        kept = await open_and_leave(pilot, "beta", "pagedown")
        assert kept.query_one("#talk-body").scroll_y > 0
        await move_schedule_to(pilot, "alpha" if rested_on == "beta" else "beta")
        await rest_on(pilot, rested_on, kept)
        layouts = count_layouts(kept)
        await open_selected(pilot)
        assert app.screen is kept
        assert kept.query_one("#talk-body").scroll_y == 0
        if rested_on == "alpha":
            assert "Alpha's own abstract." in flat(screen_lines(kept))
        assert layouts == []


async def drawn_ahead_on_gamma(pilot: Pilot[None]) -> TalkScreen:
    """The kept talk screen, once opened on Beta and left, drawn ahead on Gamma, whose row
    the cursor rests on; Beta and Gamma both have a previous and a next talk, so the
    footer shows the same keys for each."""
    await settled(pilot)
    kept = await open_and_leave(pilot, "beta")
    await rest_on(pilot, "gamma", kept)
    return kept


async def open_drawn_ahead(pilot: Pilot[None], kept: TalkScreen) -> None:
    """Open the talk the cursor rests on, Gamma, drawn ahead on `kept`."""
    await open_selected(pilot)
    assert pilot.app.screen is kept
    assert "Gamma" in flat(screen_lines(kept))


async def test_a_talk_shown_ahead_is_drawn_ahead(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drawn out of sight too: as it opens, no widget makes its lines anew (its authors'
    options were, every open). Talks with a previous and a next talk both: the footer
    shows the same keys for each."""
    app = make_app(MORNING, on=program(ABSTRACT))
    async with app.run_test(size=SIZE) as pilot:
        kept = await drawn_ahead_on_gamma(pilot)
        made: list[str | None] = []
        to_strips = Visual.to_strips

        def counted(widget: Widget, *args: Any, **kwargs: Any) -> list[Strip]:
            made.append(widget.id)
            return to_strips(widget, *args, **kwargs)

        monkeypatch.setattr(Visual, "to_strips", staticmethod(counted))
        await open_drawn_ahead(pilot, kept)
        assert made == []


async def test_a_talk_drawn_ahead_opens_without_being_brought_to_it_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was, out of sight, and nothing moved it there: as it opens it is not scrolled
    home again (nor its keys asked, its authors focused...): only its note is read again
    (the comparison with a new app covers a note saved elsewhere meanwhile)."""
    app = make_app(MORNING, on=program(ABSTRACT))
    async with app.run_test(size=SIZE) as pilot:
        kept = await drawn_ahead_on_gamma(pilot)
        asked: list[str] = []
        body = kept.query_one("#talk-body")
        scroll_home = body.scroll_home

        def scrolled_home(**options: Any) -> None:
            asked.append("scroll home")
            scroll_home(**options)

        monkeypatch.setattr(body, "scroll_home", scrolled_home)
        await open_drawn_ahead(pilot, kept)
        assert asked == []


async def test_a_layout_ahead_that_lands_late_does_not_keep_the_talk_as_left(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded machine the layout ahead can come after the talk was opened, scrolled
    and left: the next open of that talk starts at its top all the same."""
    app = make_app(MORNING, on=program(ABSTRACT * 6))
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        kept = await open_and_leave(pilot, "alpha")
        held: list[Callable[[], object]] = []  # what the kept screen would do later
        monkeypatch.setattr(kept, "call_later", lambda callback: held.append(callback))
        await move_schedule_to(pilot, "beta")
        await until(pilot, lambda: bool(held))  # shown ahead; its layout held back
        monkeypatch.undo()
        await open_selected(pilot)
        assert app.screen is kept
        await pilot.press("pagedown", "pagedown")
        await until(pilot, lambda: "Beta" not in flat(screen_lines(kept)))  # scrolled
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ScheduleScreen))
        for callback in held:
            callback()
        await open_selected(pilot)
        assert app.screen is kept
        assert "Beta" in flat(screen_lines(kept))  # at its top, the title shown


async def test_t_opens_the_last_talk_opened_not_the_one_shown_ahead(
    make_app: AppFactory,
) -> None:
    """Shown ahead, a talk is not opened: `t`, where no talk is selected, opens the last
    talk the user opened."""
    app = make_app(MORNING, on=program(ABSTRACT))
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        kept = await open_and_leave(pilot, "alpha")
        await rest_on(pilot, "beta", kept)
        await pilot.press("3")  # nothing starred: no talk selected
        await until(pilot, lambda: not isinstance(app.screen, ScheduleScreen))
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TalkScreen))
        await settled(pilot)
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == "alpha"


async def test_an_update_that_drops_the_talk_rested_on_is_no_crash(make_app: AppFactory) -> None:
    """The cursor rests on a talk, and an update without it is applied within the moment
    it waits to make the talk ahead: a big program's screens take longer to build again
    than that moment (here each mode's rebuild waits for it), and the old talk screen,
    still attached, made the talk from the new program, which has no such talk."""
    document: dict[str, Any] = tiny_program()
    document["talks"] = [talk for talk in document["talks"] if talk["id"] != "beta"]
    without_beta = load(document)
    app = make_app(now=MORNING, on=program(ABSTRACT))
    remove_mode = app.remove_mode

    async def slow_remove_mode(mode: str) -> Any:
        await asyncio.sleep(SHOW_AHEAD_AFTER)  # stands for a rebuild as slow as a big program's
        return await remove_mode(mode)

    app.remove_mode = slow_remove_mode  # type: ignore[method-assign,assignment]
    async with app.run_test(size=SIZE) as pilot:
        await open_and_leave(pilot, "alpha")
        await move_schedule_to(pilot, "beta")
        await app.replace_program(without_beta)
        await until(
            pilot, lambda: isinstance(app.screen, ScheduleScreen) and app.program is without_beta
        )
        await show_talk(pilot, "alpha")  # and the app goes on, on the new program
        assert app.return_code is None
