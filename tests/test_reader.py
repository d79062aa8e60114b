"""Reading article files: encodings, HTML and Markdown stripping, boilerplate, unreadable input."""

from __future__ import annotations

import os

import pytest

from sitrep.reader import (
    ArticleUnreadable,
    article_paths,
    boilerplate_spans,
    decode_bytes,
    html_to_text,
    markdown_to_text,
    read_article,
    read_article_bytes,
)

PAGE = """<html><head><title>Site | Ignored</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-10-21T09:00:00Z">
<link rel="canonical" href="https://daily.example.org/a/1">
<script>window.evil = 1</script><style>p {color: red}</style></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Envoy summoned over troop reports</h1>
<p>The ministry said on Monday it had summoned the envoy.</p>
<p>Share on Social</p>
<p>“We will respond,” the <b>minister</b> said.</p></article>
<footer>Leave a Reply</footer></body></html>"""


def test_txt_text_is_exactly_what_read_text_returns(seeds_dir):
    for path in article_paths(seeds_dir):
        assert read_article(path).text == path.read_text(encoding="utf-8")


def test_crlf_becomes_lf():
    article = read_article_bytes("a.txt", "Line one said.\r\nLine two said.\r\n".encode())
    assert article.text == "Line one said.\nLine two said.\n"


def test_cp1252_is_decoded():
    text = "The minister’s “firm” reply – naïve, said officials in Zürich."
    article = read_article_bytes("a.txt", text.encode("cp1252"))
    assert article.text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (os.urandom(4096), "binary data"),
        (bytes(range(256)) * 8, "binary data"),
        (b"1234 5678 9012 3456 7890 " * 40, "does not look like prose"),
    ],
)
def test_unreadable_input_says_why(data, reason):
    with pytest.raises(ArticleUnreadable) as info:
        read_article_bytes("bad.txt", data)
    assert reason in info.value.reason


def test_unsupported_suffix_is_rejected():
    with pytest.raises(ArticleUnreadable, match="unsupported file type .pdf"):
        read_article_bytes("report.pdf", b"%PDF-1.4 something")


def test_html_keeps_the_article_and_drops_page_furniture():
    text, meta = html_to_text(PAGE)
    assert "summoned the envoy" in text and "“We will respond,” the minister said." in text
    for furniture in ("Home | World", "window.evil", "color: red", "Share on Social", "Leave a Reply"):
        assert furniture not in text
    assert meta["title"] == "Envoy summoned over troop reports"
    assert meta["outlet"] == "The Daily Example"
    assert meta["published"].startswith("2024-10-21")
    assert meta["url"] == "https://daily.example.org/a/1"


def test_html_markup_in_article_text_stays_text():
    html = "<p>He typed &lt;script&gt;alert(1)&lt;/script&gt; into the form.</p><p><img src=x onerror=alert(1)>Caption.</p>"
    text, _ = html_to_text(html)
    assert "<script>alert(1)</script>" in text  # the escaped markup is text now, never markup
    assert "onerror" not in text


def test_markdown_front_matter_and_markup():
    md = "---\ntitle: Strike on depot\ndate: 2024-06-03\nsource: example.net\n---\n# Strike on depot\n\nA **large** [depot](http://x.y) burned.\n\nShare this article\n"
    text, meta = markdown_to_text(md)
    assert text == "Strike on depot\n\nA large depot burned.\n"
    assert meta == {"title": "Strike on depot", "published": "2024-06-03", "outlet": "example.net"}


def test_boilerplate_lines_in_txt_are_marked_not_removed():
    text = "Headline here\nShare on Social\nBody said things.\nLeave a Reply\n"
    spans = boilerplate_spans(text)
    assert [text[s:e] for s, e in spans] == ["Share on Social", "Leave a Reply"]


def test_large_article_is_read(tmp_path):
    body = ("The brigade moved 1,200 troops east on Monday, officials said. " * 50 + "\n") * 1000
    path = tmp_path / "big.txt"
    path.write_text(body)
    assert path.stat().st_size > 3_000_000
    assert len(read_article(path).text) == len(body)


def test_decode_prefers_utf8():
    assert decode_bytes("Kyiv — “quoted” text here.".encode()) == "Kyiv — “quoted” text here."


def test_markdown_soft_line_breaks_are_joined_into_paragraphs():
    md = "# Talks stall\nafter a long day\n\nThe minister said on Monday that\ntalks had stalled.\n- first point\n- second\n"
    text, _ = markdown_to_text(md)
    assert text == "Talks stall\nafter a long day\n\nThe minister said on Monday that talks had stalled.\n- first point\n- second\n"
