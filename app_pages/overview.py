"""Overview: the corpus at a glance, and where the sources disagree on troop numbers."""

from __future__ import annotations

import altair as alt
import streamlit as st

from app_pages import _chrome
from sitrep import views

all_tables, shown = _chrome.page_tables()
_chrome.page_header("Overview", "What the corpus holds, and what each source last claimed.")

summary = _chrome.memo(views.corpus_summary, shown)
metrics = [("Articles", "articles"), ("Outlets", "outlets"), ("Quotes", "quotes"),
           ("Speakers", "speakers"), ("Figures", "figures"), ("Events", "events")]
for column, (label, key) in zip(st.columns(len(metrics)), metrics):
    column.metric(label, f"{summary[key]:,}")

# Compare like with like: figures about the group the corpus counts most (or about nobody named).
subject = _chrome.memo(views.main_subject, shown["figures"], category="troops")
troop_figures = _chrome.memo(views.about_subject, shown["figures"], subject, category="troops")
estimates = _chrome.memo(views.claimant_estimates, troop_figures, all_tables["articles"],
                         category="troops")
# The subject comes from article text: escaped, as Streamlit renders headings as Markdown.
subject_label = f"{_chrome.plain(subject)} troops" if subject else "troop numbers"
st.subheader(f"Where sources disagree: {subject_label}")
line = views.disagreement_line(estimates)
if line:
    st.info(_chrome.plain(line), icon=":material/compare_arrows:")
elif estimates.empty:
    st.caption("No troop figures in the selection.")
else:
    st.caption("Every claimant's latest troop figure is the same.")

left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown("**Latest troop estimate per claimant**")
    if subject:
        st.caption(f"Figures counting {_chrome.plain(subject)} troops, or troops without saying whose.")
    table = estimates[["claimant", "latest", "latest_as_of", "highest", "highest_as_of", "figures"]]
    st.dataframe(
        table[["claimant", "latest", "latest_as_of", "highest"]], hide_index=True, width="stretch",
        key="overview_estimates",
        column_config={
            "claimant": st.column_config.TextColumn("Claimant", width="medium"),
            "latest": "Latest", "latest_as_of": "As of", "highest": "Highest",
        },
    )
    _chrome.csv_download(table, "latest_troop_estimates", key="overview_estimates_csv")
    st.page_link("app_pages/estimates.py", label="All estimates on a chart", icon=":material/groups:")

with right:
    st.markdown("**Articles by outlet and publication date**")
    counts = _chrome.memo(views.articles_by_outlet_date, shown["articles"])
    dated = counts.dropna(subset=["published"])
    if dated.empty:
        st.caption("No article has a known publication date.")
    else:
        chart = alt.Chart(dated).mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2).encode(
            # Ordinal days: one readable bar per publication day, however far apart the days are.
            x=alt.X("yearmonthdate(published):O", title=None,
                    axis=alt.Axis(format="%b %d", formatType="time", labelAngle=0)),
            y=alt.Y("sum(articles):Q", title="Articles", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("source:N", title="Source",
                            legend=alt.Legend(orient="bottom", columns=2, labelLimit=220)),
            tooltip=[alt.Tooltip("source:N", title="Source"),
                     alt.Tooltip("yearmonthdate(published):T", title="Published", format="%b %d, %Y"),
                     alt.Tooltip("sum(articles):Q", title="Articles")],
        ).properties(height=260)
        st.altair_chart(chart, width="stretch", key="overview_articles_chart")
    undated = int(counts.loc[counts["published"].isna(), "articles"].sum())
    if undated:
        st.caption(f"{undated:,} article(s) with no known publication date are not charted.")

st.subheader("Articles")
articles = _chrome.memo(views.article_table, shown["articles"])
st.dataframe(
    articles, hide_index=True, width="stretch", key="overview_articles",
    column_order=["read", "title", "source", "published", "published_basis", "article_id",
                  "n_chars", "url"],
    column_config={
        "article_id": "Article",
        "title": st.column_config.TextColumn("Title (or opening words)", width="large"),
        "source": "Source", "published": "Published", "published_basis": "Date basis",
        "n_chars": st.column_config.NumberColumn("Characters", format="%d"),
        "url": st.column_config.LinkColumn("URL"),
        "read": st.column_config.LinkColumn("Reader", display_text="Open"),
    },
)
_chrome.csv_download(articles, "articles", key="overview_articles_csv")
