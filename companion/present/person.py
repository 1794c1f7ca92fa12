"""A person in words: roles, affiliations, links and biography."""

from __future__ import annotations

from companion.present.facts import Fact, Section
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
    return facts + [Fact("Link", link.label, url=link.url) for link in person.links]


def person_sections(person: Person) -> list[Section]:
    """The person's biography, when the program publishes one."""
    return [Section("Biography", person.biography)] if person.biography else []


def namesake_hint(program: Program, person: Person) -> str:
    """What tells a person from another of the same name in a list: their first talk's
    title ("" when no one else has the name)."""
    if person.name not in program.shared_names or not person.talk_ids:
        return ""
    return f"“{program.talk(person.talk_ids[0]).title}”"
