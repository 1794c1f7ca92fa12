"""Where a kept program came from: its file or its URL, when it was fetched, and the
validators its server gave (ETag, Last-Modified) to ask next time for a newer copy only.

Kept beside the program's kept copy as `<id>.source.json`, written atomically. A record
that cannot be read is set aside (never overwritten) and the program is then taken as
having no known source.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from companion.files import WriteError, aside_path, write_atomic

WEB_SCHEMES = ("http", "https")


def is_url(spec: str) -> bool:
    """Whether `--program` names a URL (http or https) rather than a file or an id."""
    return spec.strip().lower().startswith(tuple(f"{scheme}://" for scheme in WEB_SCHEMES))


class Validators(NamedTuple):
    """What the server said of the copy kept, to ask it only for a newer one."""

    etag: str | None = None
    last_modified: str | None = None


NO_VALIDATORS = Validators()  # a first fetch


class SourceError(Exception):
    """A source record that cannot be read or written; the message is one line."""


class Source(NamedTuple):
    location: str  # a URL, or a file's absolute path
    fetched: datetime  # when it was last read (or asked for, when it had not changed)
    validators: Validators = NO_VALIDATORS

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


def source_path(kept: Path) -> Path:
    return kept.with_name(f"{kept.stem}.source.json")


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def write_source(kept: Path, source: Source) -> None:
    record = {
        "location": source.location,
        "fetched": source.fetched.isoformat(),
        "etag": source.validators.etag,
        "last_modified": source.validators.last_modified,
    }
    try:
        write_atomic(json.dumps(record, indent=2) + "\n", source_path(kept), overwrite=True)
    except WriteError as error:
        raise SourceError(str(error)) from None


def read_source(kept: Path) -> Source | None:
    """The source of the program kept at `kept`, None when none was recorded. Raises
    SourceError when the record is unreadable, after setting it aside."""
    path = source_path(kept)
    try:
        record = json.loads(path.read_bytes())
        fetched = datetime.fromisoformat(record["fetched"])
        if fetched.tzinfo is None:
            raise ValueError("a time without its offset")
        return Source(
            _text(record["location"]),
            fetched,
            Validators(_optional(record.get("etag")), _optional(record.get("last_modified"))),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        target = aside_path(path)
        try:
            path.rename(target)
        except OSError:
            raise SourceError(f"{path}: unreadable ({error})") from None
        raise SourceError(f"{path}: unreadable ({error}); kept it as {target.name}") from None


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("a location that is not text")
    return value


def _optional(value: object) -> str | None:
    return None if value is None else _text(value)
