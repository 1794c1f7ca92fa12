"""The programs a user has: the bundled one and every program they loaded, kept for offline use.

`--program` takes a file (native, frab XML, c3voc JSON or iCalendar), which is then kept
in the data directory in the native format, or the id of a kept program (a URL is fetched
by `companion.subscription`, then kept the same way). Each kept copy remembers where it
came from (`companion.sources`).

A program's id names its kept copy and the store of its stars, so a loaded program never
takes the bundled program's id: one that says it is c4ml-2026 (an edited copy, a later
version) is kept as c4ml-2026-loaded, and loading the same file again keeps its stars.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from companion import kept_lines
from companion.collector import collector_paused
from companion.files import WriteError, write_atomic
from companion.loading import (
    BUNDLED_ID,
    ProgramError,
    load_program,
    read_program_bytes,
    read_valid,
)
from companion.paths import data_dir
from companion.program import Program
from companion.records import Document
from companion.sources import Source, SourceError, now, read_source, write_source

if TYPE_CHECKING:
    from companion.importers.fields import ImportNote


class ProgramEntry(NamedTuple):
    id: str
    name: str
    title: str
    start_date: date
    end_date: date
    talks: int
    path: Path | None  # None for the bundled program
    source: str | None = None  # the file or URL it was loaded from, when known
    fetched: datetime | None = None  # when it was last read from there


# The id of a loaded program that gives the bundled program's.
LOADED_BUNDLED_ID = f"{BUNDLED_ID}-loaded"


class Opened(NamedTuple):
    program: Program
    kept_as: Path | None = None  # where a newly loaded program was kept, if it was
    keep_error: str | None = None  # why it could not be kept, if it could not
    # Why the program was kept under another id than the one its file gives, if it was.
    renamed_because: str | None = None
    # The events the import adjusted or skipped; None when no file was read (a kept copy).
    import_notes: tuple[ImportNote, ...] | None = None
    followed_from: str | None = None  # the file or URL it was kept from until now, if other
    source_error: str | None = None  # kept, but where it came from could not be recorded


def programs_dir() -> Path:
    return data_dir() / "programs"


def _entry(program: Program, path: Path | None, source: Source | None = None) -> ProgramEntry:
    conference = program.conference
    return ProgramEntry(
        conference.id,
        conference.name,
        conference.title,
        conference.start_date,
        conference.end_date,
        len(program.talks),
        path,
        source.location if source else None,
        source.fetched if source else None,
    )


def kept_path(program_id: str) -> Path:
    return programs_dir() / f"{program_id}.json"


def _checksum_path(kept: Path) -> Path:
    return kept.with_name(f"{kept.name}.sha256")


def _checksum_line(digest: str, kept: Path) -> str:
    """As `sha256sum` writes it, so `sha256sum -c` can check a kept copy too."""
    return f"{digest}  {kept.name}\n"


def _sha256(pieces: Iterable[bytes]) -> str:
    import hashlib  # only kept copies need it, not the bundled program

    hasher = hashlib.sha256()
    for piece in pieces:
        hasher.update(piece)
    return hasher.hexdigest()


def _file_sha256(path: Path) -> str | None:
    """The SHA-256 of a regular file's bytes (None for anything else: a FIFO would hang)."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            return _sha256(iter(lambda: handle.read(1024 * 1024), b""))
    except OSError:
        return None


def _recorded_checksum(kept: Path) -> str | None:
    try:
        return _checksum_path(kept).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def keep(canonical: str, conference_id: str) -> Path | None:
    """Save a validated program's canonical text (in the layout of `companion.kept_lines`),
    with the checksum that lets it be read later without validating again. Returns where
    (None when the kept copy was already the same); raises WriteError.
    """
    target = kept_path(conference_id)
    document = json.loads(canonical)
    digest = _sha256(kept_lines.encode(document))
    checksum = _checksum_line(digest, target)
    changed = _file_sha256(target) != digest
    if changed:
        _write_kept(document, target)
    elif _recorded_checksum(target) != checksum:
        write_atomic(checksum, _checksum_path(target), overwrite=True)
    return target if changed else None


def _write_kept(document: Document, kept: Path) -> None:
    """Replace the kept copy, then its checksum, each in one piece (raises WriteError);
    the copy is written a line at a time, never as one string."""
    import hashlib

    hasher = hashlib.sha256()

    def hashed_lines() -> Iterator[bytes]:
        for line in kept_lines.encode(document):
            hasher.update(line)
            yield line

    write_atomic(hashed_lines(), kept, overwrite=True)
    write_atomic(_checksum_line(hasher.hexdigest(), kept), _checksum_path(kept), overwrite=True)


def read_kept(kept: Path) -> Program:
    """A kept program: read as is when its checksum shows it is the copy that was validated
    (fast: no pydantic), otherwise validated again like any other file. A copy in the
    layout of earlier versions (one JSON document) is rewritten in today's when read."""
    with collector_paused():
        return _read_kept(kept)


def _read_kept(kept: Path) -> Program:
    handle = kept_lines.open_lines(kept)
    if handle is None:
        return _read_single_document(kept)
    with handle:
        copy = kept_lines.read_lines(handle, str(kept))
    document = copy.document
    if _recorded_checksum(kept) == _checksum_line(copy.digest, kept) and copy.clean:
        return Program(document)
    return _validated(json.dumps(document, ensure_ascii=False).encode(), kept)


