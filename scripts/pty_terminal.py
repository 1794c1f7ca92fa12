"""Run a program in a pseudo-terminal and time what a person sees: key press to frame.

Everything the program writes goes through a terminal emulator (pyte), so a
measurement ends at the first frame after which the screen shows the new state.

A frame is a synchronized update (`ESC[?2026h` … `ESC[?2026l`); Textual wraps
its frames so only when the terminal says it supports them, so the terminal
here answers Textual's query for mode 2026 as a modern terminal does. Output
outside such a block (the first paint, written before the answer arrives)
counts as a frame at the end of each read.

While a key's effect is being awaited, only bytes, read times and the child's
CPU time are recorded; the emulator runs afterwards, so parsing never delays a
read and the timestamps are those of the reads.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyte

SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
SYNC_QUERY = b"\x1b[?2026$p"  # DECRQM: does the terminal support synchronized output?
SYNC_ANSWER = b"\x1b[?2026;2$y"  # supported, currently off
QUIET_SECONDS = 0.2  # no output and no CPU for this long: the program is idle
CPU_NOISE_SECONDS = 0.0005  # less CPU than this since the last output: idle all the same
POLL_SECONDS = 0.01
TIMEOUT_SECONDS = 120.0

Screen = tuple[str, ...]  # the characters on screen, a string a row
Expect = Callable[[Screen], bool]


class TerminalError(Exception):
    """The program did not reach the expected screen (the message shows what it drew)."""


@dataclass(frozen=True)
class Chunk:
    """One read from the terminal: when, the child's CPU seconds then, and the bytes."""

    at: float
    cpu: float
    data: bytes


@dataclass(frozen=True)
class Frame:
    at: float
    cpu: float
    screen: Screen


@dataclass(frozen=True)
class Response:
    """One key press: seconds to the first frame showing the new state, and CPU seconds
    of the program from the key to that frame and from that frame until idle."""

    seconds: float
    cpu_to_frame: float
    cpu_after_frame: float
    screen: Screen


class ThreadClocks:
    """User and system CPU of a process, every thread together, from the scheduler's
    nanosecond counters (/proc/PID/task/*/schedstat; /proc/PID/stat counts in 10 ms
    ticks). A thread that has ended keeps the time last read for it, so a worker that
    finishes between two readings does not make the total go back."""

    def __init__(self, pid: int) -> None:
        self._tasks = Path(f"/proc/{pid}/task")
        self._nanoseconds: dict[str, int] = {}

    def seconds(self) -> float:
        for task in self._tasks.iterdir():
            try:
                self._nanoseconds[task.name] = int((task / "schedstat").read_text().split()[0])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue  # a thread that ended between listing and reading
        return sum(self._nanoseconds.values()) / 1e9


def _memory_kib(pid: int | str, fields: tuple[str, ...], file: str = "status") -> int | None:
    """The sum of memory lines of /proc/PID/FILE, in KiB; None once the process has ended
    (a process that has ended but not been waited for has no memory lines)."""
    lines = _read_or_empty(Path(f"/proc/{pid}/{file}")).splitlines()
    found = [int(line.split()[1]) for line in lines if line.split(":")[0] in fields]
    return sum(found) if found else None


class TreeMemory:
    """The peak resident memory of a process together with the children it starts (the app
    imports a large program file in a forked child: `companion.catalog._import_apart`).

    A child's peak (VmHWM) is gone once it has ended, so each `sample` (every 10 ms) adds
    the peak so far of every living child to the memory the process has alone now (its
    private pages: those it shares with a forked child are in the child's peak already),
    and the largest sum is kept. The process waits, its memory flat, while its child
    imports; the sum is its memory and its child's together at the child's peak."""

    def __init__(self, pid: int) -> None:
        self._pid = pid
        self._peak_kib = 0

    def sample(self) -> None:
        children = [
            child
            for task in Path(f"/proc/{self._pid}/task").glob("*/children")
            for child in _read_or_empty(task).split()
        ]
        peaks = sum(_memory_kib(child, ("VmHWM",)) or 0 for child in children)
        if peaks:
            private = ("Private_Clean", "Private_Dirty")
            alone = _memory_kib(self._pid, private, "smaps_rollup") or 0
            self._peak_kib = max(self._peak_kib, alone + peaks)

    def peak_mib(self) -> float:
        own = _memory_kib(self._pid, ("VmHWM",))
        if own is None:
            raise TerminalError(f"no VmHWM for process {self._pid}")
        return max(own, self._peak_kib) / 1024


