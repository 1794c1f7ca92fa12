"""The web server behind `companion serve`: textual-serve, saying in one line where it is.

Imported only to serve: aiohttp and textual-serve cost every other command nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from textual_serve.server import Server

if TYPE_CHECKING:
    from aiohttp import web

TITLE = "C4ML Companion"
PAGE_FOLDER = Path(__file__).with_name("web_page")  # textual-serve's page, with local fonts


class CompanionServer(Server):
    """textual-serve's server, with our start-up line instead of its banner, only its
    warnings and errors on the terminal, and its page without a web font (which it asks
    of a third party, and which a venue's network may not reach)."""

    def __init__(self, command: str, *, host: str, port: int, url: str, started: str) -> None:
        super().__init__(
            command, host=host, port=port, title=TITLE, public_url=url, templates_path=PAGE_FOLDER
        )
        self.started = started

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="companion serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        print(self.started, flush=True)


def serve_app(command: str, *, host: str, port: int, url: str, started: str) -> None:
    """Serve the app `command` runs until Ctrl+C (or SIGTERM); raises OSError when the
    address cannot be listened on."""
    CompanionServer(command, host=host, port=port, url=url, started=started).serve()
