"""Command palette providers: every talk and person, found by fuzzy match; and the keys
of the screen the palette is opened over.

Titles and names come from the program, so hits are plain `Content` highlighted here:
Textual's `Matcher.highlight` and a hit's `help` would read them as markup.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.types import IgnoreReturnCallbackType

from companion.text import fold
from companion.ui.keys import key_label
from companion.ui.services import services


class Target(NamedTuple):
    label: str
    help_text: str
    command: IgnoreReturnCallbackType


def folded_with_origins(text: str) -> tuple[str, list[int]]:
    """`text` folded a character at a time, and where in `text` each folded letter came from
    (folding can drop a combining mark or make one letter two)."""
    pieces = [fold(char) for char in text]
    origins = [index for index, piece in enumerate(pieces) for _ in piece]
    return "".join(pieces), origins


def highlighted(matcher: Matcher, label: str) -> Content:
    """The label as typed, its letters that the (folded) query matched in the match style."""
    folded, origins = folded_with_origins(label)
    _, offsets = matcher.fuzzy_search.match(matcher.query, folded)
    content = Content(label)
    for index in sorted({origins[offset] for offset in offsets}):
        if not label[index].isspace():
            content = content.stylize(matcher.match_style, index, index + 1)
    return content


def prompt(label: Content, help_text: str) -> Content:
    """The label, and the help below it dimmed, as the palette shows its own help."""
    return Content.assemble(label, "\n", (help_text, "dim")) if help_text else label


class ProgramCommands(Provider):
    """Open a talk or a person from the palette; accents need not be typed."""

    def _targets(self) -> list[Target]:
        app = services(self.screen)
        talks = [
            Target(f"Talk: {talk.title}", talk.where, partial(app.open_talk, talk.id))
            for talk in app.program.talks
        ]
        people = [
            Target(
                f"Person: {person.name}",
                "; ".join(person.affiliations),
                partial(app.open_person, person.id),
            )
            for person in app.program.people
        ]
        return talks + people

    async def discover(self) -> Hits:
        for target in self._targets()[:10]:
            yield DiscoveryHit(
                prompt(Content(target.label), target.help_text), target.command, text=target.label
            )

    async def search(self, query: str) -> Hits:
        folded = fold(query)
        if not folded:  # only combining marks: nothing to match (Textual's matcher would raise)
            return
        matcher = self.matcher(folded)
        for target in self._targets():
            score = matcher.match(fold(target.label))
            if score > 0:
                shown = prompt(highlighted(matcher, target.label), target.help_text)
                yield Hit(score, shown, target.command, text=target.label)


class ScreenCommands(Provider):
    """The screen's own keys as commands, those that act there now (as its footer shows
    them), so the palette reaches every action and not only the app's."""

    def _targets(self) -> list[Target]:
        screen = self.screen
        targets = []
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.tooltip:
                continue
            _, name, parameters = parse(binding.action)
            if screen.check_action(name, parameters):
                run = partial(self.app.run_action, binding.action, screen)
                help_text = f"{binding.tooltip} ({key_label(binding.key)})"
                targets.append(Target(binding.description, help_text, run))
        return targets

    async def discover(self) -> Hits:
        for target in self._targets():
            yield DiscoveryHit(
                prompt(Content(target.label), target.help_text), target.command, text=target.label
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for target in self._targets():
            score = matcher.match(f"{target.label} {target.help_text}")  # "hide" finds "Past"
            if score > 0:
                shown = prompt(Content(target.label), target.help_text)
                yield Hit(score, shown, target.command, text=target.label)
