"""Events: one row per dated clause, with actor, type, summary and cross-article clusters.

Inputs are invented sentences in the style of wire copy; each test states the publication date
it resolves against.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import pytest

from sitrep.article import Article
from sitrep.extract.attribution import ArticleContext
from sitrep.extract.events import cluster_events, extract_events
from sitrep.names import NameBook
from sitrep.schema import EVENT_TYPES, columns, validate


def events_of(nlp, text: str, published: str | None = "2025-03-19", article_id: str = "a1") -> pd.DataFrame:
    article = Article(
        article_id=article_id, text=text,
        published=dt.date.fromisoformat(published) if published else None,
    )
    doc = nlp(text)
    return extract_events(doc, article, ArticleContext(doc, article, NameBook()))


def only_row(frame: pd.DataFrame) -> pd.Series:
    assert len(frame) == 1, frame[["date_text", "date", "summary"]].to_string()
    return frame.iloc[0]


# ------------------------------------------------------------------ date forms


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        # weekday: the most recent such day on or before publication (Mon 24 Mar 2025 -> Sun 23)
        ("The foreign minister warned Berlin on Sunday against new sanctions.", "2025-03-24",
         "2025-03-23", "day"),
        # month and day, no year
        ("The defence ministry announced on March 3 that the exercises would resume.", "2025-03-19",
         "2025-03-03", "day"),
        # weekday plus day and month, written as one expression
        ("On Tuesday, 4 March, the envoy met the prime minister in Ankara.", "2025-03-19",
         "2025-03-04", "day"),
        # a bare month: the latest one on or before publication
        ("The two governments signed a trade accord in January.", "2025-03-19", "2025-01", "month"),
        # month and year
        ("The fighting began in February 2022 along the northern border.", "2025-03-19",
         "2022-02", "month"),
        # last week, inside one month: month precision
        ("The agency reported last week that the shipments had stopped.", "2025-03-19",
         "2025-03", "month"),
        # over the weekend, inside one month: month precision
        ("Over the weekend, local officials claimed the bridge had been destroyed.", "2025-03-10",
         "2025-03", "month"),
        # earlier this month
        ("The governor resigned earlier this month after the protests.", "2025-03-19", "2025-03", "month"),
    ],
)
def test_date_forms_resolve_against_publication(nlp, text, published, date, precision):
    row = only_row(events_of(nlp, text, published))
    assert (row["date"], row["precision"]) == (date, precision)
    assert row["date_text"] and row["date_text"] in text


@pytest.mark.parametrize(
    "text",
    [
        "The sanctions were imposed in 2022 after the invasion.",  # year only
        "The minister recently hinted at a change of policy.",  # vague
        "The ambassador was summoned to the foreign ministry.",  # no date at all
        "The agency reported last week that the shipments had stopped.",  # a week across two months
    ],
)
def test_undatable_clauses_give_no_row(nlp, text):
    # published Wed 5 Mar 2025: "last week" is 24 Feb - 2 Mar, which straddles two months
    assert events_of(nlp, text, "2025-03-05").empty


@pytest.mark.parametrize(
    "text",
    [
        "After June 3, prices rose sharply in the capital.",  # a bound, not a date
        "The deployment was expected to be completed by December, officials said.",  # a deadline
        "The related vote is expected this week.",  # a plan, not an event
        "Published: 12 March 2025",  # page furniture
        "Updated March 12, 2025 10:00 GMT",
        "Monday, March 17, 2025",  # a bare dateline: nothing happens in it
    ],
)
def test_bounds_and_page_furniture_give_no_row(nlp, text):
    assert events_of(nlp, text, "2025-03-19").empty


def test_a_wire_dateline_dates_nothing_and_stays_out_of_the_evidence(nlp):
    text = "KYIV, March 12 (Reuters) - Ukraine said on Wednesday it had shot down 40 drones."
    row = only_row(events_of(nlp, text, "2025-03-19"))
    assert row["date"] == "2025-03-19" and row["date_text"] == "on Wednesday"
    assert text[row["start"]:row["end"]].startswith("Ukraine said")
    # the date between the cue verb and the reported clause belongs to the saying
    assert row["event_type"] == "statement"


def test_a_wire_credit_is_not_the_subject_nor_the_evidence(nlp):
    text = "KYIV (Reuters): Ukraine’s President Volodymyr Zelenskyy said on Saturday that the talks failed."
    row = only_row(events_of(nlp, text, "2024-12-14"))
    assert row["actor"] == "Volodymyr Zelensky"
    assert text[row["start"]:row["end"]].startswith("Ukraine’s President")


def test_a_written_date_wins_over_its_weekday(nlp):
    # the publication date is off by weeks (as an inferred one can be): the text's date still holds
    text = "The intelligence service said on Thursday (Oct 24) that the first units had been deployed."
    row = only_row(events_of(nlp, text, "2024-12-14"))
    assert row["date"] == "2024-10-24" and row["date_text"] == "on Thursday (Oct 24)"


def test_a_weekday_ahead_is_no_event(nlp):
    text = "The minister spoke on Thursday, days before the runoff vote set for Sunday."
    rows = events_of(nlp, text, "2025-03-06")
    assert [r["date_text"] for _, r in rows.iterrows()] == ["on Thursday"]


def test_a_written_date_wins_over_a_relative_word(nlp):
    # "yesterday" is relative to when the words were spoken, which may not be the publication day
    text = "“The border was crossed again just yesterday (March 3) by drones,” the envoy said."
    row = only_row(events_of(nlp, text, "2025-03-06"))
    assert row["date"] == "2025-03-03" and row["precision"] == "day"


def test_a_date_on_an_event_noun_dates_that_event_not_the_clause(nlp):
    text = "Since Russia's February 2022 invasion of Ukraine, Japan has joined sanctions."
    row = only_row(events_of(nlp, text, "2025-03-19"))
    assert row["date"] == "2022-02"
    assert text[row["start"]:row["end"]] == "Russia's February 2022 invasion of Ukraine"
    assert row["event_type"] == "attack" and "Japan" not in row["summary"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a span over two months dates nothing; one inside a month is that month
        ("The army sent 3,000 more engineers in January and February.", []),
        ("Talks were held in Vienna on March 3 and March 5.", ["2025-03"]),
        # an open range whose far end the resolver does not read
        ("Some 2,000 wounded soldiers returned home in the January-March period.", []),
        # a stretch of time up to now, and a state "as of" a date
        ("The navy claims to have destroyed 30 boats in the last month.", []),
        ("The government said that as of the end of February, aid totalled $5bn.", []),
    ],
)
def test_spans_ranges_durations_and_states(nlp, text, dates):
    assert sorted(events_of(nlp, text, "2025-03-19")["date"]) == dates


@pytest.mark.parametrize(
    "text",
    [
        "February was the deadliest month of the war so far.",  # a state (copula)
        "February 2025 has been named the costliest month for the army.",  # a period as subject
        "The daily casualty rate reached 900 in February.",  # a statistic
        "Some 41,000 casualties were recorded in February.",
        "There were 300 attacks on the town in February.",  # a count over a month
    ],
)
def test_statistics_about_a_period_are_not_events(nlp, text):
    assert events_of(nlp, text, "2025-03-19").empty


@pytest.mark.parametrize(
    ("text", "actor", "counted"),
    [
        # the parser hangs the report below the existential after a dash
        ("In the morning briefing, the Norland General Staff reported that its troops hold the line "
         "— there were 30 battles there on March 17.", "General Staff", "30 battles"),
        ("The Defence Ministry said there were 12 attacks on the town on Monday.", "Defence Ministry",
         "12 attacks on the town"),
    ],
)
def test_happenings_counted_on_a_day_are_news_reported_by_who_counted_them(nlp, text, actor, counted):
    row = only_row(events_of(nlp, text, "2025-03-19"))
    assert (row["date"], row["event_type"]) == ("2025-03-17", "attack")
    assert row["actor"].endswith(actor)
    assert row["summary"] == f"{row['actor']} reports {counted}"


def test_a_figure_on_a_given_day_is_news(nlp):
    row = only_row(events_of(nlp, "The death toll rose to 14 on Monday, the ministry said.", "2025-03-19"))
    assert (row["date"], row["event_type"], row["actor"]) == ("2025-03-17", "casualties", "")


@pytest.mark.parametrize(
    "text",
    [
        "The alliance will hold an emergency meeting on March 30 in Brussels.",  # after publication
        "The leaders will meet on Monday to discuss the ceasefire.",  # future tense
    ],
)
def test_what_has_not_happened_is_not_on_the_timeline(nlp, text):
    assert events_of(nlp, text, "2025-03-19").empty


def test_a_timetable_in_the_present_tense_is_ahead_even_when_publication_is_unknown(nlp):
    text = "Ruritania fears losing supplies after the transit contract expires on 31 December 2024."
    assert events_of(nlp, text, published=None).empty
    # the same verb in the past is news
    past = "The transit contract expired on 31 December 2024, Lind said."
    assert only_row(events_of(nlp, past, published=None))["date"] == "2024-12-31"


def test_an_event_noun_with_its_own_date_phrase_is_dated(nlp):
    text = "The two armies have grown closer since Moscow's invasion of Ukraine in February 2022."
    row = only_row(events_of(nlp, text, "2025-03-19"))
    assert row["date"] == "2022-02"
    assert "invasion" in text[row["start"]:row["end"]] and "grown" not in text[row["start"]:row["end"]]


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # the frame's own date is the reference
        ("The spy agency briefed lawmakers on Wednesday, two days after the army confirmed the losses.",
         "2025-04-30", "2025-04-28"),
        # a present-tense frame is the publication day
        ("This comes a day after the spokesman told reporters that the troops had arrived.",
         "2024-10-24", "2024-10-23"),
        # any whole number the number reader knows, in words or digits
        ("The spy agency briefed lawmakers on Wednesday, twelve days after the army confirmed the losses.",
         "2025-04-30", "2025-04-18"),
        ("The spy agency briefed lawmakers on Wednesday, 3 days after the army confirmed the losses.",
         "2025-04-30", "2025-04-27"),
    ],
)
def test_a_day_offset_from_a_dated_frame(nlp, text, published, date):
    frame = events_of(nlp, text, published)
    offset = frame[frame["date_text"].str.contains("after")]
    assert list(offset["date"]) == [date] and list(offset["precision"]) == ["day"]
    evidence = text[offset.iloc[0]["start"]:offset.iloc[0]["end"]]
    assert evidence.startswith(offset.iloc[0]["date_text"])


def test_the_previous_day_and_the_same_day_step_from_the_day_told_before(nlp):
    text = ("The ministry said on Tuesday that 10,000 troops were in Ruritania. \"As many as 10,000 "
            "have made their way,\" said spokesperson Arvo Lind the previous day. On the same day, "
            "Ivo Tamm also said that 11,000 soldiers are in Norland now.")
    frame = events_of(nlp, text, "2024-11-05")
    assert list(zip(frame["date_text"], frame["date"], frame["actor"])) == [
        ("on Tuesday", "2024-11-05", "ministry"),
        ("the previous day", "2024-11-04", "Arvo Lind"),
        ("on the same day", "2024-11-04", "Ivo Tamm"),  # the same day as Lind's, not the ministry's
    ]


def test_earlier_in_the_day_is_the_day_told_before(nlp):
    text = "Lind met Tamm on Monday. The state media said earlier in the day Lind departed for Oslo."
    frame = events_of(nlp, text, "2024-11-05")
    assert list(zip(frame["date_text"], frame["date"])) == [
        ("on Monday", "2024-11-04"), ("earlier in the day", "2024-11-04")]


@pytest.mark.parametrize(
    "text",
    [
        "Lind met Tamm on Monday. Tamm flew to Oslo the day after the vote.",  # a day the phrase defines
        "Lind met Tamm in October. The next day, Tamm flew to Oslo.",  # a step from a month: no day
    ],
)
def test_a_day_step_needs_a_day_to_step_from(nlp, text):
    assert len(events_of(nlp, text, "2024-11-05")) == 1


def test_relative_dates_need_a_publication_date(nlp):
    text = "The minister spoke on Sunday. The treaty was signed on March 3, 2025, in Geneva."
    frame = events_of(nlp, text, published=None)
    assert list(frame["date"]) == ["2025-03-03"]


# ------------------------------------------------------------------ event types


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The president said on Monday that the border would stay open.", "statement"),
        ("The defence minister warned on Monday that the militia could attack.", "warning"),
        ("The deputy minister issued the warning on Monday in a televised interview.", "warning"),
        ("The two leaders met on Monday in Vienna.", "meeting"),
        ("The foreign ministry summoned the Russian ambassador on Monday.", "diplomatic"),
        ("The army sent 2,000 troops to the border on Monday.", "deployment"),
        ("The government shipped artillery shells to the front on Monday.", "transfer"),
        ("Drones attacked the port on Monday.", "attack"),
        ("Three soldiers died on Monday in the shelling.", "casualties"),
        ("The two countries signed a defence pact on Monday.", "agreement"),
        ("The intelligence agency reported on Monday that the convoy had crossed.", "report"),
    ],
)
def test_event_type_follows_the_verb(nlp, text, event_type):
    row = only_row(events_of(nlp, text, "2025-03-19"))
    assert row["event_type"] == event_type
    assert row["event_type"] in EVENT_TYPES


# ------------------------------------------------------------------ actor and summary


def test_actor_is_canonical_and_raw_is_as_written(nlp):
    text = "Ruritania’s Deputy Foreign Minister Ivan Petrov warned on Sunday that arms deliveries would end relations."
    row = only_row(events_of(nlp, text, "2025-03-24"))
    assert row["actor"] == "Ivan Petrov"
    assert "Deputy Foreign Minister" in row["actor_raw"]
    assert row["summary"].startswith("Ivan Petrov warns")
    assert len(row["summary"].split()) <= 12


def test_pronoun_actor_resolves_to_the_person_named_before(nlp):
    text = ("Prime Minister Anna Berg spoke to reporters in Oslo. "
            "“We will not send troops,” she said on March 3.")
    row = only_row(events_of(nlp, text))
    assert row["actor"] == "Anna Berg"
    assert row["actor_raw"].lower() == "she"


def test_a_title_with_the_name_in_apposition_names_the_person(nlp):
    text = "On Sunday, the First Deputy Speaker of Parliament, Mohsen Karimi, confirmed the vote."
    row = only_row(events_of(nlp, text, "2023-04-03"))
    assert row["actor"] == "Mohsen Karimi" and "Deputy Speaker" in row["actor_raw"]


def test_summary_is_a_short_headline_without_the_date(nlp):
    text = ("At a press conference on March 17 in Brussels, the president revealed a plan to train "
            "10,000 soldiers for combat in the east over the next two years.")
    row = only_row(events_of(nlp, text))
    assert "March" not in row["summary"]
    assert "reveals" in row["summary"]
    assert 3 <= len(row["summary"].split()) <= 12


@pytest.mark.parametrize(
    ("text", "summary", "actor"),
    [
        # a bare participle describes the noun before it and names no actor
        ("Kyiv accused Moscow of violating the energy truce agreed last Tuesday.", "Energy truce agreed", ""),
        ("Kask spoke at a summit held with the Polish president in Seoul on Thursday.",
         "Summit held with the Polish president in Seoul", ""),
        # a relative clause's subject is the noun it hangs from
        ("The talks, which began on March 28, were described as the best chance in months.",
         "The talks begin", ""),
        # a happening as subject is not an actor
        ("Monday's shelling of Kharkiv killed at least nine civilians.",
         "Shelling of Kharkiv kills at least nine civilians", ""),
    ],
)
def test_summaries_of_clauses_without_an_actor(nlp, text, summary, actor):
    rows = events_of(nlp, text, "2025-04-03")
    row = rows.iloc[-1]
    assert (row["summary"], row["actor"]) == (summary, actor)


def test_the_object_of_a_relative_clause_is_the_noun_it_hangs_from(nlp):
    text = "The parliament ratified the treaty that Ivan Petrov and Anna Berg signed in June."
    frame = events_of(nlp, text, "2025-03-19")
    row = frame[frame["date"] == "2024-06"].iloc[0]
    assert row["summary"] == "Anna Berg and Ivan Petrov sign the treaty"


def test_a_date_is_never_an_actor(nlp):
    text = "The twenty-eighth of November saw a record 2,030 losses in a single day."
    row = only_row(events_of(nlp, text, "2024-12-05"))
    assert row["actor"] == "" and row["date"] == "2024-11-28"


def test_sanctions_are_diplomatic(nlp):
    row = only_row(events_of(nlp, "The EU extended sanctions on 31 January 2025.", "2025-04-03"))
    assert row["event_type"] == "diplomatic"


# ------------------------------------------------------------------ two events, one sentence


def test_a_sentence_with_two_dates_gives_two_rows(nlp):
    text = "The agency confirmed last week that 300 engineers were sent to the front in February."
    frame = events_of(nlp, text, "2025-03-19")
    assert sorted(frame["date"]) == ["2025-02", "2025-03"]
    sent = frame[frame["date"] == "2025-02"].iloc[0]
    confirmed = frame[frame["date"] == "2025-03"].iloc[0]
    # each row's evidence holds its own date expression and not the other's
    assert "February" in text[sent["start"]:sent["end"]]
    assert "confirmed" not in text[sent["start"]:sent["end"]]
    assert "last week" in text[confirmed["start"]:confirmed["end"]]
    assert sent["event_type"] == "deployment" and confirmed["event_type"] == "report"
    assert frame["event_id"].is_unique


def test_a_reaction_dates_the_act_it_reacts_to(nlp):
    text = "In June, the government condemned the signing of a Ruritania-Freedonia arms agreement."
    frame = events_of(nlp, text, "2025-03-19")
    assert list(frame["date"]) == ["2024-06", "2024-06"]
    assert set(frame["event_type"]) == {"diplomatic", "agreement"}
    assert frame["event_id"].is_unique


def test_several_expressions_on_one_predicate_are_one_event(nlp):
    text = "On Wednesday, 19 March, the ministry voiced threats against its neighbour."
    row = only_row(events_of(nlp, text, "2025-03-19"))
    assert row["date"] == "2025-03-19" and row["precision"] == "day"


def test_a_vaguer_mention_of_the_same_statement_is_dropped(nlp):
    text = ("At a press conference earlier this month, Anna Berg said the policy might change. "
            "“We will not rule anything out,” she said on March 7.")
    row = only_row(events_of(nlp, text, "2025-03-19"))
    assert row["date"] == "2025-03-07"


def test_a_vaguer_mention_of_a_different_kind_stays(nlp):
    text = ("Ivan Petrov visited Ankara on June 4. "
            "During his June trip, Ivan Petrov met the defence minister twice.")
    frame = events_of(nlp, text, "2025-06-19")
    assert sorted(frame["date"]) == ["2025-06", "2025-06-04"]


# ------------------------------------------------------------------ bounded relative dates


def test_later_after_a_dated_event_in_the_publication_month_gets_that_month(nlp):
    text = ("The minister warned on March 8 that the border would close. "
            "The army chief later reported that 500 troops had arrived.")
    frame = events_of(nlp, text, "2025-03-19")
    assert list(frame["date"]) == ["2025-03-08", "2025-03"]
    later = frame.iloc[1]
    assert later["precision"] == "month" and later["date_text"].lower() == "later"
    assert later["event_id"] != frame.iloc[0]["event_id"]


def test_later_across_a_month_boundary_gives_no_row(nlp):
    text = ("The minister warned on February 20 that the border would close. "
            "The army chief later reported that 500 troops had arrived.")
    frame = events_of(nlp, text, "2025-03-19")
    assert list(frame["date"]) == ["2025-02-20"]


def test_later_in_the_future_is_not_dated(nlp):
    text = ("The minister warned on March 8 that the border would close. "
            "The results will be announced later.")
    assert list(events_of(nlp, text, "2025-03-19")["date"]) == ["2025-03-08"]


def test_has_since_counts_as_later(nlp):
    text = ("The minister warned on March 8 that the border would close. "
            "The government has since shared intelligence with its allies.")
    frame = events_of(nlp, text, "2025-03-19")
    assert list(frame["date"]) == ["2025-03-08", "2025-03"]


def test_at_the_time_takes_the_previous_date(nlp):
    text = ("In June, the government condemned the agreement. "
            "At the time, the government hinted that it might reassess its export ban.")
    frame = events_of(nlp, text, "2025-03-19")
    assert list(frame["date"]) == ["2024-06", "2024-06"]
    assert "hinted" in text[frame.iloc[1]["start"]:frame.iloc[1]["end"]]


# ------------------------------------------------------------------ table shape


def test_rows_conform_to_the_schema_and_point_into_the_text(nlp):
    text = ("Ruritania’s foreign minister warned on Sunday that talks were over. "
            "The two countries signed a defence pact in June. "
            "Drones attacked the port on Friday.")
    frame = events_of(nlp, text, "2025-03-24")
    validate(frame, "events")
    assert list(frame.columns[: len(columns("events"))]) == columns("events")
    assert frame["event_id"].is_unique
    for _, row in frame.iterrows():
        evidence = text[row["start"]:row["end"]]
        assert row["date_text"] in evidence or row["date_text"].lower() in ("later", "since")
        assert row["event_id"].startswith("a1:e:")


def test_headline_without_full_stop_is_not_glued_to_the_next_sentence(nlp):
    text = "Cooperation between the two armies\nOn March 4, the Daily Ledger reported that the bridge was shelled."
    row = only_row(events_of(nlp, text, "2025-03-19"))
    evidence = text[row["start"]:row["end"]]
    assert "Cooperation" not in evidence and "reported" in evidence
    assert "Cooperation" not in row["actor"]


# ------------------------------------------------------------------ clusters


def frame_of(rows: list[dict]) -> pd.DataFrame:
    base = {"date_text": "", "precision": "day", "actor_raw": "", "actor_country": "",
            "event_type": "warning", "event_cluster": "", "cluster_size": 1, "end": 10}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_same_actor_date_and_summary_across_articles_is_one_cluster():
    events = frame_of([
        {"event_id": "b:e:5", "article_id": "b", "start": 5, "date": "2025-03-23",
         "actor": "Ivan Petrov", "summary": "Ivan Petrov warns Berlin against new sanctions"},
        {"event_id": "a:e:40", "article_id": "a", "start": 40, "date": "2025-03-23",
         "actor": "Ivan Petrov", "summary": "Ivan Petrov warns Germany against sanctions"},
        {"event_id": "a:e:90", "article_id": "a", "start": 90, "date": "2025-03-23",
         "actor": "Anna Berg", "summary": "Anna Berg warns Berlin against new sanctions"},
    ])
    out = cluster_events(events)
    petrov = out[out["actor"] == "Ivan Petrov"]
    assert petrov["event_cluster"].nunique() == 1
    assert list(petrov["cluster_size"]) == [2, 2]
    # the id comes from the earliest member (by date, then article and offset): a:e:40
    assert petrov["event_cluster"].iloc[0] == "ec-" + hashlib.sha1(b"a:e:40").hexdigest()[:10]
    berg = out[out["actor"] == "Anna Berg"].iloc[0]
    assert berg["event_cluster"] != petrov["event_cluster"].iloc[0] and berg["cluster_size"] == 1


def test_a_month_row_joins_a_day_row_of_that_month_but_not_another_month():
    events = frame_of([
        {"event_id": "a:e:1", "article_id": "a", "start": 1, "date": "2025-03-23", "actor": "Ivan Petrov",
         "summary": "Ivan Petrov warns Berlin against sanctions"},
        {"event_id": "b:e:1", "article_id": "b", "start": 1, "date": "2025-03", "precision": "month",
         "actor": "Ivan Petrov", "summary": "Ivan Petrov warns Berlin against sanctions"},
        {"event_id": "c:e:1", "article_id": "c", "start": 1, "date": "2025-02", "precision": "month",
         "actor": "Ivan Petrov", "summary": "Ivan Petrov warns Berlin against sanctions"},
    ])
    out = cluster_events(events).set_index("event_id")
    assert out.loc["a:e:1", "event_cluster"] == out.loc["b:e:1", "event_cluster"]
    assert out.loc["c:e:1", "event_cluster"] != out.loc["a:e:1", "event_cluster"]
    assert out.loc["c:e:1", "cluster_size"] == 1


def test_repeats_inside_one_article_count_once():
    events = frame_of([
        {"event_id": "a:e:1", "article_id": "a", "start": 1, "date": "2024-06", "actor": "Ruritania and Freedonia",
         "event_type": "agreement", "summary": "Ruritania and Freedonia sign a defence pact"},
        {"event_id": "a:e:99", "article_id": "a", "start": 99, "date": "2024-06", "actor": "Ruritania and Freedonia",
         "event_type": "agreement", "summary": "Ruritania and Freedonia ink a defence agreement"},
    ])
    out = cluster_events(events)
    assert out["event_cluster"].nunique() == 1
    assert list(out["cluster_size"]) == [1, 1]


def test_cluster_ids_do_not_depend_on_row_order():
    events = frame_of([
        {"event_id": f"{a}:e:{s}", "article_id": a, "start": s, "date": "2025-03-23", "actor": "Ivan Petrov",
         "summary": "Ivan Petrov warns Berlin"} for a, s in (("a", 3), ("b", 7), ("c", 1))
    ])
    forward = cluster_events(events).set_index("event_id")["event_cluster"]
    backward = cluster_events(events.iloc[::-1]).set_index("event_id")["event_cluster"]
    assert forward.sort_index().equals(backward.sort_index())


def test_rows_without_an_actor_are_never_merged():
    events = frame_of([
        {"event_id": "a:e:1", "article_id": "a", "start": 1, "date": "2022-02", "actor": "",
         "summary": "The war begins"},
        {"event_id": "b:e:1", "article_id": "b", "start": 1, "date": "2022-02", "actor": "",
         "summary": "The war begins"},
    ])
    assert cluster_events(events)["event_cluster"].nunique() == 2


def test_clustering_an_empty_table_keeps_its_columns():
    from sitrep.schema import empty_frame

    out = cluster_events(empty_frame("events"))
    assert out.empty and list(out.columns) == columns("events")


# ------------------------------------------------------------------ an inferred publication window


def test_relative_days_need_every_candidate_publication_day_to_agree(nlp):
    text = (
        "The ministry condemned the launch on Tuesday. "
        "The envoy met the prime minister in Ankara on October 17. "
        "Officials held talks in Brussels last week."
    )

    def dated(window):
        article = Article(article_id="w1", text=text, published=dt.date(2024, 10, 22),
                          published_window=window)
        doc = nlp(text)
        frame = extract_events(doc, article, ArticleContext(doc, article, NameBook()))
        return dict(zip(frame["date_text"], frame["date"]))

    # Published any day from Tuesday 22 to Wednesday 23 October: every reading agrees.
    narrow = dated((dt.date(2024, 10, 22), dt.date(2024, 10, 23)))
    assert narrow.get("on Tuesday") == "2024-10-22"
    assert narrow.get("last week") == "2024-10"
    # Any day over four weeks: "Tuesday" and "last week" could be several days; the written
    # date still stands.
    wide = dated((dt.date(2024, 10, 16), dt.date(2024, 11, 13)))
    assert "on Tuesday" not in wide and "last week" not in wide
    assert wide.get("on October 17") == "2024-10-17"


def test_the_two_countries_names_the_pair_mentioned_just_before(nlp):
    text = ("Leaders of France and Germany met in Paris on Monday. "
            "The two countries signed a defence pact on Tuesday.")
    frame = events_of(nlp, text, "2025-03-26")
    pact = frame[frame["date_text"] == "on Tuesday"].iloc[0]
    assert pact["actor"] == "France and Germany" and pact["actor_raw"] == "the two countries"


def test_a_broadcast_caption_with_a_date_is_a_statement_on_that_date(nlp):
    text = (
        "Ruritania's president met Norland's foreign minister during her visit.\n"
        "[Ivan Petrov/Ruritanian President/Nov. 4: \"Today is a holiday in our country.\"]\n"
        "[Anna Berg/Member of the Norland Labour Party: \"She extended her stay by a day.\"]"
    )
    events = events_of(nlp, text, "2024-11-20")
    assert events[["date", "actor", "event_type"]].values.tolist() == [
        ["2024-11-04", "Ivan Petrov", "statement"]
    ]
    row = events.iloc[0]
    assert text[row.start:row.end] == "Ivan Petrov/Ruritanian President/Nov. 4"


@pytest.mark.parametrize(
    "second",
    [
        "Lind echoed these concerns in an interview with Radio Norland on the same day.",
        "Lind spoke to reporters that same day.",
        "The same day, Lind met the ambassador.",
    ],
)
def test_the_same_day_is_the_day_of_the_event_before(nlp, second):
    text = f"On Sunday, Ruritanian minister Ivo Marek issued a stern warning to Norland.\n{second}"
    frame = events_of(nlp, text, published="2025-03-19")
    assert list(frame["date"]) == ["2025-03-16", "2025-03-16"]
    assert frame.iloc[1]["actor"] == "Lind"


def test_a_day_that_a_phrase_defines_is_not_the_day_before(nlp):
    text = ("On Sunday, Ruritanian minister Ivo Marek issued a stern warning to Norland.\n"
            "Lind met the ambassador on the day of the vote.")
    assert list(events_of(nlp, text, published="2025-03-19")["date"]) == ["2025-03-16"]


@pytest.mark.parametrize(
    "dateline",
    ["OSLO, March 18. /NTB/. ", "OSLO, March 18 (NTB) - "],
)
def test_a_dateline_dates_the_lead_statement_that_has_no_date_of_its_own(nlp, dateline):
    text = (f"{dateline}Norland will not send arms abroad, stated Foreign Ministry spokesman Arvo "
            "Lind at a briefing.\nThe ministry has said so before.")
    row = only_row(events_of(nlp, text, published="2025-03-19"))
    assert (row["date"], row["precision"], row["actor"]) == ("2025-03-18", "day", "Arvo Lind")
    assert row["event_type"] == "statement"


def test_a_dateline_does_not_date_a_lead_the_story_dates_later(nlp):
    text = ("OSLO, March 18 (NTB) - Norland will not send arms abroad, its army said.\n"
            "The Norland army said on Sunday that no unit would leave.")
    assert list(events_of(nlp, text, published="2025-03-19")["date"]) == ["2025-03-16"]


def test_a_dateline_does_not_date_a_lead_with_its_own_date(nlp):
    text = "OSLO, March 18 (NTB) - Norland will not send arms abroad, the army said on Sunday."
    assert list(events_of(nlp, text, published="2025-03-19")["date"]) == ["2025-03-16"]


def test_a_dateline_does_not_date_a_lead_whose_speaker_the_story_dates_by_another_name(nlp):
    text = ("OSLO, March 18 (NTB) - Norland will not send arms abroad, Defence Minister Arvo Lind said.\n"
            "Lind made the remarks on Sunday during a visit to the border.")
    assert list(events_of(nlp, text, published="2025-03-19")["date"]) == ["2025-03-16"]


@pytest.mark.parametrize(
    ("second", "date"),
    [
        ("Lind's remarks came hours after Defence Minister Ivo Marek told reporters of the clashes.",
         "2025-03"),
        ("Marek arrived hours earlier and visited a memorial.", "2025-03"),
    ],
)
def test_hours_from_a_dated_event_give_its_month(nlp, second, date):
    text = f"Norland's leader Arvo Lind said on Tuesday that the talks had failed.\n{second}"
    frame = events_of(nlp, text, published="2025-03-19")
    assert list(frame["date"]) == ["2025-03-18", date]
    assert list(frame["precision"]) == ["day", "month"]


def test_hours_from_the_first_of_a_month_give_no_month(nlp):
    text = ("Norland's leader Arvo Lind said on March 1 that the talks had failed.\n"
            "Marek arrived hours earlier and visited a memorial.")
    assert list(events_of(nlp, text, published="2025-03-19")["date"]) == ["2025-03-01"]


def test_hours_earlier_counts_from_the_last_dated_day_however_far_back(nlp):
    text = ("Norland's leader Arvo Lind said on Tuesday that the talks had failed.\n"
            "He spoke at length.\nHe was tired.\nMarek arrived hours earlier and visited a memorial.")
    assert list(events_of(nlp, text, published="2025-03-19")["date"]) == ["2025-03-18", "2025-03"]
