"""Commands for the day at the venue: `agenda` (my day, its gaps and clashes) and `remind`."""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from companion.agenda import AgendaTalk, Gap, agenda, now_position
from companion.cli.context import Context, UserError, print_json, warn
from companion.clock import Clock, format_day, format_window
from companion.present.agenda import (
    clashes_with,
    edge_words,
    fits_words,
    free_words,
    now_line,
)
from companion.present.data import talk_json
from companion.present.starred import HOW_TO_STAR, NOTHING_STARRED
from companion.present.talk import talk_line
from companion.program import Talk
from companion.reminders import (
    DEFAULT_BEFORE,
    OnceClaims,
    fire_due,
    reminder_text,
    upcoming,
    watch,
)

LISTED_FITS = 5  # talks listed under a gap in text; `--json` gives them all
EXEC_TIMEOUT_SECONDS = 30  # a notifier that hangs longer is left behind, with a warning
INDENT = " " * 15  # under a talk line's title


class AddCommand(Protocol):
    """How `companion.cli.commands.build_parser` adds a command."""

    def __call__(
        self,
        name: str,
        handler: Callable[[Context], int | None],
        text: str,
        json_flag: bool = False,
    ) -> argparse.ArgumentParser: ...


def minutes(text: str) -> timedelta:
    """An argparse type: a whole number of minutes, from 0 to a week."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None
    if not 0 <= value <= 7 * 24 * 60:
        raise argparse.ArgumentTypeError(f"{value} minutes: give 0 to 10080 (a week)")
    return timedelta(minutes=value)


def add_commands(command: AddCommand) -> None:
    command(
        "agenda",
        cmd_agenda,
        "your day: starred talks in time order, the free gaps between them and what "
        "fits them, and which talks clash",
        json_flag=True,
    )
    remind = command(
        "remind",
        cmd_remind,
        "say which starred talks start within the next few minutes (nothing when none)",
    )
    remind.add_argument(
        "--before",
        type=minutes,
        metavar="MINUTES",
        help="how far ahead to look (default: as set in the app, else "
        f"{DEFAULT_BEFORE.seconds // 60})",
    )
    remind.add_argument(
        "--watch",
        action="store_true",
        help="keep running and say each reminder once, when it is due (Ctrl+C stops)",
    )
    remind.add_argument(
        "--exec",
        metavar="CMD",
        help="run CMD with the reminder as its last argument instead of printing it, once per "
        "reminder (no shell: e.g. --exec notify-send)",
    )


# -- agenda -------------------------------------------------------------------


def cmd_agenda(ctx: Context) -> None:
    starred, _ = ctx.saved()
    days = agenda(ctx.program, starred)
    if ctx.args.json:
        print_json([_entry_json(entry) for day in days for entry in day.entries])
        return
    if not days:
        print(f"{NOTHING_STARRED} {HOW_TO_STAR}")
        return
    now = ctx.clock()
    for number, day in enumerate(days):
        print(f"{'' if number == 0 else chr(10)}== {format_day(day.day)} ==")
        lines = [_entry_lines(ctx, entry) for entry in day.entries]
        position = now_position(day, now, ctx.program)
        if position is not None:
            lines.insert(position, [f"  {now_line(now, ctx.zone)}"])
        for entry_lines in lines:
            print("\n".join(entry_lines))


def _entry_json(entry: AgendaTalk | Gap) -> dict[str, Any]:
    if isinstance(entry, AgendaTalk):
        data = talk_json(entry.talk, starred=True)
        # `kind` says what the entry is; the talk's own kind (lecture, workshop...) moves over.
        data["talk_kind"] = data.pop("kind")
        return {"kind": "talk", **data, "overlaps": list(entry.overlaps)}
    return {
        "kind": "gap",
        "start": entry.start.isoformat(),
        "end": entry.end.isoformat(),
        "minutes": entry.minutes,
        "estimated": entry.estimated,
        "fits": [talk.id for talk in entry.fits],
        "edges": [talk.id for talk in entry.edges],
    }


def _entry_lines(ctx: Context, entry: AgendaTalk | Gap) -> list[str]:
    zone = ctx.zone
    if isinstance(entry, AgendaTalk):
        talk = entry.talk
        lines = [f"{talk_line(talk, zone, starred=True)}  [{ctx.talk_names[talk.id]}]"]
        if talk.room:
            lines.append(f"{INDENT}room {talk.room}")
        lines += [
            f"{INDENT}{clashes_with(_named(ctx.program.talk(other), ctx))}"
            for other in entry.overlaps
        ]
        return lines
    window = format_window(entry.start, entry.end, zone, entry.estimated)
    lines = [f"  {window:<12} {free_words(entry)}", f"{INDENT}{fits_words(entry)}"]
    listed = [(talk, "") for talk in entry.fits]
    listed += [(talk, f" ({edge_words(talk, entry)})") for talk in entry.edges]
    lines += [f"{INDENT}{_timed(talk, ctx)}{how}" for talk, how in listed[:LISTED_FITS]]
    if len(listed) > LISTED_FITS:
        lines.append(f"{INDENT}+{len(listed) - LISTED_FITS} more (see --json)")
    return lines


def _named(talk: Talk, ctx: Context) -> str:
    return f"{talk.title} [{ctx.talk_names[talk.id]}]"


def _timed(talk: Talk, ctx: Context) -> str:
    window = format_window(talk.start, talk.end, ctx.zone, talk.estimated)
    return f"  {window:<12} {_named(talk, ctx)}"


# -- remind -------------------------------------------------------------------


def cmd_remind(ctx: Context) -> int:
    """Print (or --exec) the reminders due now; with --watch, each when it falls due.

    A listing is a question asked again and again (a shell prompt, a status line): it
    records nothing. A notification (--exec, --watch) fires once, also after a restart.
    """
    program, before = ctx.program, ctx.args.before
    if before is None:
        from companion.settings import load_settings

        loaded = load_settings()
        if loaded.problem:
            warn(loaded.problem)
        before = loaded.settings.remind_before
    command = _exec_command(ctx.args.exec) if ctx.args.exec else None

    def notify(talk: Talk, now: datetime) -> None:
        text = reminder_text(program, talk, now, ctx.zone)
        if command is None:
            print(text, flush=True)
        else:
            _run(command, text)

    if ctx.args.watch:
        with ctx.store() as store:
            try:
                watch(
                    program,
                    store.starred_ids,
                    OnceClaims(store.claim_reminder, warn),
                    notify,
                    before=before,
                    clock=_running_clock(ctx),
                    sleep=time.sleep,
                )
            except KeyboardInterrupt:  # how a watch is meant to end
                return 0
    now = ctx.clock()
    if command is None:
        for talk in upcoming(program, ctx.saved()[0], now, before):
            notify(talk, now)
    elif ctx.has_store():  # else nothing is starred, and asking creates nothing
        with ctx.store() as store:
            fire_due(
                program,
                store.starred_ids(),
                now,
                before,
                OnceClaims(store.claim_reminder, warn),
                notify,
            )
    return 0


def _running_clock(ctx: Context) -> Clock:
    """The clock of a watch: with --now, time runs on from that moment."""
    if not ctx.args.now:
        return ctx.clock
    start, began = ctx.clock(), time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def _exec_command(spec: str) -> list[str]:
    """CMD split as a shell would split words, but never run by one."""
    try:
        words = shlex.split(spec)
    except ValueError as error:
        raise UserError(f"--exec: {error}") from None
    if not words:
        raise UserError("--exec: give a command")
    if shutil.which(words[0]) is None:
        raise UserError(f"--exec: no command {words[0]!r} found")
    return words


def _run(command: list[str], text: str) -> None:
    """Run the notifier with `text` as one argument (no shell ever reads it)."""
    try:
        result = subprocess.run(
            [*command, text],
            stdin=subprocess.DEVNULL,
            timeout=EXEC_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        warn(f"--exec {command[0]}: {error}")
        return
    if result.returncode:
        warn(f"--exec {command[0]} exited with status {result.returncode}")
