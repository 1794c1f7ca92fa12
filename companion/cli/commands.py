"""Every command's parser: what `companion --help` lists and each command reads.

Built only when the command line may name a command (see `companion.cli.run`): the
full-screen app, started with options alone, needs none of the commands' modules.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from companion import __version__
from companion.cli.browse import cmd_about, cmd_now, cmd_programs, cmd_show, cmd_speakers, cmd_talks
from companion.cli.check import cmd_check
from companion.cli.completion import add_completion_command, takes_file, takes_talk
from companion.cli.context import Context, print_json
from companion.cli.export import cmd_export
from companion.cli.options import Parser, add_options
from companion.cli.search import add_search_command, cmd_search
from companion.cli.serve import add_serve_command
from companion.cli.settings import add_settings_command, cmd_settings
from companion.cli.share import add_commands as add_share_commands
from companion.cli.stars import cmd_note, cmd_star, cmd_starred, cmd_unstar
from companion.cli.tui import cmd_run_tui
from companion.cli.update import add_update_command, cmd_update
from companion.cli.venue import add_commands as add_venue_commands
from companion.cli.venue import minutes
from companion.export import ExportFormat
from companion.present.command_help import description, epilogs

Handler = Callable[[Context], int | None]  # an exit status, or None for 0


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
    add_options(parser)
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


def _print_schema(_parser: argparse.ArgumentParser, _args: argparse.Namespace) -> None:
    from companion.program_file import ProgramFile  # pydantic: only for this command

    print_json(ProgramFile.model_json_schema(by_alias=True))
