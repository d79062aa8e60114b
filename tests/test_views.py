"""The dashboard's data shaping (sitrep.views) on small invented tables."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from sitrep import views
from sitrep.schema import conform

TEXT_A = "On Friday the agency said 1,500 troops arrived. In June a pact was signed."
TEXT_B = "Officials said up to 10,000 soldiers could follow in October."


def make_tables() -> dict[str, pd.DataFrame]:
    articles = conform(pd.DataFrame([
        dict(article_id="a", title="Agency report", outlet="Daily Wire Service", url="",
             published="2024-10-20", published_basis="manifest", text=TEXT_A, n_chars=len(TEXT_A)),
        dict(article_id="b", title="", outlet="", url="", published="2024-11-02",
             published_basis="inferred", text=TEXT_B, n_chars=len(TEXT_B)),
        dict(article_id="c", title="Undated", outlet="Other Post", url="", published="",
             published_basis="unknown", text="Nothing dated.", n_chars=14),
    ]), "articles")
    quotes = conform(pd.DataFrame([
        dict(quote_id="a:q:0", article_id="a", start=0, end=9, text="On Friday", speaker="Agency",
             speaker_country="Korea", date_said="", cluster_size=1, sentence_start=0, sentence_end=9),
        dict(quote_id="b:q:0", article_id="b", start=0, end=9, text="Officials", speaker="Official",
             speaker_country="", date_said="2024-10-30", cluster_size=2, sentence_start=0, sentence_end=9),
    ]), "quotes")
    figures = conform(pd.DataFrame([
        dict(figure_id="a:f:26", article_id="a", start=0, end=48, number_start=26, number_end=31,
             number_text="1,500", value=1500.0, qualifier="exact", category="troops",
             subject="troops", claimant="Agency", as_of="2024-10-18", as_of_precision="day"),
        dict(figure_id="b:f:22", article_id="b", start=0, end=60, number_start=22, number_end=28,
             number_text="10,000", value=10000.0, high=10000.0, qualifier="up_to", category="troops",
             subject="soldiers", claimant="Officials", as_of="2024-10", as_of_precision="month"),
        dict(figure_id="a:f:99", article_id="a", start=0, end=48, number_start=26, number_end=31,
             number_text="2,000", value=2000.0, qualifier="approx", category="troops",
             subject="troops", claimant="Agency", as_of="2024-10-01", as_of_precision="day"),
        dict(figure_id="a:f:5", article_id="a", start=0, end=48, number_start=26, number_end=31,
             number_text="6", value=6.0, qualifier="exact", category="casualties",
             subject="dead", claimant="Agency", as_of="", as_of_precision=""),
    ]), "figures")
    events = conform(pd.DataFrame([
        dict(event_id="a:e:0", article_id="a", start=0, end=48, date="2024-10-18", precision="day",
             actor="Agency", actor_country="Korea", event_type="report", summary="Agency reports troops",
             event_cluster="k1", cluster_size=2),
        dict(event_id="b:e:0", article_id="b", start=0, end=60, date="2024-10", precision="month",
             actor="Agency", actor_country="Korea", event_type="report", summary="Troops reported",
             event_cluster="k1", cluster_size=2),
        dict(event_id="a:e:49", article_id="a", start=TEXT_A.index("In June"), end=len(TEXT_A), date="2024-06", precision="month",
             actor="Russia", actor_country="Russia", event_type="agreement", summary="Pact signed",
             event_cluster="", cluster_size=1),
    ]), "events")
    return {"articles": articles, "quotes": quotes, "figures": figures, "events": events}


def test_date_spans_cover_a_whole_month_and_leave_bad_values_empty():
    spans = views.date_spans(pd.Series(["2024-10-18", "2024-02", "", "soon"]))
    assert spans["span_start"].iloc[0] == spans["span_end"].iloc[0] == pd.Timestamp("2024-10-18")
    assert spans["span_start"].iloc[1] == pd.Timestamp("2024-02-01")
    assert spans["span_end"].iloc[1] == pd.Timestamp("2024-02-29")
    assert spans.iloc[2:].isna().all().all()


def test_format_date_says_month_only_for_month_precision():
    assert views.format_date("2024-10-18") == "Oct 18, 2024"
    assert views.format_date("2024-10") == "Oct 2024"
    assert views.format_date("2024-10-01", "month") == "Oct 2024"
    assert views.format_date("") == ""


def test_source_labels_name_unknown_outlets_and_list_them_last():
    articles = make_tables()["articles"]
    assert list(views.source_label(articles)) == ["Daily Wire Service", views.UNKNOWN_OUTLET, "Other Post"]
    assert views.source_options(articles) == ["Daily Wire Service", "Other Post", views.UNKNOWN_OUTLET]


def test_global_source_filter_restricts_every_table_to_those_articles():
    out = views.apply_global_filters(make_tables(), sources=[views.UNKNOWN_OUTLET])
    assert set(out["articles"]["article_id"]) == {"b"}
    for name in ("quotes", "figures", "events"):
        assert set(out[name]["article_id"]) == {"b"}


def test_global_date_filter_uses_each_rows_own_date_and_month_overlap():
    out = views.apply_global_filters(make_tables(), date_from=dt.date(2024, 10, 25))
    assert set(out["articles"]["article_id"]) == {"b"}  # a is Oct 20; c is undated
    assert list(out["quotes"]["quote_id"]) == ["b:q:0"]  # said Oct 30; a's quote falls back to Oct 20
    assert list(out["events"]["event_id"]) == ["b:e:0"]  # "October" overlaps Oct 25 onwards
    assert list(out["figures"]["figure_id"]) == ["b:f:22"]


def test_no_filters_keep_everything_including_undated_rows():
    tables = make_tables()
    out = views.apply_global_filters(tables)
    assert all(len(out[name]) == len(tables[name]) for name in tables)


def test_filter_rows_ignores_empty_selections():
    events = make_tables()["events"]
    assert len(views.filter_rows(events, actor=[], event_type=[])) == 3
    assert list(views.filter_rows(events, actor=["Russia"])["event_id"]) == ["a:e:49"]


def test_attach_evidence_slices_the_article_text():
    tables = make_tables()
    out = views.attach_evidence(tables["events"], tables["articles"])
    assert out.loc[out["event_id"] == "a:e:49", "evidence"].item() == "In June a pact was signed."


@pytest.mark.parametrize(("value", "qualifier", "low", "high", "expected"), [
    (1500.0, "exact", math.nan, math.nan, "1,500"),
    (100000.0, "up_to", math.nan, 100000.0, "up to 100,000"),
    (11000.0, "approx", math.nan, math.nan, "about 11,000"),
    (1500000.0, "approx", math.nan, math.nan, "about 1.5 million"),
    (1200.0, "range", 1000.0, 1500.0, "1,000–1,500"),
    (33.5, "over", math.nan, math.nan, "over 33.5"),
])
def test_format_figure_reads_like_an_analyst_would_say_it(value, qualifier, low, high, expected):
    assert views.format_figure(value, qualifier, low, high) == expected


def test_estimate_points_place_month_claims_and_drop_undated_ones():
    tables = make_tables()
    points = views.estimate_points(tables["figures"], tables["articles"], category="troops")
    assert list(points["figure_id"]) == ["a:f:99", "b:f:22", "a:f:26"]
    assert points.loc[points["figure_id"] == "b:f:22", "as_of_label"].item() == "Oct 2024"
    assert points["evidence"].str.len().gt(0).all()
    # An undated figure falls back to publication; with neither it is counted, not plotted.
    casualties = views.estimate_points(tables["figures"], tables["articles"], category="casualties")
    assert casualties["as_of_date"].tolist() == [pd.Timestamp("2024-10-20")]


def test_claimant_estimates_pick_latest_and_highest_separately():
    tables = make_tables()
    table = views.claimant_estimates(tables["figures"], tables["articles"], category="troops")
    agency = table[table["claimant"] == "Agency"].iloc[0]
    assert agency["latest"] == "1,500" and agency["latest_as_of"] == "Oct 18, 2024"
    assert agency["highest"] == "about 2,000" and agency["figures"] == 2
    assert list(table["claimant"]) == ["Agency", "Officials"]  # latest first


def test_disagreement_line_lists_each_claimants_latest_or_nothing():
    tables = make_tables()
    table = views.claimant_estimates(tables["figures"], tables["articles"], category="troops")
    line = views.disagreement_line(table)
    assert line == "Agency: 1,500 on Oct 18, 2024 · Officials: up to 10,000 on Oct 2024"
    same = table.assign(latest_value=1.0)
    assert views.disagreement_line(same) == ""
    assert views.disagreement_line(table.head(1)) == ""


def test_timeline_shows_a_corroborated_event_once_with_its_article_count():
    tables = make_tables()
    timeline = views.timeline_events(tables["events"], tables["articles"])
    assert len(timeline) == 2
    reported = timeline[timeline["event_cluster"] == "k1"].iloc[0]
    assert reported["event_id"] == "a:e:0"  # day precision beats month
    assert reported["reported_by"] == 2


def test_timeline_month_events_span_the_month():
    tables = make_tables()
    timeline = views.timeline_events(tables["events"], tables["articles"])
    pact = timeline[timeline["event_id"] == "a:e:49"].iloc[0]
    assert (pact["start"], pact["end"]) == (pd.Timestamp("2024-06-01"), pd.Timestamp("2024-07-01"))
    assert pact["precision"] == "month" and pact["date_label"] == "Jun 2024"


def test_timeline_lanes_and_filters():
    tables = make_tables()
    by_country = views.timeline_events(tables["events"], tables["articles"], lane="country")
    assert set(by_country["lane"]) == {"Korea", "Russia"}
    only_b = views.timeline_events(tables["events"], tables["articles"], article_ids=["b"])
    assert list(only_b["event_cluster"]) == ["k1"]  # kept because b reports that cluster
    agreements = views.timeline_events(tables["events"], tables["articles"], types=["agreement"])
    assert list(agreements["event_id"]) == ["a:e:49"]
    with pytest.raises(ValueError):
        views.timeline_events(tables["events"], tables["articles"], lane="colour")


def test_cluster_articles_and_row_article():
    tables = make_tables()
    assert views.cluster_articles(tables["events"], "b:e:0") == ["a", "b"]
    assert views.cluster_articles(tables["events"], "a:e:49") == ["a"]
    assert views.row_article(tables, "b:f:22") == "b"
    assert views.row_article(tables, "nope") == ""


def test_focus_window_skips_old_anchors_only_when_they_squeeze_the_axis():
    days = [f"2024-10-{d:02d}" for d in range(10, 28)]
    frame = pd.DataFrame({"start": pd.to_datetime(days + ["2022-02-01"])})
    frame["end"] = frame["start"] + pd.Timedelta(days=1)
    low, high = views.focus_window(frame)
    assert low <= pd.Timestamp("2024-10-10") and high >= pd.Timestamp("2024-10-28")
    assert low > pd.Timestamp("2024-01-01")
    assert views.focus_window(frame.iloc[:-1]) is None


def test_corpus_summary_and_range():
    tables = make_tables()
    summary = views.corpus_summary(tables)
    assert summary == {"articles": 3, "outlets": 2, "quotes": 2, "speakers": 2, "figures": 4, "events": 3}
    assert views.corpus_date_range(tables) == (dt.date(2024, 6, 1), dt.date(2024, 11, 2))


def test_articles_by_outlet_date_counts_per_day_and_keeps_undated():
    counts = views.articles_by_outlet_date(make_tables()["articles"])
    assert counts["articles"].sum() == 3
    assert counts["published"].isna().sum() == 1


def test_screen_uploads_explains_every_refusal():
    accepted, rejected = views.screen_uploads(
        [("a.txt", 10), ("b.pdf", 10), ("c.md", 0), ("d.html", 5_000), ("a.html", 10), ("e.txt", 10),
         ("f.txt", 10)],
        max_files=2, max_bytes=1_000,
    )
    assert accepted == ["a.txt", "e.txt"]
    reasons = dict(rejected)
    assert "not a" in reasons["b.pdf"]
    assert "empty" in reasons["c.md"]
    assert "limit" in reasons["d.html"]
    assert "same name" in reasons["a.html"]
    assert "only 2" in reasons["f.txt"]


def test_log_ticks_are_round_and_cover_the_range():
    ticks = views.log_ticks(1500, 100_000)
    assert ticks[0] <= 1500 and ticks[-1] >= 100_000
    assert all(str(int(t)).strip("0") in {"1", "2", "5"} for t in ticks)


def test_article_heading_falls_back_to_the_opening_words():
    assert views.article_heading("  A  title ", "body") == "A title"
    assert views.article_heading("", "Short opening.") == "“Short opening.”"
    long = views.article_heading("", "word " * 40, limit=30)
    assert long.startswith("“word") and long.endswith("…”") and len(long) <= 30
    assert views.article_heading("", "") == ""
    assert views.article_headings(make_tables()["articles"])["a"] == "Agency report"
    assert views.article_labels(make_tables()["articles"])["b"] == (
        "“Officials said up to 10,000 soldiers could follow in October.” (Nov 2, 2024)"
    )


def test_event_descriptions_name_date_actor_and_summary():
    tables = make_tables()
    timeline = views.timeline_events(tables["events"], tables["articles"])
    assert views.event_descriptions(timeline)["a:e:49"] == "Jun 2024 · Russia · Pact signed"


def test_main_subject_is_the_most_named_group_and_filters_like_with_like():
    figures = conform(pd.DataFrame([
        dict(figure_id=f"a:f:{i}", article_id="a", start=0, end=1, number_start=0, number_end=1,
             subject=subject, category="troops",
             value=1.0)
        for i, subject in enumerate(["Freedonian troops", "troops", "Freedonian soldiers",
                                     "Sylvanian troops", "special forces"])
    ] + [dict(figure_id="a:f:9", article_id="a", start=0, end=1, number_start=0, number_end=1,
              subject="Sylvanian shells",
              category="munitions", value=1.0)]), "figures")
    assert views.main_subject(figures, category="troops") == "Freedonian"
    kept = views.about_subject(figures, "Freedonian", category="troops")
    assert list(kept["subject"]) == ["Freedonian troops", "troops", "Freedonian soldiers", "special forces"]
    assert views.main_subject(figures.iloc[[1, 4]], category="troops") == ""
    assert len(views.about_subject(figures, "", category="troops")) == 5


def test_newest_publication_ignores_undated_articles():
    assert views.newest_publication(make_tables()["articles"]) == "Nov 2, 2024"
    assert views.newest_publication(make_tables()["articles"].iloc[2:]) == ""


def test_pack_lanes_separates_overlapping_events_within_a_lane_only():
    day = pd.Timedelta(days=1)
    frame = pd.DataFrame({
        "lane": ["A", "A", "A", "B", "A"],
        "start": pd.to_datetime(["2024-10-01", "2024-10-01", "2024-10-20", "2024-10-01", "2024-10-02"]),
    })
    frame["end"] = frame["start"] + day
    slots = views.pack_lanes(frame, min_gap=3 * day, max_slots=2)
    assert list(slots) == [0, 1, 0, 0, 1]  # the 5th overlaps both and is capped in the last slot
    assert list(views.pack_lanes(frame, min_gap=day)) == [0, 1, 0, 0, 0]


def test_lane_rows_give_each_lane_only_the_rows_it_uses_in_first_event_order():
    frame = pd.DataFrame({
        "lane": ["Late", "Early", "Early"],
        "start": pd.to_datetime(["2024-10-05", "2024-10-01", "2024-10-01"]),
    })
    rows = views.lane_rows(frame, pd.Series([0, 0, 1]))
    assert list(rows["row"].str.split(views.ROW_SEPARATOR).str[0]) == ["Late", "Early", "Early"]
    assert list(rows["row_order"]) == [3, 1, 2]
    assert rows["row"].nunique() == 3


def test_events_in_window_keeps_overlapping_events():
    tables = make_tables()
    timeline = views.timeline_events(tables["events"], tables["articles"])
    inside = views.events_in_window(timeline, (pd.Timestamp("2024-10-10"), pd.Timestamp("2024-10-31")))
    assert list(inside["event_id"]) == ["a:e:0"]


def test_article_table_lists_newest_first_with_reader_links_and_safe_urls():
    articles = make_tables()["articles"].copy()
    articles.loc[0, "url"] = "javascript:alert(1)"
    table = views.article_table(articles)
    assert list(table["article_id"]) == ["b", "a", "c"]
    assert table.loc[table["article_id"] == "a", "url"].item() == ""
    assert table.loc[table["article_id"] == "b", "read"].item() == "reader?article=b"
    assert table.loc[table["article_id"] == "b", "title"].item().startswith("“Officials said")


def test_article_rows_are_in_text_order_with_sentences_and_figure_labels():
    rows = views.article_rows(make_tables(), "a")
    assert list(rows["events"]["event_id"]) == ["a:e:0", "a:e:49"]
    assert rows["events"]["evidence"].iloc[1] == "In June a pact was signed."
    assert set(rows["figures"]["figure"]) == {"1,500", "about 2,000", "6"}
    assert list(rows["quotes"]["quote_id"]) == ["a:q:0"]


def test_publication_note_states_the_window_of_an_inferred_date():
    article = {"published": "2024-10-22", "published_basis": "inferred",
               "published_earliest": "2024-10-16", "published_latest": "2024-11-27"}
    assert views.publication_note(article) == (
        "published between Oct 16, 2024 and Nov 27, 2024 (inferred; best guess Oct 22, 2024)")
    pinned = {**article, "published_earliest": "2024-10-22", "published_latest": "2024-10-22"}
    assert views.publication_note(pinned) == "published Oct 22, 2024 (inferred)"
    # tables built before the window columns existed still read
    assert views.publication_note({"published": "2024-10-22", "published_basis": "manifest"}) == (
        "published Oct 22, 2024 (manifest)")
    assert views.publication_note({"published": "", "published_basis": "unknown"}) == "publication date unknown"


def test_screen_uploads_takes_one_manifest_besides_the_articles():
    accepted, rejected = views.screen_uploads(
        [("a.txt", 10), ("articles.csv", 10), ("b.txt", 10), ("notes.csv", 10), ("Articles.CSV", 10),
         ("c.txt", 10)],
        max_files=2, max_bytes=1_000,
    )
    # the manifest is not one of the two articles allowed
    assert accepted == ["a.txt", "articles.csv", "b.txt"]
    reasons = dict(rejected)
    assert "articles.csv" in reasons["notes.csv"]
    assert "same name" in reasons["Articles.CSV"]
    assert "only 2" in reasons["c.txt"]


def test_uploads_without_a_firm_date_are_named_with_what_to_do():
    articles = make_tables()["articles"]
    articles["published_earliest"] = ["2024-10-20", "2024-10-28", ""]
    articles["published_latest"] = ["2024-10-20", "2024-11-06", ""]
    # a is known to the day, b only within ten days, c not at all
    undated, loose = views.dating_gaps(articles, ["a", "b", "c"])
    assert (undated, loose) == (["c"], ["b"])
    assert views.dating_gaps(articles, ["a"]) == ([], [])
    message = views.dating_gaps_message(undated, loose)
    assert message.startswith("1 article(s) have no publication date the text pins (c); 1 article(s) are dated only")
    assert "(b)" in message and "articles.csv" in message
    assert views.dating_gaps_message([], []) == ""
    assert "and 2 more" in views.dating_gaps_message(list("abcdefg"), [])
