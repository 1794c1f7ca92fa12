"""The core knows nothing of Textual: the CLI commands and every core module run without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = [
    "model",
    "program",
    "loading",
    "clock",
    "agenda",
    "reminders",
    "store",
    "reconcile",
    "search",
    "render",
    "text",
    "paths",
    "cli",
]

BLOCK_TEXTUAL = """
import importlib, sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError("textual is blocked in this test")
sys.meta_path.insert(0, Blocker())
for module in sys.argv[1:]:
    importlib.import_module("companion." + module)
from companion.cli import run
sys.exit(run(["talks", "--json"]))
"""


def run_python(code: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter, so its imports are its own."""
    return subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_core_and_cli_import_without_textual() -> None:
    result = run_python(BLOCK_TEXTUAL, *CORE)
    assert result.returncode == 0, result.stderr
    assert '"magellan"' in result.stdout


NO_PYDANTIC = """
import sys
from companion.catalog import open_program
from companion.cli import run
import companion.ui.app
open_program(sys.argv[1] if len(sys.argv) > 1 else None)
run(["talks"])
assert "pydantic" not in sys.modules, "pydantic was imported"
"""


def test_starting_on_a_program_known_to_be_valid_needs_no_pydantic(
    data_dir: Path, tmp_path: Path
) -> None:
    """Validation (pydantic) costs a tenth of a second before the first frame; only files
    not yet checked pay it: not the bundled program, not a kept copy with its checksum."""
    fixture = str(Path(__file__).parent / "fixtures" / "fosdemish.xml")
    for argv in ([], [fixture], ["devconf-2030"]):  # bundled; an import (pays); its kept copy
        result = run_python(NO_PYDANTIC, *argv)
        if argv == [fixture]:
            assert "pydantic was imported" in result.stderr  # the check itself can fail
        else:
            assert result.returncode == 0, result.stderr
