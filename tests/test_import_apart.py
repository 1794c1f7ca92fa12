"""A program file that is not a small regular file (here a FIFO: a pipe may send any amount)
is imported in a child process (`companion.catalog._import_apart`): the command line says
and does what an import in its own process does, and a child that is stopped is one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from companion.kept_copy import programs_dir
from tests.cli_driving import assert_clean_error
from tests.conftest import FIXTURES, run_cli

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not Path("/proc/self/task").is_dir(),
    reason="imports apart where there is os.fork; children are found in /proc",
)

FOSDEMISH = (FIXTURES / "fosdemish.xml").read_text(encoding="utf-8")
_FIRST_EVENT = FOSDEMISH[FOSDEMISH.index("<event ") : FOSDEMISH.index("</event>") + 8]
PROGRAMS = {
    "taken as given": FOSDEMISH,
    "with an event repeated": FOSDEMISH.replace(_FIRST_EVENT, _FIRST_EVENT * 2, 1),
    "not well-formed": FOSDEMISH[: len(FOSDEMISH) // 2],
    "not a program": '{"neither": "frab, c3voc nor iCalendar"}',
}
WAIT_SECONDS = 20.0


@contextmanager
def fifo_sending(fifo: Path, content: str | None) -> Iterator[Path]:
    """`fifo`, made, and a writer that sends `content` once the program opens it (None:
    no writer, the import waits)."""
    os.mkfifo(fifo)

    def send(text: str) -> None:
        with suppress(BrokenPipeError), fifo.open("w", encoding="utf-8") as out:
            out.write(text)

    writer = threading.Thread(target=send, args=(content,), daemon=True)
    if content is not None:
        writer.start()
    try:
        yield fifo
    finally:
        if writer.is_alive():  # never opened for reading: let the writer's open return
            reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            writer.join(WAIT_SECONDS)
            os.close(reader)


def same_outcome(
    monkeypatch: pytest.MonkeyPatch, content: str, *args: str, full_disk: bool = False
) -> None:
    """`companion --program FILE ARGS` says and does the same, word for word, whether FILE
    is a FIFO (imported in a child) or a regular file (imported in the process), each into
    a data directory of its own."""
    folder = Path(os.environ["COMPANION_DATA_DIR"])
    ran = {}
    for way in ("apart", "in-process"):
        place = folder / way
        place.mkdir(parents=True)
        monkeypatch.setenv("COMPANION_DATA_DIR", str(place / "data"))
        path = place / "schedule.xml"
        if way == "apart":
            with fifo_sending(path, content):
                result = run_cli("--program", str(path), *args, full_disk=full_disk)
        else:
            path.write_text(content, encoding="utf-8")
            result = run_cli("--program", str(path), *args, full_disk=full_disk)
        ran[way] = (result.returncode, result.stdout, result.stderr.replace(str(place), "FOLDER"))
    assert ran["apart"] == ran["in-process"]


@pytest.mark.parametrize("content", PROGRAMS.values(), ids=PROGRAMS.keys())
def test_an_import_apart_says_and_keeps_what_one_in_process_does(
    monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    same_outcome(monkeypatch, content, "talks")


def test_an_import_apart_lists_what_it_adjusted(monkeypatch: pytest.MonkeyPatch) -> None:
    same_outcome(monkeypatch, PROGRAMS["with an event repeated"], "check")


def test_a_program_that_cannot_be_kept_is_still_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child sends the program itself, as it cannot leave it in a kept copy."""
    same_outcome(monkeypatch, FOSDEMISH, "talks", full_disk=True)


