"""The command line, the Markdown export and the talk screen say the same of a talk.

Each is read as its reader sees it (printed lines, the file, what is drawn) and parsed
on its own terms into labelled facts; the three must agree, in the same order."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from companion.ui.app import CompanionApp
from tests.cli_driving import call_cli
from tests.driving import drawn_lines, show_talk

Facts = list[tuple[str, str]]
SHARED = {"Authors", "Affiliation", "Where", "Time", "Type", "Link", ""}  # "": an aside


def normal(text: str) -> str:
    """What a reader reads: no Markdown escapes, no <> around addresses, single spaces."""
    return " ".join(re.sub(r"[<>]|\\(?=\S)", "", text).split())


def dedent(lines: list[str]) -> list[str]:
    """Drawn lines without the widget's padding: the margin they all share, trailing blanks."""
    margin = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return [line[margin:].rstrip() for line in lines]


def parse(lines: Iterable[str], fact: str, more: str) -> Facts:
    """(label, text) of each line matching `fact`, ("", text) of each matching `more`."""
    facts = []
    for line in lines:
        if found := re.fullmatch(fact, line):
            facts.append((found["label"], normal(found["text"])))
        elif found := re.fullmatch(more, line):
            facts.append(("", normal(found["text"])))
    return [(label, text) for label, text in facts if label in SHARED]


@pytest.mark.parametrize("talk_id", ["magellan", "xtc"])
async def test_cli_markdown_and_talk_screen_agree(
    talk_id: str, tmp_path: Path, make_app: Callable[..., CompanionApp]
) -> None:
    shown = call_cli("show", talk_id).stdout.splitlines()
    cli = parse(shown, r"(?P<label>\w+):\s+(?P<text>.+)", r"\s{13}(?P<text>.+)")

    assert call_cli("star", talk_id).returncode == 0
    exported = tmp_path / "agenda.md"
    assert call_cli("export", "-f", "md", "-o", str(exported)).returncode == 0
    agenda = exported.read_text(encoding="utf-8").splitlines()
    markdown = parse(agenda, r"- (?P<label>\w+): (?P<text>.+)", r"  - (?P<text>.+)")

    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await show_talk(pilot, talk_id)
        drawn = dedent(drawn_lines(app.screen.query_one("#talk-facts", Static)))
        authors = [line.strip() for line in drawn_lines(app.screen.query_one(OptionList))]
    screen = parse(drawn, r"(?P<label>\w+)\s{2,}(?P<text>.+)", r"\s{14}(?P<text>.+)")
    screen.insert(0, ("Authors", ", ".join(name for name in authors if name)))

    assert cli == markdown == screen
    assert [label for label, _ in cli][:4] == ["Authors", "Affiliation", "Where", "Time"]
    assert any(label == "" and text.startswith("estimated: ") for label, text in cli)
