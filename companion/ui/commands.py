"""Command palette providers: every talk and person, found by the app's search; and the
keys of the screen the palette is opened over.

The palette finds and ranks what the search dialog and the Speakers filter find,
through the same index. Titles and names come from the program, so hits are plain
`Content` highlighted here: Textual's `Matcher.highlight` and a hit's `help` would
read them as markup.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import partial
from typing import NamedTuple

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style
from textual.types import IgnoreReturnCallbackType

from companion.present.search import hit_details
from companion.search import WORD, HitKind
from companion.text import fold
from companion.ui.keys import key_label
from companion.ui.services import services

RESULT_LIMIT = 30  # as many as the search dialog offers
KIND_PREFIX = {HitKind.TALK: "Talk: ", HitKind.PERSON: "Person: "}


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


def highlighted(label: str, words: AbstractSet[str], style: Style) -> Content:
    """The label as typed, its words whose folded form is in `words` in `style`."""
    folded, origins = folded_with_origins(label)
    content = Content(label)
    for match in WORD.finditer(folded):
        if match.group() in words:
            content = content.stylize(style, origins[match.start()], origins[match.end() - 1] + 1)
    return content


def prompt(label: Content, help_text: str) -> Content:
    """The label, and the help below it dimmed, as the palette shows its own help."""
    return Content.assemble(label, "\n", (help_text, "dim")) if help_text else label


class ProgramCommands(Provider):
    """Open a talk or a person from the palette; accents need not be typed."""

    def _open(self, kind: HitKind, item_id: str) -> partial[None]:
        app = services(self.screen)
        return partial(app.open_talk if kind is HitKind.TALK else app.open_person, item_id)

    async def discover(self) -> Hits:
        program = services(self.screen).program
        for talk in program.talks[:10]:
            label = KIND_PREFIX[HitKind.TALK] + talk.title
            yield DiscoveryHit(
                prompt(Content(label), talk.where), self._open(HitKind.TALK, talk.id), text=label
            )

    async def search(self, query: str) -> Hits:
        style = self.matcher(query).match_style  # the palette's, else Textual's default
        app = services(self.screen)
        for hit in app.search_index.search(query, RESULT_LIMIT):
            prefix = KIND_PREFIX[hit.kind]
            shown = Content.assemble(prefix, highlighted(hit.label, hit.matched, style))
            details = hit_details(app.program, hit, app.display_zone)
            yield Hit(
                hit.score,
                prompt(shown, "\n".join(details)),
                self._open(hit.kind, hit.id),
                text=prefix + hit.label,
            )


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
            # The letters are matched in order: "past" is found in the label before the
            # help, "hide past" ("Hide or show what is over", the key "Past") after it.
            # The label alone scores a whole-name match above a longer name's ("Star"
            # over the app's "Starred"), which otherwise tied and came in any order.
            score = max(
                matcher.match(target.label),
                matcher.match(f"{target.label} {target.help_text}"),
                matcher.match(f"{target.help_text} {target.label}"),
            )
            if score > 0:
                shown = prompt(Content(target.label), target.help_text)
                yield Hit(score, shown, target.command, text=target.label)
