"""Markdown export: a readable agenda grouped by session, with times, authors and notes."""

from __future__ import annotations

import re
from itertools import groupby
from typing import TYPE_CHECKING

from companion.clock import format_day, format_window, zone_label
from companion.present.dates import date_range
from companion.present.facts import Fact
from companion.present.talk import (
    STAR,
    authors_fact,
    note_fact,
    on_day,
    talk_facts,
    talk_sections,
)
from companion.present.words import ESTIMATE_LEGEND
from companion.program import Talk
from companion.text import safe_line, safe_url

if TYPE_CHECKING:  # the package imports its writers: at run time, no loop
    from companion.export import Export

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md_escape(text: str) -> str:
    """One line of text as Markdown shows it: the characters Markdown would read as
    formatting escaped, and line breaks (which could start a heading or a list) folded."""
    return _SPECIAL.sub(r"\\\1", safe_line(text, limit=len(text) + 1))


def md_paragraphs(text: str, indent: str) -> str:
    """Several lines, each escaped and indented to stay inside the list item they belong to."""
    return f"\n{indent}".join(md_escape(line) for line in text.splitlines())


def md_prose(text: str) -> str:
    """Paragraphs as Markdown paragraphs; each line of one ends in a hard break, so a list
    of "• " lines reads as lines, not run together."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(
        "  \n".join(md_escape(line) for line in paragraph.splitlines()) for paragraph in paragraphs
    )


def md_fact(fact: Fact) -> str:
    """A fact as a list item; a continuation or an aside as an item nested in the one above."""
    text = md_paragraphs(fact.text, indent="  ")
    if fact.url:
        text = f"{text} <{safe_url(fact.url)}>"
    return f"  - {text}" if fact.aside or not fact.label else f"- {fact.label}: {text}"


def _group(talk: Talk) -> str:
    """Talks group under their session, else under their conference day (a congress's
    night stays with its evening)."""
    return talk.session_id or format_day(talk.day)


def write_markdown(export: Export) -> str:
    conference = export.program.conference
    zone = conference.zone
    lines = [
        f"# {md_escape(export.heading)}",
        "",
        " · ".join(
            md_escape(part)
            for part in (
                conference.title,
                date_range(conference.start_date, conference.end_date),
                conference.venue_line,
            )
            if part
        ),
        "",
    ]
    if not export.talks:
        lines.append("No starred talks." if not export.everything else "No talks.")
        return "\n".join(lines) + "\n"
    lines.append(f"Times in {conference.timezone} ({zone_label(zone, export.talks[0].start)}).")
    if any(talk.estimated for talk in export.talks):
        lines.append(md_escape(ESTIMATE_LEGEND))
    sessions = {slot.id: slot for slot in export.program.slots}
    for group, talks in groupby(export.talks, key=_group):
        session = sessions.get(group)
        if session is not None:
            window = format_window(session.start, session.end, zone, estimated=False)
            several_days = len(export.program.days) > 1
            window = on_day(window, export.program.day_of(session) if several_days else None)
            lines += ["", f"## {md_escape(session.title)} ({window})"]
        else:
            lines += ["", f"## {group}"]
        for talk in talks:
            where = f" · {md_escape(talk.room)}" if talk.room else ""
            star = f" {STAR}" if export.everything and talk.id in export.starred else ""
            facts = [authors_fact(export.program, talk), *talk_facts(export.program, talk, zone)]
            note = export.notes.get(talk.id)
            if note:
                facts.append(note_fact(note))
            lines += [
                "",
                f"### {format_window(talk.start, talk.end, zone, talk.estimated)} · "
                f"{md_escape(talk.title)}{star}{where}",
                "",
                *map(md_fact, facts),
            ]
            for section in talk_sections(talk):
                lines += ["", f"{section.heading}:", "", md_prose(section.text)]
    return "\n".join(lines) + "\n"
