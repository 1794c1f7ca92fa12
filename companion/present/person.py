"""A person in words: roles and affiliations."""

from __future__ import annotations

from companion.present.facts import Fact
from companion.program import Person

PER_TALK = "Affiliations are published per talk, not per author."


def person_facts(person: Person) -> list[Fact]:
    """Roles, then affiliations one under the other, and what an affiliation means here."""
    roles = ", ".join(str(role) for role in person.roles)
    facts = [Fact("Role" if len(person.roles) == 1 else "Roles", roles)]
    label = "Affiliation" if len(person.affiliations) == 1 else "Affiliations"
    facts += [
        Fact(label if index == 0 else "", text) for index, text in enumerate(person.affiliations)
    ]
    if person.talk_ids and person.affiliations:
        facts.append(Fact("", PER_TALK, aside=True))
    return facts
