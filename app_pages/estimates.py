"""Estimates by source: every claimant's figures over time, bounds visible, latest and highest."""

from __future__ import annotations

import altair as alt
import streamlit as st

from app_pages import _chrome
from sitrep import views
from sitrep.schema import FIGURE_CATEGORIES

# Shape says how exact a figure is: triangles point the way the true number may lie.
QUALIFIER_SHAPES = {
    "exact": "circle", "about": "diamond", "at least": "triangle-up", "over": "triangle-up",
    "up to": "triangle-down", "as many as": "triangle-down", "range": "square",
}

TITLES = {"troops": "Troop estimates", "casualties": "Casualty figures",
          "munitions": "Munitions figures", "equipment": "Equipment figures", "other": "Other figures"}

all_tables, shown = _chrome.page_tables()
st.title("Estimates by source")
category = st.segmented_control(
    "Category", list(FIGURE_CATEGORIES), key="category", bind="query-params",
    default="troops", required=True,
) or "troops"
st.caption(
    "Each point is one claim: when it was made (x), the number (y), who made it (colour) and how "
    "exact it is (shape: ▲ at least / over, ▼ up to / as many as, ◆ about, ● exact, bar = range).",
)
figures, articles = shown["figures"], all_tables["articles"]
points = _chrome.memo(views.estimate_points, figures, articles, category=category)
estimates = _chrome.memo(views.claimant_estimates, figures, articles, category=category)

controls = st.columns([1, 3])
# Log by default when the numbers differ by orders of magnitude, so small claims stay readable.
spread = points["value"].max() / max(points["value"].min(), 1) if not points.empty else 1
log_scale = controls[0].toggle("Log scale", key="log", bind="query-params", value=bool(spread >= 20))
claimants = controls[1].multiselect(
    "Claimant", sorted(set(points["claimant"]), key=str.casefold), key="claimant",
    bind="query-params", placeholder="All",
)
if claimants:
    points = points[points["claimant"].isin(claimants)]
    estimates = estimates[estimates["claimant"].isin(claimants)]

# Chart and table stacked: side by side, neither fits a laptop screen legibly.
chart_col, table_col = st.container(), st.container()
with chart_col:
    if points.empty:
        st.info(f"No dated {category} figures match these filters.", icon=":material/filter_alt_off:")
    else:
        # Only the qualifiers present, so the legend stays short enough to read beside the chart.
        present = [q for q in QUALIFIER_SHAPES if q in set(points["qualifier_label"])]
        y_scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=True, nice=True)
        ticks = (views.log_ticks(points["value"].min(), points["value"].max())
                 if log_scale else alt.Undefined)
        y_axis = alt.Axis(format=",~f", title="Number", values=ticks)
        x = alt.X("as_of_date:T", title="As of", scale=alt.Scale(padding=24),
                  axis=alt.Axis(format="%b %d, %Y", labelAngle=0, tickCount=6))
        colour = alt.Color("claimant:N", title="Claimant", scale=alt.Scale(scheme="tableau10"),
                           legend=alt.Legend(orient="right", labelLimit=260, symbolLimit=16))
        tooltip = [
            alt.Tooltip("claimant:N", title="Claimant"), alt.Tooltip("label:N", title="Figure"),
            alt.Tooltip("as_of_label:N", title="As of"), alt.Tooltip("subject:N", title="Subject"),
            alt.Tooltip("evidence:N", title="Sentence"), alt.Tooltip("source:N", title="Source"),
        ]
        base = alt.Chart(points).encode(x=x, color=colour, tooltip=tooltip)
        bounds = base.transform_filter("isValid(datum.bar_low)").mark_rule(
            strokeWidth=5, opacity=0.45
        ).encode(y=alt.Y("bar_low:Q", scale=y_scale, axis=y_axis), y2="bar_high:Q")
        marks = base.mark_point(size=170, opacity=0.9, filled=True).encode(
            y=alt.Y("value:Q", scale=y_scale, axis=y_axis),
            shape=alt.Shape("qualifier_label:N", title="Qualifier",
                            scale=alt.Scale(domain=present,
                                            range=[QUALIFIER_SHAPES[q] for q in present]),
                            legend=alt.Legend(orient="right", columns=2, symbolFillColor="#666",
                                              symbolStrokeColor="#666")),
        )
        chart = alt.layer(bounds, marks).properties(
            # Tall enough for the legends beside it: up to 16 claimants plus the qualifiers.
            height=max(380, 26 * min(points["claimant"].nunique(), 16) + 140), title=TITLES[category])
        st.altair_chart(chart, width="stretch", key="estimates_chart")
    undated = _chrome.memo(views.undated_figures, figures, articles, category=category)
    if undated:
        st.caption(f"{undated:,} {category} figure(s) without any date are not plotted.")

with table_col:
    st.markdown("**Each claimant's latest and highest figure**")
    table = estimates[["claimant", "latest", "latest_as_of", "highest", "highest_as_of", "figures"]]
    st.dataframe(table, hide_index=True, width="stretch", key="estimates_table",
                 column_config={"claimant": st.column_config.TextColumn("Claimant", width="medium"),
                                "latest": "Latest",
                                "latest_as_of": "As of",
                                "highest": "Highest", "highest_as_of": "Highest as of",
                                "figures": st.column_config.NumberColumn("Figures", format="%d")})
    _chrome.csv_download(table, f"{category}_estimates_by_claimant", key="estimates_table_csv")

with st.expander(f"All {category} figures ({len(points):,})"):
    listing = points[["as_of_label", "claimant", "label", "subject", "source", "evidence",
                      "figure_id", "article_id"]]
    st.dataframe(listing, hide_index=True, width="stretch", key="estimates_points",
                 column_config={"as_of_label": "As of", "claimant": "Claimant", "label": "Figure",
                                "subject": "Subject", "source": "Source", "evidence": "Sentence",
                                "figure_id": "Figure id", "article_id": "Article"})
    _chrome.csv_download(listing, f"{category}_figures", key="estimates_points_csv")