def _read_single_document(kept: Path) -> Program:
    """A kept copy as earlier versions wrote it, rewritten in today's layout once read."""
    raw = read_program_bytes(kept)
    if _recorded_checksum(kept) != _checksum_line(_sha256([raw]), kept) or (
        kept_lines.holds_control(raw)
    ):
        return _validated(raw, kept)
    # Each form let go once the next is made: the bytes, their text and the parsed
    # document were each alive to the end before, together most of the peak memory
    # at 50,000 talks.
    text = raw.decode("utf-8")
    del raw
    document = json.loads(text)
    del text
    with suppress(WriteError):  # left as it was, to be read the slower way next time
        _write_kept(document, kept)
    return Program(document)


def _validated(raw: bytes, kept: Path) -> Program:
    """A kept copy that is not provably the one validated, validated again and kept as
    validation leaves it, so that next time it is read as is."""
    from companion.validation import validate_native

    canonical = validate_native(raw, str(kept))
    del raw
    with suppress(WriteError):
        _write_kept(json.loads(canonical), kept)
    return read_valid(canonical)


def open_program(spec: str | None) -> Opened:
    """The bundled program, a program file (kept for later), or a kept program by id."""
    if spec is None:
        return Opened(load_program())
    path = Path(spec).expanduser()
    if path.exists():
        return _open_file(path)
    if spec == BUNDLED_ID:
        return Opened(load_program())
    kept = kept_path(spec)
    if "/" not in spec and kept.is_file():
        return Opened(read_kept(kept))
    raise ProgramError(
        f"{spec}: no such file, and no kept program by that id (see `companion programs`)"
    )


def _open_file(path: Path) -> Opened:
    """A program file in any format, validated and kept under its id (see the module's doc)."""
    return open_document(read_program_bytes(path), Source(str(path.resolve()), now()))


def open_document(
    raw: bytes, source: Source, *, as_id: str | None = None, same_as: Program | None = None
) -> Opened:
    """A program document from `source` in any format, validated and kept, with where it
    came from, under its own id, or under `as_id` (an update keeps the id its stars use).
    An update (`same_as`: the copy it replaces) that shares no talk with that copy is
    another conference, and refused: it would take the stars of this one."""
    from companion.importers.pipeline import validate_any  # only pay for them when used
    from companion.validation import validate_document

    canonical, import_notes = validate_any(raw, source.location)
    notes = tuple(import_notes)
    program = read_valid(canonical)
    if same_as is not None and _unrelated(program, same_as):
        raise ProgramError(
            f"{source.location}: now serves another program ({program.conference.title}); "
            "not updated, and your copy and its stars are kept"
        )
    given = program.conference.id
    wanted, renamed_because = (as_id, None) if as_id else _own_id(program)
    if wanted != given:
        document = json.loads(canonical)
        document["conference"]["id"] = wanted
        canonical = validate_document(document, source.location)
        program = read_valid(canonical)
    kept = kept_path(program.conference.id)
    try:
        previous = read_source(kept)
    except SourceError:
        previous = None
    followed_from = previous.location if previous and previous.location != source.location else None
    try:
        kept_as = keep(canonical, program.conference.id)
    except WriteError as error:
        return Opened(program, None, str(error), renamed_because, notes)
    opened = Opened(program, kept_as, None, renamed_because, notes, followed_from)
    try:
        write_source(kept, source)
    except SourceError as error:
        return opened._replace(source_error=str(error))
    return opened


def _own_id(program: Program) -> tuple[str, str | None]:
    """The id to keep a newly loaded program under, and why it is not the file's own: a
    program never takes the bundled program's id, nor that of another program kept before
    (one with no talk in common: two conferences whose files derive the same id), which
    would mix their stars. A later version of the same program shares talks, and its id."""
    given = program.conference.id
    if given == BUNDLED_ID:
        return LOADED_BUNDLED_ID, f"{BUNDLED_ID} is the bundled program's id"
    candidate, number = given, 1
    while _another_program(candidate, program):
        number += 1
        candidate = f"{given}-{number}"
    if candidate == given:
        return given, None
    return candidate, f"{given} is another program you kept"


def _another_program(program_id: str, program: Program) -> bool:
    kept = kept_path(program_id)
    if not kept.is_file():
        return False
    try:
        earlier = read_kept(kept)
    except ProgramError:
        return False  # unreadable: replacing it loses nothing that can be read
    return _unrelated(program, earlier)


def _unrelated(program: Program, other: Program) -> bool:
    """Two programs with talks, none in common: two conferences, not two versions."""
    ids = {talk.id for talk in program.talks}
    return bool(ids) and bool(other.talks) and ids.isdisjoint(t.id for t in other.talks)


def list_programs() -> tuple[list[ProgramEntry], list[str]]:
    """Every program the user has, and a line for each kept file that no longer reads."""
    bundled = load_program()
    entries = {bundled.conference.id: _entry(bundled, None)}
    problems = []
    for path in sorted(programs_dir().glob("*.json")):
        if path.name.endswith(".source.json"):
            continue
        try:
            program = read_kept(path)
        except ProgramError as error:
            problems.append(str(error))
            continue
        if program.conference.id == BUNDLED_ID:  # a copy kept before loaded ones were renamed
            continue
        try:
            source = read_source(path)
        except SourceError as error:
            problems.append(str(error))
            source = None
        entries[program.conference.id] = _entry(program, path, source)
    return sorted(entries.values(), key=lambda e: (e.start_date, e.id)), problems
