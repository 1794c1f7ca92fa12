"""Words every view shares: counts, "estimated", "+N more", what was not published."""

from __future__ import annotations

from collections.abc import Sequence

from companion.clock import ESTIMATE_MARK

NOT_PUBLISHED = "not published"
STARRED_YES = "★ yes"
STARRED_NO = "no"
# Why a time is estimated, the one way every view says it.
ESTIMATE_REASON = "only session windows and the order of talks were published"
ESTIMATE_LEGEND = f"{ESTIMATE_MARK} marks an estimated time: {ESTIMATE_REASON}."


def count(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 talk", "2 talks", "0 talks"; `plural` for nouns not made plural by an "s"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def length_words(minutes: int) -> str:
    """A length as a person reads it: "75 min" up to two hours, then "4 h 22 min", "13 h"."""
    if minutes < 120:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def estimate_note(session_window: str | None) -> str:
    """What a talk's estimated time rests on, with its session's window when it has one."""
    runs = f"; this session runs {session_window}" if session_window else ""
    return f"estimated: {ESTIMATE_REASON}{runs}"


def first_of(names: Sequence[str], shown: int = 2) -> str:
    """The first `shown` names, then how many more: "A; B +3 more"."""
    more = f" +{len(names) - shown} more" if len(names) > shown else ""
    return "; ".join(names[:shown]) + more
