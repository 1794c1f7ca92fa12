"""The bundled program ships in the wheel and loads from a plain (non-editable) install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_the_program_and_runs_from_an_install(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = wheels.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert "companion/data/c4ml-2026.json" in archive.namelist()
        stylesheets = {
            path.relative_to(ROOT).as_posix() for path in (ROOT / "companion").rglob("*.tcss")
        }
        assert "companion/ui/app.tcss" in stylesheets
        assert stylesheets <= set(archive.namelist())  # each screen reads its own when shown
        assert "companion/cli/web_page/app_index.html" in archive.namelist()  # `serve`'s page
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import companion, json, sys; from companion.cli import run; "
            "print(companion.__file__, file=sys.stderr); sys.exit(run(['talks', '--json']))",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=elsewhere,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().startswith(str(target))
    assert len(json.loads(result.stdout)) == 10
