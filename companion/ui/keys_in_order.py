"""Keys that open a text box act as they come, so that the letters typed on at once go
into the box: Textual runs a binding only once its key has bubbled up to the app through
the focused widget's parents, and meanwhile forwards the keys after it to the widget that
had the focus, which dropped them or took them as its keys (`e` then `so` on a talk
starred it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.ui.app_state import AppState

if TYPE_CHECKING:
    from textual import events

SEARCH_KEY = "slash"
#: Bindings that put the focus in a text box, by id, and their keys: a key's binding is
#: looked up as it comes only for these (it takes 50-130 µs).
AT_ONCE = frozenset({"search", "talk.note", "speakers.filter"})
AT_ONCE_KEYS = frozenset({SEARCH_KEY, "e", "f"})


class KeysInOrder(AppState):
    _key_on_its_way: events.Key | None  # sent on to a widget, not yet back up at the app

    async def key_at_once(self, key: events.Key) -> bool:
        """Run a binding of AT_ONCE as its key comes, where the key runs it anyway (not in a
        dialog, not typed into a box), and when no earlier key is still on its way up to
        the bindings, which it would overtake (`q` then `/`); whether it ran. Sees every
        key as it comes and again as it comes back up."""
        if key.is_forwarded:
            if key is self._key_on_its_way:
                self._key_on_its_way = None
            return False
        focused = self.focused
        if focused is not None and focused.check_consume_key(key.key, key.character):
            return False  # typed there (Textual's own check finds no "/" for "slash")
        if key.key in AT_ONCE_KEYS and self._key_on_its_way is None:
            found = self.active_bindings.get(key.key)
            binding, node = (found.binding, found.node) if found else (None, None)
            if binding and binding.id in AT_ONCE and await self.run_action(binding.action, node):
                return True
        # A key sent to a text box is not waited for: the box's own keys act in it, and
        # while it has the focus an AT_ONCE key is typed into it, with nothing to overtake.
        if focused is None or not focused.check_consume_key("a", "a"):
            self._key_on_its_way = key  # its bindings run once it is back up here
        return False
