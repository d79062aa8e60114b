"""Date expressions: finding them in text and resolving them against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.dates import (
    DateMention,
    ResolvedDate,
    dateline_end,
    find_date_mentions,
    resolve_date,
    resolve_mention,
)

TUESDAY_22_OCT = dt.date(2024, 10, 22)
MONDAY_25_NOV = dt.date(2024, 11, 25)
THURSDAY_31_OCT = dt.date(2024, 10, 31)
MONDAY_2_DEC = dt.date(2024, 12, 2)
WEDNESDAY_8_JAN = dt.date(2025, 1, 8)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # absolute days, with and without year
        ("October 17", TUESDAY_22_OCT, ("2024-10-17", "day")),
        ("23 October", TUESDAY_22_OCT, ("2024-10-23", "day")),
        ("on November 7", MONDAY_25_NOV, ("2024-11-07", "day")),
        ("On October 4", TUESDAY_22_OCT, ("2024-10-04", "day")),
        ("On Wednesday, 23 October", TUESDAY_22_OCT, ("2024-10-23", "day")),
        ("Oct. 17", TUESDAY_22_OCT, ("2024-10-17", "day")),
        ("the 3rd of March", TUESDAY_22_OCT, ("2024-03-03", "day")),
        ("October 17, 2023", TUESDAY_22_OCT, ("2023-10-17", "day")),
        ("24 February 2022", None, ("2022-02-24", "day")),
        ("2024-10-22", None, ("2024-10-22", "day")),
        ("25.11.2024", None, ("2024-11-25", "day")),
        ("The twenty-eighth of November", MONDAY_2_DEC, ("2024-11-28", "day")),
        ("the first of March 2023", None, ("2023-03-01", "day")),
        # a month named with a year relative to publication
        ("in August last year", TUESDAY_22_OCT, ("2023-08", "month")),
        ("in December of last year", TUESDAY_22_OCT, ("2023-12", "month")),
        ("in March this year", TUESDAY_22_OCT, ("2024-03", "month")),
        ("Wednesday, October 23, 2024", None, ("2024-10-23", "day")),
        ("Feb 30", TUESDAY_22_OCT, None),  # no such day
        ("May 9", TUESDAY_22_OCT, ("2024-05-09", "day")),
        ("9 May", TUESDAY_22_OCT, ("2024-05-09", "day")),
        # a yearless day is in P's year, past or upcoming, unless the other year is much nearer
        ("December 20", TUESDAY_22_OCT, ("2024-12-20", "day")),
        ("November 5", TUESDAY_22_OCT, ("2024-11-05", "day")),
        ("December 28", WEDNESDAY_8_JAN, ("2024-12-28", "day")),
        ("January 3", dt.date(2024, 12, 20), ("2025-01-03", "day")),
        ("November 5", dt.date(2025, 3, 1), ("2024-11-05", "day")),
        # months
        ("June", TUESDAY_22_OCT, ("2024-06", "month")),
        ("in October", TUESDAY_22_OCT, ("2024-10", "month")),
        ("in November", TUESDAY_22_OCT, ("2023-11", "month")),
        ("February 2022", TUESDAY_22_OCT, ("2022-02", "month")),
        ("since August 2023", None, ("2023-08", "month")),
        ("in May", TUESDAY_22_OCT, ("2024-05", "month")),
        ("May 2024", None, ("2024-05", "month")),
        ("early March", TUESDAY_22_OCT, ("2024-03", "month")),
        ("mid-October", TUESDAY_22_OCT, ("2024-10", "month")),
        # weekdays: most recent on or before publication
        ("on Tuesday", TUESDAY_22_OCT, ("2024-10-22", "day")),
        ("Tuesday", TUESDAY_22_OCT, ("2024-10-22", "day")),
        ("In a statement Tuesday", TUESDAY_22_OCT, ("2024-10-22", "day")),
        ("on Sunday", MONDAY_25_NOV, ("2024-11-24", "day")),
        ("On Friday", TUESDAY_22_OCT, ("2024-10-18", "day")),
        ("Wednesday", TUESDAY_22_OCT, ("2024-10-16", "day")),
        ("last Tuesday", TUESDAY_22_OCT, ("2024-10-15", "day")),
        # "last <day>" is that day of the week before: on a Wednesday, "on Tuesday" is yesterday
        ("last Tuesday", dt.date(2024, 10, 23), ("2024-10-15", "day")),
        ("last Monday", TUESDAY_22_OCT, ("2024-10-14", "day")),
        ("last Sunday", TUESDAY_22_OCT, ("2024-10-20", "day")),
        ("this past Monday", TUESDAY_22_OCT, ("2024-10-21", "day")),
        ("next Friday", TUESDAY_22_OCT, ("2024-10-25", "day")),
        ("Monday night", TUESDAY_22_OCT, ("2024-10-21", "day")),
        # relative days
        ("yesterday", TUESDAY_22_OCT, ("2024-10-21", "day")),
        ("today", TUESDAY_22_OCT, ("2024-10-22", "day")),
        ("three days ago", TUESDAY_22_OCT, ("2024-10-19", "day")),
        ("two weeks ago", TUESDAY_22_OCT, ("2024-10", "month")),
        ("the past week", TUESDAY_22_OCT, ("2024-10", "month")),
        ("last night", TUESDAY_22_OCT, ("2024-10-21", "day")),
        # spans: the month when inside one month, else nothing
        ("last week", TUESDAY_22_OCT, ("2024-10", "month")),
        ("last week", MONDAY_25_NOV, ("2024-11", "month")),
        ("last week", dt.date(2024, 12, 11), ("2024-12", "month")),
        ("last week", MONDAY_2_DEC, None),  # 25 November - 1 December
        ("last week", dt.date(2024, 10, 2), ("2024-09", "month")),  # 23-29 September
        ("last week", dt.date(2024, 10, 9), None),  # 30 September - 6 October
        ("over the weekend", MONDAY_25_NOV, ("2024-11", "month")),
        ("in weekend fighting", MONDAY_25_NOV, ("2024-11", "month")),
        ("during the weekend's talks", MONDAY_25_NOV, ("2024-11", "month")),
        ("Over the weekend", TUESDAY_22_OCT, ("2024-10", "month")),
        ("over the weekend", MONDAY_2_DEC, None),  # Sat 30 November - Sun 1 December
        ("over the weekend", dt.date(2024, 11, 24), ("2024-11", "month")),  # Sat 23 - Sun 24
        ("over the weekend", dt.date(2024, 9, 2), None),  # Sat 31 Aug - Sun 1 Sep
        ("this week", THURSDAY_31_OCT, None),  # 28 Oct - 3 Nov straddles two months
        ("earlier this week", THURSDAY_31_OCT, ("2024-10", "month")),  # 28 - 31 Oct
        ("later this week", THURSDAY_31_OCT, None),  # 31 Oct - 3 Nov
        # months relative to publication
        ("earlier this month", MONDAY_25_NOV, ("2024-11", "month")),
        ("this month", TUESDAY_22_OCT, ("2024-10", "month")),
        ("later this month", TUESDAY_22_OCT, ("2024-10", "month")),
        ("last month", TUESDAY_22_OCT, ("2024-09", "month")),
        ("last month", WEDNESDAY_8_JAN, ("2024-12", "month")),
        ("next month", MONDAY_2_DEC, ("2025-01", "month")),
        # unknowable: nothing rather than a wrong date
        ("in 2022", TUESDAY_22_OCT, None),
        ("mid-2023", TUESDAY_22_OCT, None),
        ("Since Russia's 2022 invasion", TUESDAY_22_OCT, None),
        ("last year", TUESDAY_22_OCT, None),
        ("the previous week", TUESDAY_22_OCT, None),  # relative to another event, not to P
        ("the following month", TUESDAY_22_OCT, None),
        ("earlier this year", TUESDAY_22_OCT, None),
        ("recently", TUESDAY_22_OCT, None),
        ("a recent meeting", TUESDAY_22_OCT, None),
        ("in recent years", TUESDAY_22_OCT, None),
        ("in the last month", TUESDAY_22_OCT, None),  # a duration, not September
        ("on Sunday", None, None),
        ("last week", None, None),
        ("June", None, None),
        ("October 17", None, None),
        ("no date here", TUESDAY_22_OCT, None),
    ],
)
def test_resolve_date(expression, published, expected):
    resolved = resolve_date(expression, published)
    if expected is None:
        assert resolved is None
    else:
        assert resolved == ResolvedDate(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Wednesday, 23 October, the ministry spoke.",
            [("On Wednesday, 23 October", "absolute_day")],
        ),
        ("At an October 17 press conference", [("October 17", "absolute_day")]),
        ("he said on November 7.", [("on November 7", "absolute_day")]),
        ("since the conflict began in February 2022.", [("in February 2022", "absolute_month")]),
        ("shipped since August 2023 to support", [("since August 2023", "absolute_month")]),
        ("In June, the two countries signed", [("In June", "absolute_month")]),
        ("Since Russia’s 2022 invasion of Ukraine", [("2022", "year")]),
        ("began in mid-2023 with", [("in mid-2023", "year")]),
        ("In a statement Tuesday, officials", [("Tuesday", "weekday")]),
        ("issued the warning on Sunday, stating", [("on Sunday", "weekday")]),
        ("Over the weekend, media claimed", [("Over the weekend", "relative")]),
        ("Lind warned last week that", [("last week", "relative")]),
        ("At a press conference earlier this month, Tamm", [("earlier this month", "relative")]),
        ("the agency said yesterday", [("yesterday", "relative")]),
        ("Tamm recently hinted", [("recently", "vague")]),
        ("cooperation in recent years.", [("in recent years", "vague")]),
        ("300 tanks destroyed in the last month", [("in the last month", "vague")]),
        ("\"The twenty-eighth of November also saw", [("The twenty-eighth of November", "absolute_day")]),
        ("fired over the last 18 months.", [("over the last 18 months", "vague")]),
        ("Victory Day on May 9 and", [("on May 9", "absolute_day")]),
        ("the vote in May 2024", [("in May 2024", "absolute_month")]),
        ("Tamm said Monday Norland", [("Monday", "weekday")]),
        ("Sunday Lind spoke", [("Sunday", "weekday")]),
        ("Posted 2024-10-22 by staff", [("2024-10-22", "absolute_day")]),
        ("between June and August", [("June", "absolute_month"), ("August", "absolute_month")]),
        ("by the end of October", [("by the end of October", "absolute_month")]),
        ("Tuesday’s statement", [("Tuesday", "weekday")]),
        ("the agency stated today (10.30) that", [("today", "relative"), ("(10.30)", "absolute_day")]),
        # a weekday with its date in brackets, as some broadcasters write it
        ("Lind on Tuesday (Dec 17) claimed", [("on Tuesday (Dec 17)", "absolute_day")]),
        ("on Monday (4 November) Tamm said", [("on Monday (4 November)", "absolute_day")]),
        ("on Friday (the day after) Tamm", [("on Friday", "weekday")]),
        # a day of the month with no month, as some Asian wires write it
        ("the agency reported on the 13th that", [("on the 13th", "relative")]),
        ("On the 25th, there was a clash", [("On the 25th", "relative")]),
        ("The ceremony took place on the 9th to 11th.", [("on the 9th to 11th", "relative")]),
    ],
)
def test_find_date_mentions(text, expected):
    mentions = find_date_mentions(text)
    assert [(mention.text, mention.kind) for mention in mentions] == expected
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "Norland may deploy troops to Ruritania.",  # modal verb
        "May we ask whether the troops may stay?",  # sentence-initial modal
        "Thousands march through Oslo as troops march north.",  # verb
        "March on, the commander said.",  # verb, capitalised
        "We will not remain idle, said Wed Lind.",  # "We", "Wed" are not Wednesday
        "Wedding guests and weekday markets",  # weekday names inside words
        "The Sun reported the story first.",  # a newspaper, not Sunday
        "according to the Sunday Times and the Good Friday Agreement",  # names
        "1,500 special forces and 11,000 troops",  # counts
        "Norland produces 155mm shells and 170mm howitzers.",  # calibres
        "the Hwasong-19 missile and Su-30 jets",  # model names
        "around 2000 troops were seen",  # a count after a quantity cue
        "June Smith and April Ryan reported.",  # names
        "an august institution",  # adjective
        "5 Marines and the Novak 5 team made a Decision 5",  # abbreviations inside words
        "Pfizer's Covid-2019 data, the 1990s, and Resolution A-2024",  # not years
        "The ratio (10.30) rose and the index (3.5) fell.",  # numbers in brackets
        "the 80th anniversary and attacks on the 47th Brigade",  # ordinals that are not days
    ],
)
def test_find_date_mentions_ignores_lookalikes(text):
    assert find_date_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("reported on the 13th that", dt.date(2025, 12, 13), ("2025-12-13", "day")),
        ("reported on the 13th that", dt.date(2025, 12, 12), ("2025-11-13", "day")),  # last month's
        ("took place on the 9th to 11th.", dt.date(2025, 12, 13), ("2025-12", "month")),
        ("said on the 31st.", dt.date(2025, 12, 13), None),  # November has no 31st
    ],
)
def test_a_day_of_the_month_is_the_latest_such_day_by_publication(text, published, expected):
    (mention,) = find_date_mentions(text)
    resolved = resolve_mention(mention, published)
    if expected is None:
        assert resolved is None
    else:
        assert (resolved.date, resolved.precision) == expected


def test_mentions_are_ordered_non_overlapping_and_exact():
    text = (
        "Petrov spoke on Sunday. At a press conference earlier this month, Tamm said on "
        "November 7 that 1,500 troops had arrived since August 2023. Over the weekend, media "
        "claimed 500 were killed; Lind warned last week."
    )
    mentions = find_date_mentions(text)
    assert [mention.text for mention in mentions] == [
        "on Sunday", "earlier this month", "on November 7", "since August 2023",
        "Over the weekend", "last week",
    ]
    for previous, following in zip(mentions, mentions[1:]):
        assert previous.end <= following.start
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_resolve_mention_uses_the_mention_text():
    text = "The statement came on Sunday, after talks in June."
    sunday, june = find_date_mentions(text)
    assert resolve_mention(sunday, MONDAY_25_NOV) == ResolvedDate("2024-11-24", "day")
    assert resolve_mention(june, MONDAY_25_NOV) == ResolvedDate("2024-06", "month")
    assert resolve_mention(DateMention(0, 4, "2022", "year"), MONDAY_25_NOV) is None


# ------------------------------------------------------------------ a window of publication days

from sitrep.dates import parse_expression, resolve_mention_within, resolve_parsed_within  # noqa: E402


@pytest.mark.parametrize(
    ("expression", "earliest", "latest", "expected"),
    [
        # every day of the window gives the same Sunday
        ("on Sunday", "2024-11-24", "2024-11-25", ("2024-11-24", "day")),
        # two different Tuesdays: a day the text does not pin is no day (and not its month)
        ("Tuesday", "2024-10-16", "2024-10-30", None),
        # a span: its month when every day of the window gives that month
        ("last week", "2024-11-24", "2024-11-25", ("2024-11", "month")),
        ("last week", "2024-11-04", "2024-11-12", None),  # October 28 - November 3 straddles two months
        ("earlier this month", "2024-11-10", "2024-11-30", ("2024-11", "month")),
        ("last month", "2024-11-28", "2024-12-05", None),
        # expressions that do not depend on publication
        ("on June 19, 2024", "2024-10-01", "2024-12-31", ("2024-06-19", "day")),
        ("October 17", "2024-10-20", "2024-11-20", ("2024-10-17", "day")),
        ("yesterday", "2024-11-24", "2024-11-25", None),
    ],
)
def test_resolving_within_a_window_keeps_only_what_every_day_agrees_on(
    expression, earliest, latest, expected
):
    parsed = parse_expression(expression)
    result = resolve_parsed_within(
        parsed, dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest))
    assert (None if result is None else (result.date, result.precision)) == expected


def test_a_one_day_window_is_the_plain_resolution():
    day = dt.date(2024, 11, 25)
    for mention in find_date_mentions("He spoke on Sunday, last week and yesterday, in June."):
        assert resolve_mention_within(mention, day, day) == resolve_mention(mention, day)


def test_a_mention_is_resolved_as_read_in_its_sentence_not_as_a_bare_word():
    # "March" and "May" alone are verbs; "between January and March" makes them months.
    text = "Talks stalled between January and March, and again last May."
    mentions = find_date_mentions(text)
    assert [m.text for m in mentions] == ["January", "March", "May"]
    resolved = [resolve_mention(m, MONDAY_25_NOV) for m in mentions]
    assert [r.date if r else None for r in resolved] == ["2024-01", "2024-03", "2024-05"]
    within = resolve_mention_within(mentions[1], MONDAY_25_NOV, MONDAY_25_NOV)
    assert within is not None and within.date == "2024-03"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("OSLO, March 18. /NTB/. Norland will not", "Norland will not"),
        ("OSLO, March 18 (NTB) -- Norland will not", "Norland will not"),
        ("OSLO, March 18, 2025 (NTB) — Norland will not", "Norland will not"),
        ("Oslo, March 18 (NTB) Norland will not", "Norland will not"),
        ("Headline\nOSLO, March 18 (NTB) - Norland will not", "Norland will not"),
        ("TROMSO /Norland/, March 18. /NTB/. Norland will not", "Norland will not"),  # TASS names the country
    ],
)
def test_a_wire_dateline_ends_where_the_story_begins(text, words):
    mention = find_date_mentions(text)[0]
    assert text[dateline_end(text, mention.start, mention.end):] == words


@pytest.mark.parametrize(
    "text",
    [
        "In June – a month after the summit – Norland said",
        "Oslo, March 18 - Norland will not",  # a place in ordinary case needs the agency's credit
        "Lind, March 18 said that",
        "One\nTwo\nThree\nOSLO, March 18 (NTB) - Norland will not",  # a dateline opens the story
    ],
)
def test_other_dates_at_the_start_of_a_line_are_no_dateline(text):
    mention = find_date_mentions(text)[0]
    assert dateline_end(text, mention.start, mention.end) is None
