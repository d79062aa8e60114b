"""Date expressions in news text, and what calendar date (or month) each one means.

Why this module exists: events need dates, and news writes dates relative to the day it is
published ("on Sunday", "last week", "earlier this month", "October 17" with no year). General
date parsers get news wrong in ways that matter here: they resolve "Sunday" forward or to the wrong
week, and read the modal verb "may", "We" or "Wed" inside words, "troops march", "the Sun", "1,500"
or "155mm" as dates. Dates are a closed vocabulary (month and weekday names, a few relative
phrases), so hand-written patterns with context checks are both more accurate and faster.

What it does:

* ``find_date_mentions(text)`` finds every date expression, in order, non-overlapping, longest
  match first, each with a ``kind``.
* ``resolve_date(expression, published)`` turns one expression into a ``ResolvedDate`` with day or
  month precision, relative to the publication date.
* ``resolve_mention_within(mention, earliest, latest)`` does so when the publication date is only
  known to lie in a window: a day only when every day of the window gives that day, a span's
  month when they all give that month, else ``None``.

What it does not do: it never guesses. Year-only expressions ("in 2022", "mid-2023"), vague ones
("recently") and relative ones without a publication date resolve to ``None``: no date is better
than a wrong one. It does not look at tense or at the event a date belongs to (the events extractor
does that), and it does not infer the publication date (see ``sitrep.published``).

Conventions (all documented choices, relative to the publication date P):

* Weekday ("on Sunday", "Tuesday"): the most recent such day on or before P. News reports the
  past, and a story published on a Tuesday says "on Tuesday" for that same day, so P itself is
  included. "last Tuesday" is the Tuesday of the calendar week before P's, as "last week" is
  that week: a writer says "on Monday" for a day earlier in the same week, so "last Monday" on a
  Wednesday is nine days back. "this past Tuesday" is the latest Tuesday strictly before P;
  "next Tuesday" is the first strictly after.
* Month without year ("in June"): the most recent such month on or before P's month.
* Day and month without year ("October 17"): the reading nearest P, a day after P counting
  ``FUTURE_WEIGHT`` times a day before. Wire style gives the year only for dates outside the
  current year, so a yearless date is normally in P's year, past or upcoming ("talks on December
  4" in a story of November 25); across the turn of the year ("Dec. 28" in a story of January 8)
  the nearer reading wins. News reports the past, hence the weight.
* A weekday with its date ("Wednesday, 23 October", "on Tuesday (Dec 17)") is that day.
* Day of the month alone ("reported on the 13th", as some Asian wires write): the latest such day on
  or before P; "on the 9th to 11th" is a span.
* Weeks start on Monday. "last week" is the calendar week before P's week; "this week" is P's
  week ("earlier this week" its days up to P, "later this week" from P on); "over the weekend" is
  the Saturday-Sunday on or just before P; "two weeks ago" the week centred 14 days before P. A
  span is given as its month (precision ``month``) when it lies inside one month, and ``None``
  when it straddles two.
* "this month", "earlier this month", "later this month" are P's month; "last month" the one
  before. "the previous week", "the following month" are relative to another event of the story,
  and "last year", "in the last month" give no month: all ``None``.
* Numeric dates: ISO ``2024-10-22`` and European ``22.10.2024`` only; slashed ``10/22/2024`` is
  ambiguous between US and European order and is not read.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

__all__ = [
    "in_future_clause",
    "DateMention",
    "ResolvedDate",
    "KINDS",
    "FUTURE_WEIGHT",
    "find_date_mentions",
    "resolve_date",
    "resolve_mention",
    "parse_expression",
    "parsed_mentions",
    "resolve_parsed",
    "resolve_parsed_within",
    "resolve_mention_within",
    "day_month_year",
    "weekday_on_or_before",
    "ParsedDate",
    "dateline_end",
]

# How much more a day after publication weighs than a day before when choosing the year of a
# yearless date (news is mostly about the past).
FUTURE_WEIGHT = 2

KINDS = ("absolute_day", "absolute_month", "year", "weekday", "relative", "vague")


@dataclass(frozen=True)
class DateMention:
    """One date expression as written: ``text == source[start:end]``.

    ``parsed`` is what the expression was read as in its sentence. Resolution uses it rather than
    reading ``text`` again on its own: some readings need the words around the mention ("between
    January and March" makes "March" a month, which the bare word alone is not).
    """

    start: int
    end: int
    text: str
    kind: str
    parsed: ParsedDate | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar date ``YYYY-MM-DD`` (precision ``day``) or month ``YYYY-MM`` (``month``)."""

    date: str
    precision: str


@dataclass(frozen=True)
class ParsedDate:
    """What an expression says, before any publication date is applied.

    ``relative`` names the relative phrase (``yesterday``, ``last_week``, ``weekend``,
    ``this_month``, ``last_month`` ...); ``weekday_mode`` is ``""`` (on or before), ``last``
    (in the week before), ``past`` (strictly before) or ``next`` (strictly after).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_mode: str = ""
    relative: str = ""
    amount: int = 0
    preposition: str = ""


# --- vocabulary --------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
_MONTH_NUMBERS.update(
    {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
     "oct": 10, "nov": 11, "dec": 12}
)
_WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3, "several": 3,
}

# Month and weekday names are matched case-sensitively (capitalised): lowercase "may" and "march"
# are the verb, and a lowercase "sunday" does not occur in edited news.
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# Abbreviations only next to a day number ("Oct. 17", "Nov 7"), where they cannot be words.
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d{2}"
# A day number, not part of a larger number ("1,500"), a calibre ("155mm") or a model name.
_DAY = (
    r"(?<![\d,.\-])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])(?![,.]\d)"
    r"(?!\s*(?:mm|cm|km|kg|%|percent)\b)"
)
_PREP = (
    r"(?:(?P<prep>[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|"
    r"[Tt]hrough|[Aa]s of|[Ee]arly|[Ll]ate|[Ss]tarting)\s+)?"
)
_PART = (
    r"(?P<part>(?:the\s+)?(?:end|beginning|start|middle)\s+of|[Ee]arly|[Ll]ate|[Mm]id)"
)

# Spelled-out ordinal days ("the twenty-eighth of November"), as in quoted statements.
_ORDINAL_WORDS = {
    word: number for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 1)
}
_ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31})
_ORDINAL_WORDS.update({
    f"twenty-{word}": 20 + number for word, number in list(_ORDINAL_WORDS.items()) if number < 10
})
_ORDINAL_DAY = "(?:" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")"

# A weekday may carry its date after a comma or in brackets ("on Tuesday (Dec 17)").
_WEEKDAY_THEN_DATE = rf"(?:(?P<weekday>{_WEEKDAY})(?:,?\s+|(?P<bracket>\s*\(\s*)))?"
_BRACKET_CLOSED = r"(?(bracket)\s*\))"
_DAY_MONTH = re.compile(
    rf"\b{_PREP}{_WEEKDAY_THEN_DATE}(?:[Tt]he\s+)?"
    rf"(?P<day>{_DAY}|(?i:{_ORDINAL_DAY}))\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})(?:,?\s+(?P<year>{_YEAR})\b)?(?![\w]){_BRACKET_CLOSED}"
)
_MONTH_DAY = re.compile(
    rf"\b{_PREP}{_WEEKDAY_THEN_DATE}(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})\s+"
    rf"(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR})\b)?{_BRACKET_CLOSED}"
)
# ISO dates ("2024-10-22") appear in datelines and bylines pasted with the text.
_ISO_DAY = re.compile(
    rf"(?<![\w-]){_PREP}(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?![\w-])"
)
# Day.month.year ("25.11.2024"), the European numeric form; slashed forms are ambiguous (US/EU).
_DOTTED_DAY = re.compile(
    rf"(?<![\w.]){_PREP}(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\."
    rf"(?P<year>{_YEAR})(?![\w]|\.\d)"
)
# Month.day in brackets after a relative day ("today (10.30)"), as some broadcasters write it;
# elsewhere "(10.30)" is as likely a number, so only this position counts.
_BRACKETED_MONTH_DAY = re.compile(
    r"(?:(?<=\btoday )|(?<=\byesterday ))\((?P<month>0?[1-9]|1[0-2])\.(?P<day>0?[1-9]|[12]\d|3[01])\)",
    re.IGNORECASE,
)
# A day of the month with no month ("reported on the 13th", "on the 9th to 11th"), as some Asian
# and other wire styles write the current or last month's days. Only after a preposition and before a
# clause boundary: "the 47th Brigade" and "the 80th anniversary" are names and ordinals.
_ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_DAY_OF_MONTH = re.compile(
    rf"\b(?P<prep>[Oo]n|[Ss]ince|[Ff]rom)\s+the\s+(?P<day>{_ORDINAL})"
    rf"(?:\s*(?:to|-|–|through|and)\s*(?:the\s+)?(?P<last>{_ORDINAL}))?"
    r"(?=\s*[,.;:)\"”’]|\s*$|\s+(?:that|when|as|at|in|of\s+this\s+month|local|morning|afternoon|evening|night)\b)"
)
_MONTH_YEAR = re.compile(
    rf"\b{_PREP}(?:{_PART}[\s-]+)?(?P<month>{_MONTH_FULL})\b(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})\b"
    r"|\s+(?:of\s+)?(?P<relyear>last|this|next)\s+year\b)?"  # "in August last year"
)
_YEAR_ONLY = re.compile(
    rf"\b{_PREP}(?:{_PART}[\s-]+|(?<![\w$€£.,/:\-]))(?P<year>{_YEAR})(?![\w])(?![,.]\d)"
    r"(?!\s*(?:mm|cm|km|kg|%|percent)\b)"
)
_WEEKDAY_MENTION = re.compile(
    rf"\b(?:(?P<mode>[Ll]ast|[Tt]his|[Nn]ext|[Tt]his past|[Tt]his coming)\s+|{_PREP})"
    rf"?(?P<weekday>{_WEEKDAY})\b(?:\s+(?P<tod>morning|afternoon|evening|night))?"
)
_RELATIVE = re.compile(
    r"\b(?:"
    r"(?P<day_before>the\s+day\s+before\s+yesterday)"
    r"|(?P<yesterday>yesterday)"
    r"|(?P<last_night>last\s+night)"
    r"|(?P<today>(?:earlier\s+|later\s+)?today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<ago>(?P<amount>\d+|a\s+couple\s+of|a\s+few|several|an?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+ago)"
    r"|(?P<weekend>(?:(?:over|at|on|during)\s+the|(?:over\s+|during\s+)?(?:this|last|this\s+past)"
    r"|the\s+past)\s+weekend|(?:in|during)\s+(?:the\s+)?weekend(?:['’]s)?(?=\s+[a-z]))"
    r"|(?P<period>(?:(?:earlier|later|since|from|in|during|over|within)\s+)?"
    r"(?P<which>this|last|next|the\s+previous|the\s+past|the\s+following|the\s+same)\s+"
    r"(?P<span>week|month|year))"
    r")\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:"
    r"(?:in\s+|over\s+|during\s+)?recent\s+(?:days|weeks|months|years)"
    r"|(?:in|over|during|within)\s+the\s+(?:last|past|coming|next)\s+(?:\d+\s+|few\s+|several\s+|"
    r"couple\s+of\s+|two\s+|three\s+)?(?:days|weeks|months|years)"
    # "in the last month" is a duration up to publication, not the previous calendar month.
    r"|(?:in|over|during|within)\s+the\s+(?:last|past|coming|next)\s+(?:month|year)"
    r"|recently|lately|recent"
    r")\b",
    re.IGNORECASE,
)

# Words before a bare four-digit number that make it a quantity, not a year ("some 2000 troops").
_QUANTITY_CUE = re.compile(
    r"\b(?:some|about|around|nearly|almost|over|than|up\s+to|approximately|roughly|at\s+least|"
    r"estimated|total\s+of)\s*$",
    re.IGNORECASE,
)
# Words before a bare capitalised month that make it a date ("between June and August").
_MONTH_CUE_BEFORE = re.compile(
    r"\b(?:last|this|next|of|in|since|by|until|from|before|after|during|through|between|and|or|"
    r"to|early|late|mid|end|beginning|start|middle)[\s-]*$",
    re.IGNORECASE,
)
# Months that are also common verbs: a month only with a preposition, day, year or modifier.
_VERB_MONTHS = {"May", "March"}


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _candidates(text: str) -> list[tuple[int, int, ParsedDate]]:
    """Every pattern match as (start, end, parsed); overlaps are resolved by the caller."""
    found: list[tuple[int, int, ParsedDate]] = []

    for pattern in (_DAY_MONTH, _MONTH_DAY, _ISO_DAY, _DOTTED_DAY, _BRACKETED_MONTH_DAY):
        for match in pattern.finditer(text):
            day_text = match["day"].lower()
            day = _ORDINAL_WORDS.get(day_text) or int(re.match(r"\d+", day_text).group())
            month_text = match["month"]
            month = int(month_text) if month_text.isdigit() else _month_number(month_text)
            year = int(match["year"]) if match.groupdict().get("year") else None
            # Without a year, 29 February is possible: check against a leap year.
            if day > calendar.monthrange(year or 2024, month)[1]:
                continue
            weekday_name = match.groupdict().get("weekday")
            weekday = _WEEKDAY_NUMBERS[weekday_name.lower()] if weekday_name else None
            found.append((match.start(), match.end(), ParsedDate(
                "absolute_day", year=year, month=month, day=day, weekday=weekday,
                preposition=(match.groupdict().get("prep") or "").lower())))

    for match in _DAY_OF_MONTH.finditer(text):
        first = int(re.match(r"\d+", match["day"]).group())
        last = int(re.match(r"\d+", match["last"]).group()) if match["last"] else 0
        if last and last <= first:
            continue
        found.append((match.start(), match.end(), ParsedDate(
            "relative", day=first, amount=last, relative="day_of_month",
            preposition=match["prep"].lower())))

    for match in _MONTH_YEAR.finditer(text):
        month_name = match["month"]
        year = int(match["year"]) if match["year"] else None
        if not year and not match["prep"] and not match["part"]:
            if not _bare_month_is_date(text, match.start("month"), match.end("month"), month_name):
                continue
        found.append((match.start(), match.end(), ParsedDate(
            "absolute_month", year=year, month=_month_number(month_name),
            relative=f"{match['relyear'].lower()}_year" if match["relyear"] else "",
            preposition=(match["prep"] or "").lower())))

    for match in _YEAR_ONLY.finditer(text):
        before = text[max(0, match.start() - 30):match.start()]
        if not match["prep"] and not match["part"] and _QUANTITY_CUE.search(before):
            continue
        found.append((match.start(), match.end(), ParsedDate(
            "year", year=int(match["year"]), preposition=(match["prep"] or "").lower())))

    for match in _WEEKDAY_MENTION.finditer(text):
        if not match["mode"] and not match["prep"] and _weekday_is_a_name(text, match):
            continue
        mode = (match["mode"] or "").lower()
        mode = {"last": "last", "this past": "past", "next": "next", "this coming": "next"}.get(
            mode, ""
        )
        found.append((match.start(), match.end(), ParsedDate(
            "weekday", weekday=_WEEKDAY_NUMBERS[match["weekday"].lower()], weekday_mode=mode,
            preposition=(match["prep"] or "").lower())))

    for match in _RELATIVE.finditer(text):
        found.append((match.start(), match.end(), _parse_relative(match)))

    for match in _VAGUE.finditer(text):
        found.append((match.start(), match.end(), ParsedDate("vague")))
    return found


def _weekday_is_a_name(text: str, match: re.Match[str]) -> bool:
    """"The Sunday Times", "Good Friday Agreement": a weekday inside a capitalised name."""
    followed_by_name = re.match(r"\s+[A-Z][a-z]", text[match.end():match.end() + 3])
    before = text[max(0, match.start() - 12):match.start()]
    preceded_by_name = re.search(r"(?:\bthe|\b[A-Z][a-z]+)\s+$", before) and not re.search(
        r"[.!?\n]\s*[A-Z][a-z]+\s+$", before
    )
    return bool(followed_by_name and preceded_by_name)


def _bare_month_is_date(text: str, start: int, end: int, name: str) -> bool:
    """A capitalised month name with no preposition, day or year: a date only in date context."""
    after = text[end:end + 20]
    # "June Smith", "April Ryan": a following capitalised word makes it a name, not a month.
    if re.match(r"\s+[A-Z][a-z]", after) and not re.match(rf"\s+(?:{_YEAR}|{_WEEKDAY})", after):
        return False
    if _MONTH_CUE_BEFORE.search(text[max(0, start - 20):start]):
        return True
    # The modal verb "May" and the verb/noun "March" are far more common than a bare month.
    return name not in _VERB_MONTHS


def _parse_relative(match: re.Match[str]) -> ParsedDate:
    if match["day_before"]:
        return ParsedDate("relative", relative="days_ago", amount=2)
    if match["yesterday"]:
        return ParsedDate("relative", relative="days_ago", amount=1)
    if match["last_night"]:
        return ParsedDate("relative", relative="days_ago", amount=1)
    if match["today"]:
        return ParsedDate("relative", relative="days_ago", amount=0)
    if match["ago"]:
        amount_text = re.sub(r"\s+", " ", match["amount"].lower())
        amount = int(amount_text) if amount_text.isdigit() else _NUMBER_WORDS[amount_text]
        return ParsedDate("relative", relative=f"{match['unit'].lower()}s_ago", amount=amount)
    if match["weekend"]:
        return ParsedDate("relative", relative="weekend")
    which = re.sub(r"\s+", " ", match["which"].lower())
    span = match["span"].lower()
    if which in ("the previous", "the following", "the same"):
        # Relative to another event of the story, not to the publication date.
        return ParsedDate("relative", relative="narrative")
    offset = {"this": 0, "last": -1, "the past": -1, "next": 1}[which]
    if which == "the past" and span == "week":
        return ParsedDate("relative", relative="past_seven_days")
    side = match["period"].split()[0].lower()
    if which == "this" and span == "week" and side in ("earlier", "later"):
        return ParsedDate("relative", relative=f"{side}_this_week")
    name = {-1: "last", 0: "this", 1: "next"}[offset]
    return ParsedDate("relative", relative=f"{name}_{span}")


def _select_longest(found: list[tuple[int, int, ParsedDate]]) -> list[tuple[int, int, ParsedDate]]:
    """Non-overlapping matches, longest first, then leftmost."""
    starts: list[int] = []  # chosen spans, kept sorted and disjoint, so only neighbours can overlap
    ends: list[int] = []
    chosen: dict[int, tuple[int, int, ParsedDate]] = {}
    for start, end, parsed in sorted(found, key=lambda item: (-(item[1] - item[0]), item[0])):
        index = bisect.bisect_left(starts, start)
        if index < len(starts) and starts[index] < end:
            continue
        if index > 0 and ends[index - 1] > start:
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        chosen[start] = (start, end, parsed)
    return [chosen[start] for start in starts]


def parsed_mentions(text: str) -> list[tuple[DateMention, ParsedDate]]:
    """Each mention of ``find_date_mentions`` with what it says (for callers that reason on it)."""
    return [
        (DateMention(start, end, text[start:end], parsed.kind, parsed), parsed)
        for start, end, parsed in _select_longest(_candidates(text))
    ]


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date expression in ``text``, in order, non-overlapping, longest match first."""
    return [mention for mention, _ in parsed_mentions(text)]


def parse_expression(expression: str) -> ParsedDate | None:
    """What one date expression says (the longest mention in it), or ``None`` if it has none."""
    mentions = parsed_mentions(expression)
    if not mentions:
        return None
    return max(mentions, key=lambda pair: pair[0].end - pair[0].start)[1]


# --- resolution --------------------------------------------------------------------------------


def _day(date: dt.date) -> ResolvedDate:
    return ResolvedDate(date.isoformat(), "day")


def _month(year: int, month: int) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def _span(first: dt.date, last: dt.date) -> ResolvedDate | None:
    """A span of days is known to its month only, and only when it lies inside one month."""
    if (first.year, first.month) != (last.year, last.month):
        return None
    return _month(first.year, first.month)


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def weekday_on_or_before(weekday: int, published: dt.date) -> dt.date:
    """The most recent date with this weekday (Monday = 0) on or before ``published``."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def day_month_year(day: int, month: int, published: dt.date) -> int | None:
    """The year of a yearless day and month, relative to ``published`` (see module docstring)."""
    costs: dict[int, int] = {}
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            days_after = (dt.date(year, month, day) - published).days
        except ValueError:  # 29 February in a common year
            continue
        costs[year] = days_after * FUTURE_WEIGHT if days_after > 0 else -days_after
    return min(costs, key=costs.__getitem__) if costs else None


# The year a month is named in, relative to publication ("in March this year").
_YEAR_OFFSETS = {"last_year": -1, "this_year": 0, "next_year": 1}


def resolve_parsed(parsed: ParsedDate, published: dt.date | None) -> ResolvedDate | None:
    """Resolve an already parsed expression; ``None`` when it cannot be known."""
    if parsed.kind == "absolute_day":
        year = parsed.year
        if year is None:
            if published is None:
                return None
            year = day_month_year(parsed.day, parsed.month, published)
            if year is None:
                return None
        try:
            return _day(dt.date(year, parsed.month, parsed.day))
        except ValueError:
            return None
    if parsed.kind == "absolute_month":
        if parsed.year is not None:
            return _month(parsed.year, parsed.month)
        if published is None:
            return None
        if parsed.relative in _YEAR_OFFSETS:  # "in August last year"
            return _month(published.year + _YEAR_OFFSETS[parsed.relative], parsed.month)
        year = published.year if parsed.month <= published.month else published.year - 1
        return _month(year, parsed.month)
    if parsed.kind == "weekday":
        if published is None:
            return None
        if parsed.weekday_mode == "last":
            last_monday = published - dt.timedelta(days=published.weekday() + 7)
            return _day(last_monday + dt.timedelta(days=parsed.weekday))
        if parsed.weekday_mode == "past":
            return _day(weekday_on_or_before(parsed.weekday, published - dt.timedelta(days=1)))
        if parsed.weekday_mode == "next":
            days_ahead = (parsed.weekday - published.weekday() - 1) % 7 + 1
            return _day(published + dt.timedelta(days=days_ahead))
        return _day(weekday_on_or_before(parsed.weekday, published))
    if parsed.kind == "relative" and published is not None:
        return _resolve_relative(parsed, published)
    return None


def _resolve_relative(parsed: ParsedDate, published: dt.date) -> ResolvedDate | None:
    relative = parsed.relative
    monday = published - dt.timedelta(days=published.weekday())
    if relative == "days_ago":
        return _day(published - dt.timedelta(days=parsed.amount))
    if relative == "weeks_ago":
        # "two weeks ago" is approximate: a span of a week centred on the day.
        centre = published - dt.timedelta(days=7 * parsed.amount)
        return _span(centre - dt.timedelta(days=3), centre + dt.timedelta(days=3))
    if relative == "months_ago":
        return _month(*_shift_month(published.year, published.month, -parsed.amount))
    if relative == "weekend":
        saturday = weekday_on_or_before(5, published)
        return _span(saturday, saturday + dt.timedelta(days=1))
    if relative == "past_seven_days":
        return _span(published - dt.timedelta(days=7), published)
    if relative == "last_week":
        return _span(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
    if relative == "this_week":
        return _span(monday, monday + dt.timedelta(days=6))
    if relative == "earlier_this_week":
        return _span(monday, published)
    if relative == "later_this_week":
        return _span(published, monday + dt.timedelta(days=6))
    if relative == "next_week":
        return _span(monday + dt.timedelta(days=7), monday + dt.timedelta(days=13))
    if relative == "day_of_month":
        # the latest such day on or before publication; "the 9th to 11th" is a span
        year, month = (published.year, published.month) if parsed.day <= published.day else (
            _shift_month(published.year, published.month, -1))
        last_day = calendar.monthrange(year, month)[1]
        if max(parsed.day, parsed.amount) > last_day:
            return None
        first = dt.date(year, month, parsed.day)
        return _span(first, dt.date(year, month, parsed.amount)) if parsed.amount else _day(first)
    if relative == "this_month":
        return _month(published.year, published.month)
    if relative == "last_month":
        return _month(*_shift_month(published.year, published.month, -1))
    if relative == "next_month":
        return _month(*_shift_month(published.year, published.month, 1))
    # years: "last year", "earlier this year", "three years ago" give no month.
    return None


def resolve_date(expression: str, published: dt.date | None) -> ResolvedDate | None:
    """Resolve one date expression relative to the publication date; ``None`` if unknowable."""
    parsed = parse_expression(expression)
    if parsed is None:
        return None
    return resolve_parsed(parsed, published)


def resolve_mention(mention: DateMention, published: dt.date | None) -> ResolvedDate | None:
    """Resolve a mention found by ``find_date_mentions`` (as read in its sentence)."""
    if mention.parsed is None:
        return resolve_date(mention.text, published)
    return resolve_parsed(mention.parsed, published)


# Expressions whose meaning does not depend on the publication date.
def _independent_of_publication(parsed: ParsedDate) -> bool:
    return parsed.year is not None and parsed.kind in ("absolute_day", "absolute_month", "year")


def resolve_parsed_within(
    parsed: ParsedDate, earliest: dt.date | None, latest: dt.date | None
) -> ResolvedDate | None:
    """What an expression means for every publication day from ``earliest`` to ``latest``.

    A relative expression resolved against a wrong publication date is a wrong date, which is
    worse than none: the day is given only when every candidate day gives it; a span ("last
    week", "over the weekend") its month when they all give that month; ``None`` otherwise (or
    when any candidate gives none).
    """
    if _independent_of_publication(parsed) or earliest is None or latest is None:
        return resolve_parsed(parsed, earliest if latest is None else latest)
    if latest < earliest:
        earliest, latest = latest, earliest
    results: set[ResolvedDate | None] = set()
    day = earliest
    while day <= latest:
        results.add(resolve_parsed(parsed, day))
        if None in results:
            return None
        day += dt.timedelta(days=1)
    if len(results) == 1:
        return results.pop()
    if any(result.precision == "day" for result in results if result is not None):
        # An expression that names a day ("on Tuesday") is a day or nothing: its month alone
        # would put a one-day event on the timeline as if the text had given only a month.
        return None
    months = {result.date[:7] for result in results if result is not None}
    if len(months) == 1:
        year, month = months.pop().split("-")
        return _month(int(year), int(month))
    return None


def resolve_mention_within(
    mention: DateMention, earliest: dt.date | None, latest: dt.date | None
) -> ResolvedDate | None:
    """Resolve a mention when publication lies somewhere from ``earliest`` to ``latest``."""
    parsed = mention.parsed if mention.parsed is not None else parse_expression(mention.text)
    if parsed is None:
        return None
    return _resolve_parsed_within_cached(parsed, earliest, latest)


@functools.lru_cache(maxsize=4096)
def _resolve_parsed_within_cached(
    parsed: ParsedDate, earliest: dt.date | None, latest: dt.date | None
) -> ResolvedDate | None:
    # Long articles repeat the same few expressions; each is tried against every window day once.
    return resolve_parsed_within(parsed, earliest, latest)


# Words that, earlier in the same clause, make a date a plan rather than an event.
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|scheduled|slated|due|set\s+(?:to|for)|expected\s+to|plans?\s+to|planned|upcoming|"
    r"is\s+to|are\s+to|next|(?:aim|hope|seek|intend)(?:s|ed|ing)?\s+to)\b|'ll\b",
    re.IGNORECASE,
)
# A scheduled happening in the present tense right before its date: "the contract expires on 31
# December", "the summit opens on Monday" (news tells past events in the past tense).
SCHEDULED_PRESENT = re.compile(
    r"\b(?:expires|ends|begins|starts|resumes|opens|closes|takes\s+effect|comes\s+into\s+force|runs\s+out)"
    r"\s+(?:on\s+|in\s+|at\s+the\s+end\s+of\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_LOOKBACK_CHARS = 140


def in_future_clause(text: str, start: int) -> bool:
    """Whether the clause before a date speaks of the future ("talks will resume on Friday",
    "the deal expires on 31 December")."""
    before = text[max(0, start - _CLAUSE_LOOKBACK_CHARS):start]
    before = re.sub(r"\b([A-Z])\.", r"\1", before)  # "U.S." ends no clause
    clause = re.split(r"[,;:.!?\n\u201c\u201d\"]", before)[-1]
    return bool(FUTURE_CUE.search(clause) or SCHEDULED_PRESENT.search(clause))


# A wire dateline opens the story: the place (in capitals, or in ordinary case when the agency's
# credit follows the date), the date, then the credit and a dash or colon ("LISBON, April 30 (AP)
# --", "TOKYO, Nov 25 (Reuters) -", "Washington, Nov 1 (IANS) As many ..."), or TASS's slashed
# credit ("MOSCOW, December 4. /TASS/."). It dates the story, not an event in it.
_DATELINE_BEFORE = re.compile(
    r"^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"  # a syndicator's credit may come first: "(MENAFN- IANS)"
    r"(?:(?:(?P<caps>[A-Z][A-Z .'’\-]{1,40})|(?P<plain>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}))"
    r"(?:[ \t]*/[A-Z][A-Za-z .'’\-]{1,30}/)?"  # TASS names the country: "TROMSO /Norland/,"
    r"(?:,[ \t]*[A-Z][A-Za-z .'’\-]{1,30})?,[ \t]*)?$"
)
_DATELINE_YEAR = r"^(?:,?[ \t]*\d{4})?"
_DATELINE_AFTER = re.compile(_DATELINE_YEAR + r",?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:—|–|--|-|:)[ \t]*")
# A place in ordinary case is a dateline only with the agency's credit after the date.
_DATELINE_AFTER_CREDIT = re.compile(
    _DATELINE_YEAR + r",?[ \t]*\([A-Za-z][^()\n]{0,39}\)[ \t]*(?:(?:—|–|--|-|:)[ \t]*|(?=[A-Z\"“]))"
)
_DATELINE_SLASHED = re.compile(_DATELINE_YEAR + r"\.?[ \t]*/[A-Za-z][A-Za-z .'\-]{1,30}/\.?[ \t]*")
# Opening phrases that start a sentence, not a dateline ("In June – a month after ... –").
_NOT_A_DATELINE = re.compile(
    r"(?:in|on|since|by|until|from|before|after|during|through|as|early|late|last|this|over|starting)\b",
    re.IGNORECASE,
)
# A dateline stands in the first lines of a story (after a headline and a byline at most).
DATELINE_LINES = 3


def dateline_end(text: str, start: int, end: int, *, first_lines_only: bool = True) -> int | None:
    """Where the dateline ends when the date at ``text[start:end]`` is a wire dateline's (the
    offset after its credit and dash, where the story's words begin); else ``None``.

    ``first_lines_only`` accepts a dateline only in the first ``DATELINE_LINES`` lines: a story
    has one. A live blog's entries may each open with one, so event extraction looks further.
    """
    if _NOT_A_DATELINE.match(text, start):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if first_lines_only and text.count("\n", 0, line_start) >= DATELINE_LINES:
        return None
    before = _DATELINE_BEFORE.match(text[line_start:start])
    if before is None:
        return None
    after = text[end:end + 60]
    forms = [_DATELINE_SLASHED, _DATELINE_AFTER] if not before.group("plain") else [_DATELINE_SLASHED, _DATELINE_AFTER_CREDIT]
    for form in forms:
        found = form.match(after)
        if found is not None:
            return end + found.end()
    return None

