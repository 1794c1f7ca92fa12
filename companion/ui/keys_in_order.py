"""Keys that come together (a fast typist, keys pasted, a terminal multiplexer writing
them in one go) act in the order they were typed, each where the one before it left the
focus.

Textual sends each key on to the widget focused as the app reads it, and runs its
bindings once it has bubbled back up to the app through the widget's parents, each in
its own message queue. A key read before the one ahead of it had acted went where the
focus had been: after `Down` then `f` in the Speakers filter the letters went into the
filter with the `f`; after `Down` then `/` to the schedule; after `Enter` on a talk
nowhere, as its screen did not exist yet.

So while a key is on its way, the keys read after it (and a paste, which goes where the
focus is as a key does) are held at the app, and handed on in order once it is done
with: back up at the app (its bindings run), or stopped by a widget. Then what it set
off still has to happen (a focus moved, a message to a screen, a new screen composed): a
callback walked up from the widget it went to, through each parent's queue, runs after
everything queued there before it, and another from the widget focused then (a new
screen's) takes it to its first focus. A key typed into a text box is not waited for:
the box's own keys act in it (`widgets/typing.py`), and the focus stays. A single key is
never held, and a key whose wait never ends is handed on after `HOLD_AT_MOST`.

A click is input in the same line: a click on a row opens its talk as Enter does, and
`e x` typed with it went to the schedule, the talk not yet shown. A press or a release of
a button is held and waited for as a key is, and so is the wheel (not waited for: it only
scrolls); a move of the mouse only hovers, and is never held. A press never comes back up
to the app as a key does (Textual makes the click out of the release and sends it to the
widget under the mouse, which may stop it), so its wait is always begun, and walks up
from that widget twice: the first walk follows the click, the second what its handlers
set off there (a row's message to its screen, which opens the talk). The mouse goes
where things are drawn: one held is handed on once the screen has been laid out after
the input before it (one turn of the wheel after another goes on at once).
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.errors import NoWidget
from textual.message import Message

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.timer import Timer
    from textual.widget import Widget

HOLD_AT_MOST = 1.0  # seconds a key waits for the one before it, should that never end


class KeyTaken(Message):
    """A widget took the key and stopped it: it will not come back up to the app, which
    can hand on the keys after it at once."""

    def __init__(self, key: events.Key) -> None:
        super().__init__()
        self.key = key


Press = events.MouseDown | events.MouseUp  # a click's: waited for as a key
Wheel = (
    events.MouseScrollDown | events.MouseScrollUp | events.MouseScrollLeft | events.MouseScrollRight
)
Ordered = events.Key | events.Paste | Press | Wheel  # input kept in order


class KeysInOrder(App[None]):
    _held: deque[Ordered]  # read while a key or a click was on its way, in order
    _on_its_way: events.Key | Press | None  # handed on, not yet seen done
    _sent_to: Widget | None  # where it went (None: the app took it, or no widget is there)
    _waits: int  # counts the waits begun: a callback of an earlier one is stale
    _wait_timer: Timer | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held = deque()
        self._on_its_way = None
        self._sent_to = None
        self._waits = 0
        self._wait_timer = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, Ordered):
            await super().on_event(event)
        elif event.is_forwarded:  # back up: a key's bindings
            await super().on_event(event)
            if isinstance(event, events.Key):
                self._done_with(event)
        elif self._held or self._on_its_way is not None:
            self._held.append(event)
            if self._wait_timer is None:
                self._wait_for_the_key_before()
        else:
            await self._hand_on(event)

    def on_key_taken(self, message: KeyTaken) -> None:
        self._done_with(message.key)

    async def _hand_on(self, key: Ordered) -> None:
        """To the focused widget as Textual does (or a key's priority bindings); a key is
        remembered as on its way unless typed into a text box (a paste is never waited for:
        it sets nothing off but text in a box; nor is the wheel)."""
        if isinstance(key, Press):
            await self._click(key)
            return
        focused = self.focused
        if not isinstance(key, events.Key) or (
            focused is not None and focused.check_consume_key(key.key, key.character)
        ):
            await super().on_event(key)
            return
        self._on_its_way, self._sent_to = key, focused
        await super().on_event(key)
        if not key.is_forwarded:  # taken here: done once what is queued has run
            self._sent_to = None
            self.call_later(self._done_with, key)

    async def _click(self, press: Press) -> None:
        """To the widget under the mouse as Textual does, and waited for from there."""
        try:
            under = self.mouse_captured or self.get_widget_at(press.x, press.y)[0]
        except NoWidget:
            under = None
        self._on_its_way, self._sent_to = press, under
        await super().on_event(press)
        self._wait_for_the_key_before(walks=3)

    def _done_with(self, key: events.Key) -> None:
        if key is self._on_its_way:
            self._on_its_way = None
            if self._held:
                self._wait_for_the_key_before()  # for what it set off, from now

    def _wait_for_the_key_before(self, walks: int = 2) -> None:
        """Hand on the next held key once the key before it and what it set off are done:
        a walk up from where that key went (two after a click), then one from the widget
        focused after it. With no walks: once the screen is laid out (for the mouse)."""
        self._waits += 1
        if self._wait_timer is not None:
            self._wait_timer.stop()
        self._wait_timer = self.set_interval(HOLD_AT_MOST, partial(self._hand_on_held, self._waits))
        if walks:
            self._walk_up(self._sent_to, self._waits, walks - 1)
        else:
            self.screen.call_after_refresh(self._hand_on_held, self._waits)

    def _walk_up(self, node: DOMNode | None, wait: int, walks_after: int) -> None:
        """A callback through the queue of `node` (by default the widget focused, else
        the screen), then of each of its parents (a closed one is passed over)."""
        node = node or self.focused or self.screen
        while not node.call_later(self._next_up, node, wait, walks_after) and node is not self:
            node = node.parent or self

    async def _next_up(self, node: DOMNode, wait: int, walks_after: int) -> None:
        if wait != self._waits:
            return  # stale: a later wait has begun, or the keys were handed on
        if node is not self:
            self._walk_up(node.parent or self, wait, walks_after)
        elif walks_after > 1:
            self._walk_up(self._sent_to, wait, walks_after - 1)
        elif walks_after == 1:
            self._walk_up(None, wait, 0)
        elif self._held and isinstance(self._held[0], Press | Wheel):
            self.screen.call_after_refresh(self._hand_on_held, wait)
        else:
            await self._hand_on_held(wait)

    async def _hand_on_held(self, wait: int) -> None:
        """The next held key, and those after it that a text box types (and pastes, and
        the wheel)."""
        if wait != self._waits:
            return
        self._waits += 1
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None
        self._on_its_way = None
        while self._held:
            handed = self._held.popleft()
            await self._hand_on(handed)
            if self._on_its_way is not None:
                if self._held and self._wait_timer is None:  # (a click begins its own)
                    self._wait_for_the_key_before()
                return
            after = self._held[0] if self._held else None
            if isinstance(after, Press) or (
                isinstance(after, Wheel) and not isinstance(handed, Wheel)
            ):
                self._wait_for_the_key_before(walks=0)
                return
