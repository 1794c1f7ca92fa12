"""Search over talks and people: case- and accent-insensitive, tolerant of small typos.

One index serves the search dialog, the Speakers filter, the command palette and
`companion search`, so a query finds the same things, in the same order, wherever it
is typed.

An inverted index maps every folded word to the entries it appears in, with a
weight for where (title or name 1.0, authors 0.9, affiliation, session, room,
track and id 0.6; subtitle, abstract, description and biography only 0.2). Each query word
matches index words as a whole word (1.0), a prefix (0.8) or, from three letters,
inside a word (0.5); only a query word that matches nothing that way is tried as a
typo (0.4, "grosman" finds "Grossman"). Every query word must match, and an entry
scores the mean of its words' best weight times quality. So a word found only in
the text (0.2 at best) scores below any word found in what a listing shows (0.6 ×
0.4 at least), and a talk found only through its abstract ranks below every talk
whose title, people or place match. Among equal scores, a title or name that is
the query comes first, then one that starts with it; then program order.

The answers to the shortest queries, a word of two letters, are the costliest to rank
(each matches thousands of entries) and the first a person sees as they type; the app
ranks them once, ahead (`rank_ahead`), so the keystroke that first fills its results
costs a look-up. A query typed on from the last (a word more, or a letter more after words
kept) can only narrow its matches: a search box looks it up among them (`TypedSearch`).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import operator
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from companion.program import Person, Program, Talk
from companion.text import fold

WORD = re.compile(r"[a-z0-9]+")  # a word of folded text, as the index splits it
AFTER_WORDS = "{"  # sorts after every character of folded words and the space between
MIN_QUERY_LETTERS = 2  # one letter matches half a big program and tells nobody anything
LABEL, PEOPLE, PLACE, TEXT = 1.0, 0.9, 0.6, 0.2  # weights of the fields (see above)
WHOLE, PREFIX, INSIDE, NEAR = 1.0, 0.8, 0.5, 0.4  # how well a word matches (see above)
# A title or name that is the query, or starts with it, scores at least this a word.
LABEL_RANKED = LABEL * PREFIX
RANKED_AHEAD = 50  # hits kept for each query answered ahead: `search`'s default limit

Fields = list[tuple[str | None, float]]  # an entry's texts, by descending weight


class HitKind(StrEnum):
    TALK = "talk"
    PERSON = "person"


@dataclass(frozen=True)
class Hit:
    kind: HitKind
    id: str
    label: str
    detail: str
    score: float
    matched: frozenset[str] = frozenset()  # the folded words the query matched, to highlight
    in_text: bool = False  # found only in its subtitle, abstract, description or biography


def query_words(query: str) -> tuple[str, ...]:
    """The words of a query as the index reads them: folded, punctuation dropped."""
    return tuple(WORD.findall(fold(query)))


def too_short(query: str) -> bool:
    """Whether `query` has too few letters to search with (an empty one has none)."""
    return sum(map(len, query_words(query))) < MIN_QUERY_LETTERS


def _typo_budget(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def within_distance(a: str, b: str, limit: int) -> bool:
    """Optimal-string-alignment distance of a and b is at most `limit` (transpositions count 1).

    Only the table's band within `limit` of its diagonal is worked out: a cell further off
    needs more than `limit` edits, and so does any alignment through it. The whole table
    grew with the square of the word: a pasted word of 200 letters with one stray letter
    took 42 ms a search in a program of long words."""
    if limit == 1:
        return _within_one_edit(a, b)
    if abs(len(a) - len(b)) > limit:
        return False
    over = limit + 1  # stands for any distance past the limit
    previous_previous: list[int] = []
    previous = [min(j, over) for j in range(len(b) + 1)]
    for i, char_a in enumerate(a, 1):
        current = [over] * (len(b) + 1)
        current[0] = min(i, over)
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            char_b = b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous_previous[j - 2] + 1)
            current[j] = value
        if min(current[low - 1 : high + 1]) > limit:
            return False
        previous_previous, previous = previous, current
    return previous[-1] <= limit


def _within_one_edit(a: str, b: str) -> bool:
    """Whether a and b are the same but for one letter changed, added, dropped, or swapped
    with the next: compared past their common start, where the table of distances took
    most of a millisecond to try the 150 words a four-letter typo might be ("mage")."""
    same = next(itertools.compress(itertools.count(), map(operator.ne, a, b)), min(len(a), len(b)))
    a, b = a[same:], b[same:]
    return (
        a[1:] == b[1:]  # changed (or none: the same)
        or a[1:] == b  # dropped
        or a == b[1:]  # added
        or (a[1:2] == b[:1] and a[:1] == b[1:2] and a[2:] == b[2:])  # swapped
    )


def talk_fields(talk: Talk) -> Fields:
    return [
        (talk.title, LABEL),
        (" ".join(talk.authors), PEOPLE),
        *((text, PLACE) for text in (talk.affiliation, talk.session_title, talk.room, talk.track)),
        (talk.id, PLACE),
        *((text, TEXT) for text in (talk.subtitle, talk.abstract, talk.description)),
    ]


def person_fields(person: Person) -> Fields:
    return [
        (person.name, LABEL),
        ("; ".join(person.affiliations), PLACE),
        (person.biography, TEXT),
    ]


class SearchResults(list[Hit]):
    """The hits shown, best first, and how many entries matched in all (`total`):
    more than shown when the list is capped."""

    def __init__(self, hits: Iterable[Hit] = (), total: int = 0) -> None:
        super().__init__(hits)
        self.total = total

    @property
    def capped(self) -> bool:
        return self.total > len(self)


def _letters(word: str) -> int:
    """The set of a word's letters and digits as bits: one small int, where a frozenset
    per word of the vocabulary took 13 MiB at 10,000 talks."""
    bits = 0
    for character in word:
        bits |= 1 << (ord(character) - ord("0"))  # index words are of a-z and 0-9 only
    return bits


def _entry_array() -> array[int]:
    return array("I")


class _Postings:
    """A word's entries in listed fields, each once, with the weight of the field."""

    __slots__ = ("entries", "weights")

    def __init__(self) -> None:
        self.entries = _entry_array()
        self.weights = array("d")

    def add(self, entry: int, weight: float) -> None:
        self.entries.append(entry)
        self.weights.append(weight)

    @classmethod
    def joined(cls, parts: list[_Postings]) -> _Postings:
        """Postings laid end to end, joined as bytes in C: extended a word at a time, the
        755 words that "12" starts at 10,000 talks took most of a millisecond."""
        joined = cls()
        joined.entries.frombytes(b"".join([part.entries for part in parts]))
        joined.weights.frombytes(b"".join([part.weights for part in parts]))
        return joined

    def heaviest(self) -> dict[int, float]:
        """Each entry's weight in its heaviest field: a few fields' weights, each a pass in
        C, the heaviest last."""
        entries, weights = self.entries, self.weights
        heaviest: dict[int, float] = {}
        for weight in sorted(set(weights)):
            chosen = itertools.compress(entries, map(weight.__eq__, weights))
            heaviest.update(zip(chosen, itertools.repeat(weight)))
        return heaviest

    def __len__(self) -> int:
        return len(self.entries)


