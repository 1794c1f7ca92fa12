"""Clicks keep their place among the keys: a click on a row opens its talk as Enter does,
and `e x` typed in the same moment went to the schedule, the talk not yet shown.

A press or a release of a button is held behind input on its way as a key is
(`keys_in_order.py`), and waited for as a key is. It never comes back up to the app as a
key does (Textual makes the click out of the release and sends it to the widget under
the mouse, which may stop it), so its wait is always begun, and walks up from that widget
twice: the first walk follows the click (nothing held by then, it is done with, as a key
back at the app), the second what its handlers set off there (a row's message to its
screen, which opens the talk); then one from the widget focused.

The wheel is held too, and not waited for: it only scrolls. A move of the mouse is held
only behind something held (a move handed on before the press held ahead of it dragged
nothing: a selection begun on the talk that press opened had no end), and is not waited
for; while nothing is held it goes on at once, as it did, at the cost of a look at the
queue. A mouse event goes where things are drawn: one held is handed on once the screen
is laid out after the wait before it (a scroll on a screen not yet laid out was lost, its
height still none).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.errors import NoWidget

from companion.ui.keys_in_order import KeysInOrder

PRESSES = (events.MouseDown, events.MouseUp)
WHEEL = (
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.MouseScrollLeft,
    events.MouseScrollRight,
)
DRAWN_ON = (*PRESSES, *WHEEL, events.MouseMove)  # held, handed on once laid out


class ClicksInOrder(KeysInOrder):
    IN_ORDER: ClassVar[tuple[type[events.Event], ...]] = (*KeysInOrder.IN_ORDER, *PRESSES, *WHEEL)

    async def on_event(self, event: events.Event) -> None:
        if self._held and isinstance(event, events.MouseMove) and not event.is_forwarded:
            self._held.append(event)  # what is held ahead of it has its wait under way
        else:
            await super().on_event(event)

    async def _hand_on(self, key: events.Event) -> None:
        """A press or a release to the widget under the mouse as Textual sends it, and
        waited for from there."""
        if not isinstance(key, PRESSES):
            await super()._hand_on(key)
            return
        try:
            under = self.mouse_captured or self.get_widget_at(key.x, key.y)[0]
        except NoWidget:
            under = None
        self._on_its_way, self._sent_to = key, under
        await super()._hand_on(key)  # not a key: handed on, and not waited for there
        self._wait_for_the_key_before(walks=3)

    async def _hand_on_held(self, wait: int, laid_out: bool = False) -> None:
        if not laid_out and self._held and isinstance(self._held[0], DRAWN_ON):
            self.screen.call_after_refresh(self._hand_on_held, wait, True)
        else:
            await super()._hand_on_held(wait)
