"""`companion completion bash|zsh`: a shell completion script, generated from the parser
by shtab, so it always knows every command, option and choice there is."""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh")

# shtab's own FILE completion (`shtab.FILE`) for our shells: marks an option that takes a
# file name. Written out rather than imported: shtab costs every command 60 ms to import.
FILE = {"bash": "_shtab_compgen_files", "zsh": "_files"}


def takes_file(action: argparse.Action) -> None:
    """Complete this option's value with file names."""
    action.complete = FILE  # type: ignore[attr-defined]  # read by shtab


def add_completion_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    parser.set_defaults(standalone=print_completion)


def print_completion(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    import shtab  # only here

    print(shtab.complete(parser, shell=args.shell), end="")
