"""Sharing from My day: the share dialog draws a QR code a reader decodes back to the
code, and the import dialog previews a code or a file, then merges or replaces."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from companion.program import Program
from companion.share_code import make_code
from companion.ui.app import CompanionApp
from companion.ui.screens.import_stars import ImportStarsScreen
from companion.ui.screens.share import ShareScreen
from tests.cli_driving import call_cli
from tests.driving import SIZE, AppFactory, drawn_lines, first_command, flat, screen_lines, until
from tests.qr_reading import read_drawn

THEIRS = ["deeptools", "xtc"]


def drawn(app: CompanionApp) -> str:
    return flat(screen_lines(app.screen))


async def open_import(pilot: Pilot[None], typed: str) -> ImportStarsScreen:
    """My day's import dialog, with `typed` entered in it."""
    await pilot.press("3", "g")
    await until(pilot, lambda: isinstance(pilot.app.screen, ImportStarsScreen))
    screen = pilot.app.screen
    assert isinstance(screen, ImportStarsScreen)
    screen.query_one(Input).value = typed  # as pasted
    await pilot.press("enter")
    await pilot.pause()
    return screen


async def test_the_share_dialog_draws_a_qr_code_that_reads_back_as_the_code(
    make_app: AppFactory,
) -> None:
    call_cli("star", "magellan", "defeat-the-heap")
    code = call_cli("share", "--code").stdout.strip()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "h")
        await until(pilot, lambda: isinstance(app.screen, ShareScreen))
        await pilot.pause()
        assert read_drawn(drawn_lines(app.screen.query_one("#share-qr"))) == [code]
        assert code in drawn(app).replace(" ", "")
        assert "2 starred talks of C4ML 2026" in drawn(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, ShareScreen)


async def test_the_share_dialog_says_when_the_qr_code_does_not_fit(
    make_app: AppFactory,
) -> None:
    call_cli("star", "magellan")
    app = make_app()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("3", "h")
        await until(pilot, lambda: isinstance(app.screen, ShareScreen))
        await pilot.pause()
        assert "enlarge it to see the QR code" in drawn(app)
        assert not app.screen.query("#share-qr")


async def test_importing_a_code_previews_then_merges(
    make_app: AppFactory, program: Program
) -> None:
    call_cli("star", "magellan", "xtc")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, make_code(program, THEIRS))
        shown = drawn(app)
        assert "New stars (1): DeepTools" in shown
        assert "Already starred (1): XTC" in shown
        assert app.starred == {"magellan", "xtc"}  # nothing yet: only a preview
        await pilot.press("enter")  # Merge, the first way
        await until(pilot, lambda: not isinstance(app.screen, ImportStarsScreen))
        assert app.starred == {"magellan", "xtc", "deeptools"}
        await until(pilot, lambda: "DeepTools" in drawn(app))  # on My day


async def test_importing_a_file_can_replace_ones_stars(
    make_app: AppFactory, tmp_path: Path
) -> None:
    listed = tmp_path / "friends.txt"
    listed.write_text("\n".join(THEIRS) + "\n", encoding="utf-8")
    call_cli("star", "magellan", "xtc")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, str(listed))
        await pilot.press("down")  # Replace
        await until(pilot, lambda: "Unstarred (1): Magellan" in drawn(app))
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ImportStarsScreen))
        assert app.starred == set(THEIRS)
    stored = json.loads(call_cli("starred", "--json").stdout)
    assert sorted(star["id"] for star in stored) == sorted(THEIRS)


async def test_a_damaged_code_is_refused_in_the_dialog_and_changes_nothing(
    make_app: AppFactory, program: Program
) -> None:
    call_cli("star", "magellan")
    code = make_code(program, THEIRS)
    damaged = code[:10] + ("A" if code[10] != "A" else "B") + code[11:]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot, damaged)
        assert "The share code is damaged" in drawn(app)
        await pilot.press("enter")  # the ways stay shut: nothing to merge
        assert app.screen is screen
        await pilot.press("escape")
        assert app.starred == {"magellan"}


def _palette_offers(app: CompanionApp, command: str) -> bool:
    return first_command(app).startswith(command)


async def test_share_and_import_are_in_the_footer_and_the_palette(make_app: AppFactory) -> None:
    call_cli("star", "magellan")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        footer = drawn(app)
        assert "h Share" in footer
        assert "g Import" in footer
        for wanted in ("Share", "Import"):
            await pilot.press("ctrl+p")
            app.screen.query_one(Input).value = wanted
            await until(pilot, partial(_palette_offers, app, wanted))
            await pilot.press("escape")
