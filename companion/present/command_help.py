"""What every `--help` says below its options: an example, where the data is, the exit
statuses. Written once here; `companion.cli` gives it to each command."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from companion.paths import DATA_DIR_VARIABLE, data_dir
from companion.settings import CONFIG_DIR_VARIABLE, config_dir

HELP_WIDTH = 78  # what a description is wrapped to: an 80-column terminal, as argparse does

# One real command line per command; a test runs each through the parser.
EXAMPLES = {
    "": "companion --now 2026-02-01T16:30 --theme textual-light",
    "talks": "companion talks --json",
    "speakers": "companion speakers",
    "show": "companion show magellan",
    "search": "companion search ngan vu",
    "now": "companion --now 2026-02-01T16:30 now --json",
    "agenda": "companion agenda",
    "remind": "companion remind --watch --exec notify-send",
    "about": "companion about --json",
    "star": "companion star magellan xtc",
    "unstar": "companion unstar xtc",
    "starred": "companion starred --json",
    "note": 'companion note magellan "ask about the search budget"',
    "export": "companion export -f ics -o c4ml.ics --alarm 10",
    "programs": "companion programs --json",
    "update": "companion update --json",
    "check": "companion --program schedule.xml check",
    "settings": "companion settings theme textual-light",
    "share": "companion share --code",
    "import-stars": "companion import-stars STARS1AJRTI3LMFUZDAMRWAC725TSKDMSWMV6B2CCAY --dry-run",
    "serve": "companion serve --port 8080",
    "completion": "companion completion bash "
    "> ~/.local/share/bash-completion/completions/companion",
    "schema": "companion schema > program.schema.json",
}


def description(text: str) -> str:
    """A command's description, wrapped as argparse would (its epilog is kept as written)."""
    return textwrap.fill(text, HELP_WIDTH)


def epilogs() -> Callable[[str], str]:
    """`epilog(command)`, the text under a command's options (command "" for `companion`
    itself, which alone can exit 1); where the data is is looked up once, not per command."""
    where = [
        "where your data is:",
        f"  {DATA_DIR_VARIABLE}    stars, notes, kept programs (now {data_dir()})",
        f"  {CONFIG_DIR_VARIABLE}  settings.toml (now {config_dir()})",
    ]

    def epilog(command: str) -> str:
        example = EXAMPLES.get(command, f"companion {command}".strip())
        crashed = ["  1    the full-screen app crashed: a bug, please report it"]
        return "\n".join(
            [
                "example:",
                f"  {example}",
                "",
                *where,
                "",
                "exit status:",
                "  0    done",
                *([] if command else crashed),
                "  2    an error, said in one line on standard error (a mistyped option, an",
                "       unknown id, an unreadable program file...)",
                "  130  interrupted (Ctrl+C)",
            ]
        )

    return epilog
