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


def test_core_and_cli_import_without_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_TEXTUAL, *CORE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert '"magellan"' in result.stdout
