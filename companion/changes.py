"""What an update of a program changed: new talks, changed talks (and which of their
fields an attendee plans by), and cancelled ones, matched by their stable ids."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from companion.program import Program, Talk


class Field(StrEnum):
    TIME = "time"
    ROOM = "room"
    TITLE = "title"
    SPEAKERS = "speakers"


class Changed(NamedTuple):
    id: str
    fields: tuple[Field, ...]


class ProgramChanges(NamedTuple):
    new: tuple[str, ...]  # in the new program's order
    changed: tuple[Changed, ...]  # in the new program's order
    cancelled: tuple[str, ...]  # in the old program's order

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.cancelled)


def _changed_fields(old: Talk, new: Talk) -> tuple[Field, ...]:
    differs = {
        Field.TIME: (old.start, old.end) != (new.start, new.end),
        Field.ROOM: old.where != new.where,
        Field.TITLE: old.title != new.title,
        Field.SPEAKERS: old.authors != new.authors,
    }
    return tuple(field for field, different in differs.items() if different)


def compare(old: Program | None, new: Program) -> ProgramChanges:
    """What `new` changed of `old`, talk by talk (every talk is new when there was none)."""
    before = {talk.id: talk for talk in old.talks} if old else {}
    after = {talk.id for talk in new.talks}
    changed = []
    for talk in new.talks:
        if talk.id in before and (fields := _changed_fields(before[talk.id], talk)):
            changed.append(Changed(talk.id, fields))
    return ProgramChanges(
        new=tuple(talk.id for talk in new.talks if talk.id not in before),
        changed=tuple(changed),
        cancelled=tuple(talk.id for talk in old.talks if talk.id not in after) if old else (),
    )
