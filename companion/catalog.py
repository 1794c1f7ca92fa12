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

import os
import stat
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from companion import kept_lines
from companion.collector import collector_paused
from companion.files import WriteError
from companion.kept_copy import find_kept, keep, kept_ids, kept_path, kept_talk_ids, read_kept
from companion.loading import (
    BUNDLED_ID,
    ProgramError,
    load_program,
    read_program_bytes,
)
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


# A program file at least this large is imported in a child process (`_import_apart`):
# one of 50,000 talks (95 MB of frab XML) would take the app's memory to 400 MB otherwise,
# while one of 10,000 (19 MB) stays far below it, and would take 0.16 s more to read back.
IMPORT_APART_BYTES = 32 * 1024 * 1024

PR_SET_PDEATHSIG = 1  # Linux's prctl option: a signal for the child when its parent ends

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


def open_program(spec: str | None) -> Opened:
    """The bundled program, a program file (kept for later), or a kept program by id."""
    if spec is None:
        return Opened(load_program())
    path = Path(spec).expanduser()
    if path.exists():
        return _open_file(path)
    if spec == BUNDLED_ID:
        return Opened(load_program())
    kept = None if "/" in spec else find_kept(spec)
    if kept is not None:
        return Opened(read_kept(kept))
    raise ProgramError(
        f"{spec}: no such file, and no kept program by that id (see `companion programs`)"
    )


def _open_file(path: Path) -> Opened:
    """A program file in any format, validated and kept under its id (see the module's doc)."""
    # Read by the import itself, which lets go of the bytes once they are parsed.
    read = partial(read_program_bytes, path)
    return _open_read(read, Source(str(path.resolve()), now()), size=_regular_size(path))


def _regular_size(path: Path) -> int | None:
    """The size of a regular file; None for anything else (a pipe may send any amount)."""
    with suppress(OSError):
        status = path.stat()
        if stat.S_ISREG(status.st_mode):
            return status.st_size
    return None


def open_document(
    raw: bytes, source: Source, *, as_id: str | None = None, same_as: Program | None = None
) -> Opened:
    """A program document from `source` in any format, validated and kept, with where it
    came from, under its own id, or under `as_id` (an update keeps the id its stars use).
    An update (`same_as`: the copy it replaces) that shares no talk with that copy is
    another conference, and refused: it would take the stars of this one."""
    return _open_read(lambda: raw, source, as_id, same_as, size=len(raw))


def _open_read(
    read: Callable[[], bytes],
    source: Source,
    as_id: str | None = None,
    same_as: Program | None = None,
    *,
    size: int | None,
) -> Opened:
    """`open_document`, of the bytes `read` gives (`size` of them, None: unknown): imported
    in a child process where there is `os.fork` (see `_import_apart`), unless they are too
    few for it to pay or other threads run (then, and elsewhere, in this process)."""
    if (
        not hasattr(os, "fork")
        or (size is not None and size < IMPORT_APART_BYTES)
        # The child would have this thread alone, and any lock another thread held (the
        # app's update of a subscribed program runs on a worker) held for ever.
        or threading.active_count() > 1
    ):
        return _import(read, source, as_id, same_as)[0]
    return _import_apart(partial(_import, read, source, as_id, same_as), source.location)


def _import_apart(importing: Callable[[], tuple[Opened, Document]], location: str) -> Opened:
    """What `importing` opens, run in a forked child, with the program read back as any later
    launch reads it: from the kept copy (from the pipe when it could not be kept).

    An import leaves Python's memory fragmented: at 50,000 talks, 186 MiB of arenas with 84
    in use, which the app's search index then grows beyond rather than reuses (the app's
    first launch peaked at 396 MiB, 26 above a launch from the kept copy; now at the same).
    The child's memory goes back to the system whole when it exits; reading the copy back
    costs 1.3 s of CPU at 50,000 talks. Its error is raised here as it was there, word for
    word; a child stopped by a signal (the out-of-memory killer) is one line, and the kept
    copy is left as it was or replaced whole (`write_atomic`). A program that could not be
    kept is read from the pipe while the child still holds it: the two together then take
    more memory than one import did, on that rare path alone."""
    import signal  # only imports need it

    # Ctrl+C waits while the child is made: one that came then interrupted Python's own
    # work after the fork in the child, which printed a traceback.
    unmasked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    parent = os.getpid()
    try:
        reading, writing = os.pipe()
        try:
            child = os.fork()
        except OSError:
            os.close(reading)
            os.close(writing)
            raise
    except OSError:  # no pipe or process to be had: imported here, as where there is no fork
        signal.pthread_sigmask(signal.SIG_SETMASK, unmasked)
        return importing()[0]
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        status = 1
        try:
            _end_with(parent)
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends it there and then
            signal.pthread_sigmask(signal.SIG_SETMASK, unmasked)
            os.close(reading)
            with open(writing, "wb") as out:
                _send_import(importing, out)
            status = 0
        finally:
            os._exit(status)  # nothing of the parent's (its buffers, atexit) runs twice
    os.close(writing)
    with open(reading, "rb") as pipe:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, unmasked)
            sent = _receive_import(pipe, location)
        except BaseException:  # Ctrl+C here alone (the terminal's reaches both): the child too
            with suppress(ProcessLookupError):
                os.kill(child, signal.SIGINT)
            os.waitpid(child, 0)
            raise
    status = os.waitpid(child, 0)[1]
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        hint = " (out of memory?)" if number == signal.SIGKILL else ""
        raise ProgramError(f"{location}: the import was stopped by {_signal_name(number)}{hint}")
    if isinstance(sent, Exception):
        raise sent
    program, rest = sent
    # Read once the child is gone, its memory with it.
    return Opened(read_kept(program) if isinstance(program, Path) else program, *rest)


