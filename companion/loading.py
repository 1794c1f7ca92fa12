"""Reading program files: their bytes, within limits, and documents known to be valid.

Only documents not yet known to be valid go through validation (and pydantic).
Every failure becomes a `ProgramError` whose message is one line naming the
file and what is wrong, so the CLI can print it without a traceback.
"""

from __future__ import annotations

import json
import os
import select
import stat
from pathlib import Path

from companion.program import Program

BUNDLED_ID = "c4ml-2026"
BUNDLED_PROGRAM = f"{BUNDLED_ID}.json"
MAX_PROGRAM_BYTES = 128 * 1024 * 1024
# How long a pipe, FIFO or device may send nothing before reading it is given up.
READ_TIMEOUT_SECONDS = 10.0
_CHUNK_BYTES = 1024 * 1024
# Non-blocking, so that opening a FIFO with no writer returns at once (Windows has neither
# FIFOs nor O_NONBLOCK, but needs O_BINARY).
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class ProgramError(Exception):
    """A program file could not be read or is not a valid program."""


def bundled_program_path() -> Path:
    """The bundled program: packaged data in a wheel, `assets/` in a checkout."""
    packaged = Path(__file__).resolve().parent / "data" / BUNDLED_PROGRAM
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "assets" / BUNDLED_PROGRAM


def read_valid(text: str | bytes) -> Program:
    """The program in a document known to be valid: the canonical text that validation
    produces, a kept copy whose checksum matches, or the bundled file (tests validate it).

    Plain JSON into plain records: no pydantic on the way to the first frame.
    """
    return Program(json.loads(text))


def read_program_bytes(path: Path) -> bytes:
    """A program file's bytes, refusing directories, missing files and anything over
    MAX_PROGRAM_BYTES, whatever the file is: a device such as /dev/zero or a pipe has no
    size to check beforehand, so at most one byte more than the cap is ever read.
    """
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        raise ProgramError(f"{path}: no such file") from None
    except OSError as error:
        raise ProgramError(f"{path}: cannot read ({error.strerror})") from None
    try:
        return _read_capped(descriptor, path)
    except OSError as error:
        raise ProgramError(f"{path}: cannot read ({error.strerror})") from None
    finally:
        os.close(descriptor)


def _read_capped(descriptor: int, path: Path) -> bytes:
    """Regular files are checked by size first; anything else (a pipe, a FIFO, a device) is
    waited for at most READ_TIMEOUT_SECONDS at a time, so one that never sends is given up."""
    status = os.fstat(descriptor)
    if stat.S_ISDIR(status.st_mode):
        raise ProgramError(f"{path}: is a directory, not a program file")
    regular = stat.S_ISREG(status.st_mode)
    if regular and status.st_size > MAX_PROGRAM_BYTES:
        raise _too_large(path)
    waiting = None if regular else _waiter(descriptor)
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_PROGRAM_BYTES:
        if waiting is not None and not waiting.poll(READ_TIMEOUT_SECONDS * 1000):
            raise ProgramError(
                f"{path}: nothing to read after {READ_TIMEOUT_SECONDS:g} seconds "
                "(a pipe or device that sends no data?)"
            )
        # A regular file in one read, so its bytes are not copied once more to join them
        # (at 50,000 talks, 100 MiB of the peak); anything else a chunk at a time.
        wanted = MAX_PROGRAM_BYTES + 1 - size
        try:
            chunk = os.read(descriptor, wanted if regular else min(_CHUNK_BYTES, wanted))
        except BlockingIOError:  # woken, but the data was gone: wait again
            continue
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_PROGRAM_BYTES:
        raise _too_large(path)
    return b"".join(chunks)


def _waiter(descriptor: int) -> select.poll | None:
    """Waits for a pipe, FIFO or device to have data (None where poll is missing: Windows)."""
    if not hasattr(select, "poll"):
        return None
    waiting = select.poll()
    waiting.register(descriptor, select.POLLIN)
    return waiting


def _too_large(path: Path) -> ProgramError:
    return ProgramError(f"{path}: larger than {MAX_PROGRAM_BYTES // 2**20} MiB")


def load_program() -> Program:
    """The bundled program (other programs are opened with `companion.catalog`)."""
    return read_valid(read_program_bytes(bundled_program_path()))
