"""Updating a subscribed program from the app: `U` fetches in the background, the
Changes screen lists what the update changed (starred first), and every screen shows the
new program; a failure is one notice and the program stays as it was."""

from __future__ import annotations

from pathlib import Path

from companion.catalog import open_program
from companion.clock import fixed_clock, parse_moment
from companion.program import Program
from companion.ui.app import CompanionApp
from tests.cli_driving import call_cli
from tests.driving import flat, screen_lines, toasted, until
from tests.local_server import Answer, Server
from tests.test_subscription import V2


def subscribed_app(server: Server, *starred: str) -> CompanionApp:
    assert call_cli("--program", server.url, "star", *starred).returncode == 0
    program = open_program("devconf-2030").program
    return CompanionApp(
        program, clock=fixed_clock(parse_moment("2030-02-02T09:00", program.conference.zone))
    )


def drawn(app: CompanionApp) -> str:
    return flat(screen_lines(app.screen))


async def test_u_shows_what_changed_starred_first_and_the_new_program(server: Server) -> None:
    app = subscribed_app(server, "104")
    server.answer = Answer(body=V2.encode(), headers={"ETag": '"v2"'})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert "Late Addition" not in drawn(app)
        await pilot.press("U")
        await until(pilot, lambda: "What the update changed" in drawn(app))
        lines = [line.strip("│ ") for line in screen_lines(app.screen)]
        changed = [line for line in lines if line.startswith(("★", "new", "changed"))]
        assert changed[0].startswith("★ cancelled  Tiling for Everyone")
        assert changed[1].startswith("new        Late Addition")
        assert changed[2].startswith("changed    MLIR in Production")
        await pilot.press("down", "enter")  # the second row that can be opened: MLIR
        await until(pilot, lambda: "Sat 02 Feb 2030 11:00–11:30" in drawn(app))
        await pilot.press("escape", "escape")
        await until(pilot, lambda: "11:00–11:30" in drawn(app) and "Tiling" not in drawn(app))
        await pilot.press("3")  # My day: the cancelled star is kept and said
        await until(pilot, lambda: "no longer in the program" in drawn(app))


async def test_a_failed_update_is_one_notice_and_nothing_changes(server: Server) -> None:
    app = subscribed_app(server, "103")
    server.answer = Answer(status=500, body=b"down")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("U")
        await toasted(pilot, "could not update devconf-2030")
        assert "HTTP 500" in drawn(app) and "MLIR in Production" in drawn(app)


async def test_not_modified_says_so(server: Server) -> None:
    app = subscribed_app(server, "103")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("U")
        await toasted(pilot, "The program has not changed")


async def test_a_program_not_kept_from_a_url_offers_no_update(program: Program) -> None:
    app = CompanionApp(program)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"update")
        await pilot.pause()
        assert "Fetch the program again" not in drawn(app)
        await pilot.press("escape", "U")
        await pilot.pause()
        assert "Updating" not in drawn(app)


async def test_the_palette_reaches_update(server: Server) -> None:
    app = subscribed_app(server, "103")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("ctrl+p", *"update", "enter")
        await toasted(pilot, "has not changed")


async def test_a_source_record_gone_meanwhile_is_a_notice(server: Server, data_dir: Path) -> None:
    app = subscribed_app(server, "103")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        (data_dir / "programs" / "devconf-2030.source.json").unlink()
        await pilot.press("U")
        await toasted(pilot, "not subscribed")
        assert "MLIR in Production" in drawn(app)


async def test_the_app_started_on_a_refreshed_url_shows_what_changed(server: Server) -> None:
    from companion.subscription import open_url

    assert call_cli("--program", server.url, "star", "104").returncode == 0
    server.answer = Answer(body=V2.encode(), headers={"ETag": '"v2"'})
    subscribed = open_url(server.url)  # what `companion --program URL` does before the app
    app = CompanionApp(subscribed.opened.program, updated=subscribed.updated)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "What the update changed" in drawn(app))
        assert "Tiling for Everyone" in drawn(app)
