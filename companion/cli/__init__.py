"""The command line: `companion` starts the TUI; subcommands serve scripts and shells.

Every failure a user can cause ends in one line on stderr and exit status 2. `run`
is the whole command line, callable in-process: it writes to `sys.stdout` and
`sys.stderr` as they are when called, and returns the exit status rather than exiting.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from companion.catalog import Opened, open_program
from companion.cli.check import cmd_check
from companion.cli.context import Context, UserError, load_notice, warn
from companion.cli.options import (
    EXIT_USAGE,
    NotOptionsAlone,
    OptionsParser,
    add_options,
    misplaced_options,
)
from companion.cli.tui import cmd_run_tui
from companion.clock import fixed_clock, parse_moment, system_clock
from companion.loading import ProgramError
from companion.program import Program
from companion.sources import is_url
from companion.store import StoreError
from companion.text import safe_line

if TYPE_CHECKING:
    from companion.subscription import Updated


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line on `argv` (default: the process's) and return its exit status."""
    try:
        parser, args = parse_command_line(argv)
    except SystemExit as done:  # --help, --version, or a usage error argparse has reported
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    try:
        if args.handler is None:  # a command that needs no program
            args.standalone(parser, args)
            return 0
        context = _context(args)
        status: int | None = args.handler(context)
    except (UserError, ProgramError, StoreError) as error:
        print(f"companion: error: {safe_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    return status or 0


def _context(args: argparse.Namespace) -> Context:
    """The program `--program` names, opened, and what opening it found said on stderr.

    The import's notes are kept for `check` alone, which lists them; other commands have
    their summary, and the app builds its search index without them (18,000 notes at
    50,000 talks: 7 MiB)."""
    opened, updated = _open(args.program)
    program = opened.program
    if opened.kept_as and updated is None:  # a refresh says what changed instead
        conference = program.conference
        renamed = (
            f" as {conference.id} ({opened.renamed_because})" if opened.renamed_because else ""
        )
        without = "offline" if args.program and is_url(args.program) else "without the file"
        warn(
            f"kept {conference.name} for offline use{renamed}: next time "
            f"`--program {conference.id}` works {without}"
        )
    if opened.keep_error:
        warn(f"could not keep the program for offline use: {opened.keep_error}")
    if opened.followed_from:
        warn(
            f"{program.conference.id} now follows {args.program} "
            f"(it followed {opened.followed_from})"
        )
    if opened.source_error and updated is None:
        warn(f"where the program came from could not be recorded: {opened.source_error}")
    if updated is not None and args.handler is not cmd_run_tui:  # the app shows it
        from companion.cli.update import report_update

        report_update(updated)
    clock = fixed_clock(_parse_now(args.now, program)) if args.now else system_clock
    notes = opened.import_notes
    notice = load_notice(notes, args.program)
    if notice and args.handler is not cmd_check:  # check lists them itself
        warn(notice)
    return Context(
        args, program, clock, notes if args.handler is cmd_check else None, updated, notice
    )


def parse_command_line(
    argv: Sequence[str] | None,
) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """The parser and what it read. Options alone start the app, and are read without
    building every command's parser (nor importing their modules); anything more (a
    command, --help, --version, a mistake) is read by the whole parser, from the start,
    which alone reports what is wrong."""
    options = OptionsParser(prog="companion", add_help=False)
    add_options(options)
    try:
        args, rest = options.parse_known_args(argv)
    except NotOptionsAlone:
        pass
    else:
        if not rest:
            args.handler = cmd_run_tui
            return options, args
    from companion.cli.commands import build_parser

    parser = build_parser()
    args, unrecognized = parser.parse_known_args(argv)
    if unrecognized:  # as `parse_args` would say, and where an option of ours goes
        parser.error(misplaced_options(unrecognized))
    return parser, args


def _open(spec: str | None) -> tuple[Opened, Updated | None]:
    """The program `--program` names, and for a URL already kept, what refreshing it found."""
    if spec is None or not is_url(spec):
        return open_program(spec), None
    from companion.subscription import open_url  # only for URLs: urllib

    subscribed = open_url(spec.strip())
    for problem in subscribed.problems:
        warn(problem)
    return subscribed.opened, subscribed.updated


def _parse_now(text: str, program: Program) -> datetime:
    try:
        return parse_moment(text, program.conference.zone)
    except ValueError as error:
        raise UserError(f"--now: {error}") from None
