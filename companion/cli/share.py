"""`companion share` and `companion import-stars`: stars from one companion to another.

Their codes, readers and QR drawing are imported by the commands that use them, not by
every start (the parser is built on each one)."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from companion.cli.completion import takes_file
from companion.cli.context import Context, UserError
from companion.loading import MAX_PROGRAM_BYTES

if TYPE_CHECKING:
    from companion.star_import import ImportPlan
    from companion.star_sources import StarSource

DRY_RUN_DONE = "Dry run: nothing changed."

Command = Callable[..., argparse.ArgumentParser]


def add_commands(command: Command) -> None:
    share = command(
        "share",
        cmd_share,
        "your starred talks as a short code and a QR code, for another companion",
    )
    share.add_argument("--code", action="store_true", help="print only the code")
    stars = command(
        "import-stars",
        cmd_import_stars,
        "star the talks of a share code, an export (json, csv, ics) or a list of ids",
    )
    takes_file(
        stars.add_argument(
            "source", metavar="CODE|FILE|-", help="a share code, a file, or - for standard input"
        )
    )
    stars.add_argument(
        "--replace", action="store_true", help="your stars become exactly these (default: add)"
    )
    stars.add_argument("--dry-run", action="store_true", help="only show what would change")


def cmd_share(ctx: Context) -> None:
    from companion.present.share import CODE_HINT, NOTHING_TO_SHARE, share_heading, too_small
    from companion.qr_text import TERMINAL, draw_qr
    from companion.share_code import make_code

    starred, _ = ctx.saved()
    shared = [talk_id for talk_id in starred if ctx.program.has_talk(talk_id)]
    code = make_code(ctx.program, shared)
    if ctx.args.code:
        print(code)
        return
    columns, lines = shutil.get_terminal_size(TERMINAL)
    heading = share_heading(ctx.program, len(shared)) if shared else NOTHING_TO_SHARE
    text = [heading, code, CODE_HINT]
    text_lines = sum(-(-len(line) // columns) for line in text)
    drawn = draw_qr(code)
    print(heading)
    if drawn.fits(columns, lines - text_lines - 1):  # and the prompt after it
        print("\n".join(drawn.lines))
    else:
        print(too_small(drawn.width, drawn.height + text_lines + 1, columns, lines))
    print(code)
    print(CODE_HINT)


def cmd_import_stars(ctx: Context) -> None:
    from companion.present.share import done_words
    from companion.star_import import apply_import, plan_import

    source = _read_source(ctx)
    replace = ctx.args.replace
    if ctx.args.dry_run:  # reads the stars without creating or writing anything
        starred, notes = ctx.saved()
        _preview(ctx, plan_import(source, starred, notes, replace=replace))
        print(DRY_RUN_DONE)
        return
    with ctx.store() as store:
        plan = plan_import(source, store.starred_ids(), store.notes(), replace=replace)
        _preview(ctx, plan)
        if plan.changes:
            apply_import(plan, ctx.program, store)
            print(done_words(plan))


def _preview(ctx: Context, plan: ImportPlan) -> None:
    from companion.present.share import preview_lines

    for line in preview_lines(plan, ctx.program, replace=ctx.args.replace):
        print(line)


def _standard_input() -> bytes:
    """What is piped in, up to the same cap as any file."""
    raw = sys.stdin.buffer.read(MAX_PROGRAM_BYTES + 1)
    if len(raw) > MAX_PROGRAM_BYTES:
        raise UserError(f"standard input: larger than {MAX_PROGRAM_BYTES // 2**20} MiB")
    return raw


def _read_source(ctx: Context) -> StarSource:
    from companion.present.share import other_program
    from companion.star_sources import (
        OtherProgram,
        StarSourceError,
        decoded,
        read_stars,
        source_text,
    )

    spec: str = ctx.args.source
    try:
        text = decoded(_standard_input(), "standard input") if spec == "-" else source_text(spec)
        return read_stars(text, ctx.program)
    except OtherProgram as error:
        raise UserError(other_program(error.program_id, ctx.program)) from None
    except StarSourceError as error:
        raise UserError(str(error)) from None
