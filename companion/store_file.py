"""The store's file: judging what is at its path, opening, creating and setting it aside.

Only definite evidence sets a file aside: something other than a regular file
(opening a FIFO would hang), SQLite's own verdict (not a database, corrupt), or a
readable database that is not an intact store of ours for this conference. What
only says "not now" (a full disk, a read-only directory, a -shm file that cannot be
created, a lock held too long, an I/O error) is a StoreError and the file stays.

A store written by an earlier version is migrated when it is opened for writing (when it
may only be read, a copy in memory is); a later version's is refused.

A new store is born empty: an empty file claimed with O_EXCL, then schema and meta
in one transaction in rollback-journal mode, which writes nothing to the file
until its commit writes all of it. Whoever looks meanwhile sees an empty database
("blank", nothing to lose, initialised again idempotently) or a whole store; only
then does the store switch to WAL.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from enum import Enum
from functools import cache
from pathlib import Path
from typing import NamedTuple

from companion.files import aside_path

APPLICATION = "c4ml-companion-store"
BUSY_TIMEOUT_MS = 10_000
WAL_RETRY_SECONDS = 0.01
ATTEMPTS = 4  # not ours -> set aside -> created -> judged ours; plus one for a race

# The schema, step by step: step N brings a store from version N - 1 to version N, so an
# older store is upgraded by the steps it lacks, in one transaction. A change is a new step
# at the end, never an edit of an old one.
MIGRATIONS: tuple[str, ...] = (
    # 1: stars and notes.
    """
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
""",
    # 2: `session` held a room or a track as often as a session's title: it is the place
    # the talk was, as the user last saw it (its session's title, else room, else track).
    "ALTER TABLE stars RENAME COLUMN session TO place;",
    # 3: the reminders that fired (a talk at a start time, in UTC), so each fires once:
    # across restarts, and between the app and `companion remind`.
    """
CREATE TABLE IF NOT EXISTS reminders (
    talk_id TEXT NOT NULL,
    start TEXT NOT NULL,
    fired_at TEXT NOT NULL,
    PRIMARY KEY (talk_id, start)
);
""",
)
SCHEMA_VERSION = len(MIGRATIONS)

_EVIDENCE = {sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


class StoreError(Exception):
    """The store cannot be used as asked; the message is one line for the user."""


class NotAStore(Exception):
    """Definite evidence that a file is not an intact store of ours; the message says why."""


class Garbled(str):
    """Stored text that was not valid UTF-8, decoded with replacement characters."""

    __slots__ = ()


class Access(Enum):
    """How a connection opens the file; the value is its URI query."""

    WRITE = "mode=rw"
    READ = "mode=ro"
    # For one read when even a read-only connection cannot work (its -shm cannot be
    # created): no locks, so what it sees may be mid-change and is never evidence.
    SNAPSHOT = "mode=ro&immutable=1"


class OpenedStore(NamedTuple):
    connection: sqlite3.Connection | None  # None: nothing to read yet (reading only)
    moved_aside: Path | None


def decode(raw: bytes) -> str:
    """The text factory of every connection: damaged text is marked, never an exception."""
    try:
        return raw.decode()
    except UnicodeDecodeError:
        return Garbled(raw.decode(errors="replace"))


def reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def connect(target: Path | None, access: Access = Access.WRITE) -> sqlite3.Connection:
    """A connection to the store at `target` (None: in memory), reading text safely."""
    uri = f"{target.absolute().as_uri()}?{access.value}" if target else ":memory:"
    connection = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )
    connection.text_factory = decode
    return connection


@contextmanager
def _immediate(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so that no other writer slips in."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def initialise(connection: sqlite3.Connection, conference_id: str) -> None:
    """Bring a blank or older store up to `SCHEMA_VERSION` in one transaction: the schema
    steps it lacks, and its meta; a no-op on a current store (another process may have
    just brought it up)."""
    with _immediate(connection):
        version = _version(connection)  # again, now that no other writer can change it
        for step in MIGRATIONS[version:]:
            for statement in filter(str.strip, step.split(";")):
                connection.execute(statement)
        connection.executemany(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
            [("application", APPLICATION), ("conference", conference_id)],
        )
        connection.execute(f"PRAGMA user_version = {max(version, SCHEMA_VERSION)}")


def _version(connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def _migrated_copy(connection: sqlite3.Connection, conference_id: str) -> sqlite3.Connection:
    """A store of an earlier version that may only be read, migrated in a copy in memory."""
    copy = connect(None)
    try:
        connection.backup(copy)
        initialise(copy, conference_id)
    except BaseException:
        copy.close()
        raise
    finally:
        connection.close()
    return copy


def open_file(path: Path, conference_id: str, *, writing: bool) -> OpenedStore:
    """Open the store at `path`, setting aside first a file that is definitely not one.

    Writing creates a missing store and its directory. Reading creates and writes
    nothing (a file set aside is only renamed) and finds no connection when there is
    nothing to read yet. Raises StoreError, leaving the file in place, when it cannot
    be used now.
    """
    moved_aside = None
    try:
        if writing:
            _make_folder(path.parent)
        for _ in range(ATTEMPTS):
            found = _found(path)
            if found is None and not writing:
                return OpenedStore(None, moved_aside)
            if found is None:
                _create_blank(path)
                continue
            try:
                connection = _judge(path, found, conference_id, writing=writing)
            except NotAStore as evidence:
                moved_aside = _move_aside(path, found, str(evidence)) or moved_aside
                continue
            return OpenedStore(connection, moved_aside)
    except (OSError, sqlite3.Error) as error:
        doing = f"save stars in {path.parent}" if writing else f"read {path}"
        raise StoreError(f"cannot {doing}: {reason(error)}") from None
    raise StoreError(f"cannot open {path}: another program keeps replacing it")


def _make_folder(folder: Path) -> None:
    """Create the data folder; a file where it or a folder above it should be is named."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise StoreError(f"cannot keep stars in {folder}: {_blocker(folder)}") from None


