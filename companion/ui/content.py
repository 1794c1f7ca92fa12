"""Program text as Textual content built from parts, never parsed as markup.

A program comes from strangers: "[b]", "[ @click=app.quit]" or "[0, 1)" in a title
must show as typed, never style the screen, run an action or fail to parse. So screens
assemble `Content` from plain strings and styles of their own, and hand outside text
only to APIs that take it as `Content` (or to `notify(..., markup=False)`).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.style import Style

from companion.present.facts import Fact, Section


def labelled(label: str, value: str | Content, width: int) -> Content:
    """One line of facts: the label in bold, padded to `width` columns, then the value."""
    return Content.assemble((label, "bold"), " " * (width - len(label)), value)


def hyperlink(label: str, url: str) -> Content:
    """The label as a terminal hyperlink to `url`, then the url itself.

    The link is a style, which the terminal follows on click: never an action. A url with
    control characters, which would break out of the hyperlink's escape sequence, is shown
    but not linked.
    """
    return Content.assemble((label, Style(link=url) if url.isprintable() else ""), " ", url)


def stacked(lines: Iterable[str | Content]) -> Content:
    """Lines one under the other; strings are plain text."""
    return Content("\n").join(Content(line) if isinstance(line, str) else line for line in lines)


def fact_line(fact: Fact, width: int) -> Content:
    """A fact from the presentation layer: labelled, a link as a hyperlink, an aside in
    italics under the facts' values."""
    if fact.aside:
        return Content.assemble(" " * (width + 1), (fact.text, "italic"))
    value = hyperlink(fact.text, fact.url) if fact.url else Content(fact.text)
    return labelled(fact.label, value, width)


def facts_lines(facts: Iterable[Fact], width: int) -> list[str | Content]:
    return [fact_line(fact, width) for fact in facts]


def section_lines(sections: Iterable[Section]) -> list[str | Content]:
    """Each section after a blank line: its heading in bold, then its text."""
    lines: list[str | Content] = []
    for section in sections:
        lines += ["", Content.styled(section.heading, "bold"), section.text]
    return lines
