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
never held, and a key whose wait never ends is handed on after `HOLD_AT_MOST`. Clicks
and the wheel keep their place among the keys too (`clicks_in_order.py`).
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
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


class KeysInOrder(App[None]):
    IN_ORDER: ClassVar[tuple[type[events.Event], ...]] = (events.Key, events.Paste)
    _held: deque[events.Event]  # read while a key was on its way, in order
    _on_its_way: events.Event | None  # handed on, not yet seen done
    _sent_to: Widget | None  # where it went (None: the app took it, or no widget was there)
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
        if not isinstance(event, self.IN_ORDER):
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

    async def _hand_on(self, key: events.Event) -> None:
        """To the focused widget as Textual does (or a key's priority bindings); a key is
        remembered as on its way unless typed into a text box (a paste is never waited for:
        it sets nothing off but text in a box)."""
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

    def _done_with(self, key: events.Key) -> None:
        if key is self._on_its_way:
            self._on_its_way = None
            if self._held:
                self._wait_for_the_key_before()  # for what it set off, from now
            else:  # read again only once set anew: a screen closed since is not kept alive
                self._sent_to = None

    def _wait_for_the_key_before(self, walks: int = 2) -> None:
        """Hand on the next held key once the key before it and what it set off are done:
        a walk up from where that key went (`walks` - 1 of them), then one from the widget
        focused after it."""
        self._waits += 1
        if self._wait_timer is not None:
            self._wait_timer.stop()
        self._wait_timer = self.set_interval(HOLD_AT_MOST, partial(self._hand_on_held, self._waits))
        self._walk_up(self._sent_to, self._waits, walks - 1)

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
        elif walks_after and self._held:  # from where it went again, or the widget focused
            self._walk_up(self._sent_to if walks_after > 1 else None, wait, walks_after - 1)
        else:
            await self._hand_on_held(wait)

    async def _hand_on_held(self, wait: int) -> None:
        """The next held key, and those after it that a text box types (and pastes)."""
        if wait != self._waits:
            return
        self._waits += 1
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None
        self._on_its_way = None
        while self._held:
            await self._hand_on(self._held.popleft())
            if self._on_its_way is not None:
                if self._held and self._wait_timer is None:  # (a click begins its own)
                    self._wait_for_the_key_before()
                return
        self._sent_to = None  # all done: a screen closed since is not kept alive