def _end_with(parent: int) -> None:
    """In the child: ended with the process that forked it, however that one ends (a kill
    of the command, not only Ctrl+C, which reaches both), where Linux can say so; an import
    left running would keep a program after the command was stopped."""
    import ctypes
    import signal

    with suppress(OSError, AttributeError):  # not Linux: it finishes the import alone
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # it ended before that took hold
        os._exit(1)


def _signal_name(number: int) -> str:
    """SIGKILL, or "signal 40" for one Python has no name for (a real-time signal)."""
    import signal

    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _send_import(importing: Callable[[], tuple[Opened, Document]], pipe: BinaryIO) -> None:
    """In the child: what `importing` opened but its program, with where it was kept, or
    else (not kept: a read-only folder) its document's lines after it; or the error raised."""
    import pickle

    try:
        opened, document = importing()
    except Exception as error:  # a ProgramError, or anything else, for the parent to raise
        pickle.dump(error, pipe)
        return
    kept = kept_path(opened.program.conference.id) if opened.keep_error is None else None
    pickle.dump((kept, tuple(opened)[1:]), pipe)
    if kept is None:
        pipe.writelines(kept_lines.encode(document))


@collector_paused()  # a program sent whole is read as a kept copy is: see `read_kept`
def _receive_import(pipe: BinaryIO, location: str) -> Exception | tuple[Path | Program, Any]:
    """In the parent: what `_send_import` sent, with the program where it was sent too."""
    import pickle

    try:
        sent = pickle.load(pipe)
        if isinstance(sent, Exception):
            return sent
        kept, rest = sent
        if kept is not None:
            return kept, rest
        return Program(kept_lines.read_lines(pipe, location).document), rest
    except (EOFError, pickle.UnpicklingError, ProgramError):  # the child ended, cut short
        return ProgramError(f"{location}: the import ended unexpectedly")


@collector_paused()  # an import makes millions of objects and no cycle: see its doc
def _import(
    read: Callable[[], bytes],
    source: Source,
    as_id: str | None = None,
    same_as: Program | None = None,
) -> tuple[Opened, Document]:
    """The import itself, and the document it kept (or could not keep)."""
    from companion.importers.pipeline import validate_any  # only pay for them when used
    from companion.validation import canonical_document

    document, import_notes = validate_any(read, source.location)
    notes = tuple(import_notes)
    program = Program(document)
    if same_as is not None and _unrelated(program, (talk.id for talk in same_as.talks)):
        raise ProgramError(
            f"{source.location}: now serves another program ({program.conference.title}); "
            "not updated, and your copy and its stars are kept"
        )
    given = program.conference.id
    wanted, renamed_because = (as_id, None) if as_id else _own_id(program)
    if wanted != given:
        document["conference"]["id"] = wanted
        document = canonical_document(document, source.location)
        program = Program(document)
    kept = kept_path(program.conference.id)
    try:
        previous = read_source(kept)
    except SourceError:
        previous = None
    followed_from = previous.location if previous and previous.location != source.location else None
    try:
        kept_as = keep(document, program.conference.id)
    except WriteError as error:
        return Opened(program, None, str(error), renamed_because, notes), document
    opened = Opened(program, kept_as, None, renamed_because, notes, followed_from)
    try:
        write_source(kept, source)
    except SourceError as error:
        return opened._replace(source_error=str(error)), document
    return opened, document


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
    kept = find_kept(program_id)
    if kept is None:
        return False
    try:
        earlier = kept_talk_ids(kept)
    except ProgramError:
        return False  # unreadable: replacing it loses nothing that can be read
    return _unrelated(program, earlier)


def _unrelated(program: Program, other: Iterable[str]) -> bool:
    """Two programs with talks (`other`: the other's talk ids), none in common: two
    conferences, not two versions."""
    ids = {talk.id for talk in program.talks}
    other_ids = set(other)
    return bool(ids) and bool(other_ids) and ids.isdisjoint(other_ids)


def list_programs() -> tuple[list[ProgramEntry], list[str]]:
    """Every program the user has, and a line for each kept file that no longer reads."""
    bundled = load_program()
    entries = {bundled.conference.id: _entry(bundled, None)}
    problems = []
    for program_id in kept_ids():
        path = find_kept(program_id)
        if path is None:  # not a regular file
            continue
        try:
            program = read_kept(path)
        except ProgramError as error:
            problems.append(str(error))
            continue
        if program.conference.id == BUNDLED_ID:  # a copy kept before loaded ones were renamed
            continue
        # Read from `ID.json`, it was kept as `ID.jsonl` too, which the next open reads.
        path = find_kept(program_id) or path
        try:
            source = read_source(path)
        except SourceError as error:
            problems.append(str(error))
            source = None
        entries[program.conference.id] = _entry(program, path, source)
    return sorted(entries.values(), key=lambda e: (e.start_date, e.id)), problems
