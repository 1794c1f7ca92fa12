"""What importing someone's stars changes, worked out before anything is written.

Merging adds the stars the user has not; replacing also removes the stars the source has
not. A note comes along only onto a talk the user has no note on: theirs is never
overwritten. `apply_import` writes the whole plan in one transaction of the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import NamedTuple

from companion.program import Program
from companion.star_sources import StarSource
from companion.store import Store


class ImportPlan(NamedTuple):
    source: StarSource
    new: list[str]  # talks to star
    already: list[str]  # talks the source has that are starred already
    unstar: list[str]  # replacing: starred talks the source has not
    notes: dict[str, str]  # notes to add, by talk id
    kept_notes: list[str]  # talks whose note the user keeps over the source's

    @property
    def changes(self) -> bool:
        return bool(self.new or self.unstar or self.notes)


def plan_import(
    source: StarSource, starred: Set[str], notes: Mapping[str, str], *, replace: bool
) -> ImportPlan:
    theirs = set(source.talk_ids)
    unstar = sorted(starred - theirs) if replace else []
    added = {k: v for k, v in source.notes.items() if not notes.get(k, "").strip()}
    kept = [k for k, v in source.notes.items() if k not in added and notes[k] != v]
    return ImportPlan(
        source,
        [talk_id for talk_id in source.talk_ids if talk_id not in starred],
        [talk_id for talk_id in source.talk_ids if talk_id in starred],
        unstar,
        added,
        kept,
    )


def apply_import(plan: ImportPlan, program: Program, store: Store) -> None:
    """Write the plan: stars, unstars and notes in one transaction (raises StoreError)."""
    store.change_stars(
        star=[program.talk(talk_id) for talk_id in plan.new],
        unstar=plan.unstar,
        notes=plan.notes,
    )