_NO_POSTINGS = _Postings()


class _Letter(NamedTuple):
    """What a single letter matches as a word being typed (see `SearchIndex._letter`): the
    index words it starts, as a query word's matches and as the words to highlight; each
    entry's score, a byte an entry (0 where it matches nothing) that indexes `scores`; and
    how many postings its words have (see `SearchIndex._postings_found`)."""

    words: dict[str, float]
    highlight: frozenset[str]
    codes: bytes
    scores: tuple[float, ...]
    postings: int


class _Ranked(NamedTuple):
    """A query's best entries, kept compact: each with its total, and whether it was found
    only in its text (1) or not (0); and how many entries matched in all."""

    entries: array[int]
    totals: array[float]
    in_text: bytes
    total: int


@dataclass(frozen=True, slots=True)
class _WordMatch:
    """A query word's matches: the index words it matches, with how well; how many postings
    they have (see `SearchIndex._postings_found`); and, once scored, its score in each entry
    (in at least every entry the query matched: see `SearchIndex._matched`). Not a tuple:
    freed tuples stay in Python's free lists."""

    word: str
    found: dict[str, float]
    postings: int | None = None  # counted only for a query of several words
    scores: dict[int, float] | None = None


@dataclass(frozen=True, slots=True)
class _Matched:
    """Every entry a query matched, with its total, and its words' matches: kept by a
    `TypedSearch` for the query typed on from it."""

    words: tuple[_WordMatch, ...]
    totals: dict[int, float]


