"""A program's kept copy on disk: its names, its checksum, writing it and reading it back.

Today's copy is `ID.jsonl` (JSON Lines: `companion.kept_lines`) with `ID.jsonl.sha256`
beside it. Versions before JSON Lines kept `ID.json` (one JSON document, with
`ID.json.sha256`), and they read only that name, trusting its checksum: so that going back
to one of them still finds a copy it can read, `ID.json` is read here but never written
or removed (one in JSON Lines, as the version just before this one kept it, is read by that
version). Which of the two is read: an earlier version updates `ID.json` only, this one
`ID.jsonl` only, and each time it writes `ID.jsonl` it notes the checksum `ID.json` had
(`ID.earlier.sha256`); `ID.json` is read when that checksum has changed since, meaning an
earlier version kept another copy. Files' times decide only for copies kept before the note.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from itertools import chain
from pathlib import Path

from companion import kept_lines
from companion.collector import collector_paused
from companion.files import WriteError, write_atomic
from companion.loading import read_program_bytes
from companion.paths import data_dir
from companion.program import Program
from companion.records import Document

KEPT_SUFFIX = ".jsonl"
EARLIER_SUFFIX = ".json"  # the name of versions before JSON Lines; read, never written
_SOURCE_SUFFIX = ".source.json"  # where it came from: `companion.sources`
_SEEN_SUFFIX = ".earlier.sha256"  # `ID.json`'s checksum when `ID.jsonl` was last written
_READ_BYTES = 1024 * 1024


def programs_dir() -> Path:
    return data_dir() / "programs"


def kept_path(program_id: str) -> Path:
    """Where a program is kept from now on (it may not be yet: see `find_kept`)."""
    return programs_dir() / f"{program_id}{KEPT_SUFFIX}"


def find_kept(program_id: str) -> Path | None:
    """The kept copy of a program to read, under either name; None if there is none."""
    today = kept_path(program_id)
    earlier = programs_dir() / f"{program_id}{EARLIER_SUFFIX}"
    if not _is_file(earlier):
        return today if _is_file(today) else None
    if not _is_file(today):
        return earlier
    seen = _read_text(_seen_path(today))
    if seen is None:  # kept before the note: the newer file (`ID.jsonl` on a tie)
        return earlier if _modified(earlier) > _modified(today) else today
    return earlier if _recorded_checksum(earlier) != seen else today


def _is_file(path: Path) -> bool:
    with suppress(OSError):
        return path.is_file()
    return False


def _modified(path: Path) -> int:
    with suppress(OSError):
        return path.stat().st_mtime_ns
    return 0


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _seen_path(today: Path) -> Path:
    return today.with_name(today.name.removesuffix(KEPT_SUFFIX) + _SEEN_SUFFIX)


def _note_earlier(today: Path) -> None:
    """Note the checksum `ID.json` has as `ID.jsonl` is written (see `find_kept`); a note
    that cannot be written leaves the files' times to decide."""
    recorded = _recorded_checksum(today.with_suffix(EARLIER_SUFFIX))
    seen = _seen_path(today)
    with suppress(OSError, WriteError):
        if recorded is None:
            seen.unlink(missing_ok=True)
        elif _read_text(seen) != recorded:
            write_atomic(recorded, seen, overwrite=True)


def kept_ids() -> list[str]:
    """The id of every program kept under either name, once each, in order."""
    ids = {path.name.removesuffix(KEPT_SUFFIX) for path in programs_dir().glob(f"*{KEPT_SUFFIX}")}
    for path in programs_dir().glob(f"*{EARLIER_SUFFIX}"):
        if not path.name.endswith(_SOURCE_SUFFIX):
            ids.add(path.name.removesuffix(EARLIER_SUFFIX))
    return sorted(ids)


def _checksum_path(kept: Path) -> Path:
    return kept.with_name(f"{kept.name}.sha256")


def _checksum_line(digest: str, kept: Path) -> str:
    """As `sha256sum` writes it, so `sha256sum -c` can check a kept copy too."""
    return f"{digest}  {kept.name}\n"


def _recorded_checksum(kept: Path) -> str | None:
    return _read_text(_checksum_path(kept))


def _hashed(pieces: Iterable[bytes], update: Callable[[bytes], object]) -> Iterator[bytes]:
    for piece in pieces:
        update(piece)
        yield piece


