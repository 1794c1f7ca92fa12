"""`companion completion bash|zsh`: a shell completion script, generated from the parser
by shtab, so it always knows every command, option and choice there is."""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh")

# shtab's own FILE completion (`shtab.FILE`) for our shells: marks an option that takes a
# file name. Written out rather than imported: shtab costs every command 60 ms to import.
FILE = {"bash": "_shtab_compgen_files", "zsh": "_files"}


# Talk names, read from `companion talks`, whose every talk begins a line with "[name] ".
TALK = {"bash": "_companion_talk_ids", "zsh": "_companion_talk_ids"}
_TALK_IDS = r"companion talks 2>/dev/null | sed -n 's/^\[\([^] ]*\)\] .*/\1/p'"
PREAMBLE = {
    "bash": f'_companion_talk_ids() {{\n  compgen -W "$({_TALK_IDS})" -- "$1"\n}}\n',
    "zsh": f'_companion_talk_ids() {{\n  compadd -- ${{(f)"$({_TALK_IDS})"}}\n}}\n',
}


def takes_file(action: argparse.Action) -> None:
    """Complete this option's value with file names."""
    action.complete = FILE  # type: ignore[attr-defined]  # read by shtab


def takes_talk(action: argparse.Action) -> None:
    """Complete this argument with the ids of the (bundled) program's talks."""
    action.complete = TALK  # type: ignore[attr-defined]  # read by shtab


def add_completion_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    parser.set_defaults(standalone=print_completion)


def print_completion(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    import shtab  # only here

    print(shtab.complete(parser, shell=args.shell, preamble=PREAMBLE[args.shell]), end="")
