"""The benchmark script keeps working: run it at tiny sizes (timings are not asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_in_smoke_mode(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--smoke", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == 28  # the heading and twenty-seven measures
    rows = json.loads(lines[-1])
    assert len(rows) == len(table) - 1
    for measure in (
        "bare Textual app",
        "bundled C4ML program",
        "typing into a bare Textual Input",
        "search keystroke",
        "star toggle",
        "star toggle on talk details",
        "page down",
        "open talk details",
        "switch screens",
        "from the kept copy",
        ".ics export",
        "peak memory",
        "cost per talk",
        "first launch",
        "its file opened again",
    ):
        assert any(measure in line for line in table), measure
    for row in rows:  # every row with a target says whether it was met
        assert row["met"] in (True, False) or row["target"] in ("baseline", "reported")
        if row["met"] is not None:
            assert ("met" if row["met"] else "MISSED") in next(
                line for line in table if row["measure"] in line
            )
