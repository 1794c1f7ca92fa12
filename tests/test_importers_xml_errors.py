"""A truncated XML file is one error line whatever defusedxml raises for it.

defusedxml 0.7.0 parses with its own copy of ElementTree, so the ParseError it raises is
not `xml.etree.ElementTree.ParseError`; the reader must not depend on which one it gets.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pytest

from companion.cli import run
from companion.importers import frab_xml
from tests.conftest import FIXTURES

TRUNCATED = (FIXTURES / "fosdemish.xml").read_bytes()[:700]


class ForeignParseError(SyntaxError):
    """A ParseError from another copy of ElementTree, as defusedxml 0.7.0 raises."""


def _parse_as_defusedxml_0_7_0(xml: str | bytes) -> NoReturn:
    raise ForeignParseError("no element found: line 20, column 0")


@pytest.mark.parametrize("foreign", [False, True], ids=["ElementTree's error", "0.7.0's error"])
def test_truncated_xml_is_one_line_and_exit_2(
    foreign: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if foreign:
        monkeypatch.setattr(frab_xml, "parse_xml", _parse_as_defusedxml_0_7_0)
    path = tmp_path / "schedule.xml"
    path.write_bytes(TRUNCATED)
    assert run(["--program", str(path), "talks"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith(f"companion: error: {path}: frab schedule.xml: not well-formed XML (")
