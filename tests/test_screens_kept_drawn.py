"""Screens and widgets kept between visits (the modes, the talk screen, what each one drew,
the styles and keys read once) draw, after switches, talks opened in a row, a star, a
resize, a theme change and a clock tick, what the same screens built anew draw."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.segment import Segment
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.talk import TalkScreen
from tests.driving import AppFactory, settled, until

MODES = (("2", "speakers"), ("3", "starred"), ("1", "schedule"))
SIZE = (100, 30)


def screen_segments(screen: Screen[Any]) -> list[list[Segment]]:
    """What every widget on the screen draws, line after line, text and colours."""
    return [
        list(strip)
        for widget in screen.query("*")
        if widget.region.overlaps(screen.region)
        for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
    ]


def in_mode(pilot: Pilot[Any], mode: str) -> Callable[[], bool]:
    return lambda: pilot.app.current_mode == mode


async def drawn_modes(pilot: Pilot[Any]) -> dict[str, list[list[Segment]]]:
    """What each mode draws, shown in turn, ending on the schedule at what is on now."""
    drawn = {}
    for key, mode in MODES:
        await pilot.press(key)
        await until(pilot, in_mode(pilot, mode))
        if mode == "schedule":
            await pilot.press("n")
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # its cursor shown, not in whichever phase it blinks
        await pilot.pause()
        drawn[mode] = screen_segments(pilot.app.screen)
    return drawn


async def open_and_leave_talk(pilot: Pilot[Any], *keys: str) -> list[list[Segment]]:
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, TalkScreen))
    await pilot.press(*keys)
    await pilot.pause()
    drawn = screen_segments(pilot.app.screen)
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, ScheduleScreen))
    return drawn


async def test_kept_screens_draw_what_screens_built_anew_draw(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        for key, _ in MODES * 2:
            await pilot.press(key)
        await open_and_leave_talk(pilot, "s")  # starred: listed on Starred, drawn ★
        await pilot.press("down")
        await open_and_leave_talk(pilot)
        await pilot.press("2")
        await pilot.resize_terminal(*SIZE)
        await pilot.press("3")
        app.theme = "nord"
        await pilot.press("1")
        app.tick()
        await pilot.press("up", "down")
        await open_and_leave_talk(pilot)
        kept = await drawn_modes(pilot)
        await pilot.press("down")
        kept_talk = await open_and_leave_talk(pilot)

    fresh = make_app()  # the same store: the same star, the same theme
    async with fresh.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert fresh.theme == "nord"
        built = await drawn_modes(pilot)
        await pilot.press("down")
        built_talk = await open_and_leave_talk(pilot)
    for mode, lines in built.items():
        assert len(kept[mode]) == len(lines), mode
        for number, (kept_line, built_line) in enumerate(zip(kept[mode], lines, strict=True)):
            assert kept_line == built_line, (mode, number)
    assert kept_talk == built_talk
