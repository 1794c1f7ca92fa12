"""HTML in a program's prose turned into readable plain text, once, at import.

Programs such as FOSDEM's publish abstracts as HTML. Shown as it is, a reader sees
`<p>` and `<a href=...>`; stripped of tags, a link loses where it goes. Here
paragraphs become blank-line-separated, list items "• " or "1. " lines, `<br>` a
line break, a link its label followed by its target ("label <https://...>"),
entities their characters; scripts and styles are dropped. The result is still
untrusted text: it goes through `text.safe_prose` like any other prose.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A start or end tag as HTML writes one: "a < b" or "x<y" in plain text is not one, and
# neither is "vector<int>", whose name is no element of HTML (see `_ELEMENTS`).
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
_WHITESPACE_RUN = re.compile(r"\s+")
_LINK_TARGETS = ("http://", "https://", "mailto:")
# Lists nested deeper are indented no further: a stranger's 25,000 nested items must not
# cost 25,000 squared spaces.
DEEPEST_INDENT = 6

_PARAGRAPH, _LINE = 2, 1  # how many line breaks a break is
_BLOCKS = {
    *("p", "div", "section", "article", "header", "footer", "aside", "main", "nav"),
    *("figure", "blockquote", "pre", "table", "dl", "hr", "address", "details", "summary"),
    *("h1", "h2", "h3", "h4", "h5", "h6"),
}
_LINES = {"tr", "dt", "dd"}
_CELLS = {"td", "th"}
_HIDDEN = {"script", "style", "template", "head", "title"}
_LISTS = {"ul", "ol", "menu"}
_INLINE = {
    *("a", "br", "li", "span", "em", "strong", "b", "i", "u", "s", "code", "tt", "kbd"),
    *("samp", "var", "small", "sub", "sup", "mark", "q", "cite", "abbr", "del", "ins"),
    *("img", "font", "strike", "html", "body"),
}
_ELEMENTS = _BLOCKS | _LINES | _CELLS | _HIDDEN | _LISTS | _INLINE


class _Marker(str):
    """A list item's "• " or "1. ": a break straight after one is not a new line."""


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str | int] = []  # text, or a break of so many lines
        self._lists: list[list[int]] = []  # per open list: [next number], or [] unnumbered
        self._links: list[tuple[str, int]] = []  # per open <a>: its target, where its label starts
        self._hidden = 0  # depth inside script, style ...
        self._preformatted = 0
        self._item_indent = ""  # as wide as the open list item's marker
        self._hanging = ""  # indents the next text after a <br> inside a list item

    def _break(self, lines: int) -> None:
        if self._parts and isinstance(self._parts[-1], _Marker):
            return
        self._parts.append(min(lines, _LINE) if self._lists else lines)

    def _at_line_start(self) -> bool:
        last = self._parts[-1] if self._parts else _PARAGRAPH
        return isinstance(last, int) or last.endswith((" ", "\n"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _LISTS:
            self._break(_PARAGRAPH)
            self._lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._break(_LINE)
            numbering = self._lists[-1] if self._lists else []
            indent = "  " * min(max(len(self._lists) - 1, 0), DEEPEST_INDENT)
            if numbering:
                marker = _Marker(f"{indent}{numbering[0]}. ")
                numbering[0] += 1
            else:
                marker = _Marker(f"{indent}• ")
            self._parts.append(marker)
            self._hanging = ""
            self._item_indent = " " * len(marker)
        elif tag == "a":
            if self._links:  # links do not nest: a new one ends the one open (as in HTML)
                self._end_link(*self._links.pop())
            self._links.append((dict(attrs).get("href") or "", len(self._parts)))
        elif tag == "br":
            self._parts.append(_LINE)
            self._hanging = self._item_indent if self._lists else ""
        else:
            self._block(tag, starts=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":  # <a href=... /> has no label: show where it goes
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _LISTS:
            if self._lists:
                self._lists.pop()
            self._break(_PARAGRAPH)
        elif tag == "li":
            self._break(_LINE)
            self._hanging = ""
        elif tag == "a" and self._links:
            self._end_link(*self._links.pop())
        else:
            self._block(tag, starts=False)

    def _block(self, tag: str, *, starts: bool) -> None:
        if tag in _BLOCKS:
            self._break(_PARAGRAPH)
            if tag == "pre" and starts:
                self._preformatted += 1
            elif tag == "pre" and self._preformatted:
                self._preformatted -= 1
        elif tag in _LINES:
            self._break(_LINE)
        elif tag in _CELLS and starts and not self._at_line_start():
            self._parts.append(" ")

    def _end_link(self, target: str, label_start: int) -> None:
        target = target.strip()
        if not target.lower().startswith(_LINK_TARGETS):
            return  # a page anchor or a script: nothing a reader can follow
        label = "".join(p for p in self._parts[label_start:] if isinstance(p, str)).strip()
        shown = target.removeprefix("mailto:")
        if not label:
            self._parts.append(shown)
        elif label.rstrip("/") not in (target.rstrip("/"), shown):
            space = "" if self._at_line_start() else " "  # one space, where the label left one
            self._parts.append(f"{space}<{shown}>")

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._preformatted:
            lines = data.split("\n")
            for number, line in enumerate(lines):
                if line:
                    self._parts.append(line)
                if number < len(lines) - 1:
                    self._parts.append(_LINE)
            return
        text = _WHITESPACE_RUN.sub(" ", data)
        if self._at_line_start():
            text = text.lstrip(" ")
        if text:
            self._parts.append(self._hanging + text)
            self._hanging = ""

    def text(self) -> str:
        self.close()
        out: list[str] = []
        pending = 0
        for part in self._parts:
            if isinstance(part, int):
                pending = max(pending, part) if out else 0
            elif part:
                out.append("\n" * pending + part)
                pending = 0
        lines = "".join(out).split("\n")
        return "\n".join(line.rstrip() for line in lines).strip("\n")


def has_markup(text: str) -> bool:
    """Whether `text` holds at least one HTML tag (so is HTML, not plain text)."""
    return any(tag.group(1).lower() in _ELEMENTS for tag in _TAG.finditer(text))


def readable_text(text: str) -> str:
    """`text` as plain text: HTML converted (see the module's docstring), plain text as is."""
    if not has_markup(text):
        return text
    converter = _Converter()
    converter.feed(text)
    return converter.text()
