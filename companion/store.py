"""The user's stars and notes, one SQLite file per conference.

SQLite gives what a starred list needs without hand-written locking: every
change is one short transaction (no read-modify-write), so two terminals
starring at once both keep their stars, and a process killed mid-write leaves
the last committed state. How the file is judged, created and set aside is
`companion.store_file`'s business; rows damaged in ways SQLite cannot see are
skipped or kept without their damaged parts here, and listed in `Store.damaged`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from companion.program import Talk
from companion.store_file import (
    Garbled,
    StoreError,
    connect,
    exists,
    initialise,
    open_file,
    reason,
)
from companion.text import safe_line, strip_controls

__all__ = ["NoteSaved", "StarRecord", "Store", "StoreError", "store_exists", "store_path"]

#: SQLite's own measure of a full write-ahead log: 1,000 pages of 4 KiB.
FULL_LOG_BYTES = 4_096_000


class StarRecord(NamedTuple):
    """A star, with the talk as it was when the user last saw it.

    A damaged stored copy leaves the star standing: an unreadable title reads as the
    talk id, and an unreadable place or time (None) means a move cannot be told.
    """

    talk_id: str
    starred_at: datetime | None
    title: str
    place: str | None  # the talk's `where`: its session's title, else its room or track
    start: datetime | None
    end: datetime | None


class NoteSaved(NamedTuple):
    """The note as saved; `conflict` when it had changed elsewhere and both were kept."""

    text: str
    conflict: bool


def store_exists(data_dir: Path, conference_id: str) -> bool:
    """Whether the user has a store for this conference yet (StoreError: a file stands
    where the data folder should be)."""
    return exists(store_path(data_dir, conference_id))


def store_path(data_dir: Path, conference_id: str) -> Path:
    return data_dir / f"{conference_id}.sqlite3"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Stars and notes of one conference. Open with `Store.open` or `Store.read`."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None,
        *,
        refusal: str | None = None,
        moved_aside: Path | None = None,
    ) -> None:
        self._db = connection
        self.path = path  # None for a store kept in memory only
        self._refusal = refusal  # why it cannot be written, None when it can
        self.read_only = refusal is not None
        self.moved_aside = moved_aside
        # One line per damaged row, found once on opening.
        self.damaged = self._read_stars()[1] + self._read_notes()[1]
        self._writes = 0  # transactions begun on this connection
        self._stars_read: tuple[tuple[int, int], list[StarRecord]] | None = None

    # -- opening --------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, conference_id: str) -> Store:
        """Open (creating if needed) the store; read-only when it cannot be written now, and
        then empty when there is nothing to read yet.

        Raises StoreError when the store can be neither written nor read.
        """
        path = store_path(data_dir, conference_id)
        try:
            connection, moved_aside = open_file(path, conference_id, writing=True)
        except StoreError as cannot_write:
            return cls._reading(path, conference_id, str(cannot_write))
        return cls(connection or _empty(conference_id), path, moved_aside=moved_aside)

    @classmethod
    def read(cls, data_dir: Path, conference_id: str) -> Store:
        """The store for reading only: nothing is created or written, and when there is
        nothing to read yet, an empty one. Raises StoreError when it cannot be read."""
        path = store_path(data_dir, conference_id)
        return cls._reading(path, conference_id, f"{path} is open for reading")

    @classmethod
    def _reading(cls, path: Path, conference_id: str, refusal: str) -> Store:
        connection, moved_aside = open_file(path, conference_id, writing=False)
        return cls(
            connection or _empty(conference_id), path, refusal=refusal, moved_aside=moved_aside
        )

    @classmethod
    def in_memory(cls, conference_id: str, copy_of: Store | None = None) -> Store:
        """A store that lasts as long as the process, for when nothing can be saved."""
        if copy_of is None:
            return cls(_empty(conference_id), None)
        connection = connect(None)
        copy_of._db.backup(connection)
        return cls(connection, None)

    def close(self) -> None:
        self._db.close()

    # -- the write-ahead log ----------------------------------------------------

    def hold_checkpoints(self) -> None:
        """Commits no longer copy a full write-ahead log into the store (SQLite does so in
        the commit that fills it, with two disk flushes that can take a star 0.6 s while
        other programs write): whoever holds them runs `checkpoint` elsewhere, when
        `log_is_full`. Closing the store copies the log in all the same."""
        self._db.execute("PRAGMA wal_autocheckpoint = 0")

    def log_is_full(self) -> bool:
        """Whether the write-ahead log has grown to where SQLite would copy it in itself."""
        if self.path is None:
            return False
        try:
            size = Path(f"{self.path}-wal").stat().st_size
        except OSError:
            return False
        return size >= FULL_LOG_BYTES

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the store, on a connection of its own, so another
        thread can do it while the app goes on writing. A checkpoint that cannot run now
        (the store busy, a disk error) is left for the next one."""
        if self.path is None:
            return
        with suppress(sqlite3.Error), closing(connect(self.path)) as connection:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # -- stars ----------------------------------------------------------------

    def starred_ids(self) -> set[str]:
        return {record.talk_id for record in self.stars()}

    def stars(self) -> list[StarRecord]:
        """Every star whose talk id is readable, in time order as last seen.

        Read from the file again only once it may have changed (a visit to Starred and the
        sync every few seconds read them, and they seldom change in between): after a
        write through this store, or a commit by any other connection, which SQLite counts
        in `data_version`."""
        with self._failing_read():
            (changes,) = self._db.execute("PRAGMA data_version").fetchone()
            version = (self._writes, changes)
            if self._stars_read is None or self._stars_read[0] != version:
                self._stars_read = (version, self._read_stars()[0])
        return list(self._stars_read[1])

    def star(self, talks: Iterable[Talk]) -> None:
        """Star `talks`; starring a starred talk keeps its first star time."""
        self.change_stars(star=talks, unstar=(), notes={})

    def unstar(self, talk_ids: Iterable[str]) -> None:
        self.change_stars(star=(), unstar=talk_ids, notes={})

    def change_stars(
        self, *, star: Iterable[Talk], unstar: Iterable[str], notes: Mapping[str, str]
    ) -> None:
        """Star and unstar talks, and add notes to talks that have none, all or nothing
        (an import of someone's stars): a note the user has is never overwritten."""
        with self._transaction() as db:
            db.executemany("DELETE FROM stars WHERE talk_id = ?", [(i,) for i in unstar])
            db.executemany(
                "INSERT INTO stars (talk_id, starred_at, title, place, start, end)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (talk_id) DO NOTHING",
                [(talk.id, _now(), *_seen(talk)) for talk in star],
            )
            db.executemany(
                "INSERT INTO notes (talk_id, text, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (talk_id) DO NOTHING",
                [(i, strip_controls(t), _now()) for i, t in notes.items() if t.strip()],
            )

    def mark_seen(self, talks: Iterable[Talk]) -> None:
        """Record that the user has seen these starred talks as they are now.

        Only a courtesy: when it cannot be saved now (read-only, a full disk), the moves
        stay flagged until it can, and listing them goes on.
        """
        seen = [(*_seen(talk), talk.id) for talk in talks]
        if not seen:  # each visit to Starred asks, mostly with nothing moved
            return
        with suppress(StoreError), self._transaction() as db:
            db.executemany(
                "UPDATE stars SET title = ?, place = ?, start = ?, end = ? WHERE talk_id = ?", seen
            )

    # -- notes ----------------------------------------------------------------

    def note(self, talk_id: str) -> str:
        with self._failing_read():
            return _note_of(self._db, talk_id)

    def notes(self) -> dict[str, str]:
        with self._failing_read():
            return self._read_notes()[0]

    def set_note(self, talk_id: str, text: str, *, expected: str | None = None) -> NoteSaved:
        """Set the note of a talk; an empty or blank text removes it.

        With `expected` (the note as this writer last saw it), a note changed elsewhere
        meanwhile is not overwritten: both texts are kept, the other one first.
        """
        text = strip_controls(text)
        with self._transaction() as db:
            current = _note_of(db, talk_id)
            conflict = expected is not None and current not in (expected, text)
            if conflict:
                text = "\n\n".join(part for part in (current, text) if part.strip())
            if text.strip():
                db.execute(
                    "INSERT INTO notes (talk_id, text, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (talk_id) DO UPDATE SET text = excluded.text,"
                    " updated_at = excluded.updated_at",
                    (talk_id, text, _now()),
                )
            else:
                db.execute("DELETE FROM notes WHERE talk_id = ?", (talk_id,))
        return NoteSaved(text, conflict)

    # -- reminders ------------------------------------------------------------

    def claim_reminder(self, talk: Talk) -> bool:
        """Record that the reminder of `talk` at its start time fires now: False when it has
        fired already (here, in another process, or before a restart). A talk that moves
        gets a reminder at its new time. Raises StoreError when it cannot be recorded."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO reminders (talk_id, start, fired_at) VALUES (?, ?, ?)"
                " ON CONFLICT (talk_id, start) DO NOTHING",
                (talk.id, talk.start.astimezone(UTC).isoformat(), _now()),
            )
            return cursor.rowcount == 1

    # -- internals ------------------------------------------------------------

    @contextmanager
    def _failing_read(self) -> Iterator[None]:
        """A read that fails now (a drive unplugged, an I/O error) is a StoreError too."""
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(f"cannot read {self.path}: {reason(error)}") from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self._refusal is not None:
            raise StoreError(self._refusal)
        self._writes += 1  # what was read before may be out of date from here on
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError(f"cannot save to {self.path}: {reason(error)}") from None

    def _read_stars(self) -> tuple[list[StarRecord], list[str]]:
        """The readable stars, and a line for each damaged one."""
        records, damaged = [], []
        rows = self._db.execute(
            "SELECT rowid, talk_id, starred_at, title, place, start, end FROM stars ORDER BY start"
        )
        for rowid, talk_id, starred_at, title, place, start, end in rows:
            if not _text(talk_id):
                damaged.append(f"skipped a star whose talk id is unreadable (row {rowid})")
                continue
            parts = (
                _moment(starred_at),
                _text(title),
                _text(place),
                _moment(start),
                _moment(end),
            )
            lost = [name for name, part in zip(_STAR_PARTS, parts, strict=True) if part is None]
            starred, seen_title, seen_place, seen_start, seen_end = parts
            record = StarRecord(
                talk_id,
                starred,
                safe_line(seen_title or talk_id),  # a copy of program text: shown, never obeyed
                seen_place and safe_line(seen_place),
                seen_start,
                seen_end,
            )
            if lost:
                unreadable = ", ".join(lost)
                damaged.append(f"kept the star on {talk_id!r} without its unreadable {unreadable}")
            records.append(record)
        return records, damaged

    def _read_notes(self) -> tuple[dict[str, str], list[str]]:
        """The readable notes, and a line for each damaged one."""
        notes, damaged = {}, []
        for rowid, talk_id, text in self._db.execute("SELECT rowid, talk_id, text FROM notes"):
            if not _text(talk_id):
                damaged.append(f"skipped a note whose talk id is unreadable (row {rowid})")
            elif not isinstance(text, str):
                damaged.append(f"skipped the note on {talk_id!r}: its text is unreadable")
            else:
                if isinstance(text, Garbled):
                    damaged.append(f"the note on {talk_id!r} has unreadable characters, shown as �")
                notes[talk_id] = strip_controls(text)
        return notes, damaged


_STAR_PARTS = ("star time", "title", "place", "start time", "end time")


def _empty(conference_id: str) -> sqlite3.Connection:
    """A new store in memory."""
    connection = connect(None)
    initialise(connection, conference_id)
    return connection


def _text(value: object) -> str | None:
    """Stored text if it is intact, else None."""
    return value if isinstance(value, str) and not isinstance(value, Garbled) else None


def _moment(value: object) -> datetime | None:
    """A stored time if it is intact (ISO 8601 with an offset), else None."""
    text = _text(value)
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment and moment.tzinfo else None


def _note_of(db: sqlite3.Connection, talk_id: str) -> str:
    """A note as it may be shown: a pasted escape sequence is not kept (see `set_note`)."""
    row = db.execute("SELECT text FROM notes WHERE talk_id = ?", (talk_id,)).fetchone()
    return strip_controls(row[0]) if row and isinstance(row[0], str) else ""


def _seen(talk: Talk) -> tuple[str, str, str, str]:
    return talk.title, talk.where, talk.start.isoformat(), talk.end.isoformat()
