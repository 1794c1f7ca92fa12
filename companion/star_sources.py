"""Reading someone's stars: a share code, the companion's own json, csv and ics exports, or a
plain list of talk ids, guids or short names, one a line. The kind is told by content.

Each reader gives the talks of the program the source names (json and csv: those marked
starred, so an export of the whole program brings its stars only), what it names that the
program has not, and the notes of a json or csv export.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from companion.export.tabular import BYTE_ORDER_MARK, FORMULA_STARTS
from companion.loading import ProgramError, read_program_bytes
from companion.program import Program
from companion.share_code import ShareCodeError, looks_like_code, read_code
from companion.talk_names import AmbiguousName, resolve_talk


class StarSourceError(ValueError):
    """Text that holds no stars the companion can read; the message is one line."""


class OtherProgram(StarSourceError):
    """Stars of another program: nothing of them is taken."""

    def __init__(self, program_id: str) -> None:
        super().__init__(program_id)
        self.program_id = program_id


class StarSource(NamedTuple):
    kind: str  # what was read, in words: "a share code", "a json export" ...
    talk_ids: list[str]  # talks of the program, in the source's order, each once
    unknown: list[str]  # what the source names that the program has not
    notes: dict[str, str]  # by talk id, from an export that has them


def read_stars(text: str, program: Program) -> StarSource:
    """The stars `text` holds for `program`; StarSourceError when it holds none that can be
    read, OtherProgram when they are another program's."""
    text = text.removeprefix(BYTE_ORDER_MARK).strip()
    if not text:
        raise StarSourceError("nothing to import: it is empty")
    if looks_like_code(text):
        return _from_code(text, program)
    if text.startswith("BEGIN:VCALENDAR"):
        return _from_ics(text, program)
    if text.startswith("["):
        return _from_json(text, program)
    if text.startswith("id,"):
        return _from_csv(text, program)
    return _from_list(text, program)


def source_text(spec: str) -> str:
    """The text a user named: a share code as typed, else the file at that path, read
    within the same limits as a program file (a size cap; a pipe that sends nothing is
    given up)."""
    spec = spec.strip()
    if not spec:
        raise StarSourceError("give a share code, or the path of a file to import")
    path = Path(spec).expanduser()
    if looks_like_code(spec) and not _is_file(path):
        return spec
    try:
        raw = read_program_bytes(path)
    except ProgramError as error:
        reason = str(error)
        if reason.endswith(": no such file"):
            reason += ", and not a share code"
        raise StarSourceError(reason) from None
    return decoded(raw, spec)


def decoded(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StarSourceError(f"{name} is not text: give an export, a list or a code") from None


def _is_file(path: Path) -> bool:
    """Whether something is at `path`; a code too long to be a file name is no file."""
    try:
        return path.exists()
    except OSError:
        return False


def _from_code(text: str, program: Program) -> StarSource:
    try:
        code = read_code(text)
    except ShareCodeError as error:
        raise StarSourceError(str(error)) from None
    if code.program_id != program.conference.id:
        raise OtherProgram(code.program_id)
    return StarSource("a share code", *code.talk_ids(program), {})


def _from_ics(text: str, program: Program) -> StarSource:
    from companion.export.ics import UID_SUFFIX
    from companion.importers.fields import ImportProblem
    from companion.importers.icalendar_parts import read_parts  # one pass, no recursion

    try:
        uids = [event.raw("UID") or "" for event in read_parts(text).events]
    except ImportProblem as error:
        raise StarSourceError(f"not a calendar that can be read: {error}") from None
    ids = []
    for uid in uids:
        talk_id, _, conference = uid.removesuffix(UID_SUFFIX).rpartition("@")
        if uid.endswith(UID_SUFFIX) and conference != program.conference.id:
            raise OtherProgram(conference)
        ids.append(talk_id if uid.endswith(UID_SUFFIX) else uid)
    return _source("a calendar export", program, ids, {})


def _from_json(text: str, program: Program) -> StarSource:
    try:
        entries: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise StarSourceError(f"not JSON that can be read: {error}") from None
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("id"), str) for entry in entries
    ):
        raise StarSourceError("not a JSON export: it is not a list of talks with ids")
    chosen = [entry for entry in entries if entry.get("starred", True) is not False]
    notes = {e["id"]: e["note"] for e in chosen if isinstance(e.get("note"), str) and e["note"]}
    return _source("a JSON export", program, [entry["id"] for entry in chosen], notes)


def _from_csv(text: str, program: Program) -> StarSource:
    rows = list(csv.DictReader(io.StringIO(text)))
    chosen = [row for row in rows if row.get("starred", "yes") != "no" and row.get("id")]
    ids = [_cell(row["id"]) for row in chosen]
    notes = {_cell(row["id"]): _cell(row["note"]) for row in chosen if row.get("note")}
    return _source("a CSV export", program, ids, notes)


def _cell(value: str) -> str:
    """A cell as it was before the export kept a spreadsheet from running it."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def _from_list(text: str, program: Program) -> StarSource:
    names = [line.strip() for line in text.splitlines()]
    ids = []
    for name in names:
        if not name or name.startswith("#"):
            continue
        try:
            ids.append(resolve_talk(program, name) or name)
        except AmbiguousName:
            ids.append(name)  # names several talks: none is taken
    return _source("a list of talks", program, ids, {})


def _source(kind: str, program: Program, ids: Iterable[str], notes: dict[str, str]) -> StarSource:
    unique = list(dict.fromkeys(ids))
    known = [talk_id for talk_id in unique if program.has_talk(talk_id)]
    unknown = [talk_id for talk_id in unique if not program.has_talk(talk_id)]
    return StarSource(kind, known, unknown, {k: v for k, v in notes.items() if k in known})
