"""Dating an article by a happening it shares with other articles of the folder.

A story that names only weekdays ("Lind said on Monday") cannot say which week it was written in.
In a folder of one developing story, publication inference then leaves it a window of weeks, and
its relative dates stay off the timeline. Another article that dates the same happening (the same
actor, saying or doing the same thing, on a day with that weekday) tells which Monday it was.

This module votes on that week. Each plain weekday event of a wide-window article, read as if the
article came out on its best-guess day, is tried one week at a time across the window. A week is
supported when another article has a dated event of the same actor on that day whose summary
shares at least two content words with this one. An article whose readings support exactly one
week gets the publication window that reading implies; any disagreement leaves it as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

# A weekday named on its own ("on Monday", "Tuesday night"), which news style uses for the last
# few days before publication: the article came out on that day or within six days after it.
PLAIN_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
# Windows longer than a week leave a weekday ambiguous; shorter ones already resolve it.
WEEK = dt.timedelta(days=7)
MIN_SHARED_WORDS = 2
# Words every summary of a speech or claim carries; sharing them says nothing.
GENERIC_WORDS = frozenset(
    """says said tells told confirms confirmed adds added states stated warns warned calls called
    makes made claims claimed reports reported announces announced that this with from their there
    would have been were will which about after against""".split()
)
# A number as news writes a figure: "8,000", "12000", "1.5"; years and small counts are left out
# below, since every article of a story repeats them.
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")
MIN_FIGURE = 100
_YEARS = range(1900, 2100)
# Where a sentence ends inside a paragraph: after . ! or ? (and a closing quote), before a capital
# or an opening quote.
_SENTENCE_END = re.compile(r"([.!?][\"”’']?)\s+(?=[\"“‘']?[A-Z])")


@dataclass(frozen=True)
class Anchor:
    """A publication window read off a happening another article dates."""

    window: tuple[dt.date, dt.date]
    day: dt.date  # the day the weekday names
    weeks: int  # how many weeks from the best-guess reading
    summary: str  # this article's event
    other_article: str  # the article that dates it
    other_summary: str


def content_words(summary: str, actor: str) -> set[str]:
    """A summary's content words cut to five letters, without the actor's own name."""
    own = {w[:5] for w in re.findall(r"[a-z]+", actor.lower())}
    words = {w[:5] for w in re.findall(r"[a-z]+", summary.lower()) if len(w) > 3 and w not in GENERIC_WORDS}
    return words - own


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds the span ``start:end`` (widened to whole sentences)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    for stop in _SENTENCE_END.finditer(text, first, last):
        if stop.end() <= start:
            first = stop.end()
        elif stop.start() >= end:
            last = stop.end(1)
            break
    return text[first:last]


def figures_in(sentence: str) -> set[float]:
    """The figures a sentence gives (100 or more, years left out): '8,000 troops' -> {8000.0}."""
    values = {float(m.group().replace(",", "")) for m in _NUMBER.finditer(sentence)}
    return {v for v in values if v >= MIN_FIGURE and not (v.is_integer() and int(v) in _YEARS)}


def plain_weekday_readings(events: pd.DataFrame) -> pd.DataFrame:
    """The rows of an events table dated by a plain weekday, to a day, with an actor."""
    if events.empty:
        return events
    keep = (
        events["date_text"].str.strip().str.match(PLAIN_WEEKDAY)
        & (events["precision"] == "day")
        & (events["actor"] != "")
    )
    return events[keep]


def _figures_of(event, texts: Mapping[str, str]) -> set[float]:
    """The figures of the sentence an event row was read from (none without its article text)."""
    text = texts.get(event.article_id)
    return figures_in(sentence_around(text, event.start, event.end)) if text else set()


def _supported_weeks(
    reading, others: pd.DataFrame, window: tuple[dt.date, dt.date], texts: Mapping[str, str]
) -> tuple[dict[int, object], dict[int, object]]:
    """Week shifts of one weekday reading that another article's dated event supports: those by a
    shared figure, and those by shared summary words."""
    first, last = window
    read_day = dt.date.fromisoformat(reading.date)
    words = content_words(reading.summary, reading.actor)
    figures = _figures_of(reading, texts)
    same_actor = others[others["actor"] == reading.actor]
    by_figure: dict[int, object] = {}
    by_words: dict[int, object] = {}
    shift = (first - read_day).days // 7 - 1
    while read_day + shift * WEEK <= last:
        day = read_day + shift * WEEK
        if day + WEEK > first:  # published that day or within six days after it
            for other in same_actor[same_actor["date"] == day.isoformat()].itertuples():
                if figures & _figures_of(other, texts):
                    by_figure.setdefault(shift, other)
                if len(words & content_words(other.summary, other.actor)) >= MIN_SHARED_WORDS:
                    by_words.setdefault(shift, other)
        shift += 1
    return by_figure, by_words


def week_anchors(
    readings: dict[str, pd.DataFrame],
    events: pd.DataFrame,
    windows: dict[str, tuple[dt.date, dt.date]],
    texts: Mapping[str, str] | None = None,
) -> dict[str, Anchor]:
    """For each article with weekday ``readings`` (its events read against its best-guess day)
    and a publication window in ``windows``, the narrower window that the one week supported by
    other articles' dated ``events`` implies; articles with no support or conflicting support are
    left out. With the article ``texts`` (by id), a figure shared by the two sentences is
    weighed before shared summary words."""
    dated = events[(events["precision"] == "day") & (events["actor"] != "")]
    anchors: dict[str, Anchor] = {}
    for article_id, rows in readings.items():
        window = windows.get(article_id)
        if window is None:
            continue
        others = dated[dated["article_id"] != article_id]
        by_figure: dict[int, tuple[object, object]] = {}
        by_words: dict[int, tuple[object, object]] = {}
        for reading in plain_weekday_readings(rows).itertuples():
            figure_weeks, word_weeks = _supported_weeks(reading, others, window, texts or {})
            for shift, other in figure_weeks.items():
                by_figure.setdefault(shift, (reading, other))
            for shift, other in word_weeks.items():
                by_words.setdefault(shift, (reading, other))
        support = by_figure or by_words
        if len(support) != 1:
            continue
        shift, (reading, other) = next(iter(support.items()))
        day = dt.date.fromisoformat(reading.date) + shift * WEEK
        first, last = max(window[0], day), min(window[1], day + WEEK - dt.timedelta(days=1))
        if first <= last:
            anchors[article_id] = Anchor((first, last), day, shift, reading.summary, other.article_id,
                                         other.summary)
    return anchors
