"""A talk in words: its facts, its place in the program, its one-line listing."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import lru_cache
from typing import NamedTuple

from companion.clock import format_window, instant
from companion.present.facts import Fact, Section
from companion.present.words import NOT_PUBLISHED, STARRED_NO, STARRED_YES, estimate_note
from companion.program import Program, Talk
from companion.text import safe_prose

STAR = "★"
LISTING_INDENT = 15  # where a listed talk's second line starts, under its title


def short_authors(authors: tuple[str, ...], shown: int = 2) -> str:
    """ "A, B et al." past `shown` authors; all of them when they fit."""
    if len(authors) <= shown + 1:
        return ", ".join(authors)
    return f"{', '.join(authors[:shown])} et al."


def talk_place(program: Program, talk: Talk) -> str:
    """ "Session 3: ... · talk 1 of 3", or the room and track of a talk outside sessions."""
    parts = []
    if talk.session_id:
        count = len(program.talks_in_session(talk.session_id))
        parts.append(f"{talk.session_title} · talk {talk.order} of {count}")
    if talk.room:
        parts.append(f"room {talk.room}")
    if talk.track:
        parts.append(f"track {talk.track}")
    return " · ".join(parts) or NOT_PUBLISHED


def talk_when(talk: Talk, zone: tzinfo) -> str:
    """ "Sun 01 Feb 2026 ≈16:00–16:27 AEDT": the day, the window and the zone shown."""
    return _when(instant(talk.start), instant(talk.end), zone, talk.estimated)


@lru_cache(maxsize=1024)
def _when(start: datetime, end: datetime, zone: tzinfo, estimated: bool) -> str:
    """`talk_when` of a window (its instants), which many talks share: a whole-program
    export formats each once."""
    local = start.astimezone(zone)
    window = format_window(start, end, zone, estimated)
    return f"{local:%a %d %b %Y} {window} {local.tzname()}"


def session_window(program: Program, talk: Talk, zone: tzinfo) -> str | None:
    """The published window of the talk's session, "16:00–17:20 AEDT", if it has one."""
    session = next((slot for slot in program.slots if slot.id == talk.session_id), None)
    if session is None:
        return None
    window = format_window(session.start, session.end, zone, estimated=False)
    return f"{window} {session.start.astimezone(zone).tzname()}"


def presenters_label(program: Program) -> str:
    """ "Authors" of a paper program's talks, "Speakers" of a talk program's, as it says."""
    return program.conference.presenters.capitalize()


def listing_heading(program: Program) -> str:
    """What a listed talk shows under its title: "Talk · speakers" or, where the program
    publishes affiliations, "Talk · authors · affiliation"."""
    parts = ["Talk", program.conference.presenters]
    return " · ".join([*parts, "affiliation"] if program.publishes_affiliations else parts)


def authors_fact(program: Program, talk: Talk) -> Fact:
    return Fact(presenters_label(program), ", ".join(talk.authors) or NOT_PUBLISHED)


def talk_facts(program: Program, talk: Talk, zone: tzinfo) -> list[Fact]:
    """What the program says of a talk beyond its title and authors, in the order every
    view gives it: affiliation (where the program publishes any), where, when (and why it
    is estimated), type, links."""
    facts = []
    if program.publishes_affiliations:
        facts.append(Fact("Affiliation", talk.affiliation or NOT_PUBLISHED))
    facts += [Fact("Where", talk_place(program, talk)), Fact("Time", talk_when(talk, zone))]
    if talk.estimated:
        facts.append(Fact("", estimate_note(session_window(program, talk, zone)), aside=True))
    kind = " · ".join(part for part in (talk.kind, talk.language) if part)
    if kind:
        facts.append(Fact("Type", kind))
    facts += [Fact("Link", link.label, url=link.url) for link in talk.links]
    return facts


def starred_fact(starred: bool) -> Fact:
    return Fact("Starred", STARRED_YES if starred else STARRED_NO)


def note_fact(note: str) -> Fact:
    """The user's note, which may have come from anywhere (a paste, another tool): shown,
    never obeyed."""
    return Fact("Note", safe_prose(note))


def talk_sections(talk: Talk) -> list[Section]:
    """The talk's abstract and description, those it has."""
    texts = (("Abstract", talk.abstract), ("Description", talk.description))
    return [Section(heading, text) for heading, text in texts if text]


class Listing(NamedTuple):
    """A talk in a list: "≈16:00–16:27 ★ " then the title, so that titles line up (a
    screen wraps the title under itself)."""

    lead: str
    title: str

    def __str__(self) -> str:
        return self.lead + self.title


def listing(window: str, starred: bool, title: str) -> Listing:
    return Listing(f"{window:<12} {STAR if starred else ' '} ", title)


def talk_listing(talk: Talk, zone: tzinfo, *, starred: bool, day: date | None = None) -> Listing:
    """The talk's line; its window after `day`'s name ("Sat 10:00–10:50"), when given."""
    window = format_window(talk.start, talk.end, zone, talk.estimated)
    return listing(on_day(window, day), starred, talk.title)


def on_day(window: str, day: date | None) -> str:
    """ "Sat 10:00–10:50": a window after its day's name, when there is one to give."""
    return f"{day:%a} {window}" if day else window


def talk_line(talk: Talk, zone: tzinfo, *, starred: bool, day: date | None = None) -> str:
    return str(talk_listing(talk, zone, starred=starred, day=day))


def listing_day(program: Program, talk: Talk, zone: tzinfo) -> date | None:
    """The day to name beside a talk's time in a list that mixes days, None in a program
    of one day: the conference day it is listed under, or, shown in a zone where the
    venue's clock does not hold, the date it starts on there."""
    if len(program.days) < 2:
        return None
    venue_offset = talk.start.astimezone(program.conference.zone).utcoffset()
    start = talk.start.astimezone(zone)
    return talk.day if start.utcoffset() == venue_offset else start.date()
