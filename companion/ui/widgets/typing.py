"""Text boxes whose editing keys act in the order they were typed."""

from __future__ import annotations

from textual import events, on
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, TextArea

from companion.ui.keys_in_order import KeyTaken


async def run_own_binding(box: Widget, event: events.Key) -> None:
    """Run the box's own binding for the key (Backspace, Left, Ctrl+W ...) as it takes it.

    Textual types a letter as soon as the focused box takes the key, but runs the box's
    bindings only once the key has bubbled up to the app through each parent's message
    queue. Keys that come together (a fast typist, keys pasted, a terminal multiplexer)
    overtook them: `abc`, Backspace, `d` inserted the `d` and then deleted it, leaving
    `abc`. This runs the binding the app would run for the key, at once; anything else
    goes on as before. (Textualize/textual#6605)"""
    if event.is_printable:
        return  # typed by the box itself
    active = box.app.active_bindings.get(event.key)
    if active is None or active.node is not box or active.binding.priority:
        return  # another's binding (a priority one has had its turn before the box's)
    if await box.app.run_action(active.binding.action, box):
        event.stop()  # a skipped action goes on to the next binding for the key
        box.app.post_message(KeyTaken(event))  # done: the app hands on the keys read after it


class TypingInput(Input):
    """An Input whose editing keys act in the order they were typed, and whose typing lays
    out nothing but the box."""

    def validate_virtual_size(self, size: Size) -> Size:
        """The text's width, but never less than the box's: Input sets its virtual size to
        its text's width on every keystroke, and a new virtual size lays the whole screen
        out again (on a dialog, with a redraw of every scrollbar on it in one more frame).
        Text shorter than the box scrolls nowhere, whatever its width."""
        return Size(max(size.width, self.scrollable_content_region.width), size.height)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.content_width, 1)  # as wide as the new box, at least

    @on(events.Key)
    async def _editing_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)


class TypingArea(TextArea):
    """A TextArea whose editing keys act in the order they were typed."""

    @on(events.Key)
    async def _editing_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)
