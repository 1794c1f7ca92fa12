"""The command line: `companion` starts the TUI; subcommands serve scripts and shells.

Every failure a user can cause ends in one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from companion import __version__
from companion.clock import (
    Clock,
    describe_now_next,
    fixed_clock,
    format_day,
    parse_moment,
    system_clock,
    zone_label,
)
from companion.loading import ProgramError, load_program
from companion.model import ProgramFile
from companion.paths import data_dir
from companion.program import Program
from companion.render import (
    person_details,
    person_json,
    short_authors,
    talk_details,
    talk_json,
    talk_line,
)
from companion.store import Store, StoreError, store_path

EXIT_USAGE = 2


class UserError(Exception):
    """Something the user asked for cannot be done; the message is one line."""


@dataclass
class Context:
    """What every command needs: the program, the clock and the user's data."""

    args: argparse.Namespace
    program: Program
    clock: Clock

    @property
    def zone(self) -> tzinfo:
        return self.program.conference.zone

    def starred_ids(self) -> set[str]:
        """The user's stars, without creating a store when there is none yet."""
        if not store_path(data_dir(), self.program.conference.id).exists():
            return set()
        store = Store.open(data_dir(), self.program.conference.id)
        try:
            return store.starred_ids()
        finally:
            store.close()


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_talks(ctx: Context) -> None:
    starred = ctx.starred_ids()
    talks = ctx.program.talks
    if ctx.args.json:
        print_json([talk_json(talk, starred=talk.id in starred) for talk in talks])
        return
    conference = ctx.program.conference
    print(f"{conference.name} — {conference.title}")
    print(
        f"Times in {conference.timezone} ({zone_label(ctx.zone, talks[0].start)})"
        if talks
        else "No talks in this program."
    )
    if any(talk.estimated for talk in talks):
        print("≈ marks an estimated time: only session windows were published.")
    for slot, session_talks in ctx.program.agenda():
        if not session_talks:
            continue
        print(f"\n{slot.title}")
        for talk in session_talks:
            print(f"{talk_line(talk, ctx.zone, starred=talk.id in starred)}  [{talk.id}]")
            print(f"{'':15}{short_authors(talk.authors)} — {talk.affiliation or ''}")


def cmd_speakers(ctx: Context) -> None:
    people = ctx.program.people
    if ctx.args.json:
        print_json([person_json(person) for person in people])
        return
    width = max((len(person.name) for person in people), default=0)
    for person in people:
        roles = ", ".join(str(role) for role in person.roles)
        print(f"{person.name:<{width}}  {roles:<17}  {'; '.join(person.affiliations)}")


def cmd_show(ctx: Context) -> None:
    program, item_id = ctx.program, ctx.args.id
    starred = ctx.starred_ids()
    if program.has_talk(item_id):
        talk = program.talk(item_id)
        if ctx.args.json:
            print_json([talk_json(talk, starred=talk.id in starred)])
        else:
            print("\n".join(talk_details(program, talk, ctx.zone, starred=talk.id in starred)))
        return
    try:
        person = program.person(item_id)
    except KeyError:
        raise UserError(
            f"no talk or person with id {item_id!r} (see `companion talks` "
            "and `companion speakers --json`)"
        ) from None
    if ctx.args.json:
        print_json([person_json(person)])
    else:
        print("\n".join(person_details(program, person, ctx.zone, starred)))


def cmd_now(ctx: Context) -> None:
    print(describe_now_next(ctx.program, ctx.clock(), ctx.zone))


def cmd_about(ctx: Context) -> None:
    conference = ctx.program.conference
    lines = [f"{conference.name} — {conference.title}", format_day(conference.start_date)]
    lines.append(
        conference.venue.name
        + (f", {conference.venue.address}" if conference.venue.address else "")
    )
    if conference.co_located_with:
        lines.append(f"Co-located with {conference.co_located_with}")
    lines.extend(f"{link.label}: {link.url}" for link in conference.links)
    if conference.contact:
        lines.append(f"Contact: {conference.contact}")
    print("\n".join(lines))


def cmd_run_tui(ctx: Context) -> None:
    from companion.ui.app import CompanionApp  # Textual loads only for the TUI.

    CompanionApp(ctx.program, clock=ctx.clock).run()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="companion",
        description="C4ML 2026 companion: the program, offline, in your terminal. "
        "Without a command it starts the full-screen app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--program",
        type=Path,
        metavar="PATH",
        help="a program file in the native format (default: bundled C4ML 2026)",
    )
    parser.add_argument(
        "--now",
        metavar="DATETIME",
        help="pretend it is this ISO 8601 time, e.g. 2026-02-01T16:30 "
        "(without an offset: the venue's time)",
    )
    parser.set_defaults(handler=cmd_run_tui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, handler: Callable[[Context], None], text: str, json_flag: bool = False
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
        if json_flag:
            sub.add_argument("--json", action="store_true", help="print a JSON array")
        return sub

    command("talks", cmd_talks, "list the talks in program order", json_flag=True)
    command("speakers", cmd_speakers, "list every author and organizer", json_flag=True)
    show = command("show", cmd_show, "show one talk or person by id", json_flag=True)
    show.add_argument("id", help="a talk id (see `companion talks`) or a person id")
    command("now", cmd_now, "say what is on now and what comes next")
    command("about", cmd_about, "the event: date, venue, links, contact")
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the program format",
        description="print the JSON Schema of the program format",
    )
    schema.set_defaults(handler=None)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.handler is None:
            print_json(ProgramFile.model_json_schema(by_alias=True))
            return 0
        program = load_program(args.program)
        clock = fixed_clock(_parse_now(args.now, program)) if args.now else system_clock
        args.handler(Context(args, program, clock))
    except (UserError, ProgramError, StoreError) as error:
        print(f"companion: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _parse_now(text: str, program: Program) -> datetime:
    try:
        return parse_moment(text, program.conference.zone)
    except ValueError:
        raise UserError(f"--now: {text!r} is not an ISO 8601 date and time") from None