class SearchIndex:
    """Built once per program; `search` is cheap enough to run on every keystroke."""

    def __init__(self, program: Program) -> None:
        self._hits: list[tuple[HitKind, str, str, str]] = []
        # Each entry's title or name, folded, its words joined by one space: no more memory
        # than a tuple of its words, and a query is compared with it without joining them.
        self._labels: list[str] = []
        # Where each word is: its entries with their weights in a listed field, or its
        # entries where it is only in the text. Typed arrays, not dicts and lists of ints:
        # a tenth of the memory, which at 50,000 talks was most of the app's.
        self._postings: defaultdict[str, _Postings] = defaultdict(_Postings)
        self._text_postings: defaultdict[str, array[int]] = defaultdict(_entry_array)
        for talk in program.talks:
            self._add(HitKind.TALK, talk.id, talk.title, talk.where, talk_fields(talk))
        for person in program.people:
            affiliations = "; ".join(person.affiliations)
            self._add(HitKind.PERSON, person.id, person.name, affiliations, person_fields(person))
        self._vocabulary = sorted(self._postings.keys() | self._text_postings.keys())
        # All words in one string, so a substring is found by str.find, not a Python loop.
        self._joined = "\n".join(self._vocabulary)
        self._offsets = list(
            itertools.accumulate((len(word) + 1 for word in self._vocabulary), initial=0)
        )
        self._by_first_letter: dict[str, list[tuple[str, int]]] = {}
        for word in self._vocabulary:
            self._by_first_letter.setdefault(word[0], []).append((word, _letters(word)))
        # The entries in the order of their titles and names, so that those that are or start
        # with a query are found by bisection, not by looking at every entry found.
        self._by_label = array("I", sorted(range(len(self._hits)), key=self._labels.__getitem__))
        # What a single letter matches, gathered once per letter: see `_letter`.
        self._by_letter: dict[str, _Letter] = {}
        # The best hits for each two-letter word, ranked ahead (see the module's docstring).
        self._ranked_ahead: dict[str, _Ranked] = {}
        # The index words that have each three letters, by their place in the vocabulary:
        # gathered by `rank_ahead` (see `_words_containing`).
        self._by_trigram: dict[str, array[int]] = {}

    def _add(
        self,
        kind: HitKind,
        item_id: str,
        label: str,
        detail: str,
        fields: Fields,
    ) -> None:
        index = len(self._hits)
        self._hits.append((kind, item_id, label, detail))
        self._labels.append(" ".join(query_words(label)))
        seen: set[str] = set()  # a word counts once an entry, where it weighs most
        for text, weight in fields:
            if not text:
                continue
            words = set(WORD.findall(fold(text))) - seen  # an abstract says "the" fifty times
            seen |= words
            if weight > TEXT:
                for word in words:
                    self._postings[word].add(index, weight)
            else:
                for word in words:
                    self._text_postings[word].append(index)

    def _entries_with(self, word: str) -> int:
        return len(self._postings.get(word, ())) + len(self._text_postings.get(word, ()))

    def _postings_found(self, query_word: str, found: dict[str, float]) -> int:
        """How many postings the `found` words of `query_word` have: the fewer, the sooner
        the word is looked at. A single letter's many words are counted once."""
        if len(query_word) > 1:
            return sum(self._entries_with(word) for word in found)
        return self._letter(query_word).postings

    def _matching_words(self, query_word: str, before: _WordMatch | None) -> dict[str, float]:
        """Index words the query word matches, with how well (a single letter's: kept).

        A single letter is searched only beside other words (`too_short`), where
        it narrows as a prefix: "markus b" while "markus bock" is being typed.

        A word typed on from the word `before` it, of three letters or more, is found among
        the words that one matched: every index word that has the longer word in it has the
        shorter, so it is one of them (not a search of the whole vocabulary on every letter
        typed). When none has it, nor has any index word: the word is looked up as a typo.
        The same words, with the same qualities."""
        if len(query_word) == 1:
            return self._letter(query_word).words
        if before is not None and len(before.word) >= 3 and query_word.startswith(before.word):
            inside = [word for word in before.found if query_word in word]
            matches = dict.fromkeys(inside, INSIDE)
            for word in inside:
                if word.startswith(query_word):
                    matches[word] = WHOLE if word == query_word else PREFIX
            return matches or self._near_misses(query_word)
        return self._words_matching(query_word)

    def _words_matching(self, query_word: str) -> dict[str, float]:
        matches = dict.fromkeys(self._starting_with(query_word), PREFIX)
        if query_word in matches:
            matches[query_word] = WHOLE
        if len(query_word) >= 3:
            for word in self._words_containing(query_word):
                matches.setdefault(word, INSIDE)
        return matches or self._near_misses(query_word)

    def _words_containing(self, query_word: str) -> Iterator[str]:
        """The index words that have `query_word` in them, in order. A word of three letters
        is looked up once `rank_ahead` has gathered them, where a search of every word took a
        quarter of a millisecond at 10,000 talks ("spa", typed after a word ranked ahead)."""
        if len(query_word) == 3 and self._by_trigram:
            yield from map(self._vocabulary.__getitem__, self._by_trigram.get(query_word, ()))
            return
        position = self._joined.find(query_word)
        while position >= 0:
            index = bisect.bisect_right(self._offsets, position) - 1
            yield self._vocabulary[index]
            position = self._joined.find(query_word, self._offsets[index + 1])

    def _near_misses(self, query_word: str) -> dict[str, float]:
        """Words within a small edit distance of the query word (over as many letters).

        Only words starting with the query's first or second letter are tried:
        typing the very first letter wrong is rare, and scanning everything is slow.
        """
        budget = _typo_budget(query_word)
        if not budget:
            return {}
        letters = _letters(query_word)
        matches = {}
        for first in dict.fromkeys(query_word[:2]):
            for word, word_letters in self._by_first_letter.get(first, ()):
                if (letters & ~word_letters).bit_count() > budget:  # letters it lacks
                    continue
                head = word[: len(query_word) + budget]
                if within_distance(query_word, head, budget):
                    matches[word] = NEAR
        return matches

    def rank_ahead(self) -> None:
        """Rank the answers to every query of one two-letter word that starts an index word
        (any other finds nothing, at once), and keep their best few: about a third of a
        second at 10,000 talks, for a worker; a few hundred kilobytes at 50,000 talks.
        Then gather what each single letter matches (see `_letter`), and the words that have
        each three letters (see `_words_containing`: 0.74 MiB at 10,000 talks)."""
        prefixes = dict.fromkeys(word[:MIN_QUERY_LETTERS] for word in self._vocabulary)
        ranked = {}
        for prefix in prefixes:
            if len(prefix) == MIN_QUERY_LETTERS:
                best, total, _, _ = self._best_of((prefix,), RANKED_AHEAD, None)
                entries, totals, in_text = zip(*best, strict=True) if best else ((), (), ())
                ranked[prefix] = _Ranked(
                    array("I", entries), array("d", totals), bytes(in_text), total
                )
        self._ranked_ahead = ranked  # whole, for a search on another thread
        for letter in dict.fromkeys(word[0] for word in self._vocabulary):
            self._letter(letter)
        by_trigram: defaultdict[str, array[int]] = defaultdict(_entry_array)
        for position, word in enumerate(self._vocabulary):
            for trigram in {word[start : start + 3] for start in range(len(word) - 2)}:
                by_trigram[trigram].append(position)
        self._by_trigram = dict(by_trigram)  # whole, for a search on another thread

    def search(
        self, query: str, limit: int | None = 50, kind: HitKind | None = None
    ) -> SearchResults:
        """The best `limit` entries (all of them for None) that match every word of
        `query`, best first, and how many matched; only entries of `kind` when one is given."""
        return self._search(query, limit, kind, None)[0]

    def _search(
        self, query: str, limit: int | None, kind: HitKind | None, last: _Matched | None
    ) -> tuple[SearchResults, _Matched | None]:
        """`search`, perhaps within what the `last` query matched (see `_matched`), and what
        this one matched when it was looked up (not too short, not ranked ahead)."""
        words = query_words(query)
        if too_short(query):
            return SearchResults(), None
        if kind is None and limit is not None and limit <= RANKED_AHEAD and len(words) == 1:
            ahead = self._ranked_ahead.get(words[0])
            if ahead is not None:  # the best `limit` are the first of the best 50: one order
                kept = itertools.islice(zip(*ahead[:3], strict=True), limit)
                # The words a two-letter word matches: those it starts (it is too short to
                # be looked for inside words, and it starts one, so no typo is tried).
                matched = frozenset(self._starting_with(words[0]))
                return self._results(kept, words, matched, ahead.total), None
        best, total, highlight, found = self._best_of(words, limit, kind, last)
        return self._results(best, words, highlight, total), found

    def _best_of(
        self,
        words: tuple[str, ...],
        limit: int | None,
        kind: HitKind | None,
        last: _Matched | None = None,
    ) -> tuple[list[tuple[int, float, bool]], int, frozenset[str], _Matched]:
        """The best `limit` entries matching every word, each with its total and whether it
        was found only in its text; how many matched; the index words they matched; and
        what matched, for the query typed on from this one (see `_matched`)."""
        matched = self._matched(words, kind, last)
        totals = matched.totals
        if not totals:
            return [], 0, frozenset(), matched
        # Each word is scored, as each matched: none is left out.
        per_word = [word.scores for word in matched.words if word.scores is not None]
        best = [
            (index, total, all(scores[index] <= TEXT for scores in per_word))
            for index, total in self._best(totals, words, limit)
        ]
        return best, len(totals), self._highlight(matched.words), matched

    def _highlight(self, words: tuple[_WordMatch, ...]) -> frozenset[str]:
        """The index words the query's words matched: a single letter's thousands are a set
        kept, copied (in C, hashes and all), not gathered again."""
        letters = [self._letter(word.word).highlight for word in words if len(word.word) == 1]
        others = [word.found for word in words if len(word.word) > 1]
        if not letters:
            return frozenset(itertools.chain.from_iterable(others))
        return letters[0].union(*letters[1:], *others)

    def _matched(
        self, words: tuple[str, ...], kind: HitKind | None, last: _Matched | None
    ) -> _Matched:
        """Every entry that matches every word, with its total, and each word's matches.

        When the `last` query's words start this one's and each matches none but index words
        its word there matched (a word typed on, or kept, then perhaps more words), an entry
        this query matches was matched by the last: only those are looked at, and a kept
        word's scores are the last query's. The words are scored, and each entry's total
        summed, in the same order as over the whole index, so the totals are the same."""
        typed = self._typed(words, last)
        within = self._narrowed(typed, last)
        order = list(range(len(typed)))
        if within is not None and len(typed) == 2:
            # Within the entries left, the words scored first, then those kept: those are
            # looked up in the fewer entries the others leave. The order of two scores does
            # not change their sum (a + b is b + a in floating point; but (a + b) + c is not
            # always (a + c) + b, so three words or more go in the order below).
            order.sort(key=lambda position: typed[position].scores is not None)
        elif len(typed) > 1:  # the most selective word first: later ones look at its entries
            for position, word in enumerate(typed):
                if word.postings is None:
                    postings = self._postings_found(word.word, word.found)
                    typed[position] = _WordMatch(word.word, word.found, postings, word.scores)
            order.sort(key=lambda position: typed[position].postings or 0)
        totals = within  # the entries left: those the last query matched, or (None) all
        for rank, position in enumerate(order):
            word = typed[position]
            if word.scores is None or totals is None or within is None:
                scores = self._scores(word.word, word.found, totals)
                if totals is None and kind is not None:
                    scores = {i: s for i, s in scores.items() if self._hits[i][0] is kind}
                typed[position] = _WordMatch(word.word, word.found, word.postings, scores)
                if rank == 0 or totals is None:
                    totals = scores
                else:  # scored in the entries left alone
                    totals = {i: totals[i] + s for i, s in scores.items()}
            else:  # kept: scored in at least every entry left, all of which it matches
                kept = word.scores
                if rank > 0:  # comprehensions: faster than map and zip ("room 1": 8,000)
                    totals = {index: total + kept[index] for index, total in totals.items()}
                elif len(kept) > len(totals):
                    totals = {index: kept[index] for index in totals}
                else:  # scored in these entries alone: its scores are their totals
                    totals = word.scores
            if not totals:
                break
        return _Matched(tuple(typed), totals or {})

    def _typed(self, words: tuple[str, ...], last: _Matched | None) -> list[_WordMatch]:
        """Each word's matches: those of the `last` query's word in the same place when it
        is the same word, scores and all; its scores too when the word is another of two
        letters or more that matches the same index words as well ("comp" typed on to
        "compi": a word's scores are those of the index words it matches, and how well)."""
        before = () if last is None else last.words
        typed = []
        for position, word in enumerate(words):
            previous = before[position] if position < len(before) else None
            if previous is not None and previous.word == word:
                typed.append(previous)
                continue
            found = self._matching_words(word, previous)
            if (
                previous is not None
                and min(len(word), len(previous.word)) > 1
                and found == previous.found
            ):  # the same matches, kept: `_narrowed` looks it up among the last's entries
                typed.append(_WordMatch(word, previous.found, previous.postings, previous.scores))
            else:
                typed.append(_WordMatch(word, found))
        return typed

    @staticmethod
    def _narrowed(typed: list[_WordMatch], last: _Matched | None) -> dict[int, float] | None:
        """The entries the `last` query matched, when this one can match no others (see
        `_matched`); None when it can."""
        if last is None or len(last.words) > len(typed):
            return None
        kept = False
        for before, now in zip(last.words, typed, strict=False):
            if now.found is before.found:  # the same word, or one matching the same (`_typed`)
                kept = True
            elif not now.found.keys() <= before.found.keys():
                return None
        return last.totals if kept else None

    def _results(
        self,
        best: Iterable[tuple[int, float, int]],  # entry, total, found only in its text
        words: tuple[str, ...],
        highlight: frozenset[str],
        total: int,
    ) -> SearchResults:
        return SearchResults(
            (
                Hit(
                    *self._hits[index],
                    score=value / len(words),
                    matched=highlight,
                    in_text=bool(in_text),
                )
                for index, value, in_text in best
            ),
            total=total,
        )

    def _scores(
        self, query_word: str, found: dict[str, float], within: dict[int, float] | None
    ) -> dict[int, float]:
        """Each entry's best score for one query word, which matched the `found` index
        words; only entries `within` the ones the other words found, when given."""
        if len(query_word) == 1:  # `found` is every word it starts: scored once (`_letter`)
            return self._letter_scores(
                query_word, range(len(self._hits)) if within is None else within
            )
        # The words' postings laid end to end, for each quality of match: scored a tier at a
        # time, a short word's hundreds of words ("12" starts 755 at 10,000 talks, most in a
        # few talks) cost a pass, not one each.
        listed: defaultdict[float, list[_Postings]] = defaultdict(list)
        in_text: defaultdict[float, list[array[int]]] = defaultdict(list)
        postings, text_postings = self._postings, self._text_postings
        for word, quality in found.items():
            if word in postings:
                listed[quality].append(postings[word])
            if word in text_postings:
                in_text[quality].append(text_postings[word])
        scores: dict[int, float] = {}
        tiers = ((_Postings.joined(parts), quality) for quality, parts in listed.items())
        self._score_listed(scores, tiers, within)
        self._score_text(scores, in_text, within)
        return scores

    @staticmethod
    def _score_listed(
        scores: dict[int, float],
        tiers: Iterable[tuple[_Postings, float]],
        within: dict[int, float] | None,
    ) -> None:
        """Score the entries of postings in listed fields (a word's, or the words' of one
        quality of match laid end to end), with that quality: an entry keeps its best score.
        The first postings all in one field score their entries alike, in C ("roo": every
        talk, by its room); others an entry at a time."""
        for postings, quality in tiers:
            entries, weights = postings.entries, postings.weights
            inside = None if within is None else map(within.__contains__, entries)
            # All of one weight: compared as bytes, not as thousands of floats made to compare.
            if not scores and weights and weights.tobytes() == weights[:1].tobytes() * len(weights):
                chosen = entries if inside is None else itertools.compress(entries, inside)
                scores.update(dict.fromkeys(chosen, quality * weights[0]))
                continue
            pairs: Iterator[tuple[int, float]] = zip(entries, weights, strict=True)
            if inside is not None:  # picked out in C: a short word is in thousands of titles
                pairs = itertools.compress(pairs, inside)
            for index, weight in pairs:
                score = quality * weight
                if scores.get(index, 0.0) < score:
                    scores[index] = score

    @staticmethod
    def _score_text(
        scores: dict[int, float],
        in_text: dict[float, list[array[int]]],
        within: dict[int, float] | None,
    ) -> None:
        """Score the entries that have the words only in their text, by the quality of the
        match, best first, a set at a time: a long abstract's words are many, and any listed
        field outweighs the text."""
        for quality in sorted(in_text, reverse=True):
            if within is None:
                entries = set().union(*in_text[quality]) - scores.keys()
            elif sum(map(len, in_text[quality])) < len(within):  # from the smaller side
                found = itertools.chain.from_iterable(in_text[quality])
                entries = set(filter(within.__contains__, found)) - scores.keys()
            else:  # looked up in the few entries left, not gathered from the many listed
                candidates = within.keys() - scores.keys()
                entries = candidates.intersection(itertools.chain.from_iterable(in_text[quality]))
            scores.update(dict.fromkeys(entries, quality * TEXT))

    def _letter_scores(self, letter: str, entries: Iterable[int]) -> dict[int, float]:
        """The score of `letter` as a query word in each of these `entries` it matches: each
        looked up by its byte (a letter matches thousands; the entries left are often fewer)."""
        gathered = self._letter(letter)
        codes, scores = gathered.codes, gathered.scores
        # One comprehension: half the time of the same look-ups chained through map and zip.
        return {entry: scores[code] for entry in entries if (code := codes[entry])}

    def _starting_with(self, prefix: str) -> list[str]:
        """The index words that start with `prefix`, in order: one slice, found by bisection
        (a short prefix starts hundreds of words)."""
        first = bisect.bisect_left(self._vocabulary, prefix)
        return self._vocabulary[first : bisect.bisect_left(self._vocabulary, prefix + AFTER_WORDS)]

    def _letter(self, letter: str) -> _Letter:
        """What `letter` matches as a word being typed, gathered from the postings of every
        word it starts, and kept: by `rank_ahead` for every letter, at a quiet moment (0.2 s
        and 3 MiB at 10,000 talks); otherwise the first time it is searched. Each entry's
        score is kept as a byte, so the letter typed after words is scored in the entries
        they left by looking each up ("room 1": 10,000 talks), not by picking those out of
        the thousands the letter matches; and its words are not gathered again.

        The words' postings are laid end to end and each entry's best weight picked out in
        C, the best weight last: an entry at a time in Python, "1" (7,000 words at 10,000
        talks, numbers in the names of a generated program) took 30 ms, under "room 1"."""
        gathered = self._by_letter.get(letter)
        if gathered is None:
            listed: list[_Postings] = []
            texts: list[array[int]] = []
            for word in self._starting_with(letter):
                postings = self._postings.get(word)
                if postings is not None:
                    listed.append(postings)
                text = self._text_postings.get(word)
                if text is not None:
                    texts.append(text)
            joined = _Postings.joined(listed)
            best = joined.heaviest()
            # Each entry under its best weight as a prefix; then the letter as a word, which
            # may weigh more; then the text, the letter as a word first.
            scores = dict(zip(best, map(PREFIX.__mul__, best.values()), strict=True))
            self._score_listed(scores, [(self._postings.get(letter, _NO_POSTINGS), WHOLE)], None)
            in_text = {PREFIX: texts}
            if letter in self._text_postings:
                in_text[WHOLE] = [self._text_postings[letter]]
            self._score_text(scores, in_text, None)
            values = (0.0, *sorted(set(scores.values())))  # a few: 0 is no match
            code = {value: position for position, value in enumerate(values)}
            everyone = map(scores.get, range(len(self._hits)), itertools.repeat(0.0))
            words = self._words_matching(letter)
            gathered = self._by_letter[letter] = _Letter(
                words,
                frozenset(words),
                bytes(map(code.__getitem__, everyone)),
                values,
                len(joined) + sum(map(len, texts)),
            )
        return gathered

    def _best(
        self, totals: dict[int, float], words: tuple[str, ...], limit: int | None
    ) -> list[tuple[int, float]]:
        """The `limit` best entries and their totals, best first (see the module's
        docstring): by total, then title or name, then program order. Only the few entries
        that are ranked by their title or name are looked at one by one."""
        label_ranks = self._label_ranks(words)

        def rank(item: tuple[int, float]) -> tuple[float, int, int]:
            index, total = item
            return -total, -label_ranks.get(index, 0), index

        if limit == 0:
            return []
        if limit is None or len(totals) <= limit:
            return sorted(totals.items(), key=rank)[:limit]
        largest = heapq.nlargest(limit, totals.values())
        cutoff = largest[-1]
        at_cutoff: Iterable[int] = totals  # all, when all tie ("roo": every talk, by its room)
        above: list[tuple[int, float]] = []
        if largest[0] == cutoff and min(totals.values()) != cutoff:  # none above it
            equal = map(operator.eq, totals.values(), itertools.repeat(cutoff))
            at_cutoff = itertools.compress(totals, equal)
        elif largest[0] != cutoff:
            # Picked out in one pass in C (a short query matches thousands); then those
            # above the cutoff, fewer than `limit`, and those at it.
            at_least = list(
                itertools.compress(
                    totals, map(operator.ge, totals.values(), itertools.repeat(cutoff))
                )
            )
            values = list(map(totals.__getitem__, at_least))
            higher = map(operator.gt, values, itertools.repeat(cutoff))
            above = sorted(itertools.compress(zip(at_least, values, strict=True), higher), key=rank)
            at_cutoff = itertools.compress(
                at_least, map(operator.eq, values, itertools.repeat(cutoff))
            )
        wanted = limit - len(above)
        # Of the entries tied at the cutoff, those with the query as title or name first, in
        # program order: sorted in C, by entry then (stable) by rank, where a key in Python
        # took a tenth of a millisecond ("spa": 400 titles start with "sparse").
        ranked_totals = map(totals.get, label_ranks, itertools.repeat(-1.0))
        ranked = sorted(itertools.compress(label_ranks, map(cutoff.__eq__, ranked_totals)))
        tied = sorted(ranked, key=label_ranks.__getitem__, reverse=True)[:wanted]
        # Then the first in program order: sorted in C (mostly in order already, and a few
        # letters of a short word tie thousands), where heapq went through them in Python.
        unranked = itertools.filterfalse(label_ranks.__contains__, sorted(at_cutoff))
        tied += itertools.islice(unranked, wanted - len(tied))
        return above + [(index, cutoff) for index in tied]

    def _label_ranks(self, words: tuple[str, ...]) -> dict[int, int]:
        """The entries whose title or name is the query (2) or starts with it (1): its words,
        the last of them perhaps cut short. Every other entry ranks 0."""
        query = " ".join(words)
        by_label, label = self._by_label, self._labels.__getitem__
        first = bisect.bisect_left(by_label, query, key=label)
        exact = bisect.bisect_right(by_label, query, lo=first, key=label)
        end = bisect.bisect_left(by_label, query + AFTER_WORDS, lo=exact, key=label)
        ranks = dict.fromkeys(by_label[exact:end], 1)
        ranks.update(dict.fromkeys(by_label[first:exact], 2))
        return ranks


class TypedSearch:
    """One search box's queries, as they are typed. Each is mostly the last with a letter or
    a word more, which can only match entries the last one matched: those are kept, and such
    a query is looked for among them alone, its kept words' scores reused (see
    `SearchIndex._matched`), not over the whole index. The answers are the same."""

    def __init__(
        self, index: SearchIndex, limit: int | None = 50, kind: HitKind | None = None
    ) -> None:
        self.index = index
        self._limit, self._kind = limit, kind
        self._last: _Matched | None = None  # what the last query looked up matched

    def search(self, query: str) -> SearchResults:
        results, matched = self.index._search(query, self._limit, self._kind, self._last)
        if matched is not None:
            self._last = matched
        return results
