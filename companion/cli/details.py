"""A talk and a person in full, as plain text: the facts the app's screens show."""

from __future__ import annotations

from datetime import tzinfo

from companion.present.facts import Fact, plain_facts, plain_sections
from companion.present.person import person_facts, person_sections
from companion.present.talk import (
    authors_fact,
    listing_day,
    note_fact,
    starred_fact,
    talk_facts,
    talk_line,
    talk_sections,
)
from companion.present.words import count
from companion.program import Person, Program, Talk
from companion.talk_names import short_names

LABEL_WIDTH = 13  # the facts' label column


def talk_details(
    program: Program, talk: Talk, zone: tzinfo, *, starred: bool, note: str
) -> list[str]:
    """Everything known about a talk, as the app's talk screen says it."""
    facts = [authors_fact(program, talk), *talk_facts(program, talk, zone), starred_fact(starred)]
    lines = [talk.title, *([talk.subtitle] if talk.subtitle else []), ""]
    lines += plain_facts(facts, LABEL_WIDTH) + plain_sections(talk_sections(talk))
    tail = [note_fact(note)] if note else []
    return lines + plain_facts([*tail, Fact("Id", talk.id)], LABEL_WIDTH)


def person_details(
    program: Program, person: Person, zone: tzinfo, starred_ids: set[str]
) -> list[str]:
    """A person as the app's person screen says it, then their talks."""
    lines = [person.name, "", *plain_facts(person_facts(program, person), LABEL_WIDTH)]
    lines += [*plain_sections(person_sections(person)), ""] if person.biography else []
    if person.talk_ids:
        lines.append(f"{count(len(person.talk_ids), 'talk')}:")
    names = short_names(program)
    for talk in map(program.talk, person.talk_ids):
        day = listing_day(program, talk, zone)
        line = talk_line(talk, zone, starred=talk.id in starred_ids, day=day)
        lines.append(f"  {line}  [{names[talk.id]}]")
    return lines + plain_facts([Fact("Id", person.id)], LABEL_WIDTH)
