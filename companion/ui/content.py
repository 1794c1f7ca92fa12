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
from companion.ui.hanging import Hanging, Indented


def labelled(label: str, value: str | Content, width: int) -> Indented:
    """One line of facts: the label in bold, padded to `width` columns, then the value,
    which wraps under itself."""
    label_column = Content.assemble((label, "bold"), " " * (width - len(label)))
    return Indented(label_column, Content(value) if isinstance(value, str) else value)


def hyperlink(label: str, url: str) -> Content:
    """The label as a terminal hyperlink to `url`, then the url itself.

    The link is a style, which the terminal follows on click: never an action. A url with
    control characters, which would break out of the hyperlink's escape sequence, is shown
    but not linked.
    """
    return Content.assemble((label, Style(link=url) if url.isprintable() else ""), " ", url)


def stacked(lines: Iterable[str | Content | Indented]) -> Hanging:
    """Lines one under the other; strings are plain text. A line that starts with spaces
    wraps under its text, as a labelled one does."""
    return Hanging(
        line
        if isinstance(line, Indented)
        else indented(Content(line) if isinstance(line, str) else line)
        for line in lines
    )


def indented(line: Content) -> Indented:
    """The line's leading spaces as its prefix."""
    indent = len(line.plain) - len(line.plain.lstrip(" "))
    return Indented(line[:indent], line[indent:])


def fact_line(fact: Fact, width: int) -> Indented:
    """A fact from the presentation layer: labelled, a link as a hyperlink, an aside in
    italics under the facts' values."""
    if fact.aside:
        return Indented(Content(" " * (width + 1)), Content.styled(fact.text, "italic"))
    value = hyperlink(fact.text, fact.url) if fact.url else Content(fact.text)
    return labelled(fact.label, value, width)


def facts_lines(facts: Iterable[Fact], width: int) -> list[str | Content | Indented]:
    return [fact_line(fact, width) for fact in facts]


def section_lines(sections: Iterable[Section]) -> list[str | Content | Indented]:
    """Each section after a blank line: its heading in bold, then its text."""
    lines: list[str | Content | Indented] = []
    for section in sections:
        lines += ["", Content.styled(section.heading, "bold"), section.text]
    return lines
