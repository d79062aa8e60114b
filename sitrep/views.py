"""Data shaping for the dashboard's pages: filters, timeline lanes, per-claimant estimates.

Every function here takes the built tables (plain DataFrames, see :mod:`sitrep.schema`) and returns
a small tidy DataFrame or a string that a page draws as is. Nothing here draws, caches or knows about
Streamlit, so each rule (what "latest" means, how a month-precision date is spanned, which rows a
date filter keeps) is tested once, in ``tests/test_views.py``.

Dates in the tables are ISO strings, ``YYYY-MM-DD`` or ``YYYY-MM``; a month-precision date is the
whole month, never a made-up first day.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote

import pandas as pd

from sitrep.highlight import safe_url
from sitrep.manifest import MANIFEST_NAME, missing_dates_note

UNKNOWN_OUTLET = "Unknown outlet"
UNKNOWN_LANE = "(unknown)"
LANE_COLUMNS = {"actor": "actor", "country": "actor_country"}
QUALIFIER_LABELS = {
    "exact": "exact",
    "approx": "about",
    "at_least": "at least",
    "over": "over",
    "up_to": "up to",
    "as_many_as": "as many as",
    "range": "range",
}
Tables = Mapping[str, pd.DataFrame]


# ---------------------------------------------------------------------------------------- dates

def date_spans(iso_dates: pd.Series) -> pd.DataFrame:
    """First and last day (inclusive) of each ISO date: a day for ``YYYY-MM-DD``, the month for
    ``YYYY-MM``; NaT for empty or malformed values. Columns ``span_start``, ``span_end``."""
    values = iso_dates.fillna("").astype(str).str.strip()
    day = pd.to_datetime(values.where(values.str.len() == 10), format="%Y-%m-%d", errors="coerce")
    month = pd.to_datetime(
        values.where(values.str.len() == 7) + "-01", format="%Y-%m-%d", errors="coerce"
    )
    start = day.fillna(month)
    end = day.fillna(month + pd.offsets.MonthEnd(0))
    return pd.DataFrame({"span_start": start, "span_end": end}, index=iso_dates.index)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def publication_note(article: Mapping[str, object]) -> str:
    """How the reader states an article's date: the day, or the days an inferred date may be
    ("published between Oct 16, 2024 and Nov 27, 2024 (inferred; best guess Oct 22, 2024)")."""
    published = str(article.get("published") or "")
    if not format_date(published):
        return "publication date unknown"
    basis = str(article.get("published_basis") or "")
    earliest = str(article.get("published_earliest") or published)
    latest = str(article.get("published_latest") or published)
    if earliest != latest and format_date(earliest) and format_date(latest):
        return (f"published between {format_date(earliest)} and {format_date(latest)} "
                f"({basis}; best guess {format_date(published)})")
    return f"published {format_date(published)} ({basis})"


@functools.lru_cache(maxsize=4096)
def format_date(iso: str, precision: str = "") -> str:
    """``2024-10-18`` -> ``Oct 18, 2024``; ``2024-10`` (or precision ``month``) -> ``Oct 2024``.

    Called once per row on every rerun, so it parses by hand (and remembers) rather than via pandas.
    """
    iso = (iso or "").strip()
    try:
        if len(iso) == 10:
            day = dt.date.fromisoformat(iso)
        elif len(iso) == 7:
            day = dt.date(int(iso[:4]), int(iso[5:7]), 1)
        else:
            return ""
    except ValueError:
        return ""
    if precision == "month" or len(iso) == 7:
        return f"{_MONTHS[day.month - 1]} {day.year}"
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def corpus_date_range(tables: Tables) -> tuple[dt.date | None, dt.date | None]:
    """Earliest and latest day any table mentions (publication, event, as-of dates)."""
    series = [tables["articles"]["published"], tables["events"]["date"], tables["figures"]["as_of"]]
    spans = pd.concat([date_spans(s) for s in series], ignore_index=True)
    low, high = spans["span_start"].min(), spans["span_end"].max()
    if pd.isna(low) or pd.isna(high):
        return None, None
    return low.date(), high.date()


def _in_range(iso_dates: pd.Series, date_from: dt.date | None, date_to: dt.date | None) -> pd.Series:
    """Whether each date's span overlaps [date_from, date_to]; undated rows fail once a bound is set."""
    if date_from is None and date_to is None:
        return pd.Series(True, index=iso_dates.index)
    spans = date_spans(iso_dates)
    keep = spans["span_start"].notna()
    if date_from is not None:
        keep &= spans["span_end"] >= pd.Timestamp(date_from)
    if date_to is not None:
        keep &= spans["span_start"] <= pd.Timestamp(date_to)
    return keep


