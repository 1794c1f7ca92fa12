"""The command line: `companion` starts the TUI; subcommands serve scripts and shells.

Every failure a user can cause ends in one line on stderr and exit status 2. `run`
is the whole command line, callable in-process: it writes to `sys.stdout` and
`sys.stderr` as they are when called, and returns the exit status rather than exiting.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NoReturn

from companion import __version__
from companion.catalog import Opened, open_program
from companion.cli.browse import (
    cmd_about,
    cmd_now,
    cmd_programs,
    cmd_run_tui,
    cmd_show,
    cmd_speakers,
    cmd_talks,
)
from companion.cli.check import cmd_check
from companion.cli.completion import add_completion_command, takes_file, takes_talk
from companion.cli.context import Context, UserError, print_json, warn
from companion.cli.export import cmd_export
from companion.cli.search import add_search_command, cmd_search
from companion.cli.serve import add_serve_command
from companion.cli.settings import add_settings_command, cmd_settings, theme_argument
from companion.cli.share import add_commands as add_share_commands
from companion.cli.stars import cmd_note, cmd_star, cmd_starred, cmd_unstar
from companion.cli.update import add_update_command, cmd_update
from companion.cli.venue import add_commands as add_venue_commands
from companion.cli.venue import minutes
from companion.clock import fixed_clock, parse_moment, system_clock
from companion.export import ExportError, ExportFormat
from companion.loading import ProgramError
from companion.present.command_help import description, epilogs
from companion.program import Program
from companion.sources import is_url

if TYPE_CHECKING:
    from companion.subscription import Updated
from companion.store import StoreError
from companion.text import safe_line

EXIT_USAGE = 2

Handler = Callable[[Context], int | None]  # an exit status, or None for 0


class Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line like every other error (the usage itself
    is one `--help` away); what the user typed is shown, never obeyed by the terminal."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, f"{self.prog}: error: {safe_line(message)} (see {self.prog} --help)\n"
        )


def build_parser() -> argparse.ArgumentParser:
    epilog = epilogs()
    parser = Parser(
        prog="companion",
        description=description(
            "C4ML 2026 companion: the program, offline, in your terminal. Without a command "
            "it starts the full-screen app; `companion COMMAND --help` tells of each command."
        ),
        epilog=epilog(""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    program_option = parser.add_argument(
        "--program",
        metavar="PATH|URL|ID",
        help="a program file (native, frab schedule.xml, c3voc schedule.json or iCalendar), "
        "or its http(s) URL, kept for offline use (a URL is refreshed each time, the kept "
        "copy used when that fails), or the id of a kept program (default: the bundled "
        "C4ML 2026)",
    )
    takes_file(program_option)
    parser.add_argument(
        "--now",
        metavar="DATETIME",
        help="pretend it is this ISO 8601 time, e.g. 2026-02-01T16:30 "
        "(without an offset: the venue's time)",
    )
    parser.add_argument(
        "--theme",
        type=theme_argument,
        metavar="NAME",
        help="the app's theme for this run only, e.g. textual-light for a bright room "
        "(`companion settings theme NAME` keeps one)",
    )
    parser.set_defaults(handler=cmd_run_tui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, handler: Handler | None, text: str, json_flag: bool = False
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=text,
            description=description(text),
            epilog=epilog(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler)
        if json_flag:
            sub.add_argument("--json", action="store_true", help="print JSON, for scripts")
        return sub

    command("talks", cmd_talks, "list the talks in program order", json_flag=True)
    command("speakers", cmd_speakers, "list every author and organizer", json_flag=True)
    show = command("show", cmd_show, "show one talk or person by id", json_flag=True)
    takes_talk(
        show.add_argument(
            "id", help="a talk id or short name (see `companion talks`), or a person's id or name"
        )
    )
    add_search_command(
        command(
            "search",
            cmd_search,
            "find talks and people, as the app's search does (titles, people, rooms, abstracts)",
            json_flag=True,
        )
    )
    command("now", cmd_now, "say what is on now and what comes next", json_flag=True)
    add_venue_commands(command)
    command("about", cmd_about, "the event: date, venue, links, contact", json_flag=True)
    star = command("star", cmd_star, "star talks by id")
    takes_talk(star.add_argument("ids", nargs="+", metavar="ID", help="a talk's id or short name"))
    unstar = command("unstar", cmd_unstar, "remove the star from talks by id")
    takes_talk(
        unstar.add_argument("ids", nargs="+", metavar="ID", help="a talk's id or short name")
    )
    command(
        "starred",
        cmd_starred,
        "list your starred talks, with what moved since you last looked",
        json_flag=True,
    )
    note = command(
        "note", cmd_note, "print a talk's note; with TEXT set it; with an empty TEXT clear it"
    )
    takes_talk(note.add_argument("id", metavar="ID", help="a talk's id or short name"))
    note.add_argument("text", nargs="*", metavar="TEXT", help="the new note (its words joined)")
    add_share_commands(command)
    export = command(
        "export", cmd_export, "export your starred talks (or --all) as ics, md, csv or json"
    )
    export.add_argument(
        "--format",
        "-f",
        required=True,
        choices=[f.value for f in ExportFormat],
        help="calendar, Markdown, CSV or JSON",
    )
    output_option = export.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="the file to write, or - for standard output (default: your documents folder)",
    )
    takes_file(output_option)
    export.add_argument("--all", action="store_true", help="the whole program, not just stars")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.add_argument(
        "--alarm", type=minutes, metavar="MINUTES", help="ics: remind MINUTES before each talk"
    )
    command(
        "programs", cmd_programs, "list the programs you have (bundled and kept)", json_flag=True
    )
    add_update_command(
        command(
            "update",
            cmd_update,
            "refresh the programs subscribed to by URL and say what changed "
            "(exit 1 when a refresh failed; its kept copy stays)",
            json_flag=True,
        )
    )
    command(
        "check",
        cmd_check,
        "list each event that loading the program adjusted or skipped, with its reason",
    )
    add_settings_command(
        command(
            "settings",
            cmd_settings,
            "show the settings kept between runs; with NAME VALUE change one",
            json_flag=True,
        )
    )
    add_serve_command(command)
    completion = command("completion", None, "print a shell completion script for bash or zsh")
    add_completion_command(completion)
    schema = command("schema", None, "print the JSON Schema of the program file format")
    schema.set_defaults(standalone=_print_schema)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line on `argv` (default: the process's) and return its exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error argparse has reported
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    try:
        if args.handler is None:  # a command that needs no program
            args.standalone(parser, args)
            return 0
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
        context = Context(args, program, clock, opened.import_notes, updated)
        if context.load_notice and args.handler is not cmd_check:  # check lists them itself
            warn(context.load_notice)
        status: int | None = args.handler(context)
    except (UserError, ProgramError, StoreError, ExportError) as error:
        print(f"companion: error: {safe_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    return status or 0


def _open(spec: str | None) -> tuple[Opened, Updated | None]:
    """The program `--program` names, and for a URL already kept, what refreshing it found."""
    if spec is None or not is_url(spec):
        return open_program(spec), None
    from companion.subscription import open_url  # only for URLs: urllib

    subscribed = open_url(spec.strip())
    for problem in subscribed.problems:
        warn(problem)
    return subscribed.opened, subscribed.updated


def _print_schema(_parser: argparse.ArgumentParser, _args: argparse.Namespace) -> None:
    from companion.program_file import ProgramFile  # pydantic: only for this command

    print_json(ProgramFile.model_json_schema(by_alias=True))


def _parse_now(text: str, program: Program) -> datetime:
    try:
        return parse_moment(text, program.conference.zone)
    except ValueError as error:
        raise UserError(f"--now: {error}") from None
