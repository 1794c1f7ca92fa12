"""The programs a user has: the bundled one and every program they loaded, kept for offline use.

`--program` takes a file (native, frab XML or c3voc JSON), which is then kept
in the data directory in the native format, or the id of a kept program.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from companion.files import WriteError, write_atomic
from companion.loading import ProgramError, load_program, parse_program, read_program_bytes
from companion.paths import data_dir
from companion.program import Program


@dataclass(frozen=True)
class ProgramEntry:
    id: str
    name: str
    title: str
    start_date: date
    end_date: date
    talks: int
    path: Path | None  # None for the bundled program


@dataclass(frozen=True)
class Opened:
    program: Program
    kept_as: Path | None = None  # where a newly loaded program was kept, if it was
    keep_error: str | None = None  # why it could not be kept, if it could not


def programs_dir() -> Path:
    return data_dir() / "programs"


def _entry(program: Program, path: Path | None) -> ProgramEntry:
    conference = program.conference
    return ProgramEntry(
        conference.id,
        conference.name,
        conference.title,
        conference.start_date,
        conference.end_date,
        len(program.talks),
        path,
    )


def keep(program: Program) -> Path | None:
    """Save a program in the native format under its conference id, if new or changed.

    Returns where it was saved (None when the kept copy was already the same);
    raises WriteError.
    """
    target = programs_dir() / f"{program.conference.id}.json"
    text = program.document.model_dump_json(by_alias=True, exclude_none=True, indent=1)
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return None
    write_atomic(text, target, overwrite=True)
    return target


def open_program(spec: str | None) -> Opened:
    """The bundled program, a program file (kept for later), or a kept program by id."""
    if spec is None:
        return Opened(load_program())
    path = Path(spec).expanduser()
    if path.exists():
        program = load_program(path)
        try:
            return Opened(program, kept_as=keep(program))
        except WriteError as error:
            return Opened(program, keep_error=str(error))
    kept = programs_dir() / f"{spec}.json"
    if "/" not in spec and kept.is_file():
        return Opened(parse_program(read_program_bytes(kept), str(kept)))
    bundled = load_program()
    if spec == bundled.conference.id:
        return Opened(bundled)
    raise ProgramError(
        f"{spec}: no such file, and no kept program by that id (see `companion programs`)"
    )


def list_programs() -> tuple[list[ProgramEntry], list[str]]:
    """Every program the user has, and a line for each kept file that no longer reads."""
    bundled = load_program()
    entries = {bundled.conference.id: _entry(bundled, None)}
    problems = []
    for path in sorted(programs_dir().glob("*.json")):
        try:
            program = parse_program(read_program_bytes(path), str(path))
        except ProgramError as error:
            problems.append(str(error))
            continue
        entries[program.conference.id] = _entry(program, path)
    return sorted(entries.values(), key=lambda e: (e.start_date, e.id)), problems
