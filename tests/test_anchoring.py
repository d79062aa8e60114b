"""Placing an article's weekdays in one week by a happening another article dates."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sitrep.anchoring import content_words, figures_in, plain_weekday_readings, sentence_around, week_anchors

D = dt.date


def events(*rows: tuple[str, str, str, str, str]) -> pd.DataFrame:
    """(article_id, date_text, date, actor, summary) rows at day precision."""
    return pd.DataFrame(
        [
            {"article_id": a, "date_text": text, "date": day, "precision": "day", "actor": actor, "summary": summary}
            for a, text, day, actor, summary in rows
        ]
    )


# b dates the speech: Monday 28 October. a, guessed to be out on 13 November, read "on Monday"
# as 11 November; its window runs from 20 October to 30 November.
DATED = events(("b", "on October 28", "2024-10-28", "Arvo Lind", "Arvo Lind says Norlandic troops are deployed at the border"))
WINDOW = {"a": (D(2024, 10, 20), D(2024, 11, 30))}


def test_a_weekday_takes_the_week_another_article_dates_the_same_happening_in():
    readings = {"a": events(("a", "on Monday", "2024-11-11", "Arvo Lind", "Arvo Lind confirms Norlandic troops were deployed"))}
    anchor = week_anchors(readings, DATED, WINDOW)["a"]
    assert anchor.day == D(2024, 10, 28) and anchor.weeks == -2
    # published on that Monday or within the six days after it
    assert anchor.window == (D(2024, 10, 28), D(2024, 11, 3))
    assert anchor.other_article == "b"


def test_the_same_actor_saying_something_else_places_nothing():
    readings = {"a": events(("a", "on Monday", "2024-11-11", "Arvo Lind", "Arvo Lind calls for talks on fishing quotas"))}
    assert week_anchors(readings, DATED, WINDOW) == {}


def test_another_actor_saying_the_same_places_nothing():
    readings = {"a": events(("a", "on Monday", "2024-11-11", "Ivo Tamm", "Ivo Tamm says Norlandic troops are deployed"))}
    assert week_anchors(readings, DATED, WINDOW) == {}


def test_readings_that_point_to_two_weeks_place_nothing():
    dated = pd.concat([DATED, events(
        ("c", "on November 6", "2024-11-06", "Ivo Tamm", "Ivo Tamm announces new sanctions on Ruritanian banks"))])
    readings = {"a": events(
        ("a", "on Monday", "2024-11-11", "Arvo Lind", "Arvo Lind confirms Norlandic troops were deployed"),
        ("a", "on Wednesday", "2024-11-13", "Ivo Tamm", "Ivo Tamm announces sanctions on Ruritanian banks"),
    )}
    assert week_anchors(readings, dated, WINDOW) == {}


def test_a_week_outside_the_window_is_not_taken():
    readings = {"a": events(("a", "on Monday", "2024-11-11", "Arvo Lind", "Arvo Lind confirms Norlandic troops were deployed"))}
    assert week_anchors(readings, DATED, {"a": (D(2024, 11, 4), D(2024, 11, 30))}) == {}


def test_an_article_its_own_event_does_not_place():
    readings = {"b": events(("b", "on Monday", "2024-11-11", "Arvo Lind", "Arvo Lind says Norlandic troops are deployed at the border"))}
    assert week_anchors(readings, DATED, {"b": WINDOW["a"]}) == {}


def test_only_plain_weekdays_are_read():
    rows = events(
        ("a", "on Monday", "2024-11-11", "Arvo Lind", "x"),
        ("a", "Tuesday night", "2024-11-12", "Arvo Lind", "x"),
        ("a", "last Monday", "2024-11-04", "Arvo Lind", "x"),
        ("a", "on November 5", "2024-11-05", "Arvo Lind", "x"),
        ("a", "on Friday", "2024-11-08", "", "x"),
    )
    assert plain_weekday_readings(rows)["date_text"].tolist() == ["on Monday", "Tuesday night"]


def test_content_words_leave_out_the_actor_and_speech_verbs():
    assert content_words("Arvo Lind says Norlandic troops are deployed", "Arvo Lind") == {"norla", "troop", "deplo"}


def located(*rows: tuple[str, str, str, str, str, int, int]) -> pd.DataFrame:
    """Events as ``events`` makes them, with the span each was read from."""
    frame = events(*(row[:5] for row in rows))
    return frame.assign(start=[row[5] for row in rows], end=[row[6] for row in rows])


# a terse summary ("Arvo Lind says") shares no word; the figure its sentence gives places it
TEXTS = {
    "a": "Arvo Lind said on Monday that 4,500 Norlandic soldiers had reached the border. Talks were off.",
    "b": "Border news. On October 28 Arvo Lind said so, adding that 4500 soldiers had crossed in 2024.",
    "c": "Arvo Lind said on November 4 that Norlandic soldiers had reached the border in force.",
}


def test_a_figure_both_sentences_give_places_a_terse_summary():
    readings = {"a": located(("a", "on Monday", "2024-11-11", "Arvo Lind", "Arvo Lind says", 0, 24))}
    dated = located(("b", "On October 28", "2024-10-28", "Arvo Lind", "Arvo Lind says", 13, 41))
    assert week_anchors(readings, dated, WINDOW) == {}  # without the texts nothing is shared
    anchor = week_anchors(readings, dated, WINDOW, TEXTS)["a"]
    assert anchor.day == D(2024, 10, 28) and anchor.other_article == "b"


def test_a_shared_figure_outweighs_shared_words_of_another_week():
    summary = "Arvo Lind says Norlandic soldiers reached the border"
    readings = {"a": located(("a", "on Monday", "2024-11-11", "Arvo Lind", summary, 0, 24))}
    dated = located(
        ("b", "On October 28", "2024-10-28", "Arvo Lind", "Arvo Lind says", 13, 41),
        ("c", "on November 4", "2024-11-04", "Arvo Lind", summary, 0, 30),
    )
    # by words alone, 4 November; the figure says 28 October
    assert week_anchors(readings, dated, WINDOW)["a"].day == D(2024, 11, 4)
    assert week_anchors(readings, dated, WINDOW, TEXTS)["a"].day == D(2024, 10, 28)


def test_two_weeks_with_the_same_figure_place_nothing():
    texts = {**TEXTS, "c": "Arvo Lind said on November 4 that 4,500 soldiers had reached the border."}
    readings = {"a": located(("a", "on Monday", "2024-11-11", "Arvo Lind", "Arvo Lind says", 0, 24))}
    dated = located(
        ("b", "On October 28", "2024-10-28", "Arvo Lind", "Arvo Lind says", 13, 41),
        ("c", "on November 4", "2024-11-04", "Arvo Lind", "Arvo Lind says", 0, 30),
    )
    assert week_anchors(readings, dated, WINDOW, texts) == {}


def test_the_sentence_around_a_span_stops_at_sentence_ends():
    text = TEXTS["b"]
    assert sentence_around(text, 13, 41) == "On October 28 Arvo Lind said so, adding that 4500 soldiers had crossed in 2024."
    assert sentence_around("One line\nArvo Lind said \"Go.\" Then he left.", 9, 20) == 'Arvo Lind said "Go."'


def test_figures_leave_out_years_and_small_counts():
    assert figures_in("In 2024, 12,000 troops, 3 brigades and 1.5 million shells; 2500 more") == {12000.0, 2500.0}
    assert figures_in("about 8,000 of them, up from 8000") == {8000.0}
