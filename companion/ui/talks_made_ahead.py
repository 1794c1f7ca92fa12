"""A talk's details shown and laid out ahead, out of sight, while the cursor rests on its
row, for Enter to find them so and only push the screen (`TalkScreen.show_ahead`)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.timer import Timer

from companion.ui.navigation import Navigation

if TYPE_CHECKING:
    from companion.ui.screens.talk import TalkScreen

SHOW_AHEAD_AFTER = 0.12  # seconds the cursor rests on a talk before its details are shown ahead


class TalksMadeAhead(Navigation):
    _waiting_to_show: Timer | None = None

    def talk_in_sight(self, talk_id: str | None) -> None:
        """The cursor came to `talk_id`'s row: resting there a moment, the talk's details
        are shown ahead on the mode's kept talk screen (`TalkScreen.show_ahead`), for Enter
        to find them shown. A move on before then drops it."""
        if self._waiting_to_show is not None:
            self._waiting_to_show.stop()
            self._waiting_to_show = None
        kept = self._talk_screens.get(self.current_mode)
        if talk_id is not None and kept is not None:
            self._waiting_to_show = self.set_timer(
                SHOW_AHEAD_AFTER, partial(self._show_ahead, kept, talk_id)
            )

    def _show_ahead(self, kept: TalkScreen, talk_id: str) -> None:
        """Only on a talk screen still kept: one let go as the program was replaced (still
        attached while the modes are built again) would show the talk from the new
        program, which may not have it."""
        if kept in self._talk_screens.values():
            kept.show_ahead(talk_id)
