"""KeptText draws what a Static draws, segment for segment and line for line, for any text
and width, and draws it anew for new content, a new width and a new theme (its kept lines
never outlive what they were drawn from)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.pilot import Pilot
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Static

from companion.ui.content import hyperlink, labelled, stacked
from companion.ui.widgets.kept_text import KeptText
from companion.ui.widgets.plain_lines import has_plain_styles

TEXTS = [
    "",
    "One line.",
    "Café crème, naïve façade, Ångström, Œuvre — déjà vu; Zürich ½ ∑ ≠ ≤.",
    "東京で機械学習コンパイラを語る。深層学習のための最適化と자동 튜닝, 全角文字の折り返し。" * 2,
    "Emoji 🧑‍💻 and 👍🏽 flags 🇫🇷🇯🇵 and ✨ sparkles ✨ between words 🚀🚀🚀 " * 2,
    "https://example.org/a/very/long/path/that/does/not/fit/on/any/line/at/all?q=1&r=2#frag",
    "Supercalifragilisticexpialidocious" * 4 + " then short words after it.",
    "First paragraph of the abstract.\n\nSecond one, after a blank line.\nThird right under.",
    "Tabs\tbetween\twords\tand\t\ttwo in a row, and a trailing one\t",
    "  Leading spaces, trailing spaces   \n   and more indent on the next line",
    "[b]not bold[/b] [ @click=app.quit] [0, 1) \\[escaped] $variable",
    "lorem ipsum dolor sit amet " * 12,
]
WIDTHS = [5, 13, 33, 80]


def visuals() -> list[Visual]:
    """Every text as plain content, and the hardest as a talk's facts are: labelled lines,
    then sections (the accents, the wide characters, the emoji, the url)."""
    plain: list[Visual] = [Content(text) for text in TEXTS]
    facts: list[Visual] = [
        stacked(
            [
                labelled("Time", "Mon 10:00–10:30 (Europe/Brussels)", 13),
                labelled("Links", hyperlink("paper", "https://example.org/p"), 13),
                "",
                Content.styled("Abstract", "bold"),
                text,
            ]
        )
        for text in TEXTS[2:6]
    ]
    return plain + facts


class SideBySide(App[None]):
    """A Static and a KeptText, padded as the talk's facts are, each as wide as asked."""

    CSS = """
    Static { padding: 1 1 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="static")
        yield KeptText(id="kept")


Drawn = list[list[tuple[str, object]]]


def drawn(widget: Widget, crop: Region | None = None) -> Drawn:
    """The lines the widget draws (all of them, or those of `crop`), as its segments'
    text and style."""
    lines = widget.render_lines(crop or Region(0, 0, *widget.outer_size))
    return [[(segment.text, segment.style) for segment in line] for line in lines]


def as_textual_draws(widget: Widget, crop: Region) -> Drawn:
    """The same lines through Textual's styles cache (the method KeptText overrides)."""
    widget.refresh()  # nothing kept from an earlier frame
    lines = Widget.render_lines(widget, crop)
    return [[(segment.text, segment.style) for segment in line] for line in lines]


async def show(pilot: Pilot[None], visual: Visual, width: int) -> tuple[Static, KeptText]:
    static = pilot.app.query_one("#static", Static)
    kept = pilot.app.query_one("#kept", KeptText)
    for widget in (static, kept):
        widget.styles.width = width + 2  # the content, and the padding's two columns
        widget.update(visual)
    await pilot.pause()
    return static, kept


class ManyPairs(App[None]):
    """A Static and a KeptText for every visual, padded as the talk's facts once were, and
    a KeptText with a margin instead, as they are now: its lines skip the styles cache."""

    CSS = """
    Static { padding: 1 1 0 1; }
    Static.plain { padding: 0; margin: 1 1 0 1; }
    """

    def __init__(self, shown: list[Visual]) -> None:
        super().__init__()
        self.shown = shown

    def compose(self) -> ComposeResult:
        for visual in self.shown:
            yield Static(visual, classes="static")
            for classes in ("kept", "plain"):
                kept = KeptText(classes=classes)
                kept.update(visual)
                yield kept


async def test_kept_text_draws_what_a_static_draws_for_every_text_and_width() -> None:
    shown = visuals()
    app = ManyPairs(shown)
    async with app.run_test(size=(140, 50)) as pilot:
        for width in WIDTHS:
            for widget in app.query(".static, .kept"):
                widget.styles.width = width + 2  # the content, and the padding's two columns
            for widget in app.query(".plain"):
                widget.styles.width = width  # its margin outside it
            await pilot.pause()
            widgets = zip(
                app.query(".static"), app.query(".kept"), app.query(".plain"), strict=True
            )
            for visual, (static, kept, plain) in zip(shown, widgets, strict=True):
                assert kept.outer_size == static.outer_size, (width, str(visual)[:40])
                assert drawn(kept) == drawn(static), (width, str(visual)[:40])
                assert has_plain_styles(plain)
                assert plain.outer_size.height == static.outer_size.height - 1  # no top pad
                height = plain.size.height
                for crop in (Region(0, 0, width, height), Region(1, 0, 3, height)):
                    assert drawn(plain, crop) == as_textual_draws(plain, crop), (width, crop)


async def test_new_content_and_widths_are_drawn_anew_not_kept() -> None:
    """The same widget given another text, then another width, then the first text again:
    each time only what it was last given, in the width it has."""
    first, second = Content("alpha " * 40), Content("omega " * 3)
    app = SideBySide()
    async with app.run_test(size=(140, 60)) as pilot:
        static, kept = await show(pilot, first, 60)
        assert "alpha" in " ".join(line.text for line in kept.lines(kept.size.width))
        static, kept = await show(pilot, second, 60)
        assert drawn(kept) == drawn(static)
        assert all("alpha" not in text for line in drawn(kept) for text, _ in line)
        static, kept = await show(pilot, second, 11)
        assert drawn(kept) == drawn(static)
        static, kept = await show(pilot, first, 11)
        assert drawn(kept) == drawn(static)


async def test_a_new_theme_draws_the_kept_lines_in_its_colours() -> None:
    visual = stacked([labelled("Links", hyperlink("paper", "https://example.org/p"), 13), "x"])
    app = SideBySide()
    async with app.run_test(size=(140, 60)) as pilot:
        await show(pilot, visual, 50)
        before = drawn(app.query_one("#kept", KeptText))
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await pilot.pause()
        static, kept = app.query_one("#static", Static), app.query_one("#kept", KeptText)
        assert drawn(kept) == drawn(static)
        assert drawn(kept) != before
