"""Unstarring on My day: the talk under the cursor, or one side of a clash, said in a
notice with the way back (`u` stars again what was last unstarred)."""

from __future__ import annotations

from companion.present.agenda import clashes_with, keep_words, restarred_words, unstarred_words
from companion.present.starred import Row, StarRow
from companion.ui.screens.styled import StyledScreen
from companion.ui.services import services
from companion.ui.widgets.talk_options import TalkList

UNDO_KEY = "u"


class Unstarring(StyledScreen[None]):
    """The part of My day (`StarredScreen`) that unstars and undoes, on the rows it lists."""

    _rows: list[Row]  # as listed, one an option of "#starred-list"

    def __init__(self) -> None:
        super().__init__()
        self._unstarred: list[tuple[str, ...]] = []  # what `u` stars again, the last first

    @property
    def highlighted_row(self) -> Row | None:
        listing = self.query_one_optional("#starred-list", TalkList)  # None while closing
        if listing is None or listing.highlighted is None or not self._rows:
            return None
        return self._rows[min(listing.highlighted, len(self._rows) - 1)]

    @property
    def highlighted_id(self) -> str | None:
        """The talk id under the cursor, of a talk gone from the program too."""
        row = self.highlighted_row
        return row.talk_id if isinstance(row, StarRow) else None

    def action_unstar(self) -> None:
        if self.highlighted_id:
            self._unstar((self.highlighted_id,))

    def action_resolve_clash(self) -> None:
        """Keep one of the talks that clash, unstar the other(s)."""
        row = self.highlighted_row
        if not isinstance(row, StarRow) or not row.clashes:
            return
        from companion.ui.screens.choice import ChoiceScreen

        program = services(self).program
        title = program.talk(row.talk_id).title
        others = [program.talk(other).title for other in row.clashes]
        ways = [(row.clashes, keep_words(title, others))]
        ways += [((row.talk_id,), keep_words(other, [title])) for other in others]

        def chosen(index: int | None) -> None:
            if index is not None:
                self._unstar(ways[index][0])

        question = f"{title} {clashes_with('; '.join(others))}."
        self.app.push_screen(ChoiceScreen(question, [words for _, words in ways]), chosen)

    def _unstar(self, talk_ids: tuple[str, ...]) -> None:
        """Unstar, and say so with the way back (a talk gone from the program has none)."""
        app = services(self)
        unstarred = tuple(
            talk_id
            for talk_id in talk_ids
            if talk_id in app.starred and not app.toggle_star(talk_id)
        )
        if not unstarred:
            return
        titles = "; ".join(self._title(talk_id) for talk_id in unstarred)
        undoable = tuple(talk_id for talk_id in unstarred if app.program.has_talk(talk_id))
        if undoable:
            self._unstarred.append(undoable)
        self.notify(unstarred_words(titles, UNDO_KEY if undoable else None), markup=False)
        self.refresh_bindings()

    def _title(self, talk_id: str) -> str:
        program = services(self).program
        if program.has_talk(talk_id):
            return program.talk(talk_id).title
        row = next(r for r in self._rows if isinstance(r, StarRow) and r.talk_id == talk_id)
        return row.line.title

    def action_undo(self) -> None:
        if not self._unstarred:
            return
        app = services(self)
        restarred = [
            t for t in self._unstarred.pop() if t not in app.starred and app.toggle_star(t)
        ]
        if restarred:
            titles = "; ".join(app.program.talk(talk_id).title for talk_id in restarred)
            self.notify(restarred_words(titles), timeout=3, markup=False)
        self.refresh_bindings()
