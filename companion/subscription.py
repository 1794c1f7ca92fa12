"""Programs subscribed to by URL: fetched once, kept for offline use like a file, and
refreshed with conditional requests, each update saying what changed.

A failed refresh (no network, a timeout, an error page, a body that is not a program)
never touches the copy kept: the program opens from it, and the user is told why in one
line, with when that copy was fetched.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from companion.catalog import Opened, open_document
from companion.changes import ProgramChanges, compare
from companion.fetching import DEFAULT_TIMEOUT_SECONDS, fetch
from companion.kept_copy import find_kept, kept_path, programs_dir, read_kept
from companion.loading import MAX_PROGRAM_BYTES, ProgramError
from companion.program import Program
from companion.sources import (
    NO_VALIDATORS,
    Source,
    SourceError,
    now,
    read_source,
    write_source,
)


class Limits(NamedTuple):
    """How long and how much a fetch may take (tests make them small)."""

    timeout: float = DEFAULT_TIMEOUT_SECONDS
    cap: int = MAX_PROGRAM_BYTES


DEFAULT_LIMITS = Limits()


class Updated(NamedTuple):
    """One subscribed program after a refresh."""

    program_id: str
    source: Source  # as recorded after the refresh (or as it was, when it failed)
    changes: ProgramChanges | None = None  # None: not modified (or failed)
    error: str | None = None  # why the refresh failed; the kept copy is unchanged
    opened: Opened | None = None  # the refreshed program, when it changed
    old: Program | None = None  # the copy it replaced (names what was cancelled)


class Subscriptions(NamedTuple):
    programs: list[tuple[str, Source]]  # (id, source), every program kept from a URL
    problems: list[str]  # a line for each source record that could not be read (set aside)


def subscribed() -> Subscriptions:
    """Every kept program whose source is a URL, by id, and what could not be read."""
    found = Subscriptions([], [])
    for path in sorted(programs_dir().glob("*.source.json")):
        program_id = path.name.removesuffix(".source.json")
        try:
            source = read_source(kept_path(program_id))
        except SourceError as error:
            found.problems.append(str(error))
            continue
        if source is not None and source.is_url and find_kept(program_id) is not None:
            found.programs.append((program_id, source))
    return found


def subscription(program_id: str) -> Source:
    """Where a subscribed program is fetched from. Raises ProgramError when it is not one."""
    kept = find_kept(program_id)
    try:
        source = read_source(kept) if kept else None
    except SourceError as error:
        raise ProgramError(str(error)) from None
    if source is None or not source.is_url:
        raise ProgramError(f"{program_id}: not subscribed to a URL (load it with --program URL)")
    return source


def update(program_id: str, limits: Limits = DEFAULT_LIMITS) -> Updated:
    """Refresh a subscribed program from its URL. Raises ProgramError when it is not one."""
    source = subscription(program_id)
    kept = kept_path(program_id)  # its source record, whichever name the copy has
    old = _kept_program(program_id)
    # A kept copy that no longer reads is fetched whole: a 304 would leave it broken.
    validators = source.validators if old is not None else NO_VALIDATORS
    try:
        fetched = fetch(source.location, validators, timeout=limits.timeout, cap=limits.cap)
        if fetched.body is None:
            asked = source._replace(fetched=now())
            write_source(kept, asked)
            return Updated(program_id, asked)
        refreshed = Source(source.location, now(), fetched.validators)
        opened = open_document(fetched.body, refreshed, as_id=program_id, same_as=old)
    except (ProgramError, SourceError) as error:
        return Updated(program_id, source, error=str(error))
    if opened.keep_error:
        return Updated(program_id, source, error=opened.keep_error)
    return Updated(program_id, refreshed, compare(old, opened.program), opened=opened, old=old)


def _kept_program(program_id: str) -> Program | None:
    kept = find_kept(program_id)
    try:
        return read_kept(kept) if kept else None
    except ProgramError:
        return None


class Subscribed(NamedTuple):
    opened: Opened
    updated: Updated | None = None  # the refresh of a program already subscribed to
    problems: tuple[str, ...] = ()  # source records that could not be read (set aside)


def _same_address(one: str, other: str) -> bool:
    """Whether two URLs name one document: the scheme and host in any case, the rest as
    written (a path's case can matter to its server)."""
    try:
        a, b = urlsplit(one), urlsplit(other)
    except ValueError:
        return one == other
    return (a.scheme.lower(), a.netloc.lower(), a.path or "/", a.query) == (
        b.scheme.lower(),
        b.netloc.lower(),
        b.path or "/",
        b.query,
    )


def open_url(url: str, limits: Limits = DEFAULT_LIMITS) -> Subscribed:
    """The program at `url`: refreshed when already subscribed (the kept copy when that
    fails), else fetched and kept. Raises ProgramError when there is nothing to open."""
    found = subscribed()
    problems = tuple(found.problems)
    program_id = next(
        (pid for pid, source in found.programs if _same_address(source.location, url)), None
    )
    if program_id is None:
        fetched = fetch(url, NO_VALIDATORS, timeout=limits.timeout, cap=limits.cap)
        assert fetched.body is not None  # nothing was asked conditionally
        opened = open_document(fetched.body, Source(url, now(), fetched.validators))
        return Subscribed(opened, problems=problems)
    updated = update(program_id, limits)
    if updated.opened is not None:
        return Subscribed(updated.opened, updated, problems)
    kept = find_kept(program_id)
    if kept is None:
        raise ProgramError(f"{kept_path(program_id)}: no such file")  # removed meanwhile
    return Subscribed(Opened(read_kept(kept)), updated, problems)