def import_started(tmp_path: Path) -> tuple[subprocess.Popen[str], int]:
    """`companion --program FIFO about` started, its import waiting for a writer: the
    process and the child that imports."""
    fifo = tmp_path / "schedule.xml"
    os.mkfifo(fifo)
    started = subprocess.Popen(
        [sys.executable, "-m", "companion", "--program", str(fifo), "about"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,
    )
    children = Path(f"/proc/{started.pid}/task/{started.pid}/children")
    deadline = time.monotonic() + WAIT_SECONDS
    while started.poll() is None and time.monotonic() < deadline:
        with suppress(OSError):
            if found := children.read_text().split():
                return started, int(found[0])
        time.sleep(0.01)  # polling for the child, not a wait for anything to happen
    started.kill()
    raise AssertionError(f"no child imported: {started.communicate()}")


STOPPING = {
    signal.SIGKILL: "SIGKILL (out of memory?)",
    signal.SIGRTMIN + 6: f"signal {signal.SIGRTMIN + 6}",  # one Python has no name for
}


@pytest.mark.parametrize("stopping", STOPPING, ids=STOPPING.values())
def test_an_import_stopped_by_a_signal_is_one_line_and_keeps_nothing(
    tmp_path: Path, stopping: int
) -> None:
    """As the out-of-memory killer stops a child: nothing kept, the copy kept before as it
    was."""
    assert run_cli("--program", str(FIXTURES / "fosdemish.xml"), "about").returncode == 0
    before = {path.name: path.read_bytes() for path in programs_dir().iterdir()}
    started, child = import_started(tmp_path)
    os.kill(child, stopping)
    stdout, stderr = started.communicate(timeout=WAIT_SECONDS)
    result = subprocess.CompletedProcess(started.args, started.returncode, stdout, stderr)
    assert_clean_error(result, f"the import was stopped by {STOPPING[stopping]}")
    assert stdout == ""
    assert {path.name: path.read_bytes() for path in programs_dir().iterdir()} == before


@pytest.mark.parametrize("whom", ["the terminal's process group", "the process alone"])
def test_ctrl_c_during_an_import_apart_ends_both_quietly(tmp_path: Path, whom: str) -> None:
    started, child = import_started(tmp_path)
    if whom == "the process alone":
        os.kill(started.pid, signal.SIGINT)
    else:
        os.killpg(started.pid, signal.SIGINT)
    stdout, stderr = started.communicate(timeout=WAIT_SECONDS)
    assert (started.returncode, stdout, stderr) == (130, "", "")
    assert not Path(f"/proc/{child}").exists()  # reaped: not even a zombie left
    assert not programs_dir().exists()


def test_an_import_apart_ends_with_the_command(tmp_path: Path) -> None:
    """A command killed (not by Ctrl+C, which reaches both) takes its import with it: the
    rest of the program, sent after, is kept by no one."""
    started, child = import_started(tmp_path)
    sent = FOSDEMISH.encode()
    fifo = os.open(tmp_path / "schedule.xml", os.O_WRONLY)  # once the child reads it
    try:
        os.write(fifo, sent[: len(sent) // 2])
        os.kill(started.pid, signal.SIGTERM)
        assert started.wait(timeout=WAIT_SECONDS) == -signal.SIGTERM
        with suppress(BrokenPipeError):  # read by no one
            os.write(fifo, sent[len(sent) // 2 :])
    finally:
        os.close(fifo)
    deadline = time.monotonic() + WAIT_SECONDS
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.01)  # polling for the child's end, not a wait for anything to happen
    assert not running(child)
    assert not programs_dir().exists()


def running(pid: int) -> bool:
    """Whether the process runs still (not gone, nor ended and waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_no_import_is_forked_while_other_threads_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An update in the running app imports on a worker thread: a child forked there would
    hold for ever any lock another thread held. Such an import runs in its own process."""
    from companion.catalog import open_program

    forks: list[int] = []

    def no_fork() -> int:
        forks.append(1)
        raise OSError("not here")

    monkeypatch.setattr(os, "fork", no_fork)
    with fifo_sending(tmp_path / "schedule.xml", FOSDEMISH) as fifo:  # its writer is a thread
        opened = open_program(str(fifo))
    assert opened.program.conference.id == "devconf-2030"
    assert forks == []
