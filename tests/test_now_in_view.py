"""Now in view: the Schedule opens (and `n` goes) with what is on now near the top, dims
what is over and hides it on `p`, and its banner headlines what just began; read from what
is drawn, while a clock runs through the bundled day and a two-day, three-room program."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from rich.style import Style
from textual.geometry import Region
from textual.pilot import Pilot

from companion.clock import now_next, parse_moment
from companion.program import Program
from companion.store import Store
from companion.ui.app import CompanionApp
from companion.ui.widgets.now_next import NowNext
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import drawn_lines, flat, screen_lines, until
from tests.programs import opened, venue_program

SIZES = [(80, 24), (120, 40)]
TIME_COLUMN = 14  # a row's first line has its time here; its other lines leave it blank
NEAR_TOP = 3  # the rows a current item may stand below: a glimpse of what came before


@pytest.fixture
def venue() -> Program:
    """Two days, rooms A, B and C, a workshop in C all day, a related event, a Closing."""
    return opened(venue_program())


class Clock:
    """A clock the test moves; the app reads it, as it reads the real one, on each tick."""

    def __init__(self, program: Program, moment: str) -> None:
        self.zone = program.conference.zone
        self.moment = parse_moment(moment, self.zone)

    def __call__(self) -> datetime:
        return self.moment

    def set(self, app: CompanionApp, moment: datetime | str) -> None:
        self.moment = moment if isinstance(moment, datetime) else parse_moment(moment, self.zone)
        app.now = app.clock()  # what the app's clock tick does


def table_of(app: CompanionApp) -> ScheduleTable:
    return app.screen.query_one(ScheduleTable)


def drawn_rows(app: CompanionApp) -> list[str]:
    """The first line of every row the table draws, top to bottom, below its heading."""
    return [line for line in drawn_lines(table_of(app))[1:] if line[:TIME_COLUMN].strip()]


def banner(app: CompanionApp) -> list[str]:
    return [line.strip() for line in drawn_lines(app.screen.query_one(NowNext))]


def everything_drawn(app: CompanionApp) -> str:
    return flat(screen_lines(app.screen))


def style_of(app: CompanionApp, text: str) -> Style:
    """The style of the first drawn run of text that holds `text`."""
    table = table_of(app)
    width, height = table.outer_size
    for strip in table.render_lines(Region(0, 0, width, height)):
        for segment in strip:
            if text in segment.text:
                return segment.style or Style()
    raise AssertionError(f"{text!r} is not drawn")


def contrast(style: Style) -> float:
    """How far the text's colour stands from its background's (0 to 765): Textual draws
    dim text in a colour blended toward the background."""
    assert style.color is not None and style.bgcolor is not None
    text, back = style.color.get_truecolor(), style.bgcolor.get_truecolor()
    return float(sum(abs(a - b) for a, b in zip(text, back, strict=True)))


def assert_dimmed(app: CompanionApp, past: str, not_past: str) -> None:
    """`past` is drawn fainter than `not_past` (both titles, neither under the cursor)."""
    assert contrast(style_of(app, past)) < contrast(style_of(app, not_past)) * 0.8


def assert_near_top(app: CompanionApp, title: str) -> None:
    rows = drawn_rows(app)
    assert any(title[:20] in row for row in rows[:NEAR_TOP]), (title, rows[: NEAR_TOP + 2])


def headline(program: Program, moment: datetime, starred: frozenset[str]) -> str | None:
    """The title the banner leads with: on now, else next (the core's choice, tested there)."""
    state = now_next(program, moment, starred)
    items = state.current or state.next
    return items[0].title if items else None


def moments(program: Program, first: str, last: str, step: int = 15) -> Iterator[datetime]:
    """Every `step` minutes from `first` to `last`, in the venue's zone."""
    zone = program.conference.zone
    moment, end = parse_moment(first, zone), parse_moment(last, zone)
    while moment <= end:
        yield moment
        moment += timedelta(minutes=step)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()  # a scroll asked for while laying out lands on the next refresh


# -- now near the top --------------------------------------------------------------------

OPENINGS = [
    ("bundled", "2026-02-01T16:10", "Magellan"),  # the case: it opened on the last line
    ("bundled", "2026-02-01T17:00", "XTC"),  # the last talk, near the end of the day
    ("bundled", "2026-02-01T09:45", "CC 2026 panel"),
    ("bundled", "2026-02-01T17:22", "Closing"),
    ("venue", "2030-03-04T10:20", "B2"),  # began last, beside an all-day workshop
    ("venue", "2030-03-05T09:50", "D1"),  # the second day
]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize(("which", "now", "title"), OPENINGS)
async def test_the_schedule_opens_with_what_is_on_near_the_top(
    program: Program, venue: Program, size: tuple[int, int], which: str, now: str, title: str
) -> None:
    chosen = program if which == "bundled" else venue
    app = CompanionApp(chosen, clock=Clock(chosen, now))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert_near_top(app, title)
        assert table_of(app).selected_key is not None
        assert title in flat(drawn_lines(table_of(app))[1:7])  # the cursor's row, on screen


@pytest.mark.parametrize(
    ("which", "first", "last", "size"),
    [  # the whole day where the screen is smallest; the taller screen for a morning
        ("bundled", "2026-02-01T08:00", "2026-02-01T17:20", (80, 24)),
        ("venue", "2030-03-04T08:30", "2030-03-04T18:00", (80, 24)),
        ("venue", "2030-03-05T07:30", "2030-03-05T10:55", (80, 24)),
        ("bundled", "2026-02-01T08:00", "2026-02-01T12:00", (120, 40)),
        ("venue", "2030-03-05T07:30", "2030-03-05T10:55", (120, 40)),
    ],
)
async def test_n_brings_what_is_on_near_the_top_all_day(
    program: Program,
    venue: Program,
    size: tuple[int, int],
    which: str,
    first: str,
    last: str,
) -> None:
    """From anywhere in the day (the cursor at its start, or at its end), at every moment."""
    chosen = program if which == "bundled" else venue
    clock = Clock(chosen, first)
    app = CompanionApp(chosen, clock=clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        # Every 25 minutes: each hour is met at other minutes, so starts, ends and the
        # minutes between are all tried across the day.
        for index, moment in enumerate(moments(chosen, first, last, step=25)):
            clock.set(app, moment)
            await pilot.press("end" if index % 2 else "home", "n")
            await settle(pilot)
            title = headline(chosen, moment, app.starred)
            assert title is not None
            assert_near_top(app, title)
            assert title[:12] in flat(banner(app))


async def test_while_the_cursor_rests_on_now_the_view_follows_the_clock(program: Program) -> None:
    clock = Clock(program, "2026-02-01T11:10")
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for moment in moments(program, "2026-02-01T11:10", "2026-02-01T17:20", step=20):
            clock.set(app, moment)  # a tick, and no key pressed
            await settle(pilot)
            title = headline(program, moment, app.starred)
            assert title is not None
            assert_near_top(app, title)
        await pilot.press("home")  # the user looks elsewhere: the view stays there
        clock.set(app, "2026-02-01T17:22")
        await settle(pilot)
        assert "Opening Remarks" in flat(drawn_rows(app)[:3])


# -- the past: dimmed, and hidden on p ----------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_what_is_over_is_drawn_dimmed(program: Program, size: tuple[int, int]) -> None:
    clock = Clock(program, "2026-02-01T16:30")
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert_dimmed(app, "Magellan", "XTC")  # over at 16:27; to come
        await pilot.press("home")  # the cursor off "Analyzing", on the day's first row
        await settle(pilot)
        faint = style_of(app, "Library Liberation")
        assert style_of(app, "Systematic Code Generation") == faint  # both over at 16:30
        clock.set(app, "2026-02-01T12:00")  # set back: the morning's last talk is to come
        await settle(pilot)
        assert_dimmed(app, "Library Liberation", "Systematic Code Generation")
        assert_dimmed(app, "Opening Remarks", "Lunch")


async def test_p_hides_what_is_over_and_says_so(program: Program) -> None:
    app = CompanionApp(program, clock=Clock(program, "2026-02-01T16:30"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "past items hidden" not in everything_drawn(app)
        await pilot.press("p")
        await settle(pilot)
        # The CC panel, the Opening, two sessions with their seven talks, Lunch, the Break
        # and Magellan are over; Session 3, which is on, stays, with the rest of its talks.
        assert "14 past items hidden · p to show" in everything_drawn(app)
        rows = drawn_rows(app)
        assert [row.split(None, 1)[1][:20].strip() for row in rows] == [
            "Session 3: Optimizat",
            "Analyzing the comple",
            "XTC: A Research Plat",
            "Closing",
        ]
        await pilot.press("p")
        await settle(pilot)
        assert "past items hidden" not in everything_drawn(app)
        assert_near_top(app, "Analyzing the complexities")  # the view keeps its place
        await pilot.press("home")
        await settle(pilot)
        assert "CC 2026 panel" in drawn_rows(app)[0]


async def test_ongoing_items_are_never_hidden_and_the_hidden_grow_with_time(
    venue: Program,
) -> None:
    clock = Clock(venue, "2030-03-04T10:20")
    app = CompanionApp(venue, clock=clock)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p", "home")
        await settle(pilot)
        shown = [row.split()[1] for row in drawn_rows(app)]
        assert shown[:3] == ["WORKSHOP", "A2", "B2"]  # on since 09:00, and on now
        assert "A1" not in shown and "B1" not in shown  # over at 09:45 and 10:15
        assert "2 past items hidden" in everything_drawn(app)
        clock.set(app, "2030-03-04T10:50")  # A2 and B2 end at 10:45
        await settle(pilot)
        shown = [row.split()[1] for row in drawn_rows(app)]
        assert shown[:2] == ["WORKSHOP", "A3"]
        assert "4 past items hidden" in everything_drawn(app)
        clock.set(app, "2030-03-04T17:31")  # the workshop is over; the Closing is on
        await settle(pilot)
        assert [row.split()[1] for row in drawn_rows(app)] == ["Closing"]
        clock.set(app, "2030-03-04T17:36")  # a Closing without an end is over in 5 minutes
        await settle(pilot)
        assert "Closing" not in flat(drawn_rows(app))


def footer(app: CompanionApp) -> str:
    return drawn_lines(app.screen.query_one("KeyFooter"))[0]


async def test_the_toggle_is_in_the_footer_the_help_and_the_palette(program: Program) -> None:
    """Offered once something is over (before, it would do nothing), and then everywhere."""
    clock = Clock(program, "2026-02-01T09:00")
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert " p Past " not in footer(app)
        await pilot.press("p")
        await settle(pilot)
        assert "hidden" not in everything_drawn(app)
        clock.set(app, "2026-02-01T16:30")
        await until(pilot, lambda: " p Past " in footer(app))
        await pilot.press("question_mark")
        await until(pilot, lambda: "Hide or show what is over" in everything_drawn(app))
        await pilot.press("escape")  # the help closes before the palette is asked
        await until(pilot, lambda: "Hide or show what is over" not in everything_drawn(app))
        await pilot.press("ctrl+p", *"hide past")
        await until(pilot, lambda: "Hide or show what is over" in everything_drawn(app))
        await pilot.press("enter")
        await until(pilot, lambda: "14 past items hidden · p to show" in everything_drawn(app))


# -- the banner and n at a multi-room event -----------------------------------------------


async def test_the_banner_and_n_lead_with_what_just_began_not_the_workshop(
    venue: Program,
) -> None:
    app = CompanionApp(venue, clock=Clock(venue, "2030-03-04T10:20"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert banner(app)[0] == "Now   10:15–10:45  3 talks at once: B2 (B); A2 (A) +1 more"
        await pilot.press("home", "n")
        await settle(pilot)
        assert table_of(app).selected_key == "b2"
        assert "WORKSHOP" not in flat(drawn_rows(app)[:NEAR_TOP])


@pytest.fixture
def a2_starred(venue: Program, data_dir: Path) -> CompanionApp:
    """The app at 10:20 on the first day, A2 starred beforehand (of three talks on now)."""
    store = Store.open(data_dir, venue.conference.id)
    store.star([venue.talk("a2")])
    store.close()
    return CompanionApp(venue, clock=Clock(venue, "2030-03-04T10:20"))


async def test_a_starred_talk_leads_the_banner_and_n_goes_to_it(a2_starred: CompanionApp) -> None:
    app = a2_starred
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert banner(app)[0] == "Now   10:00–10:45  3 talks at once: A2 (A); B2 (B) +1 more"
        assert table_of(app).selected_key == "a2"
        await pilot.press("home", "n")
        await settle(pilot)
        assert table_of(app).selected_key == "a2"
        assert_near_top(app, "A2")


async def test_unstarring_the_talk_the_cursor_followed_leaves_the_cursor_on_it(
    a2_starred: CompanionApp,
) -> None:
    """The cursor followed the starred headline at start; a star pressed there is the user
    acting on that row, so the cursor stays with it rather than chase the next headline."""
    app = a2_starred
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert table_of(app).selected_key == "a2"
        await pilot.press("s")
        await settle(pilot)
        assert "a2" not in app.starred
        assert banner(app)[0].startswith("Now   10:15–10:45")  # B2 leads now
        assert table_of(app).selected_key == "a2"
        assert any(row.startswith(" 10:00–10:45") and "A2" in row for row in drawn_rows(app))


# -- the Closing is a moment; a related event says so -------------------------------------


async def test_the_closing_is_not_now_at_19_00(program: Program) -> None:
    clock = Clock(program, "2026-02-01T17:22")
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert banner(app)[0] == "Now   17:20–       Closing"
        assert style_of(app, "Closing").underline  # drawn as on now
        clock.set(app, "2026-02-01T19:00")
        await settle(pilot)
        assert banner(app)[0] == "Today's program is over: nothing more to come."
        assert "Closing" not in flat(banner(app))
        await pilot.press("up")  # the cursor off the Closing, to see it as it is drawn
        await settle(pilot)
        assert not style_of(app, "Closing").underline
        clock.set(app, "2026-02-01T17:22")
        await settle(pilot)
        assert style_of(app, "Closing").underline


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_related_event_says_so_in_the_banner_and_its_row(
    program: Program, size: tuple[int, int]
) -> None:
    app = CompanionApp(program, clock=Clock(program, "2026-02-01T09:45"))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        now_line = banner(app)[0]
        assert now_line.startswith("Now   09:30–10:30  CC 2026 panel")
        assert now_line.endswith("(related event, not part of C4ML 2026)")  # kept when cut
        lines = [line.strip() for line in drawn_lines(table_of(app))]
        panel = next(i for i, line in enumerate(lines) if "CC 2026 panel" in line)
        assert lines[panel + 1] == "related event, not part of C4ML 2026"


async def test_an_imported_related_event_names_its_own_event(venue: Program) -> None:
    app = CompanionApp(venue, clock=Clock(venue, "2030-03-05T08:10"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert banner(app)[0].endswith("Neighbour panel (related event, not part of Rooms 2030)")
        assert "related event, not part of Rooms 2030" in flat(drawn_lines(table_of(app)))
