"""Reading program files: the bundled C4ML 2026 program or a native file given by path.

Only documents not yet known to be valid go through validation (and pydantic).
Every failure becomes a `ProgramError` whose message is one line naming the
file and what is wrong, so the CLI can print it without a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from companion.program import Program

BUNDLED_PROGRAM = "c4ml-2026.json"
MAX_PROGRAM_BYTES = 32 * 1024 * 1024


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
    """A program file's bytes, refusing directories, missing files and oversized ones."""
    try:
        if path.stat().st_size > MAX_PROGRAM_BYTES:
            raise ProgramError(f"{path}: larger than {MAX_PROGRAM_BYTES // 2**20} MiB")
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ProgramError(f"{path}: is a directory, not a program file") from None
    except FileNotFoundError:
        raise ProgramError(f"{path}: no such file") from None
    except OSError as error:
        raise ProgramError(f"{path}: cannot read ({error.strerror})") from None
    return raw


def load_program(path: Path | None = None) -> Program:
    """Load the program at `path` in any supported format, or the bundled one when None."""
    if path is None:
        return read_valid(read_program_bytes(bundled_program_path()))
    from companion.importers import parse_any  # only pay for the importers when used

    return parse_any(read_program_bytes(path), str(path))[0]
