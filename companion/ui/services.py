"""What screens and widgets may know of the app, and the only ways they change its state.

Screens read the program, the clock and the stars through `services(self)`, and
watch the app's reactives (`starred`, `now`, `local_time`, `remind_before`). They change stars and
notes only through the methods of `Services`, which write through the store; no
screen touches the store itself. What the app asks of a screen is declared here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from textual.dom import DOMNode

if TYPE_CHECKING:
    from companion.program import Program, Talk
    from companion.reconcile import StarStatus
    from companion.search import SearchIndex
    from companion.star_import import ImportPlan
    from companion.store import NoteSaved
    from companion.ui.app import CompanionApp


class Services(Protocol):
    """The app as screens see it."""

    @property
    def program(self) -> Program: ...
    @property
    def starred(self) -> frozenset[str]: ...
    @property
    def now(self) -> datetime: ...
    @property
    def display_zone(self) -> tzinfo: ...
    @property
    def zone_caption(self) -> str: ...
    @property
    def sub_title(self) -> str: ...
    @property
    def search_index(self) -> SearchIndex: ...
    @property
    def remind_before(self) -> timedelta:
        """How long before a starred talk starts it is announced (0: never)."""
        ...

    def toggle_star(self, talk_id: str) -> bool:
        """Star or unstar a talk; returns the new state (unchanged when it cannot be saved)."""
        ...

    def import_stars(self, plan: ImportPlan) -> bool:
        """Star, unstar and add notes as an import planned, all or nothing; False when it
        cannot be saved, which the app has said."""
        ...

    def star_statuses(self) -> list[StarStatus]:
        """Every stored star beside the talk as the program has it now (moved, gone)."""
        ...

    def mark_seen(self, talks: Iterable[Talk]) -> None:
        """The user has seen these starred talks as they are now: no longer "moved"."""
        ...

    def note(self, talk_id: str) -> str: ...
    def notes(self) -> dict[str, str]: ...

    def save_note(self, talk_id: str, text: str, expected: str) -> NoteSaved | None:
        """Save a note typed over `expected`; one changed elsewhere meanwhile is kept beside
        it (`conflict`). None when it cannot be saved, which the app has said."""
        ...

    def show_talk(self, talk_id: str) -> None:
        """A talk is on screen: `t` comes back to it."""
        ...

    def talk_in_sight(self, talk_id: str | None) -> None:
        """The cursor is on `talk_id`'s row (None: on no talk): its details may be made
        ahead (`TalksMadeAhead.talk_in_sight`)."""
        ...

    def open_talk(self, talk_id: str) -> None: ...
    def open_person(self, person_id: str) -> None: ...


@runtime_checkable
class SelectsTalk(Protocol):
    """A screen with a talk under its cursor (or on show): `t` opens that one."""

    @property
    def selected_talk_id(self) -> str | None: ...


@runtime_checkable
class ShowsTalk(Protocol):
    """Talk details: `t` has nothing to open there."""

    @property
    def talk_id(self) -> str: ...


@runtime_checkable
class HoldsEdits(Protocol):
    """A screen whose edits are saved a moment after typing stops: the app saves them
    before it quits."""

    def save_edits(self) -> bool:
        """Save what is pending now; False when it could not be saved."""
        ...


def services(node: DOMNode) -> Services:
    return cast("CompanionApp", node.app)
