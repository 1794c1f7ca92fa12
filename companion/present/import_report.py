"""What an import did with the events it could not take as the file gives them: one
summary line when a program loads, and a line per event for `companion check`."""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from companion.clock import MOMENT
from companion.importers.fields import Fix, ImportNote
from companion.present.words import count

_MOMENT_WORDS = f"loaded as a moment at its start ({MOMENT.seconds // 60} minutes)"
ALL_AS_GIVEN = "every event loaded as the file gives it"


def note_line(note: ImportNote) -> str:
    """E.g. "event 12 ('Title'): duration '00:00' is zero; loaded as a moment at its start"."""
    match note.fix:
        case Fix.SKIPPED:
            done = "skipped"
        case Fix.MOMENT:
            done = _MOMENT_WORDS
        case Fix.NEW_ID:
            done = f"loaded as {note.new_id}"
        case Fix.PROGRAM_ZONE:
            done = "its times read in the program's time zone"
        case Fix.FIRST_OCCURRENCE:
            done = "loaded once, at its first occurrence"
        case Fix.DROPPED:
            done = "loaded without it"
        case Fix.IGNORED:
            done = "ignored"
        case Fix.REFILED:
            done = "filed under the day it starts"
    return f"{note.event}: {note.problem}; {done}"


def no_file_read(program_id: str) -> str:
    """What `check` says of a program opened by its id: its file was not read this time."""
    return (
        f"{program_id} was opened from its kept copy, not from a file: "
        "give `--program` the file to check how it imports"
    )


def import_summary(notes: Sequence[ImportNote], program: str) -> str | None:
    """One line on what loading adjusted and skipped (None when it took every event as
    given); `program` is what `--program` was given, for the command that lists them."""
    if not notes:
        return None
    skipped = sum(note.fix is Fix.SKIPPED for note in notes)
    ignored = sum(note.fix is Fix.IGNORED for note in notes)
    adjusted = len({note.event for note in notes if note.fix not in (Fix.SKIPPED, Fix.IGNORED)})
    parts = [f"{count(adjusted, 'event')} adjusted"] if adjusted else []
    parts += [f"{count(skipped, 'event')} skipped"] if skipped else []
    parts += [f"{count(ignored, 'value')} ignored"] if ignored else []
    return (
        f"loaded with {' and '.join(parts)}: "
        f"`companion --program {shlex.quote(program)} check` lists each with its reason"
    )