def _read_or_empty(path: Path) -> str:
    """The file's text; "" once its process has ended."""
    try:
        return path.read_text()
    except (FileNotFoundError, ProcessLookupError):
        return ""


def _held_back(data: bytes, marker: bytes) -> int:
    """How many bytes at the end of `data` could begin `marker`, cut off by the read."""
    return next((size for size in range(len(marker) - 1, 0, -1) if data.endswith(marker[:size])), 0)


class FrameSplitter:
    """Cuts what the program writes at frame ends: after each synchronized update, and at
    the end of each read outside one. A marker cut in two by a read (a large frame comes
    in reads of 4 KiB) is held back until the rest of it arrives."""

    def __init__(self) -> None:
        self.inside = False  # within a synchronized update
        self._pending = b""

    def split(self, read: bytes) -> Iterator[tuple[bytes, bool]]:
        """The read's bytes in pieces, each with whether a frame ends after it."""
        data, position, self._pending = self._pending + read, 0, b""
        while position < len(data):
            marker = SYNC_END if self.inside else SYNC_START
            found = data.find(marker, position)
            if found < 0:
                cut = len(data) - min(_held_back(data, marker), len(data) - position)
                self._pending = data[cut:]
                if cut > position:  # outside an update, each read ends a frame
                    yield data[position:cut], not self.inside
                return
            if self.inside:
                yield data[position : found + len(marker)], True
            elif found > position:
                yield data[position:found], True
            self.inside, position = not self.inside, found + len(marker)