def _blocker(folder: Path) -> str:
    """Why `folder` cannot hold a store: the file where it or a folder above it should be."""
    blocker = next((p for p in (folder, *folder.parents) if p.is_file()), folder)
    return f"{blocker} is a file, not a folder"


def exists(path: Path) -> bool:
    """Whether a store (or anything) is at `path`; StoreError when a file stands where its
    folder should be."""
    return _found(path) is not None


def _found(path: Path) -> os.stat_result | None:
    """What is at `path`, through a link. A link to nothing may be a store on a drive not
    mounted now: no evidence, and nowhere to create one."""
    try:
        return os.stat(path)
    except NotADirectoryError:
        raise StoreError(f"cannot keep stars in {path.parent}: {_blocker(path.parent)}") from None
    except FileNotFoundError:
        if path.is_symlink():
            raise StoreError(f"{path} links to {os.readlink(path)}, which is missing") from None
        return None


def _create_blank(path: Path) -> None:
    """Claim `path` with an empty file, unless another process got there first."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))


def _judge(
    path: Path, found: os.stat_result, conference_id: str, *, writing: bool
) -> sqlite3.Connection | None:
    """A connection to the store of ours at `path`, made ready for writing if `writing`;
    when only reading, None for a blank file (nothing to read).

    Raises NotAStore on definite evidence; sqlite3.Error or StoreError when it cannot
    be used now.
    """
    if not stat.S_ISREG(found.st_mode):
        raise NotAStore("it is not a regular file")
    access = Access.WRITE if writing else Access.READ
    try:
        connection, blank = _inspected(path, conference_id, access)
    except sqlite3.Error as error:
        code = _primary_code(error)
        if code in _EVIDENCE:
            raise NotAStore(reason(error)) from None
        if writing or code in _BUSY:
            raise
        try:
            connection, blank = _inspected(path, conference_id, Access.SNAPSHOT)
        except (sqlite3.Error, NotAStore) as snapshot_error:
            raise StoreError(f"cannot read {path}: {reason(snapshot_error)}") from None
    if blank and not writing:
        connection.close()
        return None
    if not writing:
        if _version(connection) == SCHEMA_VERSION:
            return connection
        return _migrated_copy(connection, conference_id)
    try:
        if blank or _version(connection) < SCHEMA_VERSION:
            initialise(connection, conference_id)
        _use_wal(connection)
        # A commit waits for no disk flush (FULL flushed the log at every commit: a star
        # held up its key by up to 0.6 s while other programs wrote to the disk). In WAL
        # mode the file stays whole all the same, and a process killed or crashing keeps
        # every commit; only a power cut can lose the last ones (the log is flushed at
        # each checkpoint).
        connection.execute("PRAGMA synchronous = NORMAL")
        # The log's file is cut back as the log starts over after a checkpoint (SQLite
        # otherwise keeps it at its largest): its size tells how full it is.
        connection.execute("PRAGMA journal_size_limit = 0")
    except BaseException:
        connection.close()
        raise
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch a new store to write-ahead logging (kept in the file: once is enough).

    The switch needs the file to itself, and SQLite refuses it at once, without waiting
    as it does for other locks, while another process is reading the store it just
    created: so it is tried again until the usual busy timeout has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if _primary_code(error) not in _BUSY or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code; None for errors of the sqlite3 module itself."""
    code: int | None = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _inspected(path: Path, conference_id: str, access: Access) -> tuple[sqlite3.Connection, bool]:
    """A connection through which the file proved an intact store of ours, or blank (True).

    The inspection reads in one transaction: it sees the file before or after another
    process creates or upgrades its schema, never a version number from before and tables
    from after (which would look like someone else's file, and set a new store aside).
    """
    connection = connect(path, access)
    try:
        connection.execute("BEGIN")
        try:
            blank = _inspect(connection, path, conference_id)
        finally:
            connection.execute("ROLLBACK")  # it only read
        return connection, blank
    except BaseException:
        connection.close()
        raise


