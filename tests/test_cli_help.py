"""A command line that helps itself: every `--help` names its arguments, shows a working
example, where the data is and the exit statuses; `companion completion` completes."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import shtab

from companion.cli.commands import build_parser
from companion.cli.completion import FILE
from companion.present.command_help import EXAMPLES
from tests.cli_driving import call_cli


def _help(name: str) -> str:
    result = call_cli(*name.split(), "--help")
    assert result.returncode == 0
    return result.stdout


def _section(text: str, heading: str) -> list[str]:
    """The lines of a help section, up to the blank line that ends it."""
    lines = text.splitlines()
    if heading not in lines:
        return []
    rest = lines[lines.index(heading) + 1 :]
    return rest[: rest.index("")] if "" in rest else rest


def _arguments(text: str) -> dict[str, str]:
    """Each argument a help lists (as it is invoked), with the help text it gives."""
    entries: dict[str, str] = {}
    for heading in ("positional arguments:", "options:"):
        invocation = ""
        for line in _section(text, heading):
            if line.startswith("  ") and not line.startswith("   "):
                invocation, _, words = line.strip().partition("  ")
                entries[invocation] = words.strip()
            else:
                entries[invocation] += " " + line.strip()
    return entries


# Every command the top-level help lists, and `companion` itself ("").
COMMANDS = [""] + [
    line.split()[0]
    for line in _section(_help(""), "commands:")
    if line.startswith("    ") and not line.startswith("     ")
]
# Examples that run for ever (the app, a server, a watch) or need a file of the user's.
NOT_RUN = {"", "serve", "remind", "check", "update"}  # update: fetches (tests/test_subscription.py)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_help_names_its_arguments_an_example_the_data_and_the_exit_statuses(
    name: str,
) -> None:
    shown = _help(name)
    arguments = _arguments(shown)
    assert "-h, --help" in arguments
    assert all(arguments.values()), f"{name}: an argument without help: {arguments}"
    assert f"example:\n  {EXAMPLES[name]}\n" in shown
    assert "COMPANION_DATA_DIR" in shown and "COMPANION_CONFIG_DIR" in shown
    assert "exit status:\n  0    done\n" in shown
    assert "\n  2    an error, said in one line on standard error" in shown


def test_every_command_has_an_example_of_its_own() -> None:
    assert {"talks", "show", "serve", "completion", "schema"} < set(COMMANDS)
    assert set(EXAMPLES) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - NOT_RUN))
def test_each_example_works(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where `export -o c4ml.ics` writes
    argv = shlex.split(EXAMPLES[name])
    argv = argv[1 : argv.index(">") if ">" in argv else None]  # the shell's redirection
    result = call_cli(*argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout or name in {"star", "unstar", "note", "export"}


@pytest.mark.parametrize("name", sorted(NOT_RUN))
def test_examples_not_run_still_parse(name: str) -> None:
    build_parser().parse_args(shlex.split(EXAMPLES[name])[1:])


@pytest.mark.parametrize("name", ["now", "about", "agenda"])
def test_now_about_and_agenda_print_json_too(name: str) -> None:
    assert "--json" in call_cli(name, "--help").stdout
    assert call_cli(name, "--json").stdout.startswith(("[", "{"))


def _completion(shell: str, tmp_path: Path) -> Path:
    result = call_cli("completion", shell)
    assert result.returncode == 0 and result.stderr == ""
    script = tmp_path / f"companion.{shell}"
    script.write_text(result.stdout)
    return script


def _bash_completes(script: Path, *words: str) -> list[str]:
    """What bash offers for the last of `words`, with the script loaded as a user would."""
    words = ("companion", *words)
    line = " ".join(shlex.quote(word) for word in words)
    code = (
        f"source {shlex.quote(str(script))}\n"
        "complete -p companion >/dev/null || exit 3\n"
        f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n"
        f"_shtab_companion companion {shlex.quote(words[-1])} {shlex.quote(words[-2])}\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    # Talk ids come from `companion talks`: the one installed beside this Python.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    done = subprocess.run(
        ["bash", "-c", code],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PATH": path},
    )
    assert done.returncode == 0, done.stderr
    return [word.strip() for word in done.stdout.splitlines()]


def test_bash_takes_the_script_and_completes_commands_choices_talks_and_files(
    tmp_path: Path,
) -> None:
    script = _completion("bash", tmp_path)
    syntax = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr
    assert sorted(_bash_completes(script, "se")) == ["search", "serve", "settings"]
    assert sorted(_bash_completes(script, "export", "-f", "")) == ["csv", "ics", "json", "md"]
    assert _bash_completes(script, "completion", "z") == ["zsh"]
    assert _bash_completes(script, "show", "mag") == ["magellan"]
    assert sorted(_bash_completes(script, "star", "magellan", "d")) == [
        "deeptools",
        "defeat-the-heap",
    ]
    (tmp_path / "schedule.xml").touch()
    typed = str(tmp_path / "sched")
    assert _bash_completes(script, "--program", typed) == [str(tmp_path / "schedule.xml")]


def test_zsh_takes_the_script(tmp_path: Path) -> None:
    script = _completion("zsh", tmp_path)
    assert script.read_text().startswith("#compdef companion")
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed: its syntax check alone is skipped")
    syntax = subprocess.run(["zsh", "-n", str(script)], capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr


def test_file_options_complete_as_shtab_would() -> None:
    assert {shell: shtab.FILE[shell] for shell in FILE} == FILE
