"""`companion export`: starred talks (or the whole program) to ics, md, csv or json."""

from __future__ import annotations

import sys

from companion.cli.context import Context, UserError, warn
from companion.export import (
    ExportError,
    ExportFormat,
    build_export,
    export_target,
    render,
    suggested_path,
    write_export,
)
from companion.present.starred import GONE
from companion.present.words import count


def cmd_export(ctx: Context) -> None:
    try:
        _export(ctx)
    except ExportError as error:  # as any other failure a user can cause: one line
        raise UserError(str(error)) from None


def _export(ctx: Context) -> None:
    export_format = ExportFormat(ctx.args.format)
    if ctx.args.alarm is not None and export_format is not ExportFormat.ICS:
        raise UserError("--alarm is for calendars: use it with --format ics")
    starred, notes = ctx.saved()
    export = build_export(
        ctx.program, starred, notes, everything=ctx.args.all, alarm=ctx.args.alarm
    )
    text = render(export, export_format)
    if ctx.args.output == "-":
        sys.stdout.write(text)
    else:
        target = (
            export_target(ctx.args.output)
            if ctx.args.output is not None
            else suggested_path(export, export_format)
        )
        write_export(text, target, overwrite=ctx.args.force)
        print(f"Wrote {count(len(export.talks), 'talk')} to {target}")
    # Said once the export is written: a failed export is its one line of error alone.
    gone = sorted(talk_id for talk_id in starred if not ctx.program.has_talk(talk_id))
    if gone:
        left_out = count(len(gone), "starred talk")
        warn(f"left out {left_out} {GONE}: {', '.join(gone)}")
    if not export.talks:
        warn("nothing starred yet: the export is empty (star talks with `companion star ID`)")
