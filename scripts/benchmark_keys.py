"""Key presses timed on a pseudo-terminal: the companion's, interleaved with typing into a
bare Textual `Input`, which is the baseline every ratio is taken against.

Each companion press is paired with one bare keystroke, the two going first in turn,
so both see the same load of a shared machine.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pty_terminal import Expect, PtyProgram, Response, Screen

from companion.present.search import capped, no_result
from companion.program import Program
from companion.search import SearchIndex, too_short
from companion.ui.screens.search import RESULT_LIMIT  # the rows the search dialog shows

ENTER = b"\r"
ESCAPE = b"\x1b"
DOWN = b"\x1b[B"
PAGE_DOWN = b"\x1b[6~"
CLEAR_INPUT = b"\x15"  # Ctrl+U: delete everything left of the cursor, in any Textual Input
BARE_TEXT = "the quick brown fox jumps over the lazy dog "
STAR = "★"


def showing(*texts: str) -> Expect:
    def expect(screen: Screen) -> bool:
        drawn = "\n".join(screen)
        return all(text in drawn for text in texts)

    return expect


SCHEDULE = showing("⏎ Open", " Star")  # the footer's keys, as drawn on the schedule
SPEAKERS = showing("Filter: type a name")
STARRED = showing("x Export")
TALK = showing("esc Back", "Time ")
SEARCH = showing("Esc closes")
LABELS_SHOWN = 3  # the first rows whose labels a search keystroke's frame must show
LABEL_LETTERS = 24

SearchExpect = Callable[[str], Expect]
NextTitle = Callable[[str], str]  # the title of the talk after the one with this title


def talk_shown(title: str) -> Expect:
    """The talk screen on the talk with this title: its keys alone are drawn as well by
    the frame that still shows the talk opened before."""
    return showing("esc Back", "Time ", f"\n {_plain_start(title) or title}")


def next_title(program: Program) -> NextTitle:
    """Down on the schedule moves to the next talk in program order. `title` may be only
    the first line of a long one."""
    by_title = {talk.title: talk for talk in program.talks}

    def after(title: str) -> str:
        shown = by_title.get(title) or next(t for t in program.talks if t.title.startswith(title))
        talk = program.talk_after(shown.id, 1)
        if talk is None:
            raise ValueError(f"no talk after {title!r}")
        return talk.title

    return after


def search_answered(index: SearchIndex) -> SearchExpect:
    """The frame that answers a search keystroke: the query as typed and ITS results (the
    status line's count of what was found, or that nothing was, and the first rows'
    labels). Waiting for the query alone would let a list drawn a frame after the box
    pass for a faster keystroke."""

    def expect(query: str) -> Expect:
        if too_short(query):
            return showing(query, "Keep typing")
        hits = index.search(query, RESULT_LIMIT)
        texts = [query, "Esc closes"]
        if hits.capped:
            texts.append(capped(len(hits), hits.total))
        elif not hits:
            texts.append(no_result(query))
        texts += filter(None, (_plain_start(hit.label) for hit in hits[:LABELS_SHOWN]))
        return showing(*texts)

    return expect


def _plain_start(label: str) -> str:
    """The label's first letters up to any that a terminal may draw wide or combined."""
    letters = []
    for letter in label[:LABEL_LETTERS]:
        wide = unicodedata.east_asian_width(letter) in ("W", "F")
        if wide or unicodedata.combining(letter) or not letter.isprintable():
            break
        letters.append(letter)
    return "".join(letters) if len(letters) >= 3 else ""


@dataclass
class Samples:
    """The responses to one kind of key press."""

    responses: list[Response] = field(default_factory=list)

    @property
    def seconds(self) -> list[float]:
        return [response.seconds for response in self.responses]

    @property
    def cpu_to_frame(self) -> list[float]:
        return [response.cpu_to_frame for response in self.responses]

    @property
    def cpu_after_frame(self) -> list[float]:
        return [response.cpu_after_frame for response in self.responses]


