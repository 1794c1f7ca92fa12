"""The talk screen draws through the search dialog's compositor (`FrontCompositor`): what it
sends to the terminal, for any of the screen's widgets drawn again, is what Textual's own
compositor sends, byte for byte, with the details scrolled so that widgets are partly
seen and partly covered (a part drawn again that no widget in front covers whole must
draw the widgets behind it too)."""

from __future__ import annotations

from textual._compositor import Compositor
from textual.widget import Widget

from companion.program import Program
from companion.ui.widgets.front_compositor import FrontCompositor
from tests.driving import AppFactory
from tests.test_search_front_compositor import sent
from tests.test_talk_opened_in_a_row import open_from_schedule

PARTS = ["#talk-body", "#talk-title", "#talk-facts", "#talk-star", "#talk-about"]
PARTS += ["#talk-authors", "#talk-note", "AppHeader", "KeyFooter"]


async def test_what_is_sent_is_what_textuals_compositor_sends(
    make_app: AppFactory, program: Program
) -> None:
    talk = max(program.talks, key=lambda talk: len(talk.abstract or ""))
    app = make_app(talk.start.isoformat())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_schedule(pilot, talk)
        for scrolled in [0, 1, 3]:
            body = app.screen.query_one("#talk-body")
            body.scroll_to(y=scrolled, animate=False, immediate=True)
            await pilot.pause()
            assert body.scroll_y == scrolled  # the details scroll that far at this size
            parts: list[Widget] = [app.screen.query_one(selector) for selector in PARTS]
            parts.append(body.vertical_scrollbar)
            for widgets in [*([part] for part in parts), parts[:5], parts[2:4], parts]:
                ours = sent(FrontCompositor(), app, widgets)
                assert ours == sent(Compositor(), app, widgets), (scrolled, widgets)
