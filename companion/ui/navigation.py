"""Where keys and screens lead: the three modes, a talk's or a person's details pushed
inside the current mode (the talk screen kept per mode), and the dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.ui.app_state import AppState
from companion.ui.screens.styled import keep_layout
from companion.ui.services import SelectsTalk

if TYPE_CHECKING:
    from companion.search import Hit
    from companion.ui.screens.talk import TalkScreen


class Navigation(AppState):
    last_talk_id: str | None
    _talk_screens: dict[str, TalkScreen]
    _switching_to_built: bool

    def show_talk(self, talk_id: str) -> None:
        self.last_talk_id = talk_id

    def open_talk(self, talk_id: str) -> None:
        """Show another talk on the mode's kept talk screen, then push it once its new
        facts have asked for a layout: the first frame lays it out and draws it whole on
        the new talk (pushed first, a frame drew the old layout before the new facts'
        layout request had reached the screen, and a second frame drew them). On the talk
        it shows, it is pushed at once (`TalkScreen.show`)."""
        self.last_talk_id = talk_id
        screen = self._talk_screen(talk_id)
        if screen.is_mounted:
            screen.show(talk_id, then=lambda: self.push_screen(screen))
        else:  # it shows its talk as it mounts
            self.push_screen(screen)

    def _talk_screen(self, talk_id: str) -> TalkScreen:
        """The mode's talk screen, kept once built and shown again on another talk: building
        one (a dozen widgets, each styled anew) took longer than the frame it opens in.
        A talk opened from a person seen from the kept one gets a screen of its own."""
        from companion.ui.screens.talk import TalkScreen, read_styles_ahead

        kept = self._talk_screens.get(self.current_mode)
        if kept is None:
            read_styles_ahead(self)  # if no quiet moment came yet: cheaper than Textual's
            kept = self._talk_screens[self.current_mode] = TalkScreen(talk_id)
            self.install_screen(kept, name=f"talk-{self.current_mode}")
        elif kept in self.screen_stack:
            return TalkScreen(talk_id)
        return kept

    def open_person(self, person_id: str) -> None:
        from companion.ui.screens.person import PersonScreen

        self.push_screen(PersonScreen(person_id))

    def open_hit(self, hit: Hit | None) -> None:
        from companion.search import HitKind

        if hit is None:
            return
        if hit.kind is HitKind.TALK:
            self.open_talk(hit.id)
        else:
            self.open_person(hit.id)

    def _talk_to_show(self) -> str | None:
        """What `t` opens: the screen's talk, else the last one opened, else the first."""
        screen, talks = self.screen, self.program.talks
        selected = screen.selected_talk_id if isinstance(screen, SelectsTalk) else None
        return selected or self.last_talk_id or (talks[0].id if talks else None)

    def _at_mode(self, mode: str) -> bool:
        """Showing the mode's own screen, with nothing pushed over it."""
        return mode == self.current_mode and len(self.screen_stack) == 1

    async def action_switch_mode(self, mode: str) -> None:
        """Another mode shows as it was left; the mode already shown goes back to its own
        screen from a talk or person opened over it."""
        if mode != self.current_mode:
            self._switching_to_built = self._has_screens(mode)
            if self._switching_to_built:
                keep_layout(self.get_screen_stack(mode)[-1], self.size)
            try:
                self.switch_mode(mode)
            finally:
                self._switching_to_built = False
            return
        while len(self.screen_stack) > 1:
            await self.pop_screen()

    def _has_screens(self, mode: str) -> bool:
        try:
            return bool(self.get_screen_stack(mode))
        except KeyError:  # not shown yet: its screen is built on the way
            return False

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual holds the screen for 50 ms while it switches modes, lest a screen being
        built show half-made; a mode already built and styled shows whole at once, so the
        switch to it is drawn in the next frame instead (the wait was most of a switch)."""
        if not self._switching_to_built:
            super().delay_update(delay)

    def action_talk_details(self) -> None:
        talk_id = self._talk_to_show()
        if talk_id is None:
            self.notify("This program has no talks.", timeout=3)
        else:
            self.open_talk(talk_id)

    def action_search(self) -> None:
        from companion.ui.screens.search import SearchScreen

        self.push_screen(SearchScreen(), self.open_hit)

    def action_export(self) -> None:
        from companion.ui.screens.export import ExportScreen

        self.push_screen(ExportScreen())

    def action_help(self) -> None:
        from companion.ui.screens.help import HelpScreen, help_sections

        self.push_screen(HelpScreen(help_sections(self.BINDINGS)))

    def action_about(self) -> None:
        from companion.ui.screens.about import AboutScreen

        self.push_screen(AboutScreen())
