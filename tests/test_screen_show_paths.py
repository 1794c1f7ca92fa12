"""What is drawn on the paths that show a screen again: switching screens, opening talks.

The header and the day bar are one widget each (every widget of a screen is styled
again whenever it is shown), and the talk screen is kept and shown again on another
talk: these read back what they draw after those paths.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widgets import OptionList, TextArea

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.day_bar import DayBar
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import AppFactory, drawn_lines, flat, show_talk, text_of, until

KEYNOTE = "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa"  # day one of the two-day program
MLIR = "0e5d2b6c-3333-4a8b-9c55-cccccccccccc"  # day one, another room
CLOSING = "0e5d2b6c-5555-4a8b-9c55-eeeeeeeeeeee"  # day two


def header_text(app: CompanionApp) -> str:
    return flat(drawn_lines(app.screen.query_one(AppHeader)))


def chosen_day(app: CompanionApp) -> str:
    """The day whose label the bar's highlight sits under, read from the drawn lines."""
    labels, bar = drawn_lines(app.screen.query_one(DayBar))
    start, end = bar.index("╸") + 1, bar.find("╺")
    return labels[start : end if end >= 0 else len(bar)].strip()


async def test_the_header_shows_the_zone_on_every_screen_after_it_changes(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        venue = header_text(app)
        assert app.program.conference.name in venue and "venue time" in venue
        await pilot.press("enter")
        assert "venue time" in header_text(app)
        await pilot.press("z")  # local time, changed while the talk shows
        await until(pilot, lambda: "local time" in header_text(app))
        for key in ("escape", "2", "1"):  # the Schedule, left on venue time, shown again
            await pilot.press(key)
        assert "local time" in header_text(app) and "venue time" not in header_text(app)
        await pilot.press("enter")  # and the kept talk screen
        assert "local time" in header_text(app) and "venue time" not in header_text(app)


async def test_clicking_the_header_makes_it_tall_and_its_icon_opens_the_palette(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        header = app.screen.query_one(AppHeader)
        await pilot.click(AppHeader, offset=Offset(50, 0))
        await until(pilot, lambda: header.outer_size.height == 3)
        title, icon, _ = drawn_lines(header)
        assert app.program.conference.name in title and icon.strip() == "⭘"
        await pilot.click(AppHeader, offset=Offset(1, 1))
        await until(pilot, lambda: app.screen.id == "--command-palette")


async def test_the_day_bar_underlines_the_day_shown_after_keys_clicks_and_switches(
    make_app: AppFactory, frab_program: Program
) -> None:
    app = make_app("2030-02-02T10:10", on=frab_program)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(ScheduleTable)
        assert chosen_day(app) == "Sat 02 Feb" and KEYNOTE in table.row_keys
        await pilot.press("full_stop")
        assert chosen_day(app) == "Sun 03 Feb" and table.row_keys == (CLOSING,)
        await pilot.press("2")
        await pilot.press("1")  # shown again: as it was left
        assert chosen_day(app) == "Sun 03 Feb"
        labels = drawn_lines(app.screen.query_one(DayBar))[0]
        await pilot.click(DayBar, offset=Offset(labels.index("Sat 02 Feb"), 0))
        await until(pilot, lambda: KEYNOTE in table.row_keys)
        assert chosen_day(app) == "Sat 02 Feb"
        await pilot.click(DayBar, offset=Offset(labels.index("Sun 03 Feb"), 1))  # under it
        await until(pilot, lambda: table.row_keys == (CLOSING,))
        assert chosen_day(app) == "Sun 03 Feb"


async def test_a_talk_opened_after_another_shows_all_of_the_new_talk(
    make_app: AppFactory, frab_program: Program
) -> None:
    app = make_app("2030-02-02T10:10", on=frab_program)
    async with app.run_test(size=(100, 40)) as pilot:
        first, second = frab_program.talk(MLIR), frab_program.talk(CLOSING)
        app.store.set_note(CLOSING, "Bring the slides")
        await show_talk(pilot, MLIR)
        assert first.title in text_of(app, "#talk-title")
        await pilot.press("escape")
        await show_talk(pilot, CLOSING)
        screen = app.screen
        assert second.title in text_of(app, "#talk-title")
        facts = text_of(app, "#talk-facts")
        assert f"room {second.room}" in facts and "Sun 03 Feb 2030" in facts
        assert first.room is not None
        assert "Sat 02 Feb" not in facts and first.room not in facts
        authors = screen.query_one("#talk-authors", OptionList)
        drawn_authors = [
            str(authors.get_option_at_index(i).prompt) for i in range(authors.option_count)
        ]
        assert drawn_authors == list(second.authors)
        assert flat(drawn_lines(authors)) == flat(second.authors)
        assert screen.query_one("#talk-note", TextArea).text == "Bring the slides"
        assert "Bring the slides" in flat(drawn_lines(screen.query_one("#talk-note")))
