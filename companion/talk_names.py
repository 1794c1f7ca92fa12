"""Naming a talk as a person types it: its id, a short name the program gives it, or the
start of its id (imported ids are 36-character guids no one types in full)."""

from __future__ import annotations

from companion.program import Program


class AmbiguousName(ValueError):
    """A name that several talks answer to."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        super().__init__(name, candidates)
        self.name = name
        self.candidates = candidates


def resolve_talk(program: Program, name: str) -> str | None:
    """The id of the talk `name` names: its exact id; else the talk one of whose short names
    (the source's numeric id or slug) it is; else the one talk whose id begins with it.
    None when no talk answers to it; AmbiguousName when several do at the first rule that
    matches any."""
    if program.has_talk(name):
        return name
    wanted = name.strip().lower()
    if not wanted:
        return None
    by_alias = [talk.id for talk in program.talks if any(a.lower() == wanted for a in talk.aliases)]
    by_prefix = [talk.id for talk in program.talks if talk.id.startswith(wanted)]
    for matches in (by_alias, by_prefix):
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousName(name, matches)
    return None