# -------------------------------------------------------------------------------------- sources

def source_label(articles: pd.DataFrame) -> pd.Series:
    """The outlet each article is filed under in filters; ``Unknown outlet`` when none is known."""
    outlet = articles["outlet"].fillna("").astype(str).str.strip()
    return outlet.where(outlet != "", UNKNOWN_OUTLET)


def source_options(articles: pd.DataFrame) -> list[str]:
    """Every source label, named outlets first (alphabetical), ``Unknown outlet`` last."""
    labels = set(source_label(articles))
    named = sorted(labels - {UNKNOWN_OUTLET}, key=str.casefold)
    return named + ([UNKNOWN_OUTLET] if UNKNOWN_OUTLET in labels else [])


def article_sources(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> source label."""
    return dict(zip(articles["article_id"], source_label(articles)))


def article_heading(title: str, text: str, *, limit: int = 70) -> str:
    """The title, else the text's opening words in quotation marks (many articles have no title)."""
    title = " ".join((title or "").split())
    if not title:
        opening = " ".join((text or "").split())
        if not opening:
            return ""
        if len(opening) > limit:
            opening = opening[: limit - 3].rsplit(" ", 1)[0] + "…"
        title = f"“{opening}”"
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def article_headings(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> title, or the opening words of an untitled article (see article_heading)."""
    return {
        article_id: article_heading(title, text) or article_id
        for article_id, title, text in zip(articles["article_id"], articles["title"], articles["text"])
    }


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> a human label: ``title (outlet, date)``; untitled articles by their opening."""
    out = {}
    for row in articles.itertuples(index=False):
        title = article_heading(row.title, row.text) or row.article_id
        bits = [b for b in (row.outlet, format_date(row.published)) if b]
        out[row.article_id] = f"{title} ({', '.join(bits)})" if bits else title
    return out


def apply_global_filters(
    tables: Tables,
    *,
    sources: Iterable[str] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables restricted to articles from ``sources`` and rows dated inside the range.

    Each table is filtered by its own date: articles by publication, events by the event's date
    (a month overlaps the range if any day does), figures by ``as_of``, quotes by ``date_said`` or
    else their article's publication. Rows from articles outside ``sources`` leave every table.
    An empty ``sources`` means every source; ``None`` bounds mean open ended.
    """
    articles = tables["articles"]
    wanted = set(sources)
    if wanted:
        articles = articles[source_label(articles).isin(wanted)]
    ids = set(articles["article_id"])
    published = dict(zip(tables["articles"]["article_id"], tables["articles"]["published"]))

    def restrict(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["article_id"].isin(ids)] if wanted else frame

    quotes = restrict(tables["quotes"])
    quote_dates = quotes["date_said"].where(
        quotes["date_said"] != "", quotes["article_id"].map(published).fillna("")
    )
    figures = restrict(tables["figures"])
    events = restrict(tables["events"])
    out = dict(tables)
    out.update(
        articles=articles[_in_range(articles["published"], date_from, date_to)],
        quotes=quotes[_in_range(quote_dates, date_from, date_to)],
        figures=figures[_in_range(figures["as_of"], date_from, date_to)],
        events=events[_in_range(events["date"], date_from, date_to)],
    )
    return out


def filter_rows(frame: pd.DataFrame, **wanted: Iterable[str]) -> pd.DataFrame:
    """Rows whose column value is among the wanted values, for each non-empty keyword.

    ``filter_rows(events, actor=["Freedonia"], event_type=[])`` keeps Freedonia's events of any type.
    """
    keep = pd.Series(True, index=frame.index)
    for column, values in wanted.items():
        values = set(values)
        if values:
            keep &= frame[column].isin(values)
    return frame[keep]


def attach_evidence(
    frame: pd.DataFrame, articles: pd.DataFrame, *, start: str = "start", end: str = "end",
    column: str = "evidence",
) -> pd.DataFrame:
    """``frame`` with ``column`` = the article text between each row's offsets (whitespace tidied)."""
    texts = dict(zip(articles["article_id"], articles["text"]))
    out = frame.copy()
    out[column] = [
        " ".join(texts.get(a, "")[s:e].split())
        for a, s, e in zip(frame["article_id"], frame[start], frame[end])
    ]
    return out


def distinct_values(frame: pd.DataFrame, column: str) -> list[str]:
    """Sorted non-empty values of a column, for a filter's options."""
    return sorted({v for v in frame[column] if v}, key=str.casefold)


# ------------------------------------------------------------------------------------- overview

def corpus_summary(tables: Tables) -> dict[str, int]:
    """Headline counts: articles, outlets, quotes, speakers, figures, events."""
    articles = tables["articles"]
    return {
        "articles": len(articles),
        "outlets": len(set(source_label(articles)) - {UNKNOWN_OUTLET}),
        "quotes": len(tables["quotes"]),
        "speakers": tables["quotes"]["speaker"].replace("", pd.NA).nunique(),
        "figures": len(tables["figures"]),
        "events": len(tables["events"]),
    }


def newest_publication(articles: pd.DataFrame) -> str:
    """The latest publication date in the corpus, formatted (``Nov 24, 2024``), or ``""``."""
    dated = [d for d in articles["published"] if format_date(d)]
    return format_date(max(dated)) if dated else ""


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles as listed for people: newest first, a heading for untitled ones, a reader link.

    Columns: article_id, title, source, published, published_basis, n_chars, url (http(s) only),
    read (``reader?article=<id>``, a relative link into the dashboard's reader).
    """
    out = pd.DataFrame({
        "article_id": articles["article_id"],
        "title": [article_heading(t, x) for t, x in zip(articles["title"], articles["text"])],
        "source": source_label(articles),
        "published": articles["published"],
        "published_basis": articles["published_basis"],
        "n_chars": articles["n_chars"],
        "url": articles["url"].map(safe_url),
        "read": "reader?article=" + articles["article_id"].map(lambda a: quote(a, safe="")),
    })
    return out.sort_values(["published", "article_id"], ascending=[False, True], ignore_index=True)


def articles_by_outlet_date(articles: pd.DataFrame) -> pd.DataFrame:
    """Article counts per source and publication day (``published`` is NaT when unknown)."""
    frame = pd.DataFrame({
        "source": source_label(articles),
        "published": date_spans(articles["published"])["span_start"],
    })
    counts = frame.groupby(["source", "published"], dropna=False).size().rename("articles")
    return counts.reset_index().sort_values(["published", "source"], na_position="last",
                                            ignore_index=True)


# ------------------------------------------------------------------------------------ estimates

def format_number(value: float) -> str:
    """1500 -> ``1,500``; 1500000 -> ``1.5 million``; 33.5 -> ``33.5``; NaN -> ``""``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:,.2f}".rstrip("0").rstrip(".") + " million"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(value: float, qualifier: str, low: float = math.nan, high: float = math.nan) -> str:
    """A figure as an analyst would say it: ``up to 100,000``, ``about 11,000``, ``1,000–1,500``."""
    if qualifier == "range" and not (pd.isna(low) or pd.isna(high)):
        return f"{format_number(low)}–{format_number(high)}"
    number = format_number(value)
    if qualifier in ("exact", "range", ""):
        return number
    return f"{QUALIFIER_LABELS.get(qualifier, qualifier)} {number}"


def _dated_figures(figures: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """Figures with ``as_of_date`` (first day of the as-of span; falls back to publication)."""
    out = figures[figures["value"].notna()].copy()
    as_of = out["as_of"]
    if articles is not None:
        published = dict(zip(articles["article_id"], articles["published"]))
        as_of = as_of.where(as_of != "", out["article_id"].map(published).fillna(""))
    out["as_of_iso"] = as_of
    out["as_of_date"] = date_spans(as_of)["span_start"]
    return out


def estimate_points(
    figures: pd.DataFrame, articles: pd.DataFrame, *, category: str = "troops"
) -> pd.DataFrame:
    """One plotted point per dated figure of ``category``.

    Columns: figure_id, article_id, claimant, subject, as_of_date (datetime), as_of_label, value,
    bar_low/bar_high (the stated bounds, NaN when the figure is a single number), qualifier,
    qualifier_label, label (``up to 100,000``), evidence (the sentence), source. Undated figures
    cannot be placed on the axis and are left out (see :func:`undated_figures`).
    """
    subset = _dated_figures(figures[figures["category"] == category], articles)
    subset = subset[subset["as_of_date"].notna()]
    subset = attach_evidence(subset, articles)
    has_bounds = subset["low"].notna() & subset["high"].notna() & (subset["low"] != subset["high"])
    sources = article_sources(articles)
    out = pd.DataFrame({
        "figure_id": subset["figure_id"],
        "article_id": subset["article_id"],
        "source": subset["article_id"].map(sources).fillna(UNKNOWN_OUTLET),
        "claimant": subset["claimant"].where(subset["claimant"] != "", "article"),
        "subject": subset["subject"],
        "as_of_date": subset["as_of_date"],
        "as_of_label": [format_date(d, p)
                        for d, p in zip(subset["as_of_iso"], subset["as_of_precision"])],
        "value": subset["value"],
        "bar_low": subset["low"].where(has_bounds),
        "bar_high": subset["high"].where(has_bounds),
        "qualifier": subset["qualifier"],
        "qualifier_label": subset["qualifier"].map(QUALIFIER_LABELS).fillna(subset["qualifier"]),
        "label": [format_figure(v, q, lo, hi) for v, q, lo, hi in
                  zip(subset["value"], subset["qualifier"], subset["low"], subset["high"])],
        "evidence": subset["evidence"],
    })
    return out.sort_values(["as_of_date", "claimant"], ignore_index=True)


def undated_figures(figures: pd.DataFrame, articles: pd.DataFrame, *, category: str) -> int:
    """How many figures of ``category`` have neither an as-of nor a publication date."""
    subset = _dated_figures(figures[figures["category"] == category], articles)
    return int(subset["as_of_date"].isna().sum())


def claimant_estimates(
    figures: pd.DataFrame, articles: pd.DataFrame, *, category: str = "troops"
) -> pd.DataFrame:
    """Each claimant's latest and highest figure for ``category``.

    "Latest" is the latest as-of date (ties: the higher value); "highest" the largest value (ties:
    the later). Columns: claimant, latest, latest_as_of, highest, highest_as_of, figures,
    latest_figure_id, latest_value, latest_as_of_date; sorted latest first.
    """
    points = estimate_points(figures, articles, category=category)
    columns = ["claimant", "latest", "latest_as_of", "highest", "highest_as_of", "figures",
               "latest_figure_id", "latest_value", "latest_as_of_date"]
    if points.empty:
        return pd.DataFrame(columns=columns)
    by_latest = points.sort_values(["as_of_date", "value"], ascending=False, kind="stable")
    by_highest = points.sort_values(["value", "as_of_date"], ascending=False, kind="stable")
    latest = by_latest.drop_duplicates("claimant").set_index("claimant")
    highest = by_highest.drop_duplicates("claimant").set_index("claimant")
    out = pd.DataFrame({
        "latest": latest["label"],
        "latest_as_of": latest["as_of_label"],
        "highest": highest["label"],
        "highest_as_of": highest["as_of_label"],
        "figures": points.groupby("claimant").size(),
        "latest_figure_id": latest["figure_id"],
        "latest_value": latest["value"],
        "latest_as_of_date": latest["as_of_date"],
    })
    out = out.rename_axis("claimant").reset_index()
    return out.sort_values(["latest_as_of_date", "claimant"], ascending=[False, True],
                           ignore_index=True)[columns]


_NAME_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


def main_subject(figures: pd.DataFrame, *, category: str = "troops") -> str:
    """The named group most figures of ``category`` count (``Freedonian``), or ``""``.

    Counts each run of capitalised words in the ``subject`` column (one vote per figure); a corpus
    about one force's deployment names that force more than any other. Generic subjects
    (``troops``) name nobody and do not vote.
    """
    votes: dict[str, int] = {}
    for subject in figures.loc[figures["category"] == category, "subject"]:
        for name in set(_NAME_RUN.findall(subject)):
            votes[name] = votes.get(name, 0) + 1
    if not votes:
        return ""
    return max(sorted(votes), key=lambda name: votes[name])


def about_subject(figures: pd.DataFrame, subject: str, *, category: str = "troops") -> pd.DataFrame:
    """Figures of ``category`` that count ``subject`` or name no group at all (``troops``).

    A figure naming another group (``Sylvanian troops`` when the subject is ``Freedonian``) is left
    out, so the "where sources disagree" line compares like with like.
    """
    subset = figures[figures["category"] == category]
    if not subject:
        return subset
    names = subset["subject"].map(lambda s: set(_NAME_RUN.findall(s)))
    keep = names.map(lambda found: not found or any(subject in name for name in found))
    return subset[keep]


def disagreement_line(estimates: pd.DataFrame, *, limit: int = 5) -> str:
    """``Defence ministry: 1,500 on Oct 18, 2024 · President: up to 100,000 on Nov 19, 2024 · …``.

    Takes :func:`claimant_estimates` output. Returns the empty string unless at least two claimants'
    latest figures differ, because "where sources disagree" with one voice is not a disagreement.
    """
    if estimates.empty or estimates["latest_value"].nunique() < 2:
        return ""
    parts = [
        f"{row.claimant}: {row.latest}" + (f" on {row.latest_as_of}" if row.latest_as_of else "")
        for row in estimates.head(limit).itertuples(index=False)
    ]
    if len(estimates) > limit:
        parts.append("…")
    return " · ".join(parts)


# ------------------------------------------------------------------------------------- timeline

def timeline_events(
    events: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    lane: str = "actor",
    actors: Iterable[str] = (),
    types: Iterable[str] = (),
    article_ids: Iterable[str] = (),
) -> pd.DataFrame:
    """Dated events ready for a lane chart, each happening once however many articles report it.

    ``lane`` is ``actor`` or ``country`` (the actor's country). Filters are on actor, event type and
    article (an event reported by several articles is kept if any of them is selected). Columns:
    event_id, event_cluster, lane, start, end (``end`` exclusive: the next day, or the month after
    for month precision), precision, date_label, event_type, actor, actor_country, summary,
    article_id, source, reported_by (articles reporting it), evidence. The representative row of a
    cluster is its most precise report, then the earliest published article's.
    """
    if lane not in LANE_COLUMNS:
        raise ValueError(f"lane must be one of {sorted(LANE_COLUMNS)}, not {lane!r}")
    subset = filter_rows(events, actor=actors, event_type=types)
    spans = date_spans(subset["date"])
    subset = subset.assign(span_start=spans["span_start"], span_end=spans["span_end"])
    subset = subset[subset["span_start"].notna()]
    cluster = subset["event_cluster"].where(subset["event_cluster"] != "", subset["event_id"])
    subset = subset.assign(cluster_key=cluster)
    wanted = set(article_ids)
    if wanted:
        keep_clusters = set(subset.loc[subset["article_id"].isin(wanted), "cluster_key"])
        subset = subset[subset["cluster_key"].isin(keep_clusters)]
    published = dict(zip(articles["article_id"], articles["published"]))
    subset = subset.assign(
        _rank_precision=(subset["precision"] != "day").astype(int),
        _published=subset["article_id"].map(published).fillna("9999"),
        _n_articles=subset.groupby("cluster_key")["article_id"].transform("nunique"),
    )
    subset = subset.sort_values(["cluster_key", "_rank_precision", "_published", "start"])
    rep = subset.drop_duplicates("cluster_key").copy()
    rep = attach_evidence(rep, articles)
    lane_values = rep[LANE_COLUMNS[lane]].where(rep[LANE_COLUMNS[lane]] != "", UNKNOWN_LANE)
    is_month = (rep["precision"] == "month") | (rep["date"].str.len() == 7)
    out = pd.DataFrame({
        "event_id": rep["event_id"],
        "event_cluster": rep["cluster_key"],
        "lane": lane_values,
        "start": rep["span_start"],
        "end": rep["span_end"] + pd.Timedelta(days=1),
        "precision": is_month.map({True: "month", False: "day"}),
        "date_label": [format_date(d, "month" if m else "day") for d, m in zip(rep["date"], is_month)],
        "event_type": rep["event_type"].where(rep["event_type"] != "", "other"),
        "actor": rep["actor"],
        "actor_country": rep["actor_country"],
        "summary": rep["summary"],
        "article_id": rep["article_id"],
        "source": rep["article_id"].map(article_sources(articles)).fillna(UNKNOWN_OUTLET),
        "reported_by": rep[["cluster_size", "_n_articles"]].max(axis=1).clip(lower=1).astype(int),
        "evidence": rep["evidence"],
    })
    return out.sort_values(["start", "lane"], ignore_index=True)


def pack_lanes(timeline: pd.DataFrame, *, min_gap: pd.Timedelta, max_slots: int = 4) -> pd.Series:
    """A slot (0, 1, ...) per event so that events sharing a lane and time do not cover each other.

    Greedy interval packing per lane: each event (at least ``min_gap`` wide, the width of a dot on
    screen) takes the first slot that is free at its start. Slots stop at ``max_slots`` so that a
    crowded lane cannot make the chart arbitrarily tall; the last slot then overlaps.
    """
    slots = pd.Series(0, index=timeline.index, dtype="int64")
    for _, lane in timeline.sort_values("start").groupby("lane", sort=False):
        free_from: list[pd.Timestamp] = []
        for index, start, end in zip(lane.index, lane["start"], lane["end"]):
            end = max(end, start + min_gap)
            slot = next((i for i, t in enumerate(free_from) if t <= start), len(free_from))
            slot = min(slot, max_slots - 1)
            if slot == len(free_from):
                free_from.append(end)
            else:
                free_from[slot] = max(free_from[slot], end) if slot == max_slots - 1 else end
            slots[index] = slot
    return slots


def events_in_window(timeline: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.DataFrame:
    """The timeline rows that overlap ``window`` (start inclusive, end exclusive)."""
    return timeline[(timeline["end"] > window[0]) & (timeline["start"] < window[1])]


ROW_SEPARATOR = "\u2063"  # invisible: joins lane and slot into one axis value, split again for labels


def lane_rows(timeline: pd.DataFrame, slots: pd.Series) -> pd.DataFrame:
    """Chart rows: one per (lane, slot) actually used, lanes in order of their first event.

    Columns ``row`` (``lane`` + :data:`ROW_SEPARATOR` + slot, the y value) and ``row_order`` (its
    rank). A lane with one slot takes one row; a crowded lane takes as many rows as it needs.
    """
    first = timeline.groupby("lane")["start"].transform("min")
    lane_rank = first.rank(method="dense").astype(int)
    order = lane_rank * 100 + slots
    return pd.DataFrame({
        "row": timeline["lane"] + ROW_SEPARATOR + slots.astype(str),
        "row_order": order.rank(method="dense").astype(int),
    }, index=timeline.index)


def event_descriptions(timeline: pd.DataFrame) -> dict[str, str]:
    """event_id -> ``Oct 18, 2024 · actor · summary``, for the event picker."""
    return {
        event_id: f"{label} · {actor or UNKNOWN_LANE} · {summary}"
        for event_id, label, actor, summary in zip(
            timeline["event_id"], timeline["date_label"], timeline["actor"], timeline["summary"]
        )
    }


def cluster_articles(events: pd.DataFrame, event_id: str) -> list[str]:
    """Every article reporting the same happening as ``event_id`` (itself included), in order."""
    row = events[events["event_id"] == event_id]
    if row.empty:
        return []
    cluster = row["event_cluster"].iloc[0]
    if not cluster:
        return [row["article_id"].iloc[0]]
    return sorted(set(events.loc[events["event_cluster"] == cluster, "article_id"]))


# --------------------------------------------------------------------------------------- reader

def article_rows(tables: Tables, article_id: str) -> dict[str, pd.DataFrame]:
    """The quotes, figures and events extracted from one article, in text order.

    Figures and events get ``evidence`` (their sentence); figures also ``figure`` (``up to 100,000``).
    """
    articles = tables["articles"]
    out = {}
    for name in ("quotes", "figures", "events"):
        frame = tables[name]
        rows = frame[frame["article_id"] == article_id].sort_values("start")
        out[name] = attach_evidence(rows, articles) if name != "quotes" else rows
    figures = out["figures"]
    out["figures"] = figures.assign(figure=[
        format_figure(v, q, lo, hi)
        for v, q, lo, hi in zip(figures["value"], figures["qualifier"], figures["low"], figures["high"])
    ])
    return out


def row_article(tables: Tables, row_id: str) -> str:
    """The article a quote/figure/event id belongs to, or ``""`` if no table has that id."""
    for name, id_column in (("quotes", "quote_id"), ("figures", "figure_id"), ("events", "event_id")):
        frame = tables[name]
        hit = frame.loc[frame[id_column] == row_id, "article_id"]
        if not hit.empty:
            return str(hit.iloc[0])
    return ""


# -------------------------------------------------------------------------------------- uploads

def dating_gaps(articles: pd.DataFrame, ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Those of ``ids`` whose publication date is unknown, and those known only within a window
    of a week or more (which leaves a plain weekday's week open)."""
    chosen = articles[articles["article_id"].isin(set(ids))]
    published = chosen["published"].fillna("").astype(str)
    earliest = pd.to_datetime(chosen["published_earliest"], errors="coerce")
    latest = pd.to_datetime(chosen["published_latest"], errors="coerce")
    loose = (published != "") & ((latest - earliest).dt.days >= 7)
    ids_of = chosen["article_id"].astype(str)
    return ids_of[published == ""].tolist(), ids_of[loose].tolist()


def dating_gaps_message(undated: list[str], loose: list[str]) -> str:
    """What an analyst can do about uploaded articles whose publication date is unknown or known
    only within weeks, or ''."""
    return missing_dates_note(undated, loose, remedy=(
        f"Upload them again with an {MANIFEST_NAME} that gives their published dates (columns "
        "article_id, published)."))


def screen_uploads(
    files: Iterable[tuple[str, int]],
    *,
    max_files: int,
    max_bytes: int,
    allowed_suffixes: tuple[str, ...] = (".txt", ".md", ".html", ".htm"),
) -> tuple[list[str], list[tuple[str, str]]]:
    """Which uploaded files (name, size in bytes) to build, and why each other one is refused.

    Refuses: a type not in ``allowed_suffixes``, an empty file, a file over ``max_bytes``, a name
    already uploaded in this batch (ids come from file names), and files beyond ``max_files``.
    One ``articles.csv``, the manifest of the others, is accepted besides them.
    """
    accepted: list[str] = []
    rejected: list[tuple[str, str]] = []
    stems: set[str] = set()
    n_articles = 0
    for name, size in files:
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        stem = name.rsplit(".", 1)[0]
        is_manifest = name.lower() == MANIFEST_NAME
        if suffix not in allowed_suffixes and not is_manifest:
            rejected.append((name, f"not a {', '.join(allowed_suffixes)} file, nor {MANIFEST_NAME}"))
        elif size == 0:
            rejected.append((name, "the file is empty"))
        elif size > max_bytes:
            rejected.append((name, f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit"))
        elif (MANIFEST_NAME if is_manifest else stem) in stems:
            rejected.append((name, "another uploaded file has the same name"))
        elif not is_manifest and n_articles >= max_files:
            rejected.append((name, f"only {max_files} files can be added at once"))
        else:
            accepted.append(name)
            stems.add(MANIFEST_NAME if is_manifest else stem)
            n_articles += not is_manifest
    return accepted, rejected


def focus_window(
    timeline: pd.DataFrame, *, share: float = 0.8, pad_days: int = 10
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The shortest period holding ``share`` of the timeline's events, padded by ``pad_days``.

    A corpus about one month usually mentions a few old anchors (``since February 2022``); drawn
    on one axis they squeeze the month into a sliver. The page shows this window by default and
    says how many events fall outside it. Returns ``None`` when the whole span is already short
    (under four times the window) or there are no events.
    """
    if timeline.empty:
        return None
    starts = timeline["start"].sort_values().reset_index(drop=True)
    ends = timeline["end"]
    n = len(starts)
    keep = max(1, math.ceil(share * n))
    # Each run of ``keep`` consecutive starts; the narrowest (the first, on a tie) is the focus.
    widths = starts.iloc[keep - 1:].reset_index(drop=True) - starts.iloc[: n - keep + 1]
    first = int(widths.to_numpy().argmin())
    best = (starts[first], starts[first + keep - 1])
    pad = pd.Timedelta(days=pad_days)
    low, high = best[0] - pad, max(best[1], ends[timeline["start"] <= best[1]].max()) + pad
    full = ends.max() - starts.min()
    if full <= 4 * (high - low):
        return None
    return low, high


def log_ticks(low: float, high: float) -> list[float]:
    """Round tick values (1, 2, 5 × 10^k) covering [low, high], for a readable log axis."""
    if not (low > 0 and high > 0):
        return []
    ticks = []
    exponent = math.floor(math.log10(low))
    while 10**exponent <= high * 10:
        for step in (1, 2, 5):
            tick = step * 10**exponent
            if low / 2 <= tick <= high * 2:
                ticks.append(float(tick))
        exponent += 1
    return ticks
