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

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.thumb_lines import ThumbLines
from tests.driving import AppFactory, every_talk_starred, settled, until
from tests.test_screens_kept_drawn import MODES, drawn_modes

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
        await settled(pilot)  # the talk screen's styles read ahead restyle each mode once
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


def bars_drawn(app: CompanionApp) -> dict[str, list[list[Segment]]]:
    """What each mode's scrollbars draw, as last shown."""
    return {
        mode: [
            list(strip)
            for widget in scrolling(mode_screen(app, mode))
            for strip in widget.vertical_scrollbar.render_lines(
                Region(0, 0, *widget.vertical_scrollbar.outer_size)
            )
        ]
        for _, mode in MODES
    }


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
        kept = await drawn_modes(pilot), bars_drawn(app)

    fresh = make_app()  # the same store: the same stars, the same theme
    async with fresh.run_test(size=SHORT) as pilot:
        await settled(pilot)
        assert fresh.theme == "nord"
        built = await drawn_modes(pilot), bars_drawn(fresh)
    for kept_lines, built_lines in zip(kept, built, strict=True):
        for mode, lines in built_lines.items():
            assert kept_lines[mode] == lines, mode
