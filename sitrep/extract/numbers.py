"""Numbers as news text writes them: forms, ranges, hedges and what is not a count.

A troop estimate is written in many ways: "11,000", "six", "a thousand", "1.5 million", "12k",
"between 10,000 and 12,000", "10,000–12,000", hedged by "around", "at least", "up to", "as many
as", "more than". This module finds such numbers in plain text and reads their value, bounds and
hedge. It works on characters only (no spaCy), so it is cheap to test exhaustively.

It also recognises numbers that are not counts by their surroundings in the text: years, days of a
month, calibres and other units ("155mm", "300 km"), model names ("Iskander-M"), ratios ("10:1"),
durations ("18 months"), ages, percentages, money and ordinals ("4th"). It does not decide what a
number counts or whether it matters to the conflict: that needs the parse (``figures.py``).

Conventions (``schema.QUALIFIERS``), matching the gold annotations:

* ``exact``: no hedge; ``low``/``high`` empty.
* ``approx`` ("around", "about", "roughly", "approximately", "nearly", "some", "an estimated",
  "a couple thousand"): bounds empty.
* ``at_least`` ("at least", "no fewer than", "X or more") and ``over`` ("more than", "over",
  "in excess of", "exceeded", "topped", "X-plus", "X+"): ``low`` = value.
* ``up_to`` ("up to", "at most", and also "fewer than"/"less than"/"under", which are upper bounds
  too) and ``as_many_as`` ("as many as", "as much as"): ``high`` = value.
* ``range`` ("between A and B", "from A to B", "A to B", "A–B", "two or three"): ``low`` = A,
  ``high`` = B and ``value`` = B. The headline value is the upper bound rather than a midpoint so
  that it is always a number the text states, like ``up_to``; the chart draws low..high. A
  scale written once applies to both ends ("10 to 12 thousand", "10-12,000"). "Rose from A to
  B" is a change, not a range: two exact numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "mln": 1_000_000, "bn": 1_000_000_000, "k": 1_000, "m": 1_000_000}
_DOZEN = 12

_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand", "million", "billion", "dozen"],
                        key=len, reverse=True))
# "two hundred and fifty thousand", "twenty-five", "a thousand", "a dozen"
_FIRST_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# A scale word opens a number only after "a"/"an": "a thousand", never a bare "billion".
_WORD_NUMBER = (
    rf"(?:an?\s+(?:couple\s+(?:of\s+)?)?(?:hundred|thousand|million|billion|dozen)\b|(?:{_FIRST_WORD})\b)"
    rf"(?:(?:[\s\-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+)(?:{_WORD})\b)*"
    r"(?![-‐‑][A-Za-z])"  # "two-thirds", "three-day", "one-off" are not counts
)
# "11,000", "11 000" (any space; a plain one only between groups of three digits), "1.5", "12k",
# "1.5 million", "10 thousand".
# A number glued to letters ("155mm", "4th", "T90") is not matched at all.
_DIGIT_CORE = (
    r"(?:\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d{1,3}(?: \d{3}(?![\d,.]\d))+|\d+)(?:\.\d+)?"
    r"(?:\s*(?:million|billion|thousand|hundred|mln|bn)\b|(?:k|K|m|bn)\b(?!\.\w))?"
    r"(?![\w,]\d|\.\d|[\w%])"
)
# Nothing glued before the first number: "Su-34", "$5", "#3", "10:1" are not counts.
_NOT_GLUED = r"(?<![\w.,:/$€£₩¥#-])"
_LOW_NUMBER = rf"(?:{_NOT_GLUED}{_DIGIT_CORE}|(?<![\w-]){_WORD_NUMBER})"
_HIGH_NUMBER = rf"(?:{_DIGIT_CORE}|{_WORD_NUMBER})"
_RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+|\s+and\s+)"
NUMBER_RE = re.compile(rf"(?P<low>{_LOW_NUMBER})(?:(?P<join>{_RANGE_JOIN})(?P<high>{_HIGH_NUMBER}))?",
                       re.IGNORECASE)

# Hedge words just before the number (longest first, so "well over" wins over "over").
_HEDGES_BEFORE = (
    ("as_many_as", r"as many as|as much as|as high as"),
    ("at_least", r"at least|no fewer than|no less than|not less than|a minimum of|at a minimum"),
    ("up_to", r"up to|at most|no more than|not more than|a maximum of|fewer than|less than|"
              r"under|below"),
    ("over", r"(?:well|just|slightly|far|significantly|much) (?:over|above|more than)|"
             r"more than|over|in excess of|upwards of|above|beyond|exceed(?:s|ed|ing)?|"
             r"surpass(?:es|ed|ing)?|top(?:s|ped|ping)"),
    ("approx", r"around|about|roughly|approximately|approaching|nearly|almost|some|"
               r"an estimated|estimated|close to|circa|approx\.|ca\.|~"),
    ("range", r"between|from"),
)
_HEDGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\[“\"‘']))(?P<hedge>" + "|".join(f"(?P<{q}>{p})" for q, p in _HEDGES_BEFORE)
    + r")[’'\"”]?\s*$",  # a hedge may be quoted on its own: "'at least' 3,000"
    re.IGNORECASE,
)
_HEDGE_AFTER_RE = re.compile(
    r"^(?P<hedge>\s*(?:or more|or so|or over|and more|-plus|\+|plus\b))", re.IGNORECASE)
_AFTER_QUALIFIER = {"or more": "at_least", "or so": "approx", "or over": "at_least",
                    "and more": "at_least", "-plus": "over", "+": "over", "plus": "over"}

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_UNIT_AFTER_RE = re.compile(
    r"^\s*-?\s*(?:mm|cm|km|kms|m|ft|kg|lbs?|millimet(?:er|re)s?|centimet(?:er|re)s?|"
    r"kilomet(?:er|re)s?|met(?:er|re)s?|miles?|feet|foot|inch(?:es)?|yards?|kph|mph|km/h|knots?|"
    r"degrees?|calib(?:er|re)|kilograms?|grams?|hectares?|acres?|sq(?:uare)?\b)\b", re.IGNORECASE)
_DURATION_AFTER_RE = re.compile(
    r"^\s*-?\s*(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|"
    r"centur(?:y|ies)|nights?|years?-old|-year-old)\b", re.IGNORECASE)
_PERCENT_AFTER_RE = re.compile(r"^\s*(?:%|percent\b|per cent\b|percentage points?\b|pct\b)",
                               re.IGNORECASE)
_MONEY_AFTER_RE = re.compile(
    r"^\s*(?:dollars?|euros?|pounds?(?! of)|won\b(?!\s+(?:the|a|an)\b)|rubles?|roubles?|hryvnias?|"
    r"yuan|yen|usd|eur|gbp|krw)\b", re.IGNORECASE)
_MONEY_BEFORE_RE = re.compile(r"(?:[$€£₩¥]|US\$|USD|EUR|KRW|Rs\.?)\s*$", re.IGNORECASE)
_AGE_BEFORE_RE = re.compile(r"\b(?:aged|age|ages)\s*$", re.IGNORECASE)
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(rf"^\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_LABEL_BEFORE_RE = re.compile(r"(?:\b(?:no|nos|number|article|resolution|paragraph|page|p|"
                              r"flight|route|chapter|section|unit)\.?\s*|#\s*)$", re.IGNORECASE)
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:ris\w*|rose|increas\w*|gr[eo]w\w*|jump\w*|climb\w*|surg\w*|swell\w*|fall\w*|fell|"
    r"drop\w*|declin\w*|decreas\w*|shrank|shrink\w*|up|down|revised|raised|lowered|cut)\s+from\s*$",
    re.IGNORECASE)
_ORDINAL_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|[:.]\d\d\b|o'clock)", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """A number as written in a text, with its reading.

    ``start``/``end`` cover the number itself ("10,000–12,000", "1.5 million", "six"), not the hedge
    words; ``hedge`` is the hedge as written ("around", "between", "" if none).
    """

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: str
    hedge: str = ""


def _word_number_value(words: str) -> float | None:
    """'two hundred and fifty thousand' -> 250000; 'a dozen' -> 12; None when not a number."""
    tokens = [t for t in re.split(r"[\s\-]+", words.lower()) if t and t != "and"]
    if tokens[:2] == ["a", "couple"]:  # "a couple (of) thousand" = about two thousand
        tokens = ["two", *[t for t in tokens[2:] if t != "of"]]
    if tokens and tokens[0] in {"a", "an"}:
        tokens[0] = "one"
    if not tokens:
        return None
    total, current = 0.0, 0.0
    for tok in tokens:
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * _DOZEN
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in {"thousand", "million", "billion"}:
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """The value of one number as written: '11,000', '1.5 million', '12k', 'six', 'a thousand'.

    Returns None for anything else (a range, a fraction such as "a third", vague plurals such as
    "thousands").
    """
    s = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        # "10.000": a count written with dots for thousands (1.5 would not be written 1.500)
        return float(s.replace(".", ""))
    m = re.fullmatch(
        r"((?:\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?)\s*"
        r"(million|billion|thousand|hundred|mln|bn|k|m)?", s, re.IGNORECASE)
    if m:
        base = float(re.sub(r"[, \u00a0\u202f]", "", m.group(1)))
        scale = m.group(2)
        return base * _SCALES[scale.lower()] if scale else base
    m = re.fullmatch(r"((?:\d+)(?:\.\d+)?)\s+(.+)", s)
    if m:  # "1.5 thousand" handled above; "10 dozen" is rare but cheap
        word = _word_number_value(m.group(2))
        return float(m.group(1)) * word if word else None
    return _word_number_value(s)


def _scale_of(text: str) -> float:
    m = re.search(r"(million|billion|thousand|mln|bn|k|m)\s*$", text.strip(), re.IGNORECASE)
    return _SCALES[m.group(1).lower()] if m else 1.0


def number_exclusion(text: str, start: int, end: int) -> str:
    """Why the number at ``text[start:end]`` is not a count ('year', 'date', ...), else ''."""
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    written = text[start:end]
    plain_integer = re.fullmatch(r"\d+", written) is not None
    if plain_integer and len(written) == 4 and 1800 <= int(written) <= 2100:
        return "year"  # counts this large are written with a separator in news copy
    if re.match(r"^\s*:\s*\d", after) or re.match(r"^/\d", after):
        return "ratio"  # "10:1", "24/7"
    if re.match(rf"^\s+in\s+(?:\d{{1,2}}\b(?![,.]\d)|every\b|{_FIRST_WORD}\b)", after, re.IGNORECASE) or \
            re.search(rf"\b(?:\d{{1,2}}|{_FIRST_WORD})\s+in\s+$", before, re.IGNORECASE):
        return "ratio"  # "one in five soldiers"
    if re.match(r"^-\s*(?:years?|months?|weeks?|days?|hours?)\b", after, re.IGNORECASE):
        return "duration"
    if re.match(r"^-\s*(?:mm|cm|km|millimet|centimet|kilomet|calib|inch)", after, re.IGNORECASE):
        return "unit"
    if _ORDINAL_AFTER_RE.match(after):
        return "ordinal"
    if _PERCENT_AFTER_RE.match(after):
        return "percent"
    if _MONEY_BEFORE_RE.search(before) or _MONEY_AFTER_RE.match(after):
        return "money"
    if _UNIT_AFTER_RE.match(after):
        return "unit"
    if re.match(r"^\s*-?\s*years?[\s-]old", after, re.IGNORECASE) or _AGE_BEFORE_RE.search(before):
        return "age"
    if _DURATION_AFTER_RE.match(after):
        return "duration"
    if _TIME_AFTER_RE.match(after) and re.fullmatch(r"\d{1,2}", written):
        return "time"
    if re.fullmatch(r"\d{1,2}", written) and 1 <= int(written) <= 31 and (
            _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after)):
        return "date"
    if plain_integer and _LABEL_BEFORE_RE.search(before):
        return "label"
    return ""


def _hedge_before(text: str, start: int) -> tuple[str, str]:
    """(qualifier, hedge as written) from the words just before ``start``."""
    window_start = max(0, start - 30)
    m = _HEDGE_BEFORE_RE.search(text[window_start:start])
    if not m or (m.start() == 0 and window_start > 0 and text[window_start - 1].isalnum()):
        return "exact", ""
    qualifier = next(q for q, _ in _HEDGES_BEFORE if m.group(q))
    return qualifier, m.group("hedge")


def _read_match(text: str, m: re.Match) -> tuple[NumberMention | None, int]:
    """The mention a regex match stands for (None if it is not a count) and where to scan next."""
    low_text, high_text, join = m.group("low"), m.group("high"), m.group("join") or ""
    start, low_end = m.start(), m.start() + len(low_text)
    low_value = parse_number(low_text)
    if low_value is None:
        return None, m.end()
    qualifier, hedge = _hedge_before(text, start)
    if re.match(r"a\s+couple\b", low_text, re.IGNORECASE) and qualifier == "exact":
        qualifier, hedge = "approx", "a couple"
    if low_text.lower().startswith("a ") and re.search(r"\bhalf\s+$", text[max(0, start - 6):start], re.I):
        # "half a million": the whole expression is the number
        start -= len(re.search(r"half\s+$", text[:start], re.I).group(0))
        low_value /= 2
        low_text = text[start:low_end]
        qualifier, hedge = _hedge_before(text, start)
    high_value = parse_number(high_text) if high_text is not None else None
    # "A and B" is a range only after "between"; "A to B" going down is a ratio ("10 to 1")
    if high_value is not None and join.strip().lower() == "and" and hedge.lower() != "between":
        high_value = None
    # "rose from 8,000 to 10,000" is a change between two values, not a range
    if high_value is not None and hedge.lower() == "from" and _CHANGE_BEFORE_RE.search(text[max(0, start - 40):start]):
        high_value, qualifier, hedge = None, "exact", ""
    if high_value is not None and high_value < low_value and "to" in join.lower():
        return None, m.end()
    if high_value is not None:
        high_start = m.end() - len(high_text)
        if number_exclusion(text, start, low_end) or number_exclusion(text, high_start, m.end()):
            return None, m.end()
        # "10 to 12 thousand", "1.5-2 million": a scale written once applies to both ends
        if _scale_of(high_text) > 1 and _scale_of(low_text) == 1 and low_value < high_value / 10:
            low_value *= _scale_of(high_text)
        # "10-12,000": the thousands written once, on the upper end
        elif re.fullmatch(r"\d{1,3}", low_text) and re.search(r"\d[,\u00a0\u202f]\d{3}$", high_text) \
                and high_value / 10 <= low_value * 1000 <= high_value:
            low_value *= 1000
        return NumberMention(start, m.end(), text[start:m.end()], high_value, low_value,
                             high_value, "range", hedge if qualifier == "range" else ""), m.end()
    # a single number: the second half of the match, if any, is scanned again on its own
    if number_exclusion(text, start, low_end):
        return None, low_end
    if qualifier == "range":  # "from 500 soldiers" or "between 500 soldiers and ...": no range
        qualifier, hedge = "exact", ""
    after = _HEDGE_AFTER_RE.match(text[low_end:low_end + 12])
    end = low_end
    if after and qualifier == "exact":
        hedge = after.group("hedge").strip()
        qualifier = _AFTER_QUALIFIER[hedge.lower()]
        if hedge in {"+", "-plus"}:  # "5,000+", "10,000-plus" are written as one number
            end = low_end + after.end()
    low = low_value if qualifier in {"at_least", "over"} else None
    high = low_value if qualifier in {"up_to", "as_many_as"} else None
    return NumberMention(start, end, text[start:end], low_value, low, high, qualifier, hedge), end


def find_numbers(text: str) -> list[NumberMention]:
    """Every count-like number in ``text`` with its value, bounds and hedge, in text order.

    Numbers that are years, dates, units, models, ratios, durations, ages, percentages, money,
    labels or ordinals are left out (see :func:`number_exclusion`).
    """
    out: list[NumberMention] = []
    pos = 0
    while (m := NUMBER_RE.search(text, pos)) is not None:
        mention, pos = _read_match(text, m)
        if mention is not None:
            out.append(mention)
    return out
