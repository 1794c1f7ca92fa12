"""Hostile program files (issue 11): every refusal is one `companion: error:` line and exit
status 2, never a traceback, a hang or memory exhaustion; and times are read right."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES
from tests.test_cli import assert_clean_error

FRAB = FIXTURES / "fosdemish.xml"
C3VOC = FIXTURES / "congressish.json"

# The CLI with the reading limits of companion.loading set from the first two arguments.
PATCHED_CLI = """
import sys
from companion import loading
loading.READ_TIMEOUT_SECONDS = float(sys.argv.pop(1))
loading.MAX_PROGRAM_BYTES = int(sys.argv.pop(1))
from companion.__main__ import main
main()
"""
MEMORY_LIMIT = 1 << 30  # a runaway read fails fast instead of exhausting the machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_companion(
    *args: str,
    read_timeout: float = 10.0,
    max_bytes: int = 32 * 2**20,
    stdin: str | None = None,
    timeout: float = 30,
) -> subprocess.CompletedProcess[str]:
    """`companion ARGS` with a memory limit and the given reading limits."""
    return subprocess.run(
        [sys.executable, "-c", PATCHED_CLI, str(read_timeout), str(max_bytes), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        preexec_fn=_limit_memory,
    )


def test_dev_zero_is_refused_at_the_size_cap() -> None:
    """A device has no size to check: the read itself stops one byte past the cap."""
    result = run_companion("--program", "/dev/zero", "talks", max_bytes=2**20)
    assert_clean_error(result, "/dev/zero", "larger than 1 MiB")


def test_a_fifo_without_a_writer_is_refused_after_the_timeout(tmp_path: Path) -> None:
    fifo = tmp_path / "schedule.xml"
    os.mkfifo(fifo)
    result = run_companion("--program", str(fifo), "talks", read_timeout=0.2, timeout=20)
    assert_clean_error(result, str(fifo), "nothing to read after 0.2 seconds")


def test_a_pipe_over_the_cap_is_refused() -> None:
    result = run_companion(
        "--program", "/dev/stdin", "talks", max_bytes=1024, stdin=FRAB.read_text(encoding="utf-8")
    )
    assert_clean_error(result, "/dev/stdin", "larger than")


def test_a_program_from_a_pipe_loads() -> None:
    result = run_companion(
        "--program", "/dev/stdin", "talks", stdin=C3VOC.read_text(encoding="utf-8")
    )
    assert result.returncode == 0, result.stderr
    assert "Late Night Lightning Talks" in result.stdout
