"""The bare Textual apps the benchmark compares the companion against.

python scripts/bare_textual.py static   # Header, Static, Footer: the start-up baseline
python scripts/bare_textual.py input    # Header, Input, Footer: typing is the key baseline
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static


class BareStatic(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


class BareInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type here")
        yield Footer()


if __name__ == "__main__":
    (BareInput if sys.argv[1:] == ["input"] else BareStatic)().run()