def _inspect(connection: sqlite3.Connection, path: Path, conference_id: str) -> bool:
    """True for a blank database, False for an intact store of ours; NotAStore says why not."""
    version = _version(connection)
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer version of the companion; update it")
    if not version and not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        return True  # a new or zero-byte file: nothing in it to lose
    if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
        raise NotAStore("it is damaged")
    if _tables(connection) != _our_tables(version):
        raise NotAStore("its tables are not a companion store's")
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    if meta.get("application") != APPLICATION:
        raise NotAStore("it belongs to another application")
    if meta.get("conference") != conference_id:
        raise NotAStore("it holds the stars of another conference")
    return False


def _tables(connection: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every table with its columns (name, type, not null, default, key)."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%'"
            " ESCAPE '!'"
        )
    ]
    return {
        name: connection.execute("SELECT * FROM pragma_table_info(?)", (name,)).fetchall()
        for name in names
    }


@cache
def _our_tables(version: int) -> dict[str, list[tuple[object, ...]]] | None:
    """The tables of a store of ours at `version` (None for a version that never was)."""
    if not 0 < version <= SCHEMA_VERSION:
        return None
    connection = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS[:version]:
            connection.executescript(step)
        return _tables(connection)
    finally:
        connection.close()


def _move_aside(path: Path, judged: os.stat_result, why: str) -> Path | None:
    """Keep the file judged not ours under a timestamped name beside it, never overwriting.

    None when `path` no longer holds that file (another process set it aside first).
    """
    now = _found(path)
    if now is None or (now.st_dev, now.st_ino) != (judged.st_dev, judged.st_ino):
        return None
    target = aside_path(path)
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            companion_file = path.with_name(path.name + suffix)
            if companion_file.exists():
                companion_file.rename(target.with_name(target.name + suffix))
    except OSError as error:
        raise StoreError(
            f"{path} is not a companion store ({why}) and cannot be set aside: {reason(error)}"
        ) from None
    return target
