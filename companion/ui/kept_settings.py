"""Settings kept for the next start: the theme, the zone times are shown in, and how long
before a starred talk it is announced; read before the first screen is built, saved
when the user changes one."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from companion.ui.app_state import AppState

if TYPE_CHECKING:
    from textual.theme import Theme


class KeptSettings(AppState):
    theme_for_this_run: str | None
    started_theme: str

    def _load_settings(self) -> None:
        from companion.settings import Times, load_settings

        loaded = load_settings()
        settings = loaded.settings
        self.remind_before = settings.remind_before
        self.local_time = settings.times is Times.LOCAL
        if loaded.problem:
            self.notify(loaded.problem, severity="warning", timeout=15, markup=False)
        theme = self.theme_for_this_run or settings.theme
        if theme is not None and theme in self.available_themes:
            self.theme = self.started_theme = theme
        elif theme is not None:
            self.notify(
                f"No theme called {theme}; using {self.theme} (ctrl+p: Change theme)",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.theme_changed_signal.subscribe(self, self._save_theme)

    def _save_theme(self, theme: Theme) -> None:
        """A theme the user picked (the palette's Change theme) is kept for next time."""
        if theme.name != self.started_theme:
            self.started_theme = theme.name
            self._save_setting(theme=theme.name)

    def _save_setting(self, **change: Any) -> bool:
        """Keep one setting for the next start; when that fails, say so and keep it until
        the app ends. Whether it was kept."""
        from companion.settings import SettingsError, update_settings

        try:
            update_settings(**change)
        except SettingsError as error:
            self.notify(f"Kept until you quit: {error}", severity="warning", markup=False)
            return False
        return True

    def action_reminder_lead(self) -> None:
        from companion.ui.screens.reminder_lead import ReminderLeadScreen

        self.push_screen(ReminderLeadScreen(self.remind_before), self._save_reminder_lead)

    def _save_reminder_lead(self, before: timedelta | None) -> None:
        from companion.present.agenda import reminders_words

        if before is None:
            return
        self.remind_before = before
        if self._save_setting(remind_before=before):
            self.notify(f"Starred talks: {reminders_words(before)}", timeout=4, markup=False)
        self.reminders.check()

    def action_toggle_zone(self) -> None:
        from companion.settings import Times

        self.local_time = not self.local_time
        self.notify(f"Times now in {self.zone_caption}", timeout=3, markup=False)
        self._save_setting(times=Times.LOCAL if self.local_time else Times.VENUE)
