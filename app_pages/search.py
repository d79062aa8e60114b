"""Quote search: who said what, found by any words, with the match highlighted."""

from __future__ import annotations

import html

import streamlit as st

from app_pages import _chrome
from sitrep import views
from sitrep.highlight import READER_CSS, anchor_id, mark_matches
from sitrep.search import search_quotes

MAX_CARDS = 50

all_tables, shown = _chrome.page_tables()
_chrome.page_header(
    "Quote search",
    'Any words (case, accents and word endings ignored; "quoted phrase" for an exact phrase). '
    "Dates and sources: the filters in the sidebar.",
)
quotes, articles = shown["quotes"], all_tables["articles"]
labels = _chrome.memo(views.article_labels, articles)
sources = _chrome.memo(views.article_sources, articles)
headings = _chrome.memo(views.article_headings, articles)
published = dict(zip(articles["article_id"], articles["published"]))

query = st.text_input("Search quotes", key="q", bind="query-params", icon=":material/search:",
                      placeholder='e.g. ceasefire, "red line", minister')
filters = st.columns(3)
with filters[0]:
    speakers = _chrome.url_multiselect(
        "Speaker", _chrome.memo(views.distinct_values, quotes, "speaker"), key="speaker")
with filters[1]:
    countries = _chrome.url_multiselect(
        "Speaker's country", _chrome.memo(views.distinct_values, quotes, "speaker_country"),
        key="country")
with filters[2]:
    chosen_articles = _chrome.id_multiselect(
        "Article", sorted(set(quotes["article_id"])), key="article", labels=labels)

results = search_quotes(quotes, query, index=_chrome.quote_index(), speakers=speakers,
                        countries=countries, article_ids=chosen_articles)
shown_note = f"; showing the first {MAX_CARDS}" if len(results) > MAX_CARDS else ""
st.caption(f"{len(results):,} quote(s){shown_note}")

st.html(f"<style>{READER_CSS}</style>")
for row in results.head(MAX_CARDS).itertuples(index=False):
    with st.container(border=True, key=f"card-{anchor_id(row.quote_id)}"):
        said = row.date_said or published.get(row.article_id, "")
        details = [row.speaker_country, views.format_date(said, row.date_precision),
                   sources.get(row.article_id, ""), headings.get(row.article_id, "")]
        if row.cluster_size > 1:
            details.append(f"also reported by {row.cluster_size - 1} other article(s)")
        speaker = html.escape(row.speaker or "Unknown speaker")
        st.html(
            f'<div style="font-size:1.05rem">“{mark_matches(row.text, row.match_spans)}”</div>'
            f'<div style="color:#555;font-size:.9rem;margin-top:.3rem"><b>{speaker}</b>'
            + "".join(f" · {html.escape(d)}" for d in details if d) + "</div>"
        )
        _chrome.reader_link(row.article_id, hl=row.quote_id, label="Read it in context")

if not results.empty:
    table = results[["speaker", "speaker_country", "text", "article_id", "quote_id", "cluster_size"]]
    _chrome.csv_download(table, "quotes", key="search_csv", label="Download these quotes (CSV)")
