"""A star toggled on the talk screen draws its own line again and lays out nothing: the
facts and the abstract around it are neither wrapped nor laid out again (a layout of the
whole screen was most of that star at 10,000 talks). Where the star's line wraps to
another height (a narrow terminal), the screen is laid out for it. Either way the screen
shows what it shows when the talk is opened anew."""

from __future__ import annotations

from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import OptionList, TextArea

from companion.program import Program
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.kept_text import KeptText
from companion.ui.widgets.key_footer import KeyFooter
from tests.driving import AppFactory, drawn_lines, flat, until
from tests.test_search_keystroke import count_layouts
from tests.test_talk_opened_in_a_row import open_from_schedule, screenshot


async def star_shown(pilot: Pilot[None], shown: str) -> None:
    """`s` pressed, until the star's line shows `shown` (read from the text that holds it
    alone, not from every widget on the screen)."""
    await pilot.press("s")
    texts = pilot.app.screen.query(KeptText)
    star = next(text for text in texts if "Starred" in flat(drawn_lines(text)))
    await until(pilot, lambda: shown in flat(drawn_lines(star)))


async def star_toggled(
    make_app: AppFactory, program: Program, size: tuple[int, int], times: int
) -> tuple[int, str, bool]:
    """How many layouts `times` stars on the talk screen took, and the screen after them."""
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=size) as pilot:
        await open_from_schedule(pilot, talk)
        layouts = count_layouts(app.screen)
        for _ in range(times):
            await star_shown(pilot, "(s to star)" if talk.id in app.starred else "★ yes")
        await pilot.pause()
        return len(layouts), screenshot(app), talk.id in app.starred


async def opened_anew(make_app: AppFactory, program: Program, size: tuple[int, int]) -> str:
    """The talk's screen as a new app draws it, on the stars the last app kept."""
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=size) as pilot:
        await open_from_schedule(pilot, talk)
        return screenshot(app)


@pytest.mark.parametrize("times", [1, 2], ids=["starred", "starred-and-unstarred"])
async def test_a_star_on_the_talk_screen_lays_out_nothing(
    make_app: AppFactory, program: Program, times: int
) -> None:
    size = (100, 30)
    layouts, drawn, starred = await star_toggled(make_app, program, size, times)
    assert layouts == 0
    assert starred == (times == 1)
    assert drawn == await opened_anew(make_app, program, size)


async def test_a_star_whose_line_wraps_anew_lays_the_screen_out(
    make_app: AppFactory, program: Program
) -> None:
    """At 26 columns "no (s to star)" wraps under its label, "★ yes" does not."""
    size = (26, 30)
    layouts, drawn, starred = await star_toggled(make_app, program, size, 1)
    assert starred
    assert layouts >= 1
    assert drawn == await opened_anew(make_app, program, size)


def counting(draws: list[str], widget: Widget, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each time the screen asks `widget` for its lines, the text drawn, in `draws`."""
    render_lines = widget.render_lines

    def counted(crop: Region) -> list[Strip]:
        lines = render_lines(crop)
        draws.append(flat(strip.text for strip in lines))
        return lines

    monkeypatch.setattr(widget, "render_lines", counted)


async def test_a_star_on_the_talk_screen_draws_its_line_alone_in_one_frame(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a frame for the star and another of the whole screen, for the starred row the
    schedule under it drew (Textual hands the screen on top every region drawn under it,
    then the whole screen). Nor are the widgets around the star's line drawn again in its
    frame: Textual drew every widget whose container the line is in (the details' box and
    all it holds), and the header and footer, whole."""
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_schedule(pilot, talk)
        frames: list[str] = []  # the star's text is in each frame drawn: it holds the line
        others: list[str] = []
        texts = app.screen.query(KeptText)
        star = next(text for text in texts if "Starred" in flat(drawn_lines(text)))
        counting(frames, star, monkeypatch)
        for widget in (KeyFooter, AppHeader, OptionList, TextArea):
            counting(others, app.screen.query_one(widget), monkeypatch)
        counting(others, app.screen.query_one("#talk-body"), monkeypatch)

        async def star_drawn() -> None:
            """`s` pressed, until a frame draws the star's text (read from the frames:
            reading the text itself would count as one)."""
            drawn = len(frames)
            await pilot.press("s")
            await until(pilot, lambda: len(frames) > drawn)

        await star_drawn()
        await star_drawn()
        await pilot.pause()
        assert len(frames) == 2
        assert "★ yes" in frames[0] and "(s to star)" in frames[1]
        assert others == []


async def test_a_star_toggled_back_is_drawn_from_its_kept_line(
    make_app: AppFactory, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The star's line reads the same for every talk: each of its two is made into lines
    once, and a star toggled back draws the line kept for it."""
    talk = program.talks[0]
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_schedule(pilot, talk)
        await star_shown(pilot, "★ yes")
        await star_shown(pilot, "(s to star)")
        made: list[Visual] = []
        to_strips = Visual.to_strips

        def counted(widget: Widget, visual: Visual, *args: Any, **kwargs: Any) -> list[Strip]:
            made.append(visual)
            return to_strips(widget, visual, *args, **kwargs)

        monkeypatch.setattr(Visual, "to_strips", staticmethod(counted))
        await star_shown(pilot, "★ yes")
        await star_shown(pilot, "(s to star)")
        await pilot.pause()
        assert made == []
