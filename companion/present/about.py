"""The event in words: when, where, who organizes it, how to reach them, its scope."""

from __future__ import annotations

from typing import NamedTuple

from companion.present.dates import date_range
from companion.present.facts import Fact, Section
from companion.present.words import NOT_PUBLISHED
from companion.program import Program


class About(NamedTuple):
    name: str
    title: str
    subtitle: str  # "" when the program gives none
    facts: list[Fact]
    sections: list[Section]
    notes: list[str]  # remarks of the program's authors, each a short paragraph
    version: str  # which edition of the program this is ("" when it does not say)


def about(program: Program) -> About:
    conference = program.conference
    when = date_range(conference.start_date, conference.end_date)
    facts = [Fact("When", f"{when} ({conference.timezone})")]
    venue = conference.venue
    if venue is not None:
        facts.append(Fact("Where", venue.name))
        if venue.address:
            facts.append(Fact("", venue.address))
        if venue.city:
            facts.append(Fact("", venue.city))
        if venue.room or not program.rooms:  # else each talk names its room
            facts.append(Fact("", f"Room: {venue.room or NOT_PUBLISHED}"))
    if conference.co_located_with:
        facts.append(Fact("With", conference.co_located_with))
    facts += [
        Fact("Organizers" if index == 0 else "", ", ".join(filter(None, (o.name, o.affiliation))))
        for index, o in enumerate(conference.organizers)
    ]
    if conference.contact:
        facts.append(Fact("Contact", conference.contact))
    facts += [Fact("Web", link.label, url=link.url) for link in conference.links]
    sections = [Section("Scope", conference.scope)] if conference.scope else []
    version = f"Program: {conference.program_version}" if conference.program_version else ""
    return About(
        conference.name,
        conference.title,
        conference.subtitle or "",
        facts,
        sections,
        list(conference.notes),
        version,
    )


def headline(event: About) -> tuple[str, str]:
    """The name to show first and what follows it: ("C4ML 2026", " — 7th Workshop on ..."),
    or the title alone when the name is the title (as an imported program's is)."""
    return (event.name, "") if event.name == event.title else (event.name, f" — {event.title}")
