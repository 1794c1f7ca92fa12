"""Driving the TUI with Textual's pilot, and reading back what it draws."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App
from textual.geometry import Offset, Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from companion.program import Program
from companion.ui.app import CompanionApp
from companion.ui.screens.search import SearchScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.result_list import ResultList
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.programs import opened

AppFactory = Callable[..., CompanionApp]
SIZE = (80, 24)
PATIENCE = 300  # pauses of 50 ms: what `until` waits at most (a loaded machine took over 5 s)


def load(document: dict[str, Any]) -> Program:
    """A program document read as the app reads a program file."""
    return opened(document)


def text_of(app: CompanionApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def options_of(app: CompanionApp, selector: str) -> list[str | None]:
    listing = app.screen.query_one(selector, OptionList)
    return [listing.get_option_at_index(i).id for i in range(listing.option_count)]


def drawn_lines(widget: Widget) -> list[str]:
    """The lines the widget draws itself (not its children), as they reach the screen."""
    width, height = widget.outer_size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


def screen_lines(screen: Screen[Any]) -> list[str]:
    """What every widget on the screen draws, widget after widget."""
    return [
        line
        for widget in screen.query("*")
        if widget.region.overlaps(screen.region)
        for line in drawn_lines(widget)
    ]


def flat(lines: Iterable[str]) -> str:
    """Lines as one run of words: text wrapped at a space reads as it was written."""
    return " ".join(" ".join(lines).split())


def where_drawn(widget: Widget, text: str) -> Offset:
    """Where in the widget `text` is drawn last (the offset of its first letter)."""
    for y, line in reversed(list(enumerate(drawn_lines(widget)))):
        if text in line:
            return Offset(line.index(text), y)
    raise AssertionError(f"{text!r} is not drawn")


async def until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds, for work that ends in its own time."""
    for _ in range(PATIENCE):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


def notices(screen: Screen[Any]) -> list[str]:
    """The notifications drawn on the screen (with `run_test(notifications=True)`), each
    as its characters without spaces or border: a toast folds a long word, a path, anywhere."""
    return [
        "".join("".join(line.lstrip("▌").split()) for line in drawn_lines(toast))
        for toast in screen.query("Toast")
    ]


def notices_saying(screen: Screen[Any], text: str) -> int:
    """How many notifications on the screen say `text` (spaces aside)."""
    dense = "".join(text.split())
    return sum(dense in notice for notice in notices(screen))


def first_command(app: App[Any]) -> str:
    """The command palette's first (highlighted) command as drawn, or "" while it has none."""
    lines = [line.strip() for line in drawn_lines(app.screen.query_one("CommandList"))]
    return next((line for line in lines if line), "")


async def show_talk(pilot: Pilot[None], talk_id: str) -> None:
    """Open a talk's details as the app does, and let the screen settle."""
    app = pilot.app
    app.open_talk(talk_id)  # type: ignore[attr-defined]
    # current, on the talk and built: on a loaded machine one pause can come before that
    await until(
        pilot,
        lambda: (
            isinstance(screen := app.screen, TalkScreen)
            and screen.talk_id == talk_id
            and bool(screen.query("#talk-body"))
        ),
    )
    await pilot.pause()


async def move_schedule_to(pilot: Pilot[None], talk_id: str) -> None:
    """Walk the cursor with the arrow keys, from where it is, until it rests on `talk_id`."""
    table = pilot.app.screen.query_one(ScheduleTable)
    target = table.row_index(talk_id)
    for _ in range(table.row_count):
        if table.selected_key == talk_id:
            return
        here = table.row_index(str(table.selected_key))
        await pilot.press("down" if here < target else "up")
    raise AssertionError(f"{talk_id} not reachable")


async def search(pilot: Pilot[None], query: str) -> list[str]:
    await pilot.press("slash")
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    for character in query:
        await pilot.press("space" if character == " " else character)
    await pilot.pause()
    return result_ids(pilot.app)


def result_ids(app: App[Any]) -> list[str]:
    """The search results listed, as "talk:ID" or "person:ID", best first."""
    return list(app.screen.query_one("#search-results", ResultList).row_ids)


async def toasted(pilot: Pilot[Any], text: str) -> None:
    """Wait for a notification that shows `text` as typed (tests draw toasts when asked)."""
    await until(pilot, lambda: flat([text]) in flat(screen_lines(pilot.app.screen)))


async def settled(pilot: Pilot[Any]) -> None:
    """Wait for the work the app does at a quiet moment after start-up (the search index,
    then the talk screen's styles read ahead), which changes the rules every screen is
    styled with."""
    sources = pilot.app.stylesheet.source
    await until(pilot, lambda: any(path.endswith("talk.tcss") for path, _ in sources))


async def every_talk_starred(pilot: Pilot[Any], program: Program) -> None:
    """Star every talk and show Starred, once it draws its now-line."""
    app = pilot.app
    assert isinstance(app, CompanionApp)
    for talk in program.talks:
        app.toggle_star(talk.id)
    await pilot.press("3")
    await until(pilot, lambda: "now " in " ".join(screen_lines(app.screen)))
