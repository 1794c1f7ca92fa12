"""Command palette provider: every talk and person, found by fuzzy match."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from companion.text import fold
from companion.ui.services import services


class ProgramCommands(Provider):
    """Open a talk or a person from the palette; accents need not be typed."""

    def _targets(self) -> list[tuple[str, str, partial[None]]]:
        app = services(self.screen)
        talks = [
            (f"Talk: {talk.title}", talk.where, partial(app.open_talk, talk.id))
            for talk in app.program.talks
        ]
        people = [
            (
                f"Person: {person.name}",
                "; ".join(person.affiliations),
                partial(app.open_person, person.id),
            )
            for person in app.program.people
        ]
        return talks + people

    async def discover(self) -> Hits:
        for label, help_text, callback in self._targets()[:10]:
            yield DiscoveryHit(label, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for label, help_text, callback in self._targets():
            score = matcher.match(fold(label))
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, help=help_text)
