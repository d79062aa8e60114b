"""Estimates by source: every claimant's figures over time, bounds visible, latest and highest."""

from __future__ import annotations

import altair as alt
import streamlit as st

from pages import _chrome
from sitrep import views
from sitrep.schema import FIGURE_CATEGORIES

# Shape says how exact a figure is: triangles point the way the true number may lie.
QUALIFIER_SHAPES = {
    "exact": "circle", "about": "diamond", "at least": "triangle-up", "over": "triangle-up",
    "up to": "triangle-down", "as many as": "triangle-down", "range": "square",
}
QUALIFIER_FILLED = ["exact", "about", "at least", "up to", "range"]

all_tables, shown = _chrome.page_tables()
category = st.segmented_control(
    "Category", [c for c in FIGURE_CATEGORIES], key="category", bind="query-params",
    default="troops", required=True, format_func=str.capitalize,
) or "troops"
_chrome.page_header(
    f"{category.capitalize()} estimates by source",
    "Each point is one claim: when it was made (x), the number (y), who made it (colour) and how "
    "exact it is (shape: ▲ at least / over, ▼ up to / as many as, ◆ about, ● exact, bar = range).",
)
points = views.estimate_points(shown["figures"], all_tables["articles"], category=category)
estimates = views.claimant_estimates(shown["figures"], all_tables["articles"], category=category)

controls = st.columns([1, 3])
log_scale = controls[0].toggle("Log scale", key="log", bind="query-params")
claimants = controls[1].multiselect(
    "Claimant", sorted(set(points["claimant"]), key=str.casefold), key="claimant",
    bind="query-params", placeholder="All",
)
if claimants:
    points = points[points["claimant"].isin(claimants)]
    estimates = estimates[estimates["claimant"].isin(claimants)]

chart_col, table_col = st.columns([3, 2], gap="large")
with chart_col:
    if points.empty:
        st.info(f"No dated {category} figures match these filters.", icon=":material/filter_alt_off:")
    else:
        y_scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=True, nice=True)
        y_axis = alt.Axis(format="~s" if log_scale else ",~f", title="Number")
        x = alt.X("as_of_date:T", title="As of", axis=alt.Axis(format="%b %d, %Y", labelAngle=0,
                                                                tickCount=6))
        colour = alt.Color("claimant:N", title="Claimant", scale=alt.Scale(scheme="tableau10"),
                           legend=alt.Legend(orient="bottom", columns=2, labelLimit=260))
        tooltip = [
            alt.Tooltip("claimant:N", title="Claimant"), alt.Tooltip("label:N", title="Figure"),
            alt.Tooltip("as_of_label:N", title="As of"), alt.Tooltip("subject:N", title="Subject"),
            alt.Tooltip("evidence:N", title="Sentence"), alt.Tooltip("source:N", title="Source"),
        ]
        base = alt.Chart(points).encode(x=x, color=colour, tooltip=tooltip)
        bounds = base.transform_filter("isValid(datum.bar_low)").mark_rule(
            strokeWidth=5, opacity=0.45
        ).encode(y=alt.Y("bar_low:Q", scale=y_scale, axis=y_axis), y2="bar_high:Q")
        marks = base.mark_point(size=170, opacity=0.95, strokeWidth=2).encode(
            y=alt.Y("value:Q", scale=y_scale, axis=y_axis),
            shape=alt.Shape("qualifier_label:N", title="Qualifier",
                            scale=alt.Scale(domain=list(QUALIFIER_SHAPES),
                                            range=list(QUALIFIER_SHAPES.values())),
                            legend=alt.Legend(orient="bottom", columns=4)),
            fill=alt.condition(alt.FieldOneOfPredicate("qualifier_label", QUALIFIER_FILLED),
                               alt.Color("claimant:N", legend=None), alt.value("white")),
        )
        labels = base.mark_text(align="left", dx=9, dy=-9, fontSize=11).encode(
            y=alt.Y("value:Q", scale=y_scale, axis=y_axis), text="label:N"
        )
        chart = alt.layer(bounds, marks, labels).properties(height=430)
        st.altair_chart(chart, width="stretch", key="estimates_chart")
    undated = views.undated_figures(shown["figures"], all_tables["articles"], category=category)
    if undated:
        st.caption(f"{undated:,} {category} figure(s) without any date are not plotted.")

with table_col:
    st.markdown("**Latest and highest figure per claimant**")
    table = estimates[["claimant", "latest", "latest_as_of", "highest", "highest_as_of", "figures"]]
    st.dataframe(table, hide_index=True, width="stretch", key="estimates_table",
                 column_config={"claimant": "Claimant", "latest": "Latest", "latest_as_of": "As of",
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
