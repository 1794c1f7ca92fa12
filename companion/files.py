"""Writing files so that a failure never leaves half a file and never clobbers one by surprise."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path


class WriteError(Exception):
    """The file could not be written; the message is one line naming it."""


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def aside_path(path: Path) -> Path:
    """A free name beside `path` to keep a file that could not be understood:
    "NAME.unreadable-20260201T050000Z", with "-1", "-2"... when that is taken."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
        counter += 1
    return target


def write_atomic(text: str | Iterable[bytes], target: Path, *, overwrite: bool) -> None:
    """Write `text` (or bytes, a piece at a time) to a temporary file beside `target`, then
    move it into place.

    Raises FileExistsError when `target` exists and not `overwrite`, WriteError otherwise.
    Only a regular file is ever replaced: never a directory, a device or a pipe.
    """
    folder = target.parent
    try:
        if target.is_dir():
            raise WriteError(f"{target} is a directory; give a file name")
        if target.exists() and not target.is_file():
            raise WriteError(f"{target} is not a regular file; give another name")
        if target.exists() and not overwrite:
            raise FileExistsError(target)
        folder.mkdir(parents=True, exist_ok=True)
        # A short prefix: the temporary name must fit wherever the target's name fits.
        prefix = f".{target.name[:64]}."
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; these are ordinary files
    except (FileExistsError, WriteError):
        raise
    except OSError as error:  # a name too long for the system, a folder that is a file...
        raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.writelines([text.encode()] if isinstance(text, str) else text)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails rather than replace a file that appeared meanwhile
            os.unlink(temporary)
    except FileExistsError:
        os.unlink(temporary)
        raise
    except (OSError, UnicodeError) as error:
        Path(temporary).unlink(missing_ok=True)
        reason = error.strerror if isinstance(error, OSError) else None
        raise WriteError(f"cannot write {target}: {reason or error}") from None
