"""`companion`'s own options (--program, --now, --theme): the quick reading that starts the
app says of every command line what the whole parser says, wherever `--theme` stands."""

from __future__ import annotations

import argparse
import io
import re
from contextlib import redirect_stderr, redirect_stdout

import pytest

from companion.cli import parse_command_line
from companion.cli.commands import build_parser
from companion.cli.options import OWN_OPTIONS
from companion.cli.tui import cmd_run_tui
from tests.cli_driving import Ran, assert_clean_error, call_cli

SEE_HELP = " (see companion --help)\n"

COMMAND_LINES = [
    ["--help", "--theme", "BAD"],
    ["--theme", "BAD", "--help"],
    ["--version", "--theme", "BAD"],
    ["--theme", "BAD"],
    ["--theme=BAD"],
    ["--theme"],
    ["--theme", "textual-light"],
    ["--theme=textual-light"],
    ["--the", "nord", "--now", "2026-02-01T11:10"],
    ["--theme", "textual-light", "talks"],
    ["--theme", "BAD", "talks"],
    ["talks", "--theme", "textual-light"],
    ["talks", "--theme", "BAD"],
    ["talks", "--theme=BAD"],
    ["talks", "--help", "--theme", "BAD"],
    ["--bogus", "--theme", "textual-light"],
    ["--"],
    ["--", "--theme", "BAD"],
    ["--theme", "textual-light", "--"],
]


def whole_parser(argv: list[str]) -> argparse.Namespace | Ran:
    """What every command's parser, given the whole command line, reads or reports."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            return build_parser().parse_args(argv)
        except SystemExit as done:
            assert isinstance(done.code, int)
            return Ran(done.code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_every_command_line_is_read_as_the_whole_parser_reads_it(argv: list[str]) -> None:
    expected = whole_parser(argv)
    if isinstance(expected, argparse.Namespace):  # read, not run: it may start the app
        assert vars(parse_command_line(argv)[1]) == vars(expected)
        return
    got = call_cli(*argv)
    assert got.returncode == expected.returncode
    assert got.stdout == expected.stdout
    # The same report, which may say more of where an option goes.
    assert got.stderr.startswith(expected.stderr.removesuffix(SEE_HELP)), got.stderr


def test_help_is_printed_whatever_theme_follows() -> None:
    done = call_cli("--help", "--theme", "BAD")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: companion")
    assert done.stderr == ""


@pytest.mark.parametrize("argv", [["--theme", "BAD"], ["--theme=BAD"]], ids=" ".join)
def test_the_app_is_not_started_with_a_theme_there_is_not(argv: list[str]) -> None:
    assert_clean_error(call_cli(*argv), "argument --theme: no theme called BAD", "textual-light")


@pytest.mark.parametrize("argv", [["--theme", "nord"], ["--theme=nord"]], ids=" ".join)
def test_the_app_starts_with_the_theme_named(argv: list[str]) -> None:
    _, args = parse_command_line(argv)
    assert args.handler is cmd_run_tui
    assert args.theme == "nord"


def test_a_theme_before_a_command_is_taken_and_the_command_runs() -> None:
    done = call_cli("--theme", "textual-light", "talks")
    assert done.returncode == 0
    assert done.stdout.startswith("C4ML 2026")


@pytest.mark.parametrize("theme", ["textual-light", "BAD"])
def test_a_theme_after_a_command_is_refused_saying_where_it_goes(theme: str) -> None:
    assert_clean_error(
        call_cli("talks", "--theme", theme),
        f"unrecognized arguments: --theme {theme}",
        "--theme go before the command",
    )


def test_an_unknown_option_after_a_command_gets_no_word_about_ours() -> None:
    done = call_cli("talks", "--bogus")
    assert_clean_error(done, "unrecognized arguments: --bogus")
    assert "before the command" not in done.stderr


def test_the_options_said_to_go_before_the_command_are_those_companion_has() -> None:
    usage = build_parser().format_usage()
    assert set(re.findall(r"\[(--[a-z-]+)", usage)) - {"--version"} == set(OWN_OPTIONS)


@pytest.mark.parametrize("option", ["--program=c4ml-2026", "--now=2026-02-01T11:10", "--the=nord"])
def test_each_of_our_options_after_a_command_is_said_to_go_before_it(option: str) -> None:
    assert_clean_error(call_cli("talks", option), option, "go before the command")