@dataclass
class KeyTimings:
    bare_typing: Samples = field(default_factory=Samples)
    search: Samples = field(default_factory=Samples)
    star: Samples = field(default_factory=Samples)
    star_on_talk: Samples = field(default_factory=Samples)
    page_down: Samples = field(default_factory=Samples)
    talk_details: Samples = field(default_factory=Samples)
    switch_screen: Samples = field(default_factory=Samples)
    synchronized_frames: int = 0


class BareTyping:
    """Types into the bare app's Input, clearing it now and then (untimed)."""

    def __init__(self, bare: PtyProgram, samples: Samples) -> None:
        self._bare = bare
        self._samples = samples
        self._typed = ""
        self._letters = itertools.cycle(BARE_TEXT)

    def keystroke(self) -> None:
        letter = next(self._letters)
        if len(self._typed) >= 30 and letter != " ":  # the field never starts with a space
            self._bare.press(CLEAR_INPUT, showing("Type here"))
            self._typed = ""
        self._typed += letter
        self._samples.responses.append(self._bare.press(letter.encode(), showing(self._typed)))


def star_changed(before: Screen) -> Expect:
    count = "".join(before).count(STAR)
    return lambda screen: abs("".join(screen).count(STAR) - count) == 1


def moved(before: Screen) -> Expect:
    return lambda screen: SCHEDULE(screen) and screen != before


def measure_keys(
    app: PtyProgram,
    bare: PtyProgram,
    queries: list[str],
    answered: SearchExpect,
    after: NextTitle,
    repeats: int,
) -> KeyTimings:
    """Time each kind of press `repeats` times (the search: every letter of `queries`, each
    up to the frame that shows what `answered` says its results show; talk details: each
    on the talk after the one opened before, up to the frame that shows its title; the
    star: on the talk last opened, as it is read, and on the schedule once screens and
    talks have been opened)."""
    timings = KeyTimings()
    typing = BareTyping(bare, timings.bare_typing)
    paired = itertools.count()

    def timed(samples: Samples, key: bytes, expect: Expect) -> None:
        app_first = next(paired) % 2 == 0
        if not app_first:
            typing.keystroke()
        samples.responses.append(app.press(key, expect))
        if app_first:
            typing.keystroke()

    for program, first_paint in ((app, SCHEDULE), (bare, showing("Type here"))):
        program.first_frame(first_paint)
        program.settle()  # the companion builds its search index half a second after start
    for mode_key, expect in _screen_cycle(1):
        app.press(mode_key, expect)  # first visits import and style each screen once
    for _ in range(repeats):
        timed(timings.page_down, PAGE_DOWN, moved(app.screen()))
    title = _title(app.press(ENTER, TALK).screen)  # the kept talk screen, built once
    for _ in range(repeats):
        app.press(ESCAPE, SCHEDULE)
        app.press(DOWN, SCHEDULE)  # the next row (drawn the same but for its highlight)
        title = after(title)
        timed(timings.talk_details, ENTER, talk_shown(title))
    for _ in range(repeats):  # on the talk just read, where a person mostly stars it
        timed(timings.star_on_talk, b"s", star_changed(app.screen()))
    app.press(ESCAPE, SCHEDULE)
    for key, expect in _screen_cycle(-(-repeats // 3)):  # whole cycles, back on the schedule
        timed(timings.switch_screen, key, expect)
    for _ in range(repeats):  # on the talk last opened, whose screen is kept out of sight
        timed(timings.star, b"s", star_changed(app.screen()))
    app.press(b"/", SEARCH)
    for query in queries:
        for end in range(1, len(query) + 1):
            timed(timings.search, query[end - 1].encode(), answered(query[:end]))
        app.press(CLEAR_INPUT, SEARCH)
    app.press(ESCAPE, SCHEDULE)
    timings.synchronized_frames = app.synchronized_frames + bare.synchronized_frames
    return timings


def _title(talk_screen: Screen) -> str:
    """The talk's title, the first line drawn under the header (a long one wraps)."""
    return next(line for line in talk_screen[1:] if line.strip()).strip()


def _screen_cycle(cycles: int) -> Iterator[tuple[bytes, Expect]]:
    for _ in range(cycles):
        yield from ((b"2", SPEAKERS), (b"3", STARRED), (b"1", SCHEDULE))
