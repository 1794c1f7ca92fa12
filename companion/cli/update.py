"""`companion update`: refresh the programs subscribed to by URL, saying what changed."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from companion.cli.context import Context, UserError, print_json, warn
from companion.paths import data_dir
from companion.store import Store, StoreError

if TYPE_CHECKING:
    from companion.subscription import Updated

EXIT_SOME_FAILED = 1


def add_update_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ids",
        nargs="*",
        metavar="ID",
        help="the programs to refresh (default: every program subscribed to by URL)",
    )


def cmd_update(ctx: Context) -> int:
    """0 when every refresh succeeded or found nothing new; 1 when one failed (its kept
    copy is untouched)."""
    from companion.subscription import subscribed, subscription, update  # urllib: only here

    found = subscribed()
    for problem in found.problems:
        warn(problem)
    ids = list(dict.fromkeys(ctx.args.ids)) or [program_id for program_id, _ in found.programs]
    if not ids:
        raise UserError("no program is subscribed to a URL (load one with --program URL)")
    for program_id in ids:  # a mistyped id is said before anything is fetched
        subscription(program_id)
    results = [update(program_id) for program_id in ids]
    if ctx.args.json:
        print_json([_json(result) for result in results])
    else:
        for result in results:
            _print(result)
    return EXIT_SOME_FAILED if any(result.error for result in results) else 0


def _json(result: Updated) -> dict[str, Any]:
    from companion.present.changes import changes_json  # only after a refresh, as urllib

    data: dict[str, Any] = {
        "id": result.program_id,
        "status": "failed"
        if result.error
        else "updated"
        if result.changes is not None
        else "not modified",
        "fetched": result.source.fetched.isoformat(),
    }
    if result.error:
        data["error"] = result.error
    if result.changes is not None:
        data["changes"] = changes_json(result.changes)
    return data


def _print(result: Updated, out: TextIO | None = None) -> None:
    """A refresh as text: on standard output for `update`, on `out` (standard error) when
    it came with another command (`--program URL talks`)."""
    from companion.present.changes import change_line, change_rows, failed_words, summary

    if result.error:
        warn(failed_words(result.program_id, result.error, result.source.fetched))
        return
    if result.opened and result.opened.source_error:
        warn(
            f"where {result.program_id} came from could not be recorded: "
            f"{result.opened.source_error}"
        )
    print(summary(result.program_id, result.changes), file=out)
    if result.changes and result.opened:
        starred = _starred(result.program_id)
        for row in change_rows(result.opened.program, result.old, result.changes, starred):
            print(f"  {change_line(row)}", file=out)


def report_update(result: Updated) -> None:
    """What refreshing `--program URL` changed, said before the command's own output."""
    if result.error or result.changes:
        _print(result, sys.stderr)


def _starred(program_id: str) -> set[str]:
    """The stars on a program, to list them first; none when they cannot be read."""
    try:
        store = Store.read(data_dir(), program_id)
    except StoreError:
        return set()
    try:
        return store.starred_ids()
    finally:
        store.close()
