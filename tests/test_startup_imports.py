"""What a start loads before its first frame: only what that frame needs.

Every module costs its start time to read and run, so what only another command, a
dialog or the command palette uses is imported when it is used; and the app, started
with options alone, builds no command's parser. Each check runs the
real command line in a fresh interpreter and reads `sys.modules` there: for the
full-screen app when its first screen is up, for a plain command when it is done.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Loaded by the commands, dialogs or palette that use them, never by a start that does not.
OTHER_COMMANDS = {
    "companion.star_import",  # import-stars, and the app's import dialog
    "companion.star_sources",
    "companion.share_code",  # share
    "companion.present.share",
    "companion.qr_text",
    "hashlib",
    "csv",
    "companion.reconcile",  # starred
    "companion.changes",  # update
    "companion.present.changes",
    "companion.importers.fields",  # check, and a notice after importing a file
    "companion.present.import_report",
    "companion.present.search",  # search
    "tomllib",  # a settings file, and there is none here
}
# What the app would load before its first frame only for the command palette, or to
# parse commands it was not given.
PALETTE = {"companion.ui.commands"}
COMMAND_PARSERS = {
    "companion.cli.commands",
    "companion.cli.browse",
    "companion.cli.export",
    "companion.export",  # its formats are the parser's choices
    "companion.cli.share",
    "companion.cli.stars",
    "companion.present.command_help",
}

FIRST_FRAME = """
import json, sys
from functools import partial

import companion.ui.app as ui
from companion.cli import run


async def report(pilot):
    print(json.dumps(sorted(sys.modules)))  # as the first screen is up, before any key
    pilot.app.exit()


# The app as `companion` starts it, headless, reporting once its first screen is up.
ui.run_app = partial(ui.run_app, headless=True, auto_pilot=report)
sys.exit(run(["--now", "2026-02-01T11:10"]))
"""

AFTER_COMMAND = """
import json, sys
from companion.cli import run

status = run(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
sys.exit(status)
"""


def loaded_by(code: str, *argv: str) -> set[str]:
    """The modules loaded by `code` in a fresh interpreter, as it printed them last."""
    result = subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    modules: list[str] = json.loads(result.stdout.splitlines()[-1])
    return set(modules)


def test_the_app_loads_before_its_first_frame_nothing_only_other_commands_use() -> None:
    loaded = loaded_by(FIRST_FRAME)
    assert "companion.ui.screens.schedule" in loaded  # the check itself saw the app start
    assert sorted((OTHER_COMMANDS | PALETTE | COMMAND_PARSERS) & loaded) == []


@pytest.mark.parametrize("argv", [["talks"], ["now", "--json"], ["about"]])
def test_a_browsing_command_loads_nothing_only_other_commands_use(argv: list[str]) -> None:
    loaded = loaded_by(AFTER_COMMAND, *argv)
    assert "companion.cli.browse" in loaded
    assert sorted(OTHER_COMMANDS & loaded) == []
