"""Talk details: everything the program knows about one talk, its star and the user's note."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import Any, NamedTuple, Self

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Selection

from companion.present.talk import presenters_label, starred_fact, talk_facts, talk_sections
from companion.program import Program, Talk
from companion.ui.commands import ScreenCommands
from companion.ui.content import facts_lines, section_lines, stacked
from companion.ui.hanging import Hanging
from companion.ui.screens.links import LinksScreen, open_link
from companion.ui.screens.styled import StyledScreen
from companion.ui.services import services
from companion.ui.widgets.app_header import AppHeader
from companion.ui.widgets.edge_list import PageList
from companion.ui.widgets.front_compositor import FrontCompositor
from companion.ui.widgets.kept_text import KeptText
from companion.ui.widgets.key_footer import KeyFooter
from companion.ui.widgets.plain_scroll import PlainScroll
from companion.ui.widgets.thumb_lines import draw_from_kept_cells
from companion.ui.widgets.typing import TypingArea

NOTE_SAVE_DELAY = 0.4
LABEL_WIDTH = 13  # the facts' label column


class TalkTexts(NamedTuple):
    """A talk's title, facts and sections, as the screen shows them, and what they were
    made from: the program (weakly: a replaced one is freed), the talk and the time zone."""

    program: weakref.ref[Program]
    talk_id: str
    zone: tzinfo
    title: Content
    facts: Hanging
    about: Hanging
    has_sections: bool

    def made_from(self, program: Program, talk_id: str, zone: tzinfo) -> bool:
        return self.program() is program and (self.talk_id, self.zone) == (talk_id, zone)


def talk_texts(program: Program, talk_id: str, zone: tzinfo) -> TalkTexts:
    talk = program.talk(talk_id)
    title = Content(talk.title)
    if talk.subtitle:
        title = Content.assemble(title, "\n", (talk.subtitle, "italic"))
    facts = stacked(facts_lines(talk_facts(program, talk, zone), LABEL_WIDTH))
    sections = talk_sections(talk)
    about = stacked(section_lines(sections))
    return TalkTexts(weakref.ref(program), talk_id, zone, title, facts, about, bool(sections))


def read_styles_ahead(app: App[Any]) -> None:
    """Have the talk screen's styles read at a quiet moment, as Textual reads a screen's
    `CSS_PATH` as it is first shown (every screen styled again: a third of opening the
    first talk). This module is imported by then too. Only the new file is parsed: the
    stylesheet keeps the rules it parsed from the others, where Textual's own reading
    parses every rule of the app again (about 5 ms of CPU, in each app a test starts)."""
    stylesheet = app.stylesheet
    path = (Path(inspect.getfile(TalkScreen)).parent / TalkScreen.CSS_PATH).resolve()
    if not stylesheet.has_source(str(path)):
        stylesheet.read(path)
        stylesheet.parse()
        stylesheet.update(app)


class AuthorList(PageList, inherit_bindings=False):
    """The talk's authors, inside the scrolling details: Up and Down move among them and,
    past the first or the last, scroll the details, as the paging keys always do."""

    BINDINGS = [
        Binding("enter", "select", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
    ]

    # Set as the list measures its options, which it does again as it is drawn after a
    # layout (at the width that layout gave it): Textual's own asks for another layout as
    # it changes, one that lays out the same (the options' heights were measured by it).
    # Nor is the list drawn again for it: it is measured as it is drawn (new options ask
    # for their drawing themselves), and each talk with another number of authors than
    # the last drew it twice.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows_width: int | None = None  # the width at the last resize

    def on_resize(self, event: events.Resize) -> None:
        """Another height alone (another talk's number of authors) keeps the options as
        drawn: OptionList's own forgets them and draws the list again after the frame
        that showed the talk. At another width, they are forgotten as OptionList does."""
        width = self.scrollable_content_region.width
        if width == self._rows_width:
            event.prevent_default()
        self._rows_width = width

    def judge_scrollbar_as_laid_out(self) -> None:
        """New options are judged against the list's height for the last ones: more of
        them showed its scrollbar in the first frame, and a second layout took it away.
        Hidden now, the layout shows it where the new options need it."""
        self.show_vertical_scrollbar = False
        self.vertical_scrollbar.display = False


class TalkScreen(StyledScreen[None]):
    COMMANDS = {ScreenCommands}  # its keys in the palette too
    CSS_PATH = "talk.tcss"  # read when the screen is first shown, not at start-up
    # The authors take the focus as a talk is shown, without scrolling to them; Textual's
    # own first focus went to the scrolling details, and each move restyled all they hold.
    AUTO_FOCUS = ""

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
            tooltip="Open a link of the talk (paper, slides) in your browser",
        ),
    ]

    def __init__(self, talk_id: str) -> None:
        super().__init__()
        # Draws only the widgets in front in a part drawn again: a star on a talk, one
        # line, drew the header, the footer and every widget of the details again.
        self._compositor = FrontCompositor()
        self.talk_id = talk_id
        self._save_timer: Timer | None = None
        self._note_text: str | None = None  # what to save; None when nothing is pending
        self._note_base = ""  # the note as last loaded or saved here, to spot a change elsewhere
        # What the title and authors, and the facts, were last drawn from: the screen is
        # kept, and opened again on the talk it shows it draws them as they were.
        self._drawn_talk_id: str | None = None
        self._drawn_facts: tuple[str, bool, tzinfo] | None = None
        self._texts: TalkTexts | None = None  # the last made, shown or made ahead
        self._star_lines: dict[bool, Hanging] = {}
        self._layouts_ahead = 0  # shown ahead, their layout still to come
        self._drawn_ahead: str | None = None  # the talk shown, laid out and drawn ahead
        self._opened_since_ahead = False  # shown on top since it was last shown ahead
        self._leave_unsaved = False  # Esc once more leaves a note that could not be saved

    @property
    def talk(self) -> Talk:
        return services(self).program.talk(self.talk_id)

    @property
    def selected_talk_id(self) -> str:
        return self.talk_id

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with PlainScroll(id="talk-body"):
            yield KeptText(id="talk-title")
            yield KeptText(id="talk-facts")  # wrapped once a talk, not at each layout
            # The star on a line of its own: toggled, it is drawn again alone, in place (the
            # facts and the abstract around it neither wrapped nor laid out again).
            yield KeptText(id="talk-star")
            yield KeptText(id="talk-about")  # the abstract and description
            presenters = presenters_label(services(self).program)
            yield Static(f"{presenters} — Enter opens a person", classes="section-label")
            yield AuthorList(id="talk-authors")
            yield Static(
                "Your note — saved as you type (e to edit, Esc to leave)", classes="section-label"
            )
            yield TypingArea(id="talk-note", soft_wrap=True, show_line_numbers=False)
        yield KeyFooter()

    def show(self, talk_id: str, then: Callable[[], object]) -> None:
        """Show another talk here: the app keeps this screen and opens it again. A note
        that could not be saved when the user left it (Esc twice) is let go, as they chose.

        `then` runs once the requests for a layout of the widgets shown anew (the texts and
        the authors) have reached this screen (Textual passes each on as its widget next
        goes idle, which is when `call_next` runs): the first frame lays them all out. On
        the talk it shows, its star and time zone as they were, laid out (`show_ahead`),
        nothing is laid out anew: `then` runs first, and the frame that shows the screen
        draws the little that changed. Drawn ahead on it, only its note is read again (it
        may have been saved in another terminal meanwhile): the rest was brought to the
        talk ahead, and out of sight nothing moved it."""
        drawn_ahead, self._drawn_ahead = self._drawn_ahead, None
        self._opened_since_ahead = True
        if not self._leave_unsaved:
            self.save_edits()
        self._note_text = None
        self._leave_unsaved = False
        self.talk_id = talk_id
        if self._facts_drawn_from() == self._drawn_facts and not self._layouts_ahead:
            then()
            if drawn_ahead == talk_id:
                services(self).show_talk(talk_id)
                self._show_note()
            else:
                self._show_talk()
        else:
            self._show_talk()
            self._after_idle(self._shown_anew(), then)

    def show_ahead(self, talk_id: str) -> None:
        """Bring this screen, out of sight, to `talk_id` and lay it out at the app's size,
        while the cursor rests on the talk's row: Enter then finds it shown and only pushes
        it (`show`), where nothing it shows changed meanwhile (its star, the time zone, the
        size, the styles: else it is shown or laid out anew as it opens). Nothing is drawn
        on the terminal, nor is the talk counted as opened (`t` opens the last talk
        opened). Not while
        a note that could not be saved is pending: it belongs to the talk it was typed on."""
        if not self.is_attached or self in self.app.screen_stack or self._note_text is not None:
            return
        self.talk_id = talk_id
        self._drawn_ahead = None
        self._opened_since_ahead = False
        self._bring_to_talk()
        self._layouts_ahead += 1
        # The body too: scrolled home, it asks for its scrolling to be laid out.
        widgets = [*self._shown_anew(), self.query_one("#talk-body")]
        self._after_idle(widgets, lambda: self.call_later(self._lay_out_ahead))

    def _lay_out_ahead(self) -> None:
        """Lay the screen out as it would be as it is shown, the requests for a layout of
        the widgets shown anew having reached it. Textual lays out only the screen on top
        (`_refresh_layout` lays out any, and draws only that one): this one is laid out,
        its requests for a layout and for its scrolling settled, so the push lays out
        nothing (`show_ahead`).

        Then it is drawn ahead, the frame thrown away, never written: each widget keeps
        the lines it drew (the authors' options, the labels, as Textual keeps them until
        a widget changes; the footer's keys are read again as the screen is shown), and
        each line the terminal's text it was written as, so the frame that shows the
        screen mostly picks up kept lines (its authors were a third of that frame's
        drawing)."""
        self._layouts_ahead -= 1
        if self.is_attached and self not in self.app.screen_stack:
            self._refresh_layout(self.app.size)
            self._layout_required = self._scroll_required = False
            self._compositor.render_full_update().render_segments(self.app.console)
            # Not where it was opened since (a loaded machine can delay this): it is as
            # the user left it (scrolled, a note focused), no longer as shown ahead.
            if not self._opened_since_ahead:
                self._drawn_ahead = self.talk_id

    def _shown_anew(self) -> list[Widget]:
        """The widgets a talk shown anew may ask to lay out again."""
        return [*self.query(KeptText), self.query_one(AuthorList)]

    def _talk_texts(self, talk_id: str) -> TalkTexts:
        """The talk's texts: those last made, when made from what they would be now."""
        program, zone = services(self).program, services(self).display_zone
        texts = self._texts
        if texts is None or not texts.made_from(program, talk_id, zone):
            texts = self._texts = talk_texts(program, talk_id, zone)
        return texts

    def _after_idle(self, widgets: list[Widget], then: Callable[[], object]) -> None:
        """`then` once each of `widgets` went idle, and passed on any request for a layout."""
        if widgets:
            widgets[0].call_next(self._after_idle, widgets[1:], then)
        else:
            then()

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        """Regions of the screen to draw again, as a screen under it drew them (Textual passes
        them on to the screen on top, and the next time any of its widgets change, passes
        the whole screen). Under this one, which covers it wholly, nothing of them shows:
        each had this screen drawn whole again (a star on the talk, and every talk opened,
        drew it twice, the second time for the schedule under it)."""
        if regions and not layout and not recompose and self.styles.background.a == 1:
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _compositor_refresh(self) -> None:
        """Not drawn in part where it is about to be drawn whole: shown again on a talk
        laid out anew, Textual drew the parts the layout moved (over the screen it left, a
        frame that mixed the two), then the whole screen in the same moment, for the
        repaint asked as a screen is shown again. That first frame was a fifth of opening
        a talk."""
        if not self._repaint_required:
            super()._compositor_refresh()

    def on_mount(self) -> None:
        app = self.app
        # Its thumb moves with every talk of another length: drawn from kept cells, not
        # through Rich line by line.
        draw_from_kept_cells(self.query_one("#talk-body", VerticalScroll).vertical_scrollbar)
        self.watch(app, "starred", self._facts_may_have_changed, init=False)
        self.watch(app, "local_time", self._facts_may_have_changed, init=False)
        self._show_talk()

    def _facts_may_have_changed(self) -> None:
        """The facts drawn again for a new star or time zone while the screen is open (on
        top, or under a dialog). Kept aside, it is brought up to date as it opens again:
        the talk just left and starred on the schedule had its facts laid out again out of
        sight, about 10 ms of that star at 10,000 talks."""
        if self in self.app.screen_stack:
            self._show_facts()

    def on_screen_resume(self) -> None:
        """Shown again as its mode is switched back to, where a star changed meanwhile (on
        Starred, or by another terminal) or the time zone: its facts are brought up to
        date (nothing is drawn again when they are). Opened anew, `show` did it."""
        self._show_facts()

    def _show_talk(self) -> None:
        services(self).show_talk(self.talk_id)
        self._bring_to_talk()

    def _bring_to_talk(self) -> None:
        """Everything shown brought to the talk (what changed is drawn again)."""
        talk = self.talk
        authors = self.query_one("#talk-authors", AuthorList)
        new_talk = talk.id != self._drawn_talk_id
        if new_talk:
            self._drawn_talk_id = talk.id
            self.query_one("#talk-title", Static).update(self._talk_texts(talk.id).title)
            # No option ids: two authors can share one ("Böck" and "Bock"), which OptionList
            # refuses.
            authors.set_options(Option(Content(name)) for name in talk.authors)
        authors.highlighted = 0
        if new_talk:
            authors.judge_scrollbar_as_laid_out()
        self._show_note()
        self._show_facts()
        if self.focused is not authors:  # kept as it was left: focusing again draws it again
            authors.focus(scroll_visible=False)
        self.query_one("#talk-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()  # the first and last talks have no previous or next

    def _show_note(self) -> None:
        note = self.query_one("#talk-note", TextArea)
        self._note_base = services(self).note(self.talk_id)
        if note.text != self._note_base:
            with note.prevent(TextArea.Changed):
                note.load_text(self._note_base)
        else:  # the same text (mostly none): the box is not built and drawn again
            note.history.clear()  # what was typed on the talk before does not undo into this one
        end = note.document.end
        if note.selection != Selection.cursor(end):  # each move draws the box again
            note.move_cursor(end)  # `e` goes on writing, not in front of it

    def _facts_drawn_from(self) -> tuple[str, bool, tzinfo]:
        app = services(self)
        return self.talk_id, self.talk_id in app.starred, app.display_zone

    def _show_facts(self) -> None:
        """The facts, star and sections drawn again where what they show changed (laying
        out and drawing them is most of a talk)."""
        drawn_from = self._facts_drawn_from()
        talk_id, starred, zone = drawn_from
        drawn_talk, drawn_star, drawn_zone = self._drawn_facts or (None, None, None)
        self._drawn_facts = drawn_from
        if (drawn_talk, drawn_zone) != (talk_id, zone):
            self.query_one("#talk-facts", KeptText).update(self._talk_texts(talk_id).facts)
        if drawn_star != starred:
            self.query_one("#talk-star", KeptText).update(self._star_line(starred))
        if drawn_talk != talk_id:
            about = self.query_one("#talk-about", KeptText)
            texts = self._talk_texts(talk_id)
            about.display = texts.has_sections  # else a blank line under the star
            about.update(texts.about)

    def _star_line(self, starred: bool) -> Hanging:
        """The star's line, the same for every talk: made once for each state, so a star
        toggled back finds the lines kept for it (`KeptText`)."""
        line = self._star_lines.get(starred)
        if line is None:
            star = starred_fact(starred)
            if not starred:
                star = star._replace(text=f"{star.text} (s to star)")
            line = self._star_lines[starred] = stacked(facts_lines([star], LABEL_WIDTH))
        return line

    @on(OptionList.OptionSelected, "#talk-authors")
    def _open_author(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        program = services(self).program
        services(self).open_person(program.author_ids(self.talk)[event.option_index])

    @on(TextArea.Changed, "#talk-note")
    def _note_changed(self, event: TextArea.Changed) -> None:
        self._note_text = event.text_area.text
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(NOTE_SAVE_DELAY, self.save_edits)

    def save_edits(self) -> bool:
        """Write the note through; called shortly after typing stops and when leaving.
        False when it could not be saved."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        text, self._note_text = self._note_text, None
        if text is None:
            return True
        saved = services(self).save_note(self.talk_id, text, expected=self._note_base)
        if saved is None:
            self._note_text = text  # still on screen and still to save: leaving tries again
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
        self.save_edits()

    def on_unmount(self) -> None:
        self.save_edits()

    def action_back(self) -> None:
        note = self.query_one("#talk-note", TextArea)
        if note.has_focus:
            self.query_one("#talk-authors", OptionList).focus()
        elif self.save_edits() or self._leave_unsaved:
            self.dismiss()
        else:  # stay once, so what could not be saved can still be copied
            self._leave_unsaved = True
            self.notify("The note is not saved: Esc again leaves without it.", markup=False)

    def action_star(self) -> None:
        services(self).toggle_star(self.talk_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step" and isinstance(offset := parameters[0], int):
            return services(self).program.talk_after(self.talk_id, offset) is not None
        if action == "open_links":
            return bool(self.talk.links)
        return True

    def action_step(self, offset: int) -> None:
        self.save_edits()
        neighbour = services(self).program.talk_after(self.talk_id, offset)
        if neighbour is not None:
            self.talk_id = neighbour.id
            self._show_talk()

    def action_open_links(self) -> None:
        """Open the talk's one link, or ask which of its links to open."""
        links = self.talk.links  # at least one: `check_action` hides `o` otherwise
        if len(links) == 1:
            open_link(self.app, links[0].url)
        else:
            self.app.push_screen(LinksScreen(links), self._open_chosen)

    def _open_chosen(self, url: str | None) -> None:
        if url is not None:
            open_link(self.app, url)

    def action_edit_note(self) -> None:
        """Into the note, the focus moved now: the keys typed after `e`, held until it is
        done (`ui/keys_in_order.py`), go into it (`e` then `so` once starred the talk)."""
        self.set_focus(self.query_one("#talk-note", TextArea))
