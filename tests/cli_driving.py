"""Calling the command line in-process, as `companion ARGS` would run, capturing its output."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from typing import NamedTuple

from companion.cli import run


class Ran(NamedTuple):
    """What a command did: the same three fields as `subprocess.CompletedProcess`."""

    returncode: int
    stdout: str
    stderr: str


def call_cli(*args: str) -> Ran:
    """Run `companion ARGS` in this process: its output and its exit status.

    The data directory is the test's own (the autouse `data_dir` fixture sets it in the
    environment, which the command line reads on every call).
    """
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = run(list(args))
    return Ran(status, out.getvalue(), err.getvalue())


def assert_clean_error(result: Ran | object, *fragments: str) -> None:
    """Exit 2, one line on stderr naming the problem, no traceback."""
    assert result.returncode == 2, result  # type: ignore[union-attr]
    stderr: str = result.stderr  # type: ignore[union-attr]
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("companion: error: ")
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0]
