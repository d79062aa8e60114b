"""Timeline: dated events, one lane per actor (or country), coloured by type; click for the source."""

from __future__ import annotations

import html

import altair as alt
import streamlit as st

from app_pages import _chrome
from sitrep import views

all_tables, shown = _chrome.page_tables()
_chrome.page_header(
    "Timeline",
    "Each dated event once, however many articles report it. Bars are whole months (the text gives "
    "only the month); dots are days. Click an event to see its sentence.",
)
events, articles = shown["events"], all_tables["articles"]
labels = _chrome.memo(views.article_labels, articles)

filters = st.columns([1.3, 2, 2, 2])
with filters[0]:
    lane = st.segmented_control(
        "Lanes", ["actor", "country"], key="lane", bind="query-params", default="actor", required=True,
    )
with filters[1]:
    actors = _chrome.url_multiselect(
        "Actor", _chrome.memo(views.distinct_values, events, "actor"), key="actor")
with filters[2]:
    types = _chrome.url_multiselect(
        "Type", _chrome.memo(views.distinct_values, events, "event_type"), key="type")
with filters[3]:
    chosen_articles = _chrome.id_multiselect("Article", sorted(set(events["article_id"])),
                                             key="article", labels=labels)

timeline = _chrome.memo(views.timeline_events, events, articles, lane=lane or "actor",
                        actors=actors, types=types, article_ids=chosen_articles)


def _on_select() -> None:
    # A click on the chart becomes the URL's `event`, like picking it from the list below.
    selection = st.session_state.get("timeline_chart", {}).get("selection", {})
    picked = [p.get("event_id") for name in ("pick_day", "pick_month") for p in selection.get(name, [])]
    picked = [p for p in picked if p]
    if picked:
        st.query_params["event"] = picked[0]


window = _chrome.memo(views.focus_window, timeline)
whole = False
if window is not None:
    whole = st.toggle("Whole period", key="full", bind="query-params",
                      help="The chart opens on the busiest period; this shows every event.")
if window is not None and not whole:
    inside = _chrome.memo(views.events_in_window, timeline, window)
    st.caption(
        f"Showing {window[0]:%b %d, %Y} – {window[1]:%b %d, %Y}: {len(inside):,} of "
        f"{len(timeline):,} events. Switch on *Whole period* for the other "
        f"{len(timeline) - len(inside):,}."
    )
    timeline = inside
CHART_COLUMNS = ["event_id", "lane", "row", "row_order", "start", "end", "precision", "date_label",
                 "event_type", "actor", "summary", "reported_by", "source"]


def timeline_chart_spec(n_rows: int, domain: tuple[str, str] | None) -> dict:
    """The lane chart's Vega-Lite spec without data (built once per shape, reused every rerun)."""
    x_scale = alt.Scale(domain=list(domain)) if domain else alt.Scale(padding=12)
    x_axis = alt.Axis(format="%b %d" if domain else "%b %Y", labelAngle=0, grid=True, title=None)
    base = alt.Chart().encode(
        # One row per (lane, slot): events at the same time in one lane sit on rows of their own;
        # only a lane's first row is labelled.
        y=alt.Y("row:N", title=None, sort=alt.EncodingSortField("row_order", op="min"),
                axis=alt.Axis(labelLimit=280, labelFontSize=12, ticks=False, labelOverlap=False,
                              labelExpr=f"split(datum.label, '{views.ROW_SEPARATOR}')[1] == '0'"
                                        f" ? split(datum.label, '{views.ROW_SEPARATOR}')[0] : ''")),
        color=alt.Color("event_type:N", title="Type", scale=alt.Scale(scheme="tableau10"),
                        legend=alt.Legend(orient="top", direction="horizontal", columns=6)),
        tooltip=[
            alt.Tooltip("date_label:N", title="Date"), alt.Tooltip("actor:N", title="Actor"),
            alt.Tooltip("event_type:N", title="Type"), alt.Tooltip("summary:N", title="What"),
            alt.Tooltip("reported_by:Q", title="Reported by (articles)"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    # Month-precision events are bars over the whole month; day events are dots sized by reports.
    months = base.transform_filter(alt.datum.precision == "month").mark_bar(
        height=10, opacity=0.6, cornerRadius=3, clip=True
    ).encode(x=alt.X("start:T", scale=x_scale, axis=x_axis), x2="end:T").add_params(
        alt.selection_point(name="pick_month", fields=["event_id"], on="click"))
    days = base.transform_filter(alt.datum.precision == "day").mark_point(
        filled=True, opacity=0.95, stroke="white", strokeWidth=1, clip=True
    ).encode(
        x=alt.X("start:T", scale=x_scale, axis=x_axis),
        size=alt.Size("reported_by:Q", scale=alt.Scale(range=[90, 300]), legend=None),
    ).add_params(alt.selection_point(name="pick_day", fields=["event_id"], on="click"))
    return alt.layer(months, days).properties(height=max(160, 24 * n_rows + 40)).to_dict()


if timeline.empty:
    st.info("No dated events match these filters.", icon=":material/filter_alt_off:")
else:
    domain = (window[0].isoformat(), window[1].isoformat()) if window is not None and not whole else None
    start, end = (window if domain else (timeline["start"].min(), timeline["end"].max()))
    slots = _chrome.memo(views.pack_lanes, timeline, min_gap=(end - start) / 60)
    timeline = timeline.join(_chrome.memo(views.lane_rows, timeline, slots))
    spec = _chrome.memo(timeline_chart_spec, timeline["row"].nunique(), domain)
    st.vega_lite_chart(timeline[CHART_COLUMNS], spec, width="stretch", key="timeline_chart",
                       on_select=_on_select, selection_mode=["pick_month", "pick_day"])

options = list(timeline["event_id"])
descriptions = _chrome.memo(views.event_descriptions, timeline)
chosen = _chrome.id_selectbox("Event", options, key="event", labels=descriptions,
                              placeholder="Click an event on the chart, or pick one")
if chosen:
    row = timeline[timeline["event_id"] == chosen].iloc[0]
    with st.container(border=True, key="timeline_event_detail"):
        st.html(f"<b>{html.escape(row.date_label)}</b> · {html.escape(row.event_type)} · "
                f"{html.escape(row.actor or views.UNKNOWN_LANE)}")
        st.text(row.evidence)
        others = [labels.get(a, a) for a in views.cluster_articles(all_tables["events"], chosen)]
        st.html(
            f'<div style="color:#666;font-size:.9rem">Reported by {row.reported_by} article(s): '
            + html.escape("; ".join(others)) + "</div>"
        )
        _chrome.reader_link(row.article_id, hl=chosen, label="Read it in the article")

with st.expander(f"Events table ({len(timeline):,})", expanded=False):
    table = timeline[["date_label", "lane", "event_type", "summary", "reported_by", "source",
                      "article_id", "event_id", "evidence"]]
    st.dataframe(table, hide_index=True, width="stretch", key="timeline_table",
                 column_config={"date_label": "Date", "lane": "Lane", "event_type": "Type",
                                "summary": "What", "reported_by": "Articles", "source": "Source",
                                "article_id": "Article", "event_id": "Event id", "evidence": "Sentence"})
    _chrome.csv_download(table, "timeline_events", key="timeline_csv")