def keep(canonical: Document, conference_id: str) -> Path | None:
    """Save a validated program's canonical document (in the layout of `companion.kept_lines`),
    with the checksum that lets it be read later without validating again. Returns where
    (None when the kept copy was already the same); raises WriteError. The document is
    encoded once, compared with the copy as it goes: the same file loaded again is not
    written again."""
    import hashlib  # only kept copies need it, not the bundled program

    target = kept_path(conference_id)
    hasher = hashlib.sha256()
    lines = _hashed(kept_lines.encode(canonical), hasher.update)
    changed = _unless_held(lines, target)
    if changed is not None:
        write_atomic(changed, target, overwrite=True)
    else:
        with suppress(OSError):  # for copies kept before `_note_earlier`: see `find_kept`
            os.utime(target)
    checksum = _checksum_line(hasher.hexdigest(), target)
    if changed is not None or _recorded_checksum(target) != checksum:
        write_atomic(checksum, _checksum_path(target), overwrite=True)
    _note_earlier(target)
    return target if changed is not None else None


def _unless_held(lines: Iterator[bytes], path: Path) -> Iterator[bytes] | None:
    """`lines`, unless the regular file at `path` holds exactly them (None then, every line
    taken). Those found in the file already are read back from it to be written."""
    try:
        held = path.open("rb") if path.is_file() else None
    except OSError:
        held = None
    if held is None:
        return lines
    with held:
        same = 0
        for line in lines:
            if held.read(len(line)) != line:
                return chain(_head(path, same), [line], lines)
            same += len(line)
        if held.read(1):
            return _head(path, same)
    return None


def _head(path: Path, size: int) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while size > 0 and (piece := handle.read(min(size, _READ_BYTES))):
            size -= len(piece)
            yield piece


def _write_kept(document: Document, kept: Path) -> None:
    """Replace the kept copy, then its checksum, each in one piece (raises WriteError);
    the copy is written a line at a time, never as one string."""
    import hashlib

    hasher = hashlib.sha256()
    write_atomic(_hashed(kept_lines.encode(document), hasher.update), kept, overwrite=True)
    write_atomic(_checksum_line(hasher.hexdigest(), kept), _checksum_path(kept), overwrite=True)
    _note_earlier(kept)


def read_kept(kept: Path) -> Program:
    """A kept program (under either name): read as is when its checksum shows it is the
    copy that was validated (fast: no pydantic), otherwise validated again like any other
    file. Raises ProgramError, leaving the copy as it is, when it does not validate."""
    with collector_paused():
        return _read_kept(kept)


def kept_talk_ids(kept: Path) -> set[str]:
    """The ids of a kept program's talks (see `kept_lines.talk_ids`), without the program
    itself where the copy is provably the one validated, in today's layout; any other copy
    is read as `read_kept` reads it. Raises ProgramError when it does not read."""
    handle = kept_lines.open_lines(kept)
    if handle is not None:
        with handle:
            found = kept_lines.talk_ids(handle, str(kept))
        checked = _recorded_checksum(kept) == _checksum_line(found.digest, kept)
        if checked and found.clean and found.whole:
            return found.ids
    return {talk.id for talk in read_kept(kept).talks}


def _read_kept(kept: Path) -> Program:
    handle = kept_lines.open_lines(kept)
    if handle is None:
        return _read_single_document(kept)
    with handle:
        copy = kept_lines.read_lines(handle, str(kept))
    checked = _recorded_checksum(kept) == _checksum_line(copy.digest, kept)
    if not (checked and copy.clean and copy.whole):
        raw = json.dumps(copy.document, ensure_ascii=False).encode()
        return _kept_as_read(json.loads(_validated(raw, kept)), kept)
    if kept.suffix == KEPT_SUFFIX:
        return Program(copy.document)
    return _kept_as_read(copy.document, kept)


def _read_single_document(kept: Path) -> Program:
    """A kept copy as versions before JSON Lines wrote it."""
    import hashlib

    raw = read_program_bytes(kept)
    digest = hashlib.sha256(raw).hexdigest()
    proven = _recorded_checksum(kept) == _checksum_line(digest, kept)
    if proven and not kept_lines.holds_control(raw):
        text = raw.decode("utf-8")
    else:
        text = _validated(raw, kept)
    # Each form let go once the next is made: the bytes, their text and the parsed
    # document were each alive to the end before, together most of the peak memory
    # at 50,000 talks.
    del raw
    document = json.loads(text)
    del text
    return _kept_as_read(document, kept)


def _validated(raw: bytes, kept: Path) -> str:
    """A kept copy that is not provably the one validated, validated again: its canonical
    text, kept as such (`_kept_as_read`), so that next time it is read as is."""
    from companion.validation import validate_native

    return validate_native(raw, str(kept))


def _kept_as_read(document: Document, kept: Path) -> Program:
    """The program of a copy just read from `kept`, kept first under today's name in today's
    layout. A copy under the earlier name is left as it is, for the earlier version that
    kept it. Nothing is said when writing fails (a full disk, a folder that is read-only):
    the copy read stays as it was, and is read the slower way next time."""
    with suppress(WriteError):
        _write_kept(document, kept.with_suffix(KEPT_SUFFIX))
    return Program(document)
