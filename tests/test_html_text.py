"""HTML in a program's prose made readable: paragraphs, lists, links, never tags."""

from __future__ import annotations

import pytest

from companion.html_text import readable_text


def test_paragraphs_are_separated_by_a_blank_line_and_whitespace_is_folded() -> None:
    html = "<p>First   line\n  continues.</p>\n\n<p>Second <b>bold</b> one.</p>"
    assert readable_text(html) == "First line continues.\n\nSecond bold one."


def test_nested_lists_are_bulleted_and_numbered_lines() -> None:
    html = (
        "<p>Plan:</p><ol><li>one</li><li><p>two</p>"
        "<ul><li>a</li><li>b</li></ul></li><li>three</li></ol><p>End.</p>"
    )
    assert readable_text(html) == "Plan:\n\n1. one\n2. two\n  • a\n  • b\n3. three\n\nEnd."


def test_line_breaks_are_kept() -> None:
    assert readable_text("one<br>two<br/>three<BR />four") == "one\ntwo\nthree\nfour"


def test_a_line_break_in_a_list_item_hangs_under_its_text() -> None:
    html = "<ol><li>linking,<br>and more</li><li>end<br></li></ol><p>x<br>y</p>"
    assert readable_text(html) == "1. linking,\n   and more\n2. end\n\nx\ny"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('See <a href="https://x.org/docs">the docs</a>.', "See the docs <https://x.org/docs>."),
        ('<a href="https://x.org/">https://x.org</a>', "https://x.org"),
        ('<p>Repo: <a href="https://x.org/r"></a></p>', "Repo: https://x.org/r"),
        ('<a href="mailto:me@x.org">write</a>', "write <me@x.org>"),
        ('<a href="javascript:alert(1)">click</a> <a href="#top">up</a>', "click up"),
    ],
)
def test_links_show_where_they_go(html: str, expected: str) -> None:
    assert readable_text(html) == expected


def test_entities_are_decoded_once() -> None:
    assert readable_text("<p>R&amp;D &lt;3 caf&eacute; &#x2192; &amp;amp;</p>") == (
        "R&D <3 café → &amp;"
    )


def test_scripts_and_styles_are_dropped() -> None:
    html = "<style>p { color: red }</style><p>Shown</p><script>alert('x')</script>"
    assert readable_text(html) == "Shown"


def test_malformed_html_still_yields_text_and_no_tags() -> None:
    html = "<p>unclosed <b>bold <li>stray item</ul></ol><div>after</p> trailing <i"
    # The unfinished "<i" at the end is text the browser would not show either way.
    assert readable_text(html) == "unclosed bold\n• stray item\n\nafter\n\ntrailing <i"


def test_preformatted_text_keeps_its_lines_and_indentation() -> None:
    assert readable_text("<pre>if x:\n    y()</pre><p>after</p>") == "if x:\n    y()\n\nafter"


@pytest.mark.parametrize(
    "plain",
    [
        "a < b and c > d",
        "x<y, and 3 <= 4",
        "Q&amp;A stays as written",
        "Two\n\nparagraphs  with  spaces",
        "std::vector<int> and Array<T> are types, <i32> a width",
        "<= and => and <-> arrows",
    ],
)
def test_plain_text_passes_through_unchanged(plain: str) -> None:
    assert readable_text(plain) == plain


def test_empty_markup_is_empty_text() -> None:
    assert readable_text("<p> </p><br>") == ""


def test_deeply_nested_lists_are_indented_no_further_than_a_few_levels() -> None:
    """A stranger's 5,000 nested items: the text stays about as long as the HTML (indenting
    each level further made it 25 million characters)."""
    html = "<ul><li>" * 5000 + "deep"
    text = readable_text(html)
    assert text.endswith("• deep") and len(text) < 20 * 5000
    assert readable_text("<ol><li>a<ol><li>b</li></ol></li></ol>") == "1. a\n  1. b"


def test_a_link_opened_inside_another_ends_the_first_as_in_html() -> None:
    html = '<a href="https://a.example/">one <a href="https://b.example/">two</a></a>'
    assert readable_text(html) == "one <https://a.example/>two <https://b.example/>"
