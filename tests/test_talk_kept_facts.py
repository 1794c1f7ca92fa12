"""The talk screen's facts are wrapped once a talk and kept: opened again after a theme
change they are drawn in the new theme's colours, as a talk opened fresh is; `[` and `]`
show each talk's facts whole, from the top, with nothing of the talk before."""

from __future__ import annotations

from itertools import pairwise

from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from companion.program import Program, Talk
from companion.ui.screens.talk import TalkScreen
from tests.driving import AppFactory, drawn_lines, flat, screen_lines
from tests.test_talk_opened_in_a_row import leave, open_from_schedule

SIZE = (100, 30)


def segments(widget: Widget) -> list[list[tuple[str, object]]]:
    width, height = widget.outer_size
    lines = widget.render_lines(Region(0, 0, width, height))
    return [[(segment.text, segment.style) for segment in line] for line in lines]


def facts_drawn(pilot: Pilot[None]) -> list[list[tuple[str, object]]]:
    return segments(pilot.app.screen.query_one("#talk-facts"))


async def test_facts_reopened_after_a_theme_change_are_drawn_in_its_colours(
    make_app: AppFactory, program: Program
) -> None:
    first, other = program.talks[0], program.talks[1]
    app = make_app(first.start.isoformat())
    async with app.run_test(size=SIZE) as pilot:
        await open_from_schedule(pilot, first)
        before = facts_drawn(pilot)
        await leave(pilot)
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await open_from_schedule(pilot, first)  # the same talk: nothing of it laid out anew
        reopened = facts_drawn(pilot)
        await leave(pilot)
        await open_from_schedule(pilot, other)
        await leave(pilot)
        await open_from_schedule(pilot, first)  # its facts given to the screen afresh
        assert reopened == facts_drawn(pilot)
        assert reopened != before


def shows_alone(pilot: Pilot[None], talk: Talk, before: Talk) -> bool:
    screen = pilot.app.screen
    if not isinstance(screen, TalkScreen) or screen.talk_id != talk.id:
        return False
    facts = flat(drawn_lines(screen.query_one("#talk-facts")))
    shown = flat(screen_lines(screen))
    return (
        screen.query_one("#talk-body", VerticalScroll).scroll_y == 0
        and flat([talk.title]) in flat(drawn_lines(screen.query_one("#talk-title")))
        and (not talk.abstract or flat([talk.abstract]) in facts)
        and flat([before.title]) not in shown
        and (not before.abstract or flat([before.abstract])[:40] not in shown)
    )


async def test_stepping_through_talks_shows_each_whole_and_alone(
    make_app: AppFactory, program: Program
) -> None:
    talks = program.talks[:6]
    app = make_app(talks[0].start.isoformat())
    async with app.run_test(size=SIZE) as pilot:
        await open_from_schedule(pilot, talks[0])
        for before, talk in pairwise(talks):
            await pilot.press("pagedown", "right_square_bracket")
            await pilot.pause()
            assert shows_alone(pilot, talk, before), talk.id
        for before, talk in pairwise(talks[::-1]):
            await pilot.press("left_square_bracket")
            await pilot.pause()
            assert shows_alone(pilot, talk, before), talk.id


async def test_the_body_draws_its_own_lines_as_textual_would(
    make_app: AppFactory, program: Program
) -> None:
    """Its lines skip the styles cache (PlainScroll): the same, segment for segment, in any
    theme, as the details scroll."""
    talk = max(program.talks, key=lambda talk: len(talk.abstract or ""))
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=(100, 20)) as pilot:
        await open_from_schedule(pilot, talk)
        body = app.screen.query_one("#talk-body")
        for step in ("open", "pagedown", "theme"):
            if step == "pagedown":
                await pilot.press("pagedown")
            elif step == "theme":
                app.theme = "nord" if app.theme != "nord" else "gruvbox"
            await pilot.pause()
            width, height = body.outer_size
            for crop in (Region(0, 0, width, height), Region(2, 3, 10, 4)):
                drawn = [list(line) for line in body.render_lines(crop)]
                body.refresh()  # nothing kept from the frame before
                assert drawn == [list(line) for line in Widget.render_lines(body, crop)], step
