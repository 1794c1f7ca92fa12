"""A mode shown again at the size it was left at is not laid out again, so its lists'
scrollbars are not drawn again; and what each mode then draws, scrollbars too, is what the
same screens built anew draw, after a star, a theme change, a resize, a clock tick and a
program reload in between."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from rich.segment import Segment
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widget import Widget
from textual.widgets import Input

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.thumb_lines import ThumbLines
from tests.driving import AppFactory, every_talk_starred, settled, until

MODES = (("2", "speakers"), ("3", "starred"), ("1", "schedule"))
SHORT = (80, 16)  # every mode's list longer than the screen: each has a scrollbar
OTHER = (90, 20)


class CountedThumbLines(ThumbLines):
    """The lists' own scrollbar lines, counted per bar as they are drawn."""

    drawn: ClassVar[Counter[int]] = Counter()

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        CountedThumbLines.drawn[self.window_size] += 1
        return super().render_strips(width, height, style, options)


def scrolling(screen: Screen[Any]) -> list[Widget]:
    return [widget for widget in screen.query("*") if widget.show_vertical_scrollbar]


def mode_screen(app: CompanionApp, mode: str) -> Screen[Any]:
    return app.get_screen_stack(mode)[0]


async def shown(pilot: Pilot[Any], key: str, mode: str) -> None:
    await pilot.press(key)
    await until(pilot, lambda: pilot.app.current_mode == mode)
    await pilot.pause()


async def test_a_mode_shown_again_at_its_size_draws_no_scrollbar_again(
    make_app: AppFactory, program: Program
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        await every_talk_starred(pilot, program)
        for key, mode in MODES * 2:  # each built, then shown again as it was left
            await shown(pilot, key, mode)
        bars = [
            widget.vertical_scrollbar
            for _, mode in MODES
            for widget in scrolling(mode_screen(app, mode))
        ]
        assert len(bars) == 3
        for bar in bars:
            bar.renderer = CountedThumbLines  # type: ignore[misc]  # per bar, as Textual documents
        CountedThumbLines.drawn.clear()
        layouts: Counter[str] = Counter()
        for _, mode in MODES:
            mode_screen(app, mode).screen_layout_refresh_signal.subscribe(
                app, lambda screen: layouts.update([type(screen).__name__])
            )
        for key, mode in MODES * 2:
            await shown(pilot, key, mode)
        assert CountedThumbLines.drawn == Counter()
        assert "SpeakersScreen" not in layouts  # nothing on it scrolls as it is shown


def drawn(screen: Screen[Any]) -> list[list[Segment]]:
    """What every widget on the screen draws, its scrollbars too, line after line."""
    widgets = [widget for widget in screen.query("*") if widget.region.overlaps(screen.region)]
    widgets += [widget.vertical_scrollbar for widget in widgets if widget.show_vertical_scrollbar]
    return [
        list(strip)
        for widget in widgets
        for strip in widget.render_lines(Region(0, 0, *widget.outer_size))
    ]


async def drawn_modes(pilot: Pilot[Any]) -> dict[str, list[list[Segment]]]:
    """What each mode draws, shown in turn, ending on the schedule at what is on now."""
    lines = {}
    for key, mode in MODES:
        await shown(pilot, key, mode)
        if mode == "schedule":
            await pilot.press("n")
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # its cursor shown, not in whichever phase it blinks
        await pilot.pause()
        lines[mode] = drawn(pilot.app.screen)
    return lines


async def test_modes_shown_again_draw_what_modes_built_anew_draw(
    make_app: AppFactory, program: Program
) -> None:
    app = make_app()
    async with app.run_test(size=SHORT) as pilot:
        await settled(pilot)
        for key, mode in MODES * 2:
            await shown(pilot, key, mode)
        await pilot.press("s")  # starred on the Schedule, then listed on Starred
        await shown(pilot, "3", "starred")
        await shown(pilot, "2", "speakers")
        await pilot.resize_terminal(*OTHER)  # the other modes are out of view
        await shown(pilot, "3", "starred")
        app.theme = "nord"
        await shown(pilot, "1", "schedule")
        await shown(pilot, "2", "speakers")
        app.tick()
        await shown(pilot, "1", "schedule")
        await pilot.press("down", "s")
        await app.replace_program(program)
        await shown(pilot, "3", "starred")
        await shown(pilot, "2", "speakers")
        await pilot.resize_terminal(*SHORT)
        for key, mode in MODES:
            await shown(pilot, key, mode)
        kept = await drawn_modes(pilot)

    fresh = make_app()  # the same store: the same stars, the same theme
    async with fresh.run_test(size=SHORT) as pilot:
        await settled(pilot)
        assert fresh.theme == "nord"
        built = await drawn_modes(pilot)
    for mode, lines in built.items():
        assert len(kept[mode]) == len(lines), mode
        for number, (kept_line, built_line) in enumerate(zip(kept[mode], lines, strict=True)):
            assert kept_line == built_line, (mode, number)
