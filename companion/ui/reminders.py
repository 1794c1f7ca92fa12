"""Reminders while the app is open: a starred talk announces itself before it starts.

On every tick of the app's clock (so `--now` and an injected clock are followed), the
reminders due are claimed in the store, so each fires once, also after a restart or when
`companion remind --watch` runs beside the app. A reminder is a notification in the app,
the terminal bell, and a desktop notification where the terminal shows one
(`companion.desktop_notice`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from companion.desktop_notice import detect, notice_sequence
from companion.present.agenda import REMINDER_TITLE
from companion.reminders import OnceClaims, fire_due, reminder_text

if TYPE_CHECKING:
    from companion.program import Talk
    from companion.ui.app import CompanionApp

REMINDER_SECONDS = 60  # long enough to be seen by someone who looks up from a talk


class InAppReminders:
    def __init__(self, app: CompanionApp, environ: Mapping[str, str] = os.environ) -> None:
        self.app = app
        self.desktop = detect(environ)
        self.claims = OnceClaims(lambda talk: app.store.claim_reminder(talk), self._warn)

    def check(self) -> None:
        """Announce the reminders due now that have not fired yet."""
        app = self.app
        if app.remind_before:
            fire_due(app.program, app.starred, app.now, app.remind_before, self.claims, self._say)

    def _say(self, talk: Talk, now: datetime) -> None:
        app = self.app
        text = reminder_text(app.program, talk, now, app.display_zone)
        app.notify(text, title=REMINDER_TITLE, timeout=REMINDER_SECONDS, markup=False)
        app.bell()
        if self.desktop is not None:
            app.write_to_terminal(notice_sequence(self.desktop, REMINDER_TITLE, text))

    def _warn(self, message: str) -> None:
        self.app.notify(message, severity="warning", timeout=10, markup=False)
