"""Article reader: one article's text with its quotes, figures and events marked, and its rows.

Deep link: ``reader?article=<article_id>&hl=<quote_id|figure_id|event_id>`` opens the article with
that row outlined and scrolled into view.
"""

from __future__ import annotations

import json

import streamlit as st

from app_pages import _chrome
from sitrep import views
from sitrep.highlight import anchor_id, article_reader_html, heading_html, legend_html, safe_url

all_tables, shown = _chrome.page_tables()
articles = all_tables["articles"]
labels = _chrome.memo(views.article_labels, articles)
# The same order as the overview's article list: newest first.
options = list(_chrome.memo(views.article_table, articles)["article_id"])

highlighted = st.query_params.get("hl", "")
if highlighted and "article" not in st.query_params:
    # A link may name only the row; find its article.
    found = views.row_article(all_tables, highlighted)
    if found:
        st.query_params["article"] = found


def _forget_highlight() -> None:
    st.query_params.pop("hl", None)


article_id = _chrome.id_selectbox("Article", options, key="article", labels=labels,
                                  placeholder="Choose an article", on_change=_forget_highlight)
highlighted = st.query_params.get("hl", "")
if not article_id:
    st.title("Article reader")
    st.info("Choose an article above, or open one from a search result or the timeline.",
            icon=":material/article:")
    st.stop()

article = articles[articles["article_id"] == article_id].iloc[0]
rows = _chrome.memo(views.article_rows, all_tables, article_id)
meta = [_chrome.memo(views.article_sources, articles)[article_id]]
meta.append(views.publication_note(article))
meta.append(f"id {article_id}")
title = article["title"] or views.article_heading("", article["text"], limit=90) or article_id
st.html(heading_html(title, meta))
if safe_url(article["url"]):
    st.link_button("Original article", safe_url(article["url"]), icon=":material/open_in_new:")

text_col, rows_col = st.columns([3, 2], gap="large")
with text_col:
    st.html(legend_html())
    st.html(_chrome.memo(article_reader_html, article["text"], rows["quotes"], rows["figures"],
                         rows["events"], focus=highlighted))
    if highlighted and views.row_article(rows, highlighted) != article_id:
        st.warning(f"Row {_chrome.plain(highlighted)} is not in this article "
                   "(the tables may have been rebuilt).", icon=":material/search_off:")
    elif highlighted:
        # Our own script, carrying only an escaped element id: the article text above has none.
        target = json.dumps(anchor_id(highlighted))
        st.html(
            f"<script>setTimeout(() => {{ const el = document.getElementById({target});"
            " if (el) el.scrollIntoView({behavior: 'smooth', block: 'center'}); }, 300);</script>",
            unsafe_allow_javascript=True,
        )

with rows_col:
    st.markdown("**Extracted from this article**")
    quotes_tab, figures_tab, events_tab = st.tabs([
        f"Quotes ({len(rows['quotes'])})", f"Figures ({len(rows['figures'])})",
        f"Events ({len(rows['events'])})",
    ])
    with quotes_tab:
        table = rows["quotes"][["speaker", "text", "speaker_country", "cue", "quote_id"]]
        st.dataframe(table, hide_index=True, width="stretch", key="reader_quotes",
                     column_config={"speaker": "Speaker",
                                    "text": st.column_config.TextColumn("Quote", width="large"),
                                    "speaker_country": "Country", "cue": "Cue", "quote_id": "Id"})
        _chrome.csv_download(table, f"{article_id}_quotes", key="reader_quotes_csv")
    with figures_tab:
        table = rows["figures"][["figure", "category", "subject", "claimant", "as_of", "evidence", "figure_id"]]
        st.dataframe(table, hide_index=True, width="stretch", key="reader_figures",
                     column_config={"figure": "Figure", "category": "Category", "subject": "Subject",
                                    "claimant": "Claimant", "as_of": "As of", "evidence": "Sentence",
                                    "figure_id": "Id"})
        _chrome.csv_download(table, f"{article_id}_figures", key="reader_figures_csv")
    with events_tab:
        table = rows["events"][["date", "actor", "event_type", "summary", "evidence", "event_id"]]
        st.dataframe(table, hide_index=True, width="stretch", key="reader_events",
                     column_config={"date": "Date", "actor": "Actor", "event_type": "Type",
                                    "summary": "What", "evidence": "Sentence", "event_id": "Id"})
        _chrome.csv_download(table, f"{article_id}_events", key="reader_events_csv")