class PtyProgram:
    """A program running in a pseudo-terminal of a fixed size, with TERM=xterm-256color."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        size: tuple[int, int],
        environment: Mapping[str, str],
        cwd: Path | None = None,
    ) -> None:
        self.columns, self.rows = size
        self._emulator = pyte.Screen(self.columns, self.rows)
        self._stream = pyte.ByteStream(self._emulator)
        self._splitter = FrameSplitter()
        self.synchronized_frames = 0
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.columns, 0, 0))
        self.started = time.perf_counter()
        self._process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**environment, "TERM": "xterm-256color", "COLUMNS": "", "LINES": ""},
            cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self._master = master
        self.pid = self._process.pid
        self._cpu = ThreadClocks(self.pid)
        self._memory = TreeMemory(self.pid)

    # -- reading ------------------------------------------------------------------------

    def _read(self, timeout: float) -> Chunk | None:
        ready, _, _ = select.select([self._master], [], [], timeout)
        if not ready:
            return None
        try:
            data = os.read(self._master, 1 << 16)
        except OSError:  # the program has ended and closed the terminal
            data = b""
        at = time.perf_counter()
        if not data:
            raise TerminalError(f"the program ended:\n{self.text()}")
        if SYNC_QUERY in data:
            os.write(self._master, SYNC_ANSWER)
        return Chunk(at, self._cpu.seconds(), data)

    def _collect(self, until: Callable[[list[Chunk]], bool], quiet: float) -> list[Chunk]:
        """Read until `until(chunks)` holds after `quiet` seconds without output and
        without CPU growth (a poll with a deadline, not a fixed sleep)."""
        chunks: list[Chunk] = []
        deadline = time.perf_counter() + TIMEOUT_SECONDS
        cpu = self._cpu.seconds()
        last_activity = time.perf_counter()
        while time.perf_counter() < deadline:
            chunk = self._read(POLL_SECONDS)
            now = time.perf_counter()
            if chunk is not None:
                chunks.append(chunk)
                cpu, last_activity = chunk.cpu, now
                continue
            self._memory.sample()  # every 10 ms without output: while a start-up imports
            current = self._cpu.seconds()
            if current - cpu > CPU_NOISE_SECONDS:
                cpu, last_activity = current, now
            if now - last_activity >= quiet and until(chunks):
                return chunks
        raise TerminalError(f"no expected screen within {TIMEOUT_SECONDS:.0f} s:\n{self.text()}")

    def _frames(self, chunks: Sequence[Chunk]) -> list[Frame]:
        frames: list[Frame] = []
        for chunk in chunks:
            for data, ends_frame in self._splitter.split(chunk.data):
                self._stream.feed(data)
                if ends_frame:
                    self.synchronized_frames += data.endswith(SYNC_END)
                    frames.append(Frame(chunk.at, chunk.cpu, self.screen()))
        return frames

    # -- what is on screen --------------------------------------------------------------

    def screen(self) -> Screen:
        return tuple(self._emulator.display)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self._emulator.display)

    # -- measuring ----------------------------------------------------------------------

    def first_frame(self, expect: Expect) -> float:
        """Seconds from launch to the end of the first frame that shows `expect`."""
        frames: list[Frame] = []
        parsed = 0

        def shown(chunks: list[Chunk]) -> bool:
            nonlocal parsed
            frames.extend(self._frames(chunks[parsed:]))
            parsed = len(chunks)
            return any(expect(frame.screen) for frame in frames)

        self._collect(shown, QUIET_SECONDS)
        first = next(frame for frame in frames if expect(frame.screen))
        return first.at - self.started

    def settle(self) -> None:
        """Wait until the program is idle, taking in whatever it draws meanwhile."""
        self._frames(self._collect(lambda chunks: True, QUIET_SECONDS))

    def _drain(self) -> None:
        """Take in what the program drew since it was last idle (a cursor's blink)."""
        chunks: list[Chunk] = []
        while chunk := self._read(0):
            chunks.append(chunk)
        self._frames(chunks)

    def press(self, key: bytes, expect: Expect) -> Response:
        """Press `key` (the program being idle, as every press and start leaves it); time
        it to the first frame that shows what the screen settles on, once the program is
        idle again and `expect` holds.

        The settled screen is the new state whatever it looks like, so a frame that
        shows only part of the change (the typed letter, not yet the results) does not
        count, and the check `expect` only guards against settling on the wrong screen."""
        self._drain()
        cpu_at_key = self._cpu.seconds()
        pressed = time.perf_counter()
        os.write(self._master, key)
        chunks = self._collect(lambda chunks: bool(chunks), QUIET_SECONDS)
        frames = self._frames(chunks)
        cpu_idle = self._cpu.seconds()
        settled = frames[-1].screen if frames else self.screen()
        if not frames or not expect(settled):
            raise TerminalError(f"after {key!r} the screen is not the expected one:\n{self.text()}")
        first = next(frame for frame in frames if frame.screen == settled)
        return Response(
            seconds=first.at - pressed,
            cpu_to_frame=first.cpu - cpu_at_key,
            cpu_after_frame=cpu_idle - first.cpu,
            screen=settled,
        )

    def peak_mib(self) -> float:
        """The peak resident memory of the program and any child it started (`TreeMemory`)."""
        return self._memory.peak_mib()

    def hang_up(self) -> None:
        """Close the terminal, as a terminal emulator that dies does, sending no signal."""
        os.close(self._master)
        self._master = -1

    def wait(self, timeout: float) -> int:
        """The program's exit status once it ends; subprocess.TimeoutExpired after `timeout`."""
        return self._process.wait(timeout=timeout)

    def close(self) -> None:
        if self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait(timeout=30)
        if self._master >= 0:
            os.close(self._master)
