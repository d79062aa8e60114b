"""The reader's HTML (sitrep.highlight): escaped article text, overlapping marks, focus, anchors."""

from __future__ import annotations

import re

from sitrep.highlight import (
    Mark, anchor_id, escape_markdown, heading_html, highlight_html, mark_matches, reader_html, safe_url,
)

TEXT = 'He said "<script>alert(1)</script> & more" on Friday.'


def strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def test_article_markup_is_escaped_never_run():
    html = highlight_html(TEXT, [Mark(9, 41, "quote", "a:q:9")])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_text_survives_unchanged_apart_from_escaping():
    import html as html_lib

    marks = [Mark(0, 20, "event", "a:e:0"), Mark(9, 41, "quote", "a:q:9"), Mark(45, 51, "figure", "a:f:45")]
    assert html_lib.unescape(strip_tags(highlight_html(TEXT, marks))) == TEXT


def test_overlapping_marks_give_pieces_every_covering_class():
    html = highlight_html("abcdef", [Mark(0, 4, "event", "e"), Mark(2, 6, "quote", "q")])
    assert '<span class="sr-event" id="hl-e">ab</span>' in html
    assert '<span class="sr-event sr-quote"' in html and ">cd</span>" in html
    assert html.endswith(">ef</span>")


def test_focus_row_is_emphasised_and_anchored_once():
    html = highlight_html("abcdef", [Mark(0, 4, "event", "e"), Mark(2, 6, "quote", "x:q:2")], focus="x:q:2")
    assert html.count('id="hl-x-q-2"') == 1
    assert html.count("sr-focus") == 2  # both pieces of the focused quote
    assert anchor_id("x:q:2") == "hl-x-q-2"


def test_titles_from_the_article_are_escaped_in_attributes():
    html = highlight_html("abc", [Mark(0, 3, "quote", "q", 'Quote: "Bob" <b>')])
    assert 'title="Quote: &quot;Bob&quot; &lt;b&gt;"' in html


def test_marks_outside_the_text_are_clipped_or_ignored():
    html = highlight_html("abc", [Mark(1, 99, "quote", "q"), Mark(5, 9, "event", "e"), Mark(2, 2, "figure", "f")])
    assert strip_tags(html) == "abc" and "sr-event" not in html and "sr-figure" not in html


def test_reader_html_wraps_text_with_styles_and_a_test_id():
    html = reader_html("x", [])
    assert html.startswith("<style>") and 'data-testid="sr-reader"' in html


def test_mark_matches_merges_overlaps_and_escapes():
    assert mark_matches("<a> threat", [(4, 8), (6, 10)]) == '&lt;a&gt; <mark class="sr-hit">threat</mark>'
    assert mark_matches("abc", []) == "abc"


def test_escape_markdown_makes_links_images_and_shortcodes_literal():
    escaped = escape_markdown("![x](http://e.vil/a.png) **b** :fire: a_b")
    assert escaped == r"\!\[x\]\(http\://e\.vil/a\.png\) \*\*b\*\* \:fire\: a\_b"
    assert escape_markdown("Plain words 12") == "Plain words 12"


def test_safe_url_keeps_only_http_links():
    assert safe_url(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url('https://x.org/"><script>') == ""
    assert safe_url("") == ""


def test_heading_html_escapes_title_and_details():
    html = heading_html("<b>T</b> :fire:", ["Out<let>", "", "id x"])
    assert "&lt;b&gt;T&lt;/b&gt; :fire:" in html
    assert "Out&lt;let&gt; · id x" in html
