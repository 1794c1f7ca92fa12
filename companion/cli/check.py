"""`companion check`: what loading the program adjusted or skipped, event by event."""

from __future__ import annotations

from companion.cli.context import Context


def cmd_check(ctx: Context) -> None:
    """A line per event with its reason; the program loaded, so the status is 0."""
    from companion.present.import_report import ALL_AS_GIVEN, no_file_read, note_line

    if ctx.import_notes is None:
        print(no_file_read(ctx.program.conference.id))
        return
    for note in ctx.import_notes:
        print(note_line(note))
    if not ctx.import_notes:
        print(ALL_AS_GIVEN)
