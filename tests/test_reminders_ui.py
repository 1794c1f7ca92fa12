"""Reminders while the app is open: drawn once as the clock reaches them, also not again
after a restart; the bell; the terminal's desktop notification only where it has one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from companion.clock import parse_moment
from companion.desktop_notice import Osc, detect, notice_sequence
from companion.program import Program
from companion.store import Store
from companion.ui.app import CompanionApp
from tests.driving import AppFactory, flat, screen_lines, toasted
from tests.programs import opened, t, venue_program

TERMINAL_VARIABLES = ("TERM", "TERM_PROGRAM", "TMUX", "STY", "KITTY_WINDOW_ID", "VTE_VERSION")


@pytest.fixture
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A terminal the companion knows nothing of: no desktop notification."""
    for name in TERMINAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    return monkeypatch


def star(data_dir: Path, program: Program, *talk_ids: str) -> None:
    store = Store.open(data_dir, program.conference.id)
    store.star(program.talk(talk_id) for talk_id in talk_ids)
    store.close()


def drawn(pilot: Pilot[None]) -> str:
    return flat(screen_lines(pilot.app.screen))


async def at(pilot: Pilot[None], program: Program, moment: str) -> None:
    pilot.app.now = parse_moment(moment, program.conference.zone)  # type: ignore[attr-defined]
    await pilot.pause()


class Terminal:
    """What the app sends the terminal besides its frames: bells and escape sequences."""

    def __init__(self, app: CompanionApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.bells = 0
        self.written: list[str] = []
        monkeypatch.setattr(app, "bell", self.ring)
        monkeypatch.setattr(app, "write_to_terminal", self.written.append)

    def ring(self) -> None:
        self.bells += 1


async def test_a_reminder_fires_once_as_the_clock_runs_and_not_after_a_restart(
    make_app: AppFactory, data_dir: Path, program: Program, plain_terminal: pytest.MonkeyPatch
) -> None:
    star(data_dir, program, "magellan", "xtc")
    app = make_app("2026-02-01T15:50")
    terminal = Terminal(app, plain_terminal)
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        assert "Starred talk soon" not in drawn(pilot)  # 10 minutes before: not yet
        await at(pilot, program, "2026-02-01T15:56")
        await toasted(pilot, "≈16:00 in 4 min: Magellan:")
        assert "Optimization & Analysis" in drawn(pilot)  # where it is (its session)
        await at(pilot, program, "2026-02-01T15:57")
        await at(pilot, program, "2026-02-01T15:59")
        assert drawn(pilot).count("Starred talk soon") == 1
        assert "in 3 min" not in drawn(pilot) and "in 1 min" not in drawn(pilot)
        assert terminal.bells == 1
        assert terminal.written == []  # a terminal with no desktop notification of its own

    again = make_app("2026-02-01T15:58")  # the same data dir, a new process
    terminal = Terminal(again, plain_terminal)
    async with again.run_test(notifications=True) as pilot:
        await at(pilot, program, "2026-02-01T16:49")
        await toasted(pilot, "in 4 min: XTC")  # the next one fires...
        assert drawn(pilot).count("Starred talk soon") == 1  # ...Magellan's, fired before, not
        assert terminal.bells == 1


@pytest.mark.parametrize(
    ("variables", "start"),
    [
        ({"TERM_PROGRAM": "iTerm.app"}, "\x1b]9;Starred talk soon: ≈16:00 in 4 min: Magellan"),
        ({"TERM": "foot"}, "\x1b]777;notify;Starred talk soon;≈16:00 in 4 min: Magellan"),
    ],
)
async def test_a_desktop_notification_where_the_terminal_shows_one(
    make_app: AppFactory,
    data_dir: Path,
    program: Program,
    plain_terminal: pytest.MonkeyPatch,
    variables: dict[str, str],
    start: str,
) -> None:
    for name, value in variables.items():
        plain_terminal.setenv(name, value)
    star(data_dir, program, "magellan")
    app = make_app("2026-02-01T15:56")
    terminal = Terminal(app, plain_terminal)
    async with app.run_test(notifications=True) as pilot:
        await toasted(pilot, "in 4 min: Magellan")
        [sequence] = terminal.written
        assert sequence.startswith(start) and sequence.endswith("\x07")
        assert sequence.count("\x1b") == 1 and sequence.count("\x07") == 1


async def test_a_hostile_title_cannot_break_out_of_the_notification(
    make_app: AppFactory, plain_terminal: pytest.MonkeyPatch
) -> None:
    document = venue_program()
    document["talks"][1]["title"] = "A1\x07\x1b]0;owned\x07;x\x9c\x1b[2J"
    program = opened(document)
    plain_terminal.setenv("TERM_PROGRAM", "WezTerm")
    app = make_app(t("08:57"), on=program)
    terminal = Terminal(app, plain_terminal)
    async with app.run_test(notifications=True) as pilot:
        app.toggle_star("a1")
        await at(pilot, program, t("08:58"))
        await toasted(pilot, "09:00 in 2 min")
        [sequence] = terminal.written
        assert sequence.count("\x1b") == 1 and sequence.count("\x07") == 1
        assert "\x9c" not in sequence and "A1;x" in sequence


def test_which_terminals_get_which_sequence() -> None:
    assert detect({"TERM_PROGRAM": "iTerm.app"}) is Osc.NINE
    assert detect({"TERM_PROGRAM": "WezTerm"}) is Osc.NINE
    assert detect({"TERM": "xterm-kitty"}) is Osc.NINE
    assert detect({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}) is Osc.NINE
    assert detect({"TERM": "foot-extra"}) is Osc.SEVEN_SEVEN_SEVEN
    assert detect({"TERM": "rxvt-unicode-256color"}) is Osc.SEVEN_SEVEN_SEVEN
    assert detect({"TERM_PROGRAM": "ghostty", "TERM": "xterm-ghostty"}) is Osc.SEVEN_SEVEN_SEVEN
    assert detect({"TERM": "xterm-256color", "VTE_VERSION": "7600"}) is Osc.SEVEN_SEVEN_SEVEN
    assert detect({"TERM": "xterm-256color", "VTE_VERSION": "3800"}) is None  # printed it
    assert detect({"TERM": "xterm-256color", "WT_SESSION": "x"}) is None
    assert detect({"TERM_PROGRAM": "Apple_Terminal"}) is None
    assert detect({"TERM_PROGRAM": "vscode", "VTE_VERSION": "7600"}) is None
    assert detect({"TERM": "linux"}) is None
    assert detect({"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "VTE_VERSION": "7600"}) is None
    assert detect({"TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/tmux-0/default"}) is None
    assert detect({}) is None


def test_the_sequences_carry_text_only() -> None:
    assert notice_sequence(Osc.NINE, "T", "a\x1b]2;x\x07b") == "\x1b]9;T: ab\x07"
    assert notice_sequence(Osc.SEVEN_SEVEN_SEVEN, "T;1", "b;2") == "\x1b]777;notify;T,1;b;2\x07"
