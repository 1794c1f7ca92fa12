"""Labelled facts, the shape every detail view shares, and how they read as plain text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Fact(NamedTuple):
    """One labelled fact: "Affiliation" / "ETH Zurich".

    An empty label continues the fact above (a second affiliation). An aside remarks
    on the fact above (why a time is estimated) rather than being a fact of its own.
    """

    label: str
    text: str
    url: str = ""  # a link: `text` is its label
    aside: bool = False


class Section(NamedTuple):
    """A heading and paragraphs under it: an abstract, the scope of the event."""

    heading: str
    text: str


def link_text(fact: Fact) -> str:
    """A fact's text as plain text: a link's label followed by its address."""
    return f"{fact.text} <{fact.url}>" if fact.url else fact.text


def plain_facts(facts: Iterable[Fact], width: int = 0) -> list[str]:
    """Facts as plain lines, "Label: text", labels padded to `width` columns so the texts
    line up (0: not padded); continuations and asides line up under the texts."""
    lines = []
    for fact in facts:
        label = f"{fact.label}:" if fact.label and not fact.aside else ""
        pad = max(width, len(label) + 1) if label or width else 0
        lines.append(f"{label:<{pad}}{link_text(fact)}")
    return lines


def plain_sections(sections: Iterable[Section]) -> list[str]:
    """Sections as plain lines: a blank line, the heading, then the text."""
    lines = []
    for section in sections:
        lines += ["", f"{section.heading}:", section.text]
    return lines
