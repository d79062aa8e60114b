"""Escaped HTML for article text with extracted rows marked, for the reader and result cards.

Article text is untrusted: every character of it goes through :func:`html.escape`, and the only
markup in the output is the ``<span>``/``<mark>`` tags this module writes, whose attributes are
built from escaped values. Overlapping marks (a quote inside an event's sentence) are handled by
cutting the text at every mark boundary and giving each piece the classes of all marks covering it,
so nesting never breaks. Colours live in :data:`READER_CSS`; this module does not render anything.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

MARK_KINDS = ("quote", "figure", "event")
KIND_LABELS = {"quote": "Quote", "figure": "Figure", "event": "Event (dated clause)"}
FOCUS_CLASS = "sr-focus"

READER_CSS = """
.sr-reader { white-space: pre-wrap; line-height: 1.7; font-size: 1rem; max-width: 46rem; }
.sr-quote { background: #fdf1c7; border-radius: 2px; }
.sr-figure { background: #d6f0de; font-weight: 600; border-radius: 2px; }
.sr-event { border-bottom: 2px solid #5b8fd6; }
.sr-focus { outline: 2px solid #d9534f; outline-offset: 1px; }
.sr-legend span { margin-right: 1rem; padding: 0 .35rem; }
.sr-hit { background: #ffe28a; padding: 0 1px; border-radius: 2px; }
"""


@dataclass(frozen=True)
class Mark:
    """A span of the text to mark: ``kind`` is one of :data:`MARK_KINDS`; ``row_id`` its table id."""

    start: int
    end: int
    kind: str
    row_id: str = ""
    title: str = ""


def anchor_id(row_id: str) -> str:
    """A DOM id for a row id (``000_x:q:12`` -> ``hl-000_x-q-12``): safe in HTML and CSS selectors."""
    return "hl-" + re.sub(r"[^A-Za-z0-9_-]", "-", row_id)


def marks_for_article(
    quotes: pd.DataFrame, figures: pd.DataFrame, events: pd.DataFrame
) -> list[Mark]:
    """Marks for one article's rows: quoted words, the number as written, each event's clause."""
    marks = [Mark(r.start, r.end, "quote", r.quote_id, f"Quote: {r.speaker}")
             for r in quotes.itertuples(index=False)]
    marks += [Mark(r.number_start, r.number_end, "figure", r.figure_id,
                   f"Figure ({r.category}): {r.claimant}") for r in figures.itertuples(index=False)]
    marks += [Mark(r.start, r.end, "event", r.event_id, f"Event {r.date}: {r.summary}")
              for r in events.itertuples(index=False)]
    return marks


def highlight_html(text: str, marks: Iterable[Mark], *, focus: str = "") -> str:
    """``text`` escaped, with marked spans wrapped in classed spans; the ``focus`` row emphasised.

    Each mark's first piece carries the row's anchor id (see :func:`anchor_id`) so a page can
    scroll to it. Marks outside the text are clipped; empty ones ignored.
    """
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end and m.start < n]
    valid = [Mark(m.start, min(m.end, n), m.kind, m.row_id, m.title) for m in valid]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    anchored: set[str] = set()
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in valid if m.start <= a and b <= m.end]
        chunk = html.escape(text[a:b])
        if not covering:
            pieces.append(chunk)
            continue
        classes = sorted({f"sr-{m.kind}" for m in covering})
        if focus and any(m.row_id == focus for m in covering):
            classes.append(FOCUS_CLASS)
        starting = [m for m in covering if m.start == a and m.row_id and m.row_id not in anchored]
        attrs = f' class="{" ".join(classes)}"'
        if starting:
            anchored.add(starting[0].row_id)
            attrs += f' id="{html.escape(anchor_id(starting[0].row_id))}"'
        titles = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
        if titles:
            attrs += f' title="{html.escape(titles)}"'
        pieces.append(f"<span{attrs}>{chunk}</span>")
    return "".join(pieces)


def reader_html(text: str, marks: Iterable[Mark], *, focus: str = "") -> str:
    """The full reader block: styles, then the highlighted text in a pre-wrapped div."""
    body = highlight_html(text, marks, focus=focus)
    return f'<style>{READER_CSS}</style><div class="sr-reader" data-testid="sr-reader">{body}</div>'


def article_reader_html(
    text: str, quotes: pd.DataFrame, figures: pd.DataFrame, events: pd.DataFrame, *, focus: str = ""
) -> str:
    """:func:`reader_html` for one article's extracted rows (see :func:`marks_for_article`)."""
    return reader_html(text, marks_for_article(quotes, figures, events), focus=focus)


def legend_html() -> str:
    """A one-line legend naming each mark kind in its colour."""
    items = "".join(f'<span class="sr-{k}">{html.escape(KIND_LABELS[k])}</span>' for k in MARK_KINDS)
    return f"<style>{READER_CSS}</style><div class=\"sr-legend\">{items}</div>"


_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~$:=")


def escape_markdown(text: str) -> str:
    """``text`` made literal for a Markdown label: every Markdown/emoji-shortcode character escaped.

    Streamlit renders titles, captions and link labels as Markdown, so an article title such as
    ``![x](http://...)`` would otherwise load an image; ``:`` is escaped against ``:icon:`` codes.
    """
    return "".join("\\" + c if c in _MARKDOWN_SPECIALS else c for c in text)


def safe_url(url: str) -> str:
    """``url`` if it is an http(s) link, else ``""``: a manifest may hold anything (``javascript:``)."""
    url = (url or "").strip()
    return url if re.match(r"(?i)https?://[^\s<>\"']+$", url) else ""


def heading_html(title: str, details: Sequence[str]) -> str:
    """An article heading and its metadata line, escaped: titles come from the article itself."""
    line = " · ".join(html.escape(d) for d in details if d)
    return (
        f'<h1 data-testid="sr-article-title" style="font-size:2rem;line-height:1.25;margin:0 0 .3rem">'
        f"{html.escape(title)}</h1>"
        f'<div data-testid="sr-article-meta" style="color:#666;font-size:.9rem">{line}</div>'
    )


def mark_matches(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped with each (start, end) span wrapped in ``<mark class="sr-hit">``.

    Overlapping or touching spans are merged first so marks never nest.
    """
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, position = [], 0
    for start, end in merged:
        out.append(html.escape(text[position:start]))
        out.append(f'<mark class="sr-hit">{html.escape(text[start:end])}</mark>')
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)
