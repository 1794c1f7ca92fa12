"""The user's stars and notes, one SQLite file per conference.

SQLite gives what a starred list needs without hand-written locking: every
change is one short transaction (no read-modify-write), so two terminals
starring at once both keep their stars, and a process killed mid-write leaves
the last committed state. A file that is not our store, or is corrupt, is
moved aside with a timestamp and a fresh store starts in its place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from companion.program import Talk

APPLICATION = "c4ml-companion-store"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stars (
    talk_id TEXT PRIMARY KEY,
    starred_at TEXT NOT NULL,
    -- The talk as the user last saw it, to tell them when the program moves it.
    title TEXT NOT NULL,
    session TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
    talk_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


class StoreError(Exception):
    """The store cannot be used as asked; the message is one line for the user."""


class StarRecord(NamedTuple):
    """A star, with the talk as it was when the user last saw it."""

    talk_id: str
    starred_at: datetime
    title: str
    session: str
    start: datetime
    end: datetime


def store_path(data_dir: Path, conference_id: str) -> Path:
    return data_dir / f"{conference_id}.sqlite3"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Stars and notes of one conference. Open with `Store.open`."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None,
        *,
        read_only: bool,
        moved_aside: Path | None = None,
    ) -> None:
        self._db = connection
        self.path = path  # None for a store kept in memory only
        self.read_only = read_only
        self.moved_aside = moved_aside

    # -- opening --------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, conference_id: str) -> Store:
        """Open (creating if needed) the store; read-only when the directory is not writable.

        Raises StoreError when the store can be neither written nor read.
        """
        path = store_path(data_dir, conference_id)
        moved_aside = None
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            if path.exists() and not _is_our_store(path, conference_id):
                moved_aside = _move_aside(path)
            connection = _connect(path)
            _initialise(connection, conference_id)
            return cls(connection, path, read_only=False, moved_aside=moved_aside)
        except (OSError, sqlite3.Error) as error:
            if path.exists() and moved_aside is None:
                try:
                    return cls(_connect_read_only(path), path, read_only=True)
                except sqlite3.Error:
                    pass
            raise StoreError(f"cannot save stars in {data_dir}: {_reason(error)}") from None

    @classmethod
    def in_memory(cls, conference_id: str, copy_of: Store | None = None) -> Store:
        """A store that lasts as long as the process, for when nothing can be saved."""
        connection = sqlite3.connect(":memory:", isolation_level=None)
        if copy_of is not None:
            copy_of._db.backup(connection)
        else:
            _initialise(connection, conference_id)
        return cls(connection, None, read_only=False)

    def close(self) -> None:
        self._db.close()

    # -- stars ----------------------------------------------------------------

    def starred_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT talk_id FROM stars")}

    def stars(self) -> list[StarRecord]:
        rows = self._db.execute(
            "SELECT talk_id, starred_at, title, session, start, end FROM stars ORDER BY start"
        )
        return [
            StarRecord(
                talk_id,
                datetime.fromisoformat(starred),
                title,
                session,
                datetime.fromisoformat(start),
                datetime.fromisoformat(end),
            )
            for talk_id, starred, title, session, start, end in rows
        ]

    def star(self, talks: Iterable[Talk]) -> None:
        """Star `talks`; starring a starred talk keeps its first star time."""
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO stars (talk_id, starred_at, title, session, start, end)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (talk_id) DO NOTHING",
                [(talk.id, _now(), *_seen(talk)) for talk in talks],
            )

    def unstar(self, talk_ids: Iterable[str]) -> None:
        with self._transaction() as db:
            db.executemany("DELETE FROM stars WHERE talk_id = ?", [(i,) for i in talk_ids])

    def mark_seen(self, talks: Iterable[Talk]) -> None:
        """Record that the user has seen these starred talks as they are now."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE stars SET title = ?, session = ?, start = ?, end = ? WHERE talk_id = ?",
                [(*_seen(talk), talk.id) for talk in talks],
            )

    # -- notes ----------------------------------------------------------------

    def note(self, talk_id: str) -> str:
        row = self._db.execute("SELECT text FROM notes WHERE talk_id = ?", (talk_id,)).fetchone()
        return str(row[0]) if row else ""

    def notes(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT talk_id, text FROM notes"))

    def set_note(self, talk_id: str, text: str) -> None:
        """Set the note of a talk; an empty or blank text removes it."""
        with self._transaction() as db:
            if text.strip():
                db.execute(
                    "INSERT INTO notes (talk_id, text, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (talk_id) DO UPDATE SET text = excluded.text,"
                    " updated_at = excluded.updated_at",
                    (talk_id, text, _now()),
                )
            else:
                db.execute("DELETE FROM notes WHERE talk_id = ?", (talk_id,))

    # -- internals ------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreError(f"cannot save: {self.path} is read-only")
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError(f"cannot save to {self.path}: {_reason(error)}") from None


def _seen(talk: Talk) -> tuple[str, str, str, str]:
    return talk.title, talk.where, talk.start.isoformat(), talk.end.isoformat()


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def _connect_read_only(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    connection.execute("SELECT count(*) FROM stars").fetchone()
    return connection


def _initialise(connection: sqlite3.Connection, conference_id: str) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in filter(str.strip, _SCHEMA.split(";")):
            connection.execute(statement)
        connection.executemany(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
            [("application", APPLICATION), ("conference", conference_id)],
        )
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _is_our_store(path: Path, conference_id: str) -> bool:
    """True for an empty file or an intact store of ours for this conference."""
    if path.stat().st_size == 0:
        return True
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return False
            meta = dict(connection.execute("SELECT key, value FROM meta"))
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer version of the companion; update it")
    return meta.get("application") == APPLICATION and meta.get("conference") == conference_id


def _move_aside(path: Path) -> Path:
    """Keep a corrupt or foreign file under a timestamped name, never overwrite it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion_file = path.with_name(path.name + suffix)
        if companion_file.exists():
            companion_file.rename(target.with_name(target.name + suffix))
    return target
