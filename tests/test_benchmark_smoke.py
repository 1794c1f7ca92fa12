"""The benchmark script keeps working: run it at tiny sizes (timings are not asserted here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_in_smoke_mode(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--smoke"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(table) == 12  # the heading and eleven measures
    for measure in (
        "bare Textual app",
        "bundled C4ML program",
        "from the kept copy",
        "search per keystroke",
        "star toggle",
        ".ics export",
        "peak memory",
    ):
        assert any(measure in line for line in table), measure
