"""Sharing stars in words: the share code's captions, an import's preview and its refusals."""

from __future__ import annotations

from companion.present.words import count, first_of
from companion.program import Program
from companion.star_import import ImportPlan
from companion.text import safe_line

NOTHING_TO_SHARE = "Nothing starred yet: the code shares an empty list."
CODE_HINT = "Import it with `companion import-stars CODE`, or with g on the Starred screen."
COPIED = "Copied the share code."
NO_CHANGE = "Nothing to change: every talk in it is starred already."
NONE_OF_THIS_PROGRAM = "Nothing to change: none of its talks is in this program."
MERGE, REPLACE = "Merge: add these stars to mine", "Replace: my stars become exactly these"
IMPORT_TITLE = "Import stars (Enter reads, Esc cancels)"
IMPORT_PROMPT = (
    "Paste a share code, or give the path of an export (json, csv, ics) or a list of ids:"
)
_SHOWN = 3  # titles named in a preview line, then how many more


def share_heading(program: Program, starred: int) -> str:
    return f"{count(starred, 'starred talk')} of {program.conference.name}"


def too_small(width: int, height: int, columns: int, lines: int) -> str:
    """Why the QR code is not drawn: the window it needs and the one there is."""
    return (
        f"The QR code needs {width}x{height} characters and this window is {columns}x{lines}: "
        "enlarge it to see the QR code, or share the code as text."
    )


def other_program(code_program: str, program: Program) -> str:
    """A source of stars for another program: which one, and how to open it."""
    theirs = safe_line(code_program)
    return (
        f"these stars are for the program {theirs}, not {program.conference.id}: "
        f"import them with `companion --program {theirs} import-stars`"
    )


def preview_lines(plan: ImportPlan, program: Program, *, replace: bool) -> list[str]:
    """What an import would change: each kind of change on a line, with the first titles."""
    source = plan.source
    lines = [f"From {source.kind}: {count(len(source.talk_ids), 'talk')} of this program."]
    for label, talk_ids in (("New stars", plan.new), ("Already starred", plan.already)):
        if talk_ids:
            lines.append(_named(label, _titles(talk_ids, program)))
    if source.unknown:
        lines.append(_named("Not in this program", [safe_line(n) for n in source.unknown]))
    if replace:
        unstar = _titles(plan.unstar, program)
        lines.append(_named("Unstarred", unstar) if unstar else "Unstarred: none")
    if plan.notes:
        lines.append(f"Notes added: {count(len(plan.notes), 'note')}")
    if plan.kept_notes:
        lines.append(f"Notes kept as you wrote them: {count(len(plan.kept_notes), 'talk')}")
    if not plan.changes:
        lines.append(NO_CHANGE if source.talk_ids else NONE_OF_THIS_PROGRAM)
    return lines


def done_words(plan: ImportPlan) -> str:
    """What an import changed, in one line."""
    parts = [f"starred {count(len(plan.new), 'talk')}"]
    if plan.unstar:
        parts.append(f"unstarred {len(plan.unstar)}")
    if plan.notes:
        parts.append(f"added {count(len(plan.notes), 'note')}")
    return "Imported: " + ", ".join(parts) + "."


def _titles(talk_ids: list[str], program: Program) -> list[str]:
    return [
        safe_line(program.talk(talk_id).title if program.has_talk(talk_id) else talk_id)
        for talk_id in talk_ids
    ]


def _named(label: str, names: list[str]) -> str:
    """ "New stars (5): Title; Title; Title +2 more"."""
    return f"{label} ({len(names)}): {first_of(names, _SHOWN)}"
