"""Naming a talk as a person types it: its id, a short name the program gives it, or the
start of its id (imported ids are 36-character guids no one types in full); and a person
by their id or their name."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Set

from companion.program import Program
from companion.text import fold


class AmbiguousName(ValueError):
    """A name that several talks answer to."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        super().__init__(name, candidates)
        self.name = name
        self.candidates = candidates


def resolve_person(program: Program, name: str) -> str | None:
    """The id of the person `name` names: their id, the source's id for them (FOSDEM's
    `301`), or their name typed with or without its accents and capitals ("markus bock").
    None when no one answers to it; AmbiguousName when namesakes do."""
    if any(person.id == name for person in program.people):
        return name
    wanted = " ".join(fold(name).split())
    by_alias = [p.id for p in program.people if any(fold(a) == wanted for a in p.aliases)]
    by_name = [p.id for p in program.people if fold(p.name) == wanted]
    for matches in (by_alias, by_name):
        if len(matches) > 1:
            raise AmbiguousName(name, matches)
        if matches:
            return matches[0]
    return None


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


# A talk's own id is shown when it is this short; a longer one (a guid) by a prefix of at
# least `SHORTEST_PREFIX` characters (as git shortens hashes), when no short name is shorter.
LONGEST_SHOWN_ID = 32
SHORTEST_PREFIX = 8


def short_names(program: Program) -> dict[str, str]:
    """Per talk id, the shortest name that `resolve_talk` takes for that talk alone: its
    id, one of its short names, or for a long id the shortest prefix that no other talk's
    id, or short name, shares."""
    ids = sorted(talk.id for talk in program.talks)
    owners: dict[str, set[str]] = {}
    for talk in program.talks:
        for alias in talk.aliases:
            owners.setdefault(alias.strip().lower(), set()).add(talk.id)
    known = set(ids)
    names: dict[str, str] = {}
    for talk in program.talks:
        own = [a for a in talk.aliases if a not in known and owners[a.strip().lower()] == {talk.id}]
        name = min([talk.id, *own], key=len)
        if len(name) > LONGEST_SHOWN_ID:
            name = min(name, _unique_prefix(talk.id, ids, known, owners.keys()), key=len)
        names[talk.id] = name
    return names


def _unique_prefix(talk_id: str, ids: list[str], known: set[str], owners: Set[str]) -> str:
    """The shortest prefix of `talk_id` (of `ids`, sorted) that names it alone."""
    at = bisect_left(ids, talk_id)
    neighbours = [ids[n] for n in (at - 1, at + 1) if 0 <= n < len(ids)]
    shared = max((_shared(talk_id, other) for other in neighbours), default=0)
    length = max(shared + 1, SHORTEST_PREFIX)
    while length < len(talk_id) and (talk_id[:length] in known or talk_id[:length] in owners):
        length += 1
    return talk_id[:length]


def _shared(one: str, other: str) -> int:
    """How many first characters `one` and `other` have in common."""
    pairs = enumerate(zip(one, other, strict=False))
    return next((n for n, (a, b) in pairs if a != b), min(len(one), len(other)))
