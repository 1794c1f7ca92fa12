"""What each screen looks like at 80x24 and 120x40, compared with reviewed SVG snapshots.

Update after a deliberate change with `pytest tests/test_snapshots.py --snapshot-update`,
then look at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from companion.program import Program
from companion.store import Store
from companion.ui.app import CompanionApp

SIZES = [(80, 24), (120, 40)]
SETTLE = "f24"  # a last key that nothing binds and no box types, so the screen settles
# Keys from the schedule (cursor on the talk now on, 16:30) to each screen.
SCREENS = {
    "schedule": [],
    "talk": ["enter"],
    "person": ["enter", "enter"],
    "speakers": ["2"],
    "starred": ["3"],
    "search": ["slash", "n", "g", "a", "n", "space", "v", "u"],
    "help": ["question_mark"],
    "about": ["i"],
    "export": ["3", "x"],
}


@pytest.fixture
def starred_app(
    make_app: Callable[..., CompanionApp],
    data_dir: Path,
    program: Program,
    monkeypatch: pytest.MonkeyPatch,
) -> CompanionApp:
    monkeypatch.setenv("HOME", "/home/attendee")  # the export dialog shows a path under it
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")
    store = Store.open(data_dir, program.conference.id)
    store.star([program.talk(talk_id) for talk_id in ("library-liberation", "magellan")])
    store.set_note("magellan", "Ask about the search budget")
    store.close()
    return make_app()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen(
    snap_compare: Callable[..., bool], starred_app: CompanionApp, screen: str, size: tuple[int, int]
) -> None:
    assert snap_compare(starred_app, press=[*SCREENS[screen], SETTLE], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_imported_multi_room_schedule(
    snap_compare: Callable[..., bool],
    make_app: Callable[..., CompanionApp],
    data_dir: Path,
    frab_program: Program,
    size: tuple[int, int],
) -> None:
    program = frab_program
    store = Store.open(data_dir, program.conference.id)
    store.star(
        program.talk(talk_id)
        for talk_id in (
            "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa",
            "0e5d2b6c-3333-4a8b-9c55-cccccccccccc",
        )
    )
    store.close()
    app = make_app("2030-02-02T10:10", on=program)
    assert snap_compare(app, press=[SETTLE], terminal_size=size)
