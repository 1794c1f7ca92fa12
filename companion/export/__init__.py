"""Exporting talks (the starred ones, or the whole program) to ics, md, csv and json.

Writers turn an `Export` into text; `write_export` puts it on disk atomically
(see `companion.files`), keeping an existing file unless told to overwrite it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

import platformdirs

from companion.collector import collector_paused
from companion.files import WriteError, write_atomic
from companion.program import Program, Talk
from companion.text import safe_prose

_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class ExportFormat(StrEnum):
    ICS = "ics"
    MD = "md"
    CSV = "csv"
    JSON = "json"

    @property
    def description(self) -> str:
        return _FORMATS[self][0]

    @property
    def media_type(self) -> str:
        """What the file is to a browser that downloads it."""
        return _FORMATS[self][1]


# Each format: the words the export dialog shows for it, and its media type.
_FORMATS = {
    ExportFormat.ICS: ("Calendar (.ics) for phone and desktop calendars", "text/calendar"),
    ExportFormat.MD: ("Markdown agenda for your notes", "text/markdown"),
    ExportFormat.CSV: ("CSV for spreadsheets", "text/csv"),
    ExportFormat.JSON: ("JSON for scripts", "application/json"),
}


class ExportError(Exception):
    """The export could not be written; the message is one line for the user."""


@dataclass(frozen=True)
class Export:
    """What to export: talks in time order, with the user's notes and stars."""

    program: Program
    talks: list[Talk]
    notes: dict[str, str] = field(default_factory=dict)
    starred: frozenset[str] = frozenset()
    everything: bool = False  # the whole program rather than the starred talks
    created: datetime = field(default_factory=lambda: datetime.now().astimezone())
    alarm: timedelta | None = None  # ics: a reminder this long before each talk

    @property
    def heading(self) -> str:
        what = "program" if self.everything else "starred talks"
        return f"{self.program.conference.name} — {what}"


def build_export(
    program: Program,
    starred: set[str] | frozenset[str],
    notes: dict[str, str],
    *,
    everything: bool = False,
    alarm: timedelta | None = None,
) -> Export:
    """The starred talks that are in the program (or all talks), in time order.

    Notes are the user's, but may have come from anywhere (a paste, another tool): what a
    reader of the file would obey rather than show is removed from them too."""
    talks = [talk for talk in program.talks if everything or talk.id in starred]
    shown_notes = {talk_id: safe_prose(note) for talk_id, note in notes.items()}
    return Export(program, talks, shown_notes, frozenset(starred), everything, alarm=alarm)


def render(export: Export, export_format: ExportFormat) -> str:
    with collector_paused():
        return _writer(export_format)(export)


def _writer(export_format: ExportFormat) -> Callable[[Export], str]:
    # Imported here so that `companion talks` never pays for the iCalendar library.
    if export_format is ExportFormat.ICS:
        from companion.export.ics import write_ics

        return write_ics
    if export_format is ExportFormat.MD:
        from companion.export.markdown import write_markdown

        return write_markdown
    from companion.export.tabular import write_csv, write_json

    return write_csv if export_format is ExportFormat.CSV else write_json


def suggested_path(export: Export, export_format: ExportFormat) -> Path:
    """Where an export goes by default: the user's documents folder."""
    what = "program" if export.everything else "starred"
    name = f"{export.program.conference.id}-{what}.{export_format.value}"
    return platformdirs.user_documents_path() / name


def export_target(spec: str) -> Path:
    """The file a user named for an export; a name ending in a separator names a folder."""
    if not spec.strip():
        raise ExportError("give a file name to export to")
    if spec.endswith(("/", os.sep)):
        raise ExportError(f"{spec} names a folder; give a file name")
    return Path(spec).expanduser()


def download_name(spec: str) -> str:
    """The name a browser is to save an export under: a file name, never a path (where it
    goes is the browser's to decide), in letters, digits, dots, dashes and underscores only,
    the other characters dashes (textual-serve puts it in a header unquoted)."""
    name = _UNSAFE_IN_NAME.sub("-", spec.strip()).strip("-")
    if not name.strip("."):
        raise ExportError("give a file name for the download")
    return name


def target_exists(target: Path) -> bool:
    """Whether a file is at `target` that writing would replace; a name the system cannot
    hold holds nothing, and something not a regular file is never replaced: writing to
    either says why."""
    try:
        return target.is_file()
    except OSError:
        return False


def write_export(text: str, target: Path, *, overwrite: bool) -> None:
    """Write an export atomically; refuse to replace a file unless `overwrite`."""
    try:
        write_atomic(text, target.expanduser(), overwrite=overwrite)
    except FileExistsError:
        raise ExportError(f"{target} exists; use --force to overwrite it") from None
    except WriteError as error:
        raise ExportError(str(error)) from None
