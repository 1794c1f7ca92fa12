"""Render the README screenshots (SVG) headlessly: `python scripts/screenshots.py`."""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from companion.clock import fixed_clock, parse_moment
from companion.loading import load_program
from companion.paths import DATA_DIR_VARIABLE
from companion.ui.app import CompanionApp

ASSETS = Path(__file__).resolve().parent.parent / "assets"
MOMENT = "2026-02-01T14:20"


async def main() -> None:
    os.environ[DATA_DIR_VARIABLE] = tempfile.mkdtemp()  # never the user's own stars
    program = load_program()
    clock = fixed_clock(parse_moment(MOMENT, program.conference.zone))
    app = CompanionApp(program, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.save_screenshot("screenshot.svg", path=str(ASSETS))


if __name__ == "__main__":
    asyncio.run(main())
