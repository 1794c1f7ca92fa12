"""Rooms and tracks as the schedule's filter offers them: ordered, found, counted.

A place is a room or a track of the program. The filter keeps the chosen ones as
values such as "room:K.1.105"; a talk shows when its room or its track is chosen,
and everything shows when nothing is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from enum import StrEnum
from typing import NamedTuple

from companion.present.words import count
from companion.text import fold

_DIGITS = re.compile(r"(\d+)")


class PlaceKind(StrEnum):
    ROOM = "room"
    TRACK = "track"


class Place(NamedTuple):
    kind: PlaceKind
    name: str  # as the program spells it

    @property
    def value(self) -> str:
        """What the filter keeps: "room:K.1.105"."""
        return place_value(self.kind, self.name)

    @property
    def heading(self) -> str:
        """ "Room: ", the words before the name in a list of places."""
        return f"{self.kind.capitalize()}: "


def place_value(kind: PlaceKind, name: str | None) -> str:
    return f"{kind}:{name}"


def natural_key(name: str) -> tuple[tuple[str | int, ...], str]:
    """Sort "Room 2" before "Room 10" and "Été" beside "ete": numbers by value, letters
    without regard to accents or case (the name itself breaks ties)."""
    parts = _DIGITS.split(fold(name))
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts)), name


def ordered_places(rooms: Iterable[str], tracks: Iterable[str]) -> list[Place]:
    """The rooms in natural order, then the tracks."""
    return [
        Place(kind, name)
        for kind, names in ((PlaceKind.ROOM, rooms), (PlaceKind.TRACK, tracks))
        for name in sorted(names, key=natural_key)
    ]


def matching(places: Iterable[Place], query: str) -> list[Place]:
    """The places whose kind and name hold every word of `query`, accents ignored."""
    words = fold(query).split()
    return [
        place
        for place in places
        if all(word in fold(f"{place.kind} {place.name}") for word in words)
    ]


def shows(chosen: AbstractSet[str], room: str | None, track: str | None) -> bool:
    """Whether a talk in this room and track passes the filter."""
    if not chosen:
        return True
    return (
        place_value(PlaceKind.ROOM, room) in chosen or place_value(PlaceKind.TRACK, track) in chosen
    )


def describe_choice(rooms: Sequence[str], tracks: Sequence[str], chosen: AbstractSet[str]) -> str:
    """ "140 rooms and 8 tracks, all shown", or "Showing 3 of 140 rooms, 1 of 8 tracks"."""
    kinds = [(PlaceKind.ROOM, rooms), (PlaceKind.TRACK, tracks)]
    if not chosen:
        every = " and ".join(count(len(names), kind) for kind, names in kinds if names)
        return f"{every}, all shown"
    parts = []
    for kind, names in kinds:
        ticked = sum(place_value(kind, name) in chosen for name in names)
        if ticked:
            parts.append(f"{ticked} of {count(len(names), kind)}")
    return f"Showing {', '.join(parts)}"


def describe_list(shown: int, total: int, ticked: int) -> str:
    """The filter dialog's count: "12 of 152 shown · 3 ticked"."""
    listed = f"All {total} shown" if shown == total else f"{shown} of {total} shown"
    chosen = f"{ticked} ticked" if ticked else "none ticked: the schedule shows all"
    return f"{listed} · {chosen}"
