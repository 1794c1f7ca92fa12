"""Reading program files: the bundled C4ML 2026 program or a native file given by path.

Every failure becomes a `ProgramError` whose message is one line naming the
file and what is wrong, so the CLI can print it without a traceback.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from companion.model import ProgramFile
from companion.program import Program

BUNDLED_PROGRAM = "c4ml-2026.json"
MAX_PROGRAM_BYTES = 32 * 1024 * 1024


class ProgramError(Exception):
    """A program file could not be read or is not a valid program."""


def bundled_program_path() -> Path:
    """The bundled program: packaged data in a wheel, `assets/` in a checkout."""
    packaged = resources.files("companion").joinpath("data", BUNDLED_PROGRAM)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "assets" / BUNDLED_PROGRAM


def describe_validation_error(error: ValidationError) -> str:
    """The first problem of a validation error as one line, with where it is."""
    problems = error.errors(include_url=False)
    first = problems[0]
    place = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]
    ).lstrip(".")
    message = first["msg"].removeprefix("Value error, ")
    line = f"{place}: {message}" if place else message
    if len(problems) > 1:
        line += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
    return line


def parse_program(text: str | bytes, source: str) -> Program:
    """Validate a native program document; `source` names it in error messages."""
    try:  # the fast path: pydantic's own JSON parser, straight into the models
        return Program(ProgramFile.model_validate_json(text))
    except ValidationError:
        pass  # parse again below, to say precisely what is wrong
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgramError(f"{source}: not valid JSON ({error})") from None
    except UnicodeDecodeError:
        raise ProgramError(f"{source}: not UTF-8 text") from None
    if not isinstance(data, dict):
        raise ProgramError(f"{source}: not a program (expected a JSON object)")
    try:
        document = ProgramFile.model_validate(data)
    except ValidationError as error:
        raise ProgramError(f"{source}: {describe_validation_error(error)}") from None
    return Program(document)


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
        return parse_program(read_program_bytes(bundled_program_path()), "bundled program")
    from companion.importers import parse_any  # only pay for the importers when used

    return parse_any(read_program_bytes(path), str(path))[0]
