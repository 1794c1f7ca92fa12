"""Shared fixtures: an isolated data directory for every test, the bundled program, the CLI."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.loading import load_program
from companion.paths import DATA_DIR_VARIABLE
from companion.program import Program


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data directory; nothing touches the user's."""
    path = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(path))
    yield path


@pytest.fixture(scope="session")
def program() -> Program:
    return load_program()


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m companion ARGS` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=cwd,
    )
