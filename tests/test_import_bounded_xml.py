"""XML that nests or repeats without end is refused before its tree is built (a 120 MB
file of unclosed elements once took 11 GB and 80 s to refuse), and a real schedule,
however large, is not."""

from __future__ import annotations

import pytest

from companion.importers import frab_xml
from companion.importers.fields import ImportProblem
from tests.conftest import FIXTURES


def test_elements_nested_without_end_are_refused_by_their_depth() -> None:
    deep = "<schedule>" + "<a>" * (frab_xml.MAX_DEPTH + 1)  # never closed, as in an attack
    refused = rf"^refused XML \(elements nested more than {frab_xml.MAX_DEPTH} deep\)$"
    with pytest.raises(ImportProblem, match=refused):
        frab_xml.read_frab_xml(deep)


def test_elements_repeated_without_end_are_refused_by_their_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(frab_xml, "MAX_ELEMENTS", 1_000)
    flat = "<schedule>" + "<a/>" * 1_001 + "</schedule>"
    with pytest.raises(ImportProblem, match=r"^refused XML \(more than 1,000 elements\)$"):
        frab_xml.read_frab_xml(flat)


def test_a_real_schedule_is_within_both() -> None:
    fields = frab_xml.read_frab_xml((FIXTURES / "fosdemish.xml").read_bytes())
    assert len(fields.events) == 5
