"""What every command gets: its arguments, the program, the clock and the user's store."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

from companion.clock import Clock
from companion.paths import data_dir
from companion.program import Program
from companion.store import Store, StoreError, store_exists

if TYPE_CHECKING:
    from companion.importers.fields import ImportNote
    from companion.subscription import Updated  # urllib: only for URLs
from companion.talk_names import AmbiguousName, resolve_person, resolve_talk, short_names
from companion.text import safe_line

_CANDIDATES_SHOWN = 8  # an ambiguous name's error lists this many talks, then a count


class UserError(Exception):
    """Something the user asked for cannot be done; the message is one line."""


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def warn(message: str) -> None:
    """One line on standard error; whatever a file name or a program put in it is shown,
    never obeyed by the terminal."""
    print(f"companion: {safe_line(message)}", file=sys.stderr)


def load_notice(import_notes: Sequence[ImportNote] | None, program: str) -> str | None:
    """What loading `program` adjusted or skipped, in one line (None: nothing, or no file
    was read)."""
    if import_notes is None:
        return None
    from companion.present.import_report import import_summary  # only after an import

    return import_summary(import_notes, program)


@dataclass
class Context:
    args: argparse.Namespace
    program: Program
    clock: Clock
    # What loading the program's file adjusted or skipped, for `check` to list; None when
    # no file was read, and for other commands.
    import_notes: Sequence[ImportNote] | None = None
    updated: Updated | None = None  # what refreshing `--program URL` found, if it did
    load_notice: str | None = None  # what loading `--program` adjusted or skipped, in one line

    @cached_property
    def talk_names(self) -> dict[str, str]:
        """Per talk id, the shortest name commands take for it, to show beside the talk."""
        return short_names(self.program)

    @property
    def zone(self) -> tzinfo:
        return self.program.conference.zone

    def person_id(self, name: str) -> str | None:
        """The id of the person a typed id or name stands for, if anyone's."""
        try:
            return resolve_person(self.program, name)
        except AmbiguousName as error:
            raise UserError(
                f"{name!r} names {len(error.candidates)} people: "
                f"{', '.join(error.candidates)} (show one by its id)"
            ) from None

    def talk_id(self, name: str) -> str:
        """The id of the talk a typed name stands for (see `companion.talk_names`); the
        name itself when no talk answers to it, for the command to say so in its words."""
        try:
            return resolve_talk(self.program, name) or name
        except AmbiguousName as error:
            shown = ", ".join(error.candidates[:_CANDIDATES_SHOWN])
            more = len(error.candidates) - _CANDIDATES_SHOWN
            raise UserError(
                f"{name!r} names {len(error.candidates)} talks: {shown}"
                + (f" and {more} more" if more > 0 else "")
            ) from None

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The user's store for this conference, created if needed (read-only when it cannot
        be written now); raises StoreError."""
        store = Store.open(data_dir(), self.program.conference.id)
        try:
            _report(store)
            yield store
        finally:
            store.close()

    def has_store(self) -> bool:
        return store_exists(data_dir(), self.program.conference.id)

    def saved(self, *, browsing: bool = False) -> tuple[set[str], dict[str, str]]:
        """The user's stars and notes, read without creating or writing anything.

        Raises StoreError when they cannot be read; while only `browsing` the program
        (stars are a mark beside it), says why on stderr and goes on without them.
        """
        try:
            store = Store.read(data_dir(), self.program.conference.id)
        except StoreError as error:
            if not browsing:
                raise
            warn(f"{error}; stars not shown")
            return set(), {}
        try:
            _report(store)
            return store.starred_ids(), store.notes()
        finally:
            store.close()


def _report(store: Store) -> None:
    """Warn of a store file set aside and of damaged rows, once per command."""
    if store.moved_aside:
        warn(f"the store was unreadable; kept it as {store.moved_aside} and started anew")
    for damage in store.damaged:
        warn(f"damaged store: {damage}")
