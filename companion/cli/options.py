"""The options of `companion` itself, and the parser every command line is read with."""

from __future__ import annotations

import argparse
from typing import NoReturn

from companion.cli.completion import takes_file
from companion.cli.settings import theme_argument
from companion.text import safe_line

EXIT_USAGE = 2
OWN_OPTIONS = ("--program", "--now", "--theme")  # what `add_options` adds


class Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line like every other error (the usage itself
    is one `--help` away); what the user typed is shown, never obeyed by the terminal."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, f"{self.prog}: error: {safe_line(message)} (see {self.prog} --help)\n"
        )


class NotOptionsAlone(Exception):
    """The command line is more than `companion`'s own options, or a mistake in them."""


class OptionsParser(argparse.ArgumentParser):
    """The options alone, read to start the app without building every command's parser.
    It reports nothing: what it cannot read (a command, `--help`, a bad theme) is the whole
    parser's to read from the start, so both say the same of every command line."""

    def error(self, message: str) -> NoReturn:
        raise NotOptionsAlone(message)


def misplaced_options(unrecognized: list[str]) -> str:
    """Why a command refused `unrecognized`, in a few words: argparse's, and when one is
    `companion`'s own option (a theme given to `talks`), where that one goes."""
    words = f"unrecognized arguments: {' '.join(unrecognized)}"
    if any(_is_own_option(word) for word in unrecognized):
        *others, last = OWN_OPTIONS
        words += f"; companion's own options {', '.join(others)} and {last} go before the command"
    return words


def _is_own_option(word: str) -> bool:
    """`--theme`, `--theme=NAME`, or an abbreviation argparse would take for one of them."""
    name = word.partition("=")[0]
    return len(name) > 2 and any(option.startswith(name) for option in OWN_OPTIONS)


def add_options(parser: argparse.ArgumentParser) -> None:
    """`companion`'s own options, which come before any command (but `--version`, which
    only the whole parser knows: see `companion.cli.run`)."""
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
