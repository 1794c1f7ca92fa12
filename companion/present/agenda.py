"""The attendee's day in words: free gaps, what fits them, clashes, the now-line, the past.

`companion agenda`, `companion starred` and the My day screen all say these the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo

from companion.agenda import Gap
from companion.clock import format_time
from companion.present.words import count, length_words
from companion.program import Talk

CLASH_MARK = "!"
PAST_HIDDEN = "past hidden"
PAST_SHOWN = "past shown"
NOTHING_FITS = "no talk fits in it"
REMINDER_TITLE = "Starred talk soon"


def free_words(gap: Gap) -> str:
    """ "free 45 min", "free 4 h 22 min"."""
    return f"free {length_words(gap.minutes)}"


def fits_words(gap: Gap) -> str:
    """ "6 talks fit · 2 across its edges", or that nothing fits."""
    if not gap.fits and not gap.edges:
        return NOTHING_FITS
    fits = len(gap.fits)
    parts = [f"{count(fits, 'talk')} fit{'s' if fits == 1 else ''}" if fits else "none fits wholly"]
    return " · ".join(parts + ([f"{len(gap.edges)} across its edges"] if gap.edges else []))


def edge_words(talk: Talk, gap: Gap) -> str:
    """How a talk that does not fit wholly runs into the gap: "partly: starts before"."""
    return f"partly: {'starts before' if talk.start < gap.start else 'ends after'} the gap"


def clashes_with(name: str) -> str:
    """ "clashes with B3": `name` says which talk (with its id on the command line)."""
    return f"clashes with {name}"


def now_line(now: datetime, zone: tzinfo) -> str:
    """ "── now 11:20 ──", drawn among the day's entries where now is."""
    return f"── now {format_time(now, zone)} ──"


def past_words(hidden: bool) -> str:
    return PAST_HIDDEN if hidden else PAST_SHOWN


def keep_words(keep: str, unstar: Sequence[str]) -> str:
    """A way out of a clash: "Keep A3, unstar B3"."""
    return f"Keep {keep}, unstar {'; '.join(unstar)}"


def restarred_words(title: str) -> str:
    """What undo did: "Starred again: A3"."""
    return f"Starred again: {title}"


def unstarred_words(title: str, undo_key: str | None) -> str:
    """ "Unstarred A3 · u to undo" (no undo for a talk no longer in the program)."""
    return f"Unstarred {title}" + (f" · {undo_key} to undo" if undo_key else "")


def reminders_words(before: timedelta) -> str:
    """ "reminders 5 min before", or "reminders off"."""
    minutes = int(before.total_seconds() // 60)
    return f"reminders {minutes} min before" if minutes else "reminders off"
