"""Placing an article's weekdays in one week by a happening another article dates."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sitrep.anchoring import content_words, plain_weekday_readings, week_anchors

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
