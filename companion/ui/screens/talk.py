"""Talk details: everything the program knows about one talk, its star and the user's note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from companion.clock import format_window
from companion.program import Talk
from companion.render import talk_place
from companion.store import StoreError
from companion.text import slugify
from companion.ui.content import hyperlink, labelled, stacked
from companion.ui.hanging import Indented
from companion.ui.screens.links import LinksScreen, open_link
from companion.ui.services import services
from companion.ui.widgets.edge_list import EdgeList
from companion.ui.widgets.key_footer import KeyFooter

NOTE_SAVE_DELAY = 0.4
LABEL_WIDTH = 13  # the facts' label column


class AuthorList(EdgeList, inherit_bindings=False):
    """The talk's authors, inside the scrolling details: Up and Down move among them and,
    past the first or the last, scroll the details, as the paging keys always do."""

    BINDINGS = [
        Binding("enter", "select", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
    ]

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self.scroll_visible()

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self.scroll_visible()


class TalkScreen(Screen[None]):
    CSS_PATH = "talk.tcss"  # read when the screen is first shown, not at start-up

    BINDINGS = [
        Binding("escape", "back", "Back", id="talk.back", tooltip="Back to where you were"),
        Binding("s", "star", "Star", id="talk.star", tooltip="Star or unstar this talk"),
        Binding(
            "left_square_bracket",
            "step(-1)",
            "Prev",
            id="talk.previous",
            tooltip="The previous talk in program order",
        ),
        Binding(
            "right_square_bracket",
            "step(1)",
            "Next",
            id="talk.next",
            tooltip="The next talk in program order",
        ),
        Binding("e", "edit_note", "Note", id="talk.note", tooltip="Write a note on this talk"),
        Binding(
            "o",
            "open_links",
            "Open link",
            id="talk.open_links",
            show=False,
            tooltip="Open a link of the talk (paper, slides) in your browser",
        ),
    ]

    def __init__(self, talk_id: str) -> None:
        super().__init__()
        self.talk_id = talk_id
        self._save_timer: Timer | None = None
        self._note_text: str | None = None  # what to save; None when nothing is pending
        self._note_base = ""  # the note as last loaded or saved here, to spot a change elsewhere
        self._leave_unsaved = False  # Esc once more leaves a note that could not be saved

    @property
    def talk(self) -> Talk:
        return services(self).program.talk(self.talk_id)

    @property
    def selected_talk_id(self) -> str:
        return self.talk_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="talk-body"):
            yield Static(id="talk-title")
            yield Static(id="talk-facts")
            yield Static("Authors — Enter opens a person", classes="section-label")
            yield AuthorList(id="talk-authors")
            yield Static(
                "Your note — saved as you type (e to edit, Esc to leave)", classes="section-label"
            )
            yield TextArea(id="talk-note", soft_wrap=True, show_line_numbers=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        app = services(self)
        self.watch(app, "starred", self._show_facts, init=False)
        self.watch(app, "local_time", self._show_facts, init=False)
        self._show_talk()

    def _show_talk(self) -> None:
        talk = self.talk
        services(self).last_talk_id = talk.id
        title = Content(talk.title)
        if talk.subtitle:
            title = Content.assemble(title, "\n", (talk.subtitle, "italic"))
        self.query_one("#talk-title", Static).update(title)
        authors = self.query_one("#talk-authors", OptionList)
        authors.clear_options()
        # No option ids: two authors can share one ("Böck" and "Bock"), which OptionList refuses.
        authors.add_options(Option(Content(name)) for name in talk.authors)
        authors.highlighted = 0
        note = self.query_one("#talk-note", TextArea)
        self._note_base = services(self).store.note(talk.id)
        with note.prevent(TextArea.Changed):
            note.load_text(self._note_base)
        self._show_facts()
        authors.focus(scroll_visible=False)
        self.query_one("#talk-body", VerticalScroll).scroll_home(animate=False)

    def _show_facts(self) -> None:
        app, talk = services(self), self.talk
        zone = app.display_zone
        window = format_window(talk.start, talk.end, zone, talk.estimated)
        when = f"{talk.start.astimezone(zone):%a %d %b} {window} ({app.zone_caption})"
        lines: list[str | Content | Indented] = [
            labelled("Affiliation", talk.affiliation or "not published", LABEL_WIDTH),
            labelled("Where", talk_place(app.program, talk), LABEL_WIDTH),
            labelled("Time", when, LABEL_WIDTH),
        ]
        if talk.estimated:
            estimated = "estimated: the exact slot inside the session was not published"
            lines.append(Content.assemble(" " * (LABEL_WIDTH + 1), (estimated, "italic")))
        lines.extend(
            labelled("Link", hyperlink(link.label, link.url), LABEL_WIDTH) for link in talk.links
        )
        kind = " · ".join(part for part in (talk.kind, talk.language) if part)
        if kind:
            lines.append(labelled("Type", kind, LABEL_WIDTH))
        starred = talk.id in app.starred
        lines.append(labelled("Starred", "★ yes" if starred else "no (s to star)", LABEL_WIDTH))
        for label, text in (("Abstract", talk.abstract), ("Description", talk.description)):
            if text:
                lines += ["", Content.styled(label, "bold"), text]
        self.query_one("#talk-facts", Static).update(stacked(lines))
        self.set_class(starred, "-starred")

    @on(OptionList.OptionSelected, "#talk-authors")
    def _open_author(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        services(self).open_person(slugify(self.talk.authors[event.option_index]))

    @on(TextArea.Changed, "#talk-note")
    def _note_changed(self, event: TextArea.Changed) -> None:
        self._note_text = event.text_area.text
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(NOTE_SAVE_DELAY, self.save_note)

    def save_note(self) -> bool:
        """Write the note through; called shortly after typing stops and when leaving.
        False when it could not be saved."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        text, self._note_text = self._note_text, None
        if text is None:
            return True
        try:
            saved = services(self).store.set_note(self.talk_id, text, expected=self._note_base)
        except StoreError as error:
            self._note_text = text  # still on screen and still to save: leaving tries again
            self.notify(str(error), severity="error", markup=False)
            return False
        self._note_base = saved.text
        if not saved.conflict:
            return True
        note = self.query_one_optional("#talk-note", TextArea)  # None once the screen closes
        if note is not None:
            with note.prevent(TextArea.Changed):
                note.load_text(saved.text)
            note.move_cursor(note.document.end)
        self.notify(
            "This note had changed elsewhere meanwhile: both versions were kept.",
            severity="warning",
            markup=False,
        )
        return True

    def on_screen_suspend(self) -> None:
        """Another screen or mode takes over: save what was typed so far."""
        self.save_note()

    def on_unmount(self) -> None:
        self.save_note()

    def action_back(self) -> None:
        note = self.query_one("#talk-note", TextArea)
        if note.has_focus:
            self.query_one("#talk-authors", OptionList).focus()
        elif self.save_note() or self._leave_unsaved:
            self.dismiss()
        else:  # stay once, so what could not be saved can still be copied
            self._leave_unsaved = True
            self.notify("The note is not saved: Esc again leaves without it.", markup=False)

    def action_star(self) -> None:
        services(self).toggle_star(self.talk_id)

    def action_step(self, offset: int) -> None:
        self.save_note()
        talks = services(self).program.talks
        index = [talk.id for talk in talks].index(self.talk_id) + offset
        if 0 <= index < len(talks):
            self.talk_id = talks[index].id
            self._show_talk()

    def action_open_links(self) -> None:
        """Open the talk's one link, or ask which of its links to open."""
        links = self.talk.links
        if not links:
            self.notify("This talk has no links in the program.", timeout=3)
        elif len(links) == 1:
            open_link(self.app, links[0].url)
        else:
            self.app.push_screen(LinksScreen(links), self._open_chosen)

    def _open_chosen(self, url: str | None) -> None:
        if url is not None:
            open_link(self.app, url)

    def action_edit_note(self) -> None:
        self.query_one("#talk-note", TextArea).focus()
