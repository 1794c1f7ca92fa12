"""A person in words: roles and affiliations."""

from __future__ import annotations

from companion.present.facts import Fact
from companion.program import Person, Program, Role

PER_TALK = "Affiliations are published per talk, not per author."


def role_names(program: Program, person: Person) -> str:
    """ "author, organizer"; a talk program's presenters are speakers, as it calls them."""
    speaker = program.conference.presenters.removesuffix("s")
    return ", ".join(speaker if role is Role.AUTHOR else str(role) for role in person.roles)


def person_facts(program: Program, person: Person) -> list[Fact]:
    """Roles, then affiliations one under the other, and what an affiliation means here."""
    roles = role_names(program, person)
    facts = [Fact("Role" if len(person.roles) == 1 else "Roles", roles)]
    label = "Affiliation" if len(person.affiliations) == 1 else "Affiliations"
    facts += [
        Fact(label if index == 0 else "", text) for index, text in enumerate(person.affiliations)
    ]
    if person.talk_ids and person.affiliations:
        facts.append(Fact("", PER_TALK, aside=True))
    return facts
