"""What an update changed, worded once for `companion update`, `--program URL` and the
app's Changes screen: starred talks first, then new, changed and cancelled ones."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any, NamedTuple

from companion.changes import ProgramChanges
from companion.clock import format_window
from companion.present.words import count
from companion.program import Program, Talk

NOT_MODIFIED = "not modified since it was last fetched"
UNCHANGED = "The program has not changed since it was last fetched."


class ChangeRow(NamedTuple):
    kind: str  # "new", "changed" or "cancelled"
    talk_id: str
    title: str
    detail: str  # when and where a new talk is; what changed; "cancelled"
    starred: bool


def fetched_words(fetched: datetime) -> str:
    """When a copy was fetched, in the user's own clock."""
    return f"{fetched.astimezone():%Y-%m-%d %H:%M}"


def not_updated_words(program_id: str, error: str) -> str:
    return f"could not update {program_id}: {error}"


def failed_words(program_id: str, error: str, fetched: datetime) -> str:
    """The one line of a refresh that failed, saying which copy is used instead."""
    return (
        f"{not_updated_words(program_id, error)}; using the copy fetched {fetched_words(fetched)}"
    )


def summary(program_id: str, changes: ProgramChanges | None) -> str:
    """ "devconf-2030: 1 new, 2 changed, 1 cancelled", or that nothing changed."""
    if changes is None:
        return f"{program_id}: {NOT_MODIFIED}"
    if not changes:
        return f"{program_id}: updated; no talk's time, room, title or speakers changed"
    parts = [
        f"{len(changes.new)} new" if changes.new else "",
        f"{len(changes.changed)} changed" if changes.changed else "",
        f"{len(changes.cancelled)} cancelled" if changes.cancelled else "",
    ]
    return f"{program_id}: {', '.join(part for part in parts if part)}"


def _when_where(talk: Talk, zone: tzinfo) -> str:
    window = format_window(talk.start, talk.end, zone, talk.estimated)
    day = f"{talk.start.astimezone(zone):%a %d %b} "
    return " · ".join(part for part in (day + window, talk.where) if part)


def change_rows(
    program: Program, old: Program | None, changes: ProgramChanges, starred: set[str]
) -> list[ChangeRow]:
    """Every change as a row: starred talks first, each group new, changed, cancelled."""
    zone = program.conference.zone
    rows = [
        ChangeRow("new", i, program.talk(i).title, _when_where(program.talk(i), zone), False)
        for i in changes.new
    ]
    for change in changes.changed:
        talk = program.talk(change.id)
        fields = ", ".join(change.fields)
        rows.append(
            ChangeRow("changed", talk.id, talk.title, f"{fields}: {_when_where(talk, zone)}", False)
        )
    for talk_id in changes.cancelled:
        title = old.talk(talk_id).title if old and old.has_talk(talk_id) else talk_id
        rows.append(ChangeRow("cancelled", talk_id, title, "cancelled", False))
    rows = [row._replace(starred=row.talk_id in starred) for row in rows]
    return sorted(rows, key=lambda row: not row.starred)  # stable: groups keep their order


def change_lead(row: ChangeRow) -> str:
    """ "★ changed  ": the star, and what happened to the talk."""
    return f"{'★' if row.starred else ' '} {row.kind:<9}  "


def change_line(row: ChangeRow) -> str:
    return f"{change_lead(row)}{row.title} — {row.detail}"


def changes_json(changes: ProgramChanges) -> dict[str, Any]:
    return {
        "new": list(changes.new),
        "changed": [{"id": c.id, "fields": [str(f) for f in c.fields]} for c in changes.changed],
        "cancelled": list(changes.cancelled),
    }


def changes_heading(changes: ProgramChanges) -> str:
    """The Changes screen's title: "3 talks changed in this update"."""
    total = len(changes.new) + len(changes.changed) + len(changes.cancelled)
    return f"{count(total, 'talk')} changed in this update"
