"""Infer an article's publication date from its own text (and, weakly, from its folder).

Why this module exists: articles pasted from the web arrive without metadata, yet every relative
date in them ("on Sunday", "last week") needs the publication date to mean anything. The text
usually carries enough clues to recover it: a weekday named together with its date pins the year,
dated events bound the publication from below, "earlier this month ... on November 7" fixes the
month, a wire dateline ("WARSAW, April 30 (AP) --") gives the day, and weekday mentions ("on
Tuesday", "over the weekend") say which day of the week the story was written.

How: the clues become hard constraints and soft preferences over candidate days; the best
candidate wins, and the clues that decided it are kept as a short human-readable reason.

* Year: a full date's year; else the year in which a weekday named with its date ("On Wednesday,
  23 October") is right, nearest the newest year the text or folder mentions; else the folder's
  year, which is weak evidence: the years either side are searched too and win when only they
  fit the text's weekdays and dates. A full date's year gives way to the next year when the text
  reads better there: news writes the year only of days outside the current year, so "April 25"
  months before "October 24, 2024" makes that full date last year's history; and a reading whose
  newest event is over a month old is stale. The folder's year is that of its story: the year
  of the stretch where most of the days its texts pin (weekday-named ones first) lie close
  together. A folder that writes no year at all takes, given today's date, the latest year not
  after it in which its weekdays named with their dates are right (the calendar repeats only
  every five to eleven years).
* Hard: never before a dated event of the text (or the first day of a "since August 2023"); the
  dateline's day; a day called "earlier this month" is in the publication month and before the
  previous calendar week (had it been in that week, a reporter would have written "last week");
  "today (10.30)" or "yesterday (October 30)" outside quotation marks, which names the day as a
  dateline does.
* Soft, in this order: as few days as possible between the newest event and publication (news
  reports what just happened; a weekday mention is an event on the most recent such day, and
  "over the weekend" counts as its Sunday); weekday mentions newer than the days named by date
  (wire style names the weekday within the past week, the date beyond); as few days back to the
  oldest weekday mention (the weekdays a text names lie together just before publication: "on
  Friday ... on Monday" is a Monday story); the folder's year over its neighbours; as few days
  since the newest *dated* event; closeness to the dates the folder's other articles pin (a
  folder is one developing story); the earliest.
* Window: the soft preferences are conventions, so the guess also carries ``earliest`` and
  ``latest``, the first and last day that fits as well as the best (ties on the weekday clues, up
  to a week after the newest dated event), each possibly published the next day; within a week
  of the best day, or, for an article dated only by the folder, anywhere in the stretch the
  other articles pin, a week either side (a month when one article pins it alone). Relative
  dates are resolved only where every day of the window agrees
  (``sitrep.dates.resolve_mention_within``).
* Dates in a clause about the future ("talks will resume on Friday", "until 2030") are no clue, nor
  is a weekday inside quotation marks (a speaker counts from the day of the speech).
* A folder is one story where most of the dates its articles pin lie within
  ``_STORY_SPAN_DAYS`` of each other (its core; of equal stretches, the one holding more dates
  whose year the text itself pins); an article the folder's year would date outside
  the core stays undated, and only the core anchors weekday-only articles, and only when the
  pinned dates lie near it: two dated articles outside the core (or one, of fewer than five) show
  the folder mixes stories, and "on Tuesday" could then belong to any of them; a single stray
  among many is likelier a misread date. Without a core (the pinned dates scatter), the
  folder's year and dates lend nothing to other articles.

What it does not do: it never invents a year or a month. Without a year (from the text, the
folder, or a weekday named with its date) the date is ``None``; an article whose text pins no stretch of the year (only weekdays,
or months like "in June") is dated only from a folder anchor, and only if it names a weekday. It
does not read bylines or metadata; a manifest date wins over this guess (the build's job, which
may pass such dates as ``known``). Known limits: when the text allows several weeks (only
"earlier this month" and weekdays), the earliest consistent week wins and the window says so;
the window is one stretch of days, so two separate candidate weeks count as every day between.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

from sitrep.dates import (
    DateMention,
    ParsedDate,
    dateline_end,
    day_month_year,
    in_future_clause,
    parsed_mentions,
    weekday_on_or_before,
)

__all__ = ["PublishedGuess", "infer_published", "infer_corpus_published"]

T = TypeVar("T")

# Prepositions that make a date a deadline or a plan, not an event that has happened.
_FUTURE_PREPOSITIONS = {"until", "by", "before", "through"}
# Prepositions that make a month the start of a state ("since August 2023"), not an event's.
_STATE_PREPOSITIONS = {"since", "from", "starting"}
_SUNDAY = 6
# How long after the end of the newest month a text dates an event in ("in December 2024") it may
# have been published, when nothing else dates it.
_MONTH_LAG_DAYS = 62
# How far apart (characters, same paragraph) "earlier this month" and a date may be and still
# describe one event: "a press conference earlier this month ... he said on November 7".
_SAME_PASSAGE_CHARS = 400
# The longest span of pinned dates a folder may have and still count as one developing story.
_STORY_SPAN_DAYS = 92
# A folder mixes stories when two of its pinned dates lie outside its core, or one does and the
# folder pins fewer than this many dates: one stray among many is likelier a misread date.
_STRAY_SHARE = 5
# How long before a day named with its year a day named without one may lie and still be of the
# same year ("on October 28 ... on 5 November 2024"); further back, the written year is history.
_YEARLESS_GAP_DAYS = 60
# How old the newest event of a story may be before the reading that makes it so is stale.
_STALE_DAYS = 31
# How far from the reference year a weekday-plus-date clue may pin the year.
_YEAR_SEARCH = 15


@dataclass(frozen=True)
class PublishedGuess:
    """The inferred publication date (or ``None``), a short human reason for it, and the days the
    text could not rule out.

    ``earliest`` and ``latest`` bound every candidate day that fits the text about as well as
    ``date`` does (only conventions such as "published the day of its newest event" chose among
    them). They equal ``date`` when the text pins the day, and are ``None`` when there is no date.
    """

    date: dt.date | None
    evidence: str
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def __post_init__(self) -> None:
        # A guess built with a date and no window is firm: its window is that day.
        if self.date is not None and self.earliest is None:
            object.__setattr__(self, "earliest", self.date)
        if self.date is not None and self.latest is None:
            object.__setattr__(self, "latest", self.date)

    @property
    def window(self) -> tuple[dt.date, dt.date] | None:
        """``(earliest, latest)``, or ``None`` without a date."""
        if self.date is None or self.earliest is None or self.latest is None:
            return None
        return self.earliest, self.latest

    @property
    def firm(self) -> bool:
        """Whether the text pins the publication day itself."""
        return self.date is not None and self.earliest == self.latest


@dataclass(frozen=True)
class _DayClue:
    """A day and month named without a year ("October 17")."""

    month: int
    day: int
    quoted: str
    weekday: int | None = None  # "On Wednesday, 23 October"
    earlier_this_month: bool = False


@dataclass(frozen=True)
class _Clues:
    """The date clues of one article, read once from its text."""

    year_floor: int | None = None  # newest year the text mentions: publication is not earlier
    year_floor_text: str = ""
    dated_days: tuple[tuple[dt.date, str], ...] = ()
    written_years: tuple[dt.date, ...] = ()  # the dated days whose year the text writes out
    month_floors: tuple[dt.date, ...] = ()  # first days of "since August 2023" and the like
    event_months: tuple[dt.date, ...] = ()  # first days of "in December 2024": a month something happened
    yearless_days: tuple[_DayClue, ...] = ()
    weekdays: tuple[tuple[int, str], ...] = ()  # bare weekday mentions; "over the weekend" = Sunday
    dateline: tuple[int, int, str] | None = None  # month, day: "WARSAW, April 30 (AP) --"
    weekday_named: tuple[dt.date, ...] = ()  # dated days the text names with their weekday


@dataclass
class _ClueBuilder:
    year_floor: int | None = None
    year_floor_text: str = ""
    dated_days: list[tuple[dt.date, str]] = field(default_factory=list)
    written_years: list[dt.date] = field(default_factory=list)
    month_floors: list[dt.date] = field(default_factory=list)
    event_months: list[dt.date] = field(default_factory=list)
    yearless_days: list[_DayClue] = field(default_factory=list)
    weekdays: list[tuple[int, str]] = field(default_factory=list)
    dateline: tuple[int, int, str] | None = None

    def raise_floor(self, year: int, quoted: str) -> None:
        if self.year_floor is None or year > self.year_floor:
            self.year_floor, self.year_floor_text = year, quoted

    def build(self) -> _Clues:
        # Repeats add nothing and long texts repeat a lot: keep the first mention of each clue.
        return _Clues(
            self.year_floor, self.year_floor_text,
            _first_of_each(self.dated_days, key=lambda item: item[0]),
            _first_of_each(self.written_years, key=lambda day: day),
            _first_of_each(self.month_floors, key=lambda floor: floor),
            _first_of_each(self.event_months, key=lambda month: month),
            _first_of_each(
                self.yearless_days,
                key=lambda clue: (clue.month, clue.day, clue.weekday, clue.earlier_this_month),
            ),
            _first_of_each(self.weekdays, key=lambda item: item[0]),
            self.dateline,
        )


def _first_of_each(items: Iterable[T], *, key: Callable[[T], Hashable]) -> tuple[T, ...]:
    """The items in order, without those whose key an earlier item already had."""
    seen: set[Hashable] = set()
    kept: list[T] = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return tuple(kept)


def _read_clues(text: str) -> _Clues:
    builder = _ClueBuilder()
    mentions = parsed_mentions(text)
    paired = _days_called_earlier_this_month(text, mentions)
    for index, (mention, parsed) in enumerate(mentions):
        if parsed.preposition in _FUTURE_PREPOSITIONS or in_future_clause(text, mention.start):
            continue
        quoted = repr(mention.text)
        is_day = parsed.kind == "absolute_day"
        if is_day and builder.dateline is None and dateline_end(text, mention.start, mention.end) is not None:
            builder.dateline = (parsed.month, parsed.day, quoted)
        if is_day and builder.dateline is None and index > 0:
            builder.dateline = _day_named_by_relative_word(text, mentions[index - 1], mention, parsed)
        if parsed.kind == "absolute_day" and parsed.year is not None:
            builder.dated_days.append((dt.date(parsed.year, parsed.month, parsed.day), quoted))
            builder.written_years.append(dt.date(parsed.year, parsed.month, parsed.day))
            builder.raise_floor(parsed.year, quoted)
        elif parsed.kind == "absolute_day":
            builder.yearless_days.append(_DayClue(
                parsed.month, parsed.day, quoted, parsed.weekday, mention.start in paired))
        elif parsed.kind == "absolute_month" and parsed.year is not None:
            builder.month_floors.append(dt.date(parsed.year, parsed.month, 1))
            if parsed.preposition not in _STATE_PREPOSITIONS:
                builder.event_months.append(dt.date(parsed.year, parsed.month, 1))
            builder.raise_floor(parsed.year, quoted)
        elif parsed.kind == "year":
            builder.raise_floor(parsed.year, quoted)
        if parsed.year is None and parsed.kind in {"absolute_day", "absolute_month"} and not parsed.relative:
            later = _later_in_the_same_year(text, mentions[:index], mention, parsed)
            if later is not None:
                builder.month_floors.append(later)
        elif _inside_quotation(text, mention.start) and (parsed.kind == "weekday" or parsed.relative == "weekend"):
            continue  # a speaker's "on Thursday" counts back from the day of the speech
        elif parsed.kind == "weekday" and parsed.weekday_mode in {"", "past"}:
            # "last Tuesday" lies in the week before P's and bounds P less tightly: no clue
            builder.weekdays.append((parsed.weekday, quoted))
        elif parsed.relative == "weekend":
            builder.weekdays.append((_SUNDAY, quoted))
        # A yearless month ("in June") is on or before any publication month: it says nothing.
    return builder.build()


def _later_in_the_same_year(text: str, before: list[tuple[DateMention, ParsedDate]],
                            mention: DateMention, parsed: ParsedDate) -> dt.date | None:
    """'... signed on 19 June 2024. The agreement was ratified in November.': a yearless month
    after a dated one in the same paragraph goes on in that year when it comes later in the
    calendar, so publication is not before it (the first of that month). ``None`` otherwise."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if _inside_quotation(text, mention.start):
        return None
    anchor = next((p for m, p in reversed(before) if m.start >= line_start and p.year is not None
                   and p.month is not None and not _inside_quotation(text, m.start)), None)
    if anchor is None or parsed.month <= anchor.month:
        return None
    return dt.date(anchor.year, parsed.month, 1)


def _day_named_by_relative_word(text: str, before: tuple[DateMention, ParsedDate],
                                mention: DateMention, parsed: ParsedDate) -> tuple[int, int, str] | None:
    """"today (10.30)", "yesterday (October 30)": the written date names the publication day (or
    the day before it), as a dateline does."""
    word, word_parsed = before
    if word_parsed.relative != "days_ago" or word_parsed.amount not in (0, 1):
        return None
    if not re.fullmatch(r"\s*[(,]?\s*", text[word.end:mention.start]):
        return None
    if _inside_quotation(text, word.start):
        return None  # a speaker's "yesterday" counts from the day of the speech
    # a leap year, so that 29 February has a next day; the year itself is settled elsewhere
    day = dt.date(2024, parsed.month, parsed.day) + dt.timedelta(days=word_parsed.amount)
    return day.month, day.day, repr(text[word.start:mention.end])


def _inside_quotation(text: str, at: int) -> bool:
    """Whether ``at`` lies inside double quotation marks opened earlier in its paragraph."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _days_called_earlier_this_month(
    text: str, mentions: list[tuple[DateMention, ParsedDate]]
) -> set[int]:
    """Starts of the yearless days that an "earlier this month" phrase dates.

    The phrase and the date describe one event when they share a paragraph and lie close
    together; each phrase takes the nearest such day (it may come a sentence or two later).
    """
    days = [
        mention for mention, parsed in mentions
        if parsed.kind == "absolute_day" and parsed.year is None
        and parsed.preposition not in _FUTURE_PREPOSITIONS
    ]
    paired: set[int] = set()
    for mention, parsed in mentions:
        if parsed.relative != "this_month" or not mention.text.lower().startswith("earlier"):
            continue
        nearby = [
            day for day in days
            if abs(day.start - mention.start) <= _SAME_PASSAGE_CHARS
            and "\n" not in text[min(day.start, mention.start):max(day.start, mention.start)]
        ]
        if nearby:
            paired.add(min(nearby, key=lambda day: abs(day.start - mention.start)).start)
    return paired


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return None


def _weekdays_right_in(named: list[_DayClue], year: int, *, until: dt.date | None = None) -> int:
    """How many days named with their weekday fall on that weekday in ``year`` (and, with
    ``until``, no later than it)."""
    return sum(
        1 for clue in named
        if (day := _safe_date(year, clue.month, clue.day)) and day.weekday() == clue.weekday
        and (until is None or day <= until)
    )


def _weekday_pinned_year(clues: _Clues, reference: int | None) -> tuple[int, str] | None:
    """The year in which the weekdays named with their dates ("Wednesday, 23 October") are right.

    The calendar repeats every few years, so the year that fits most such clues and lies nearest
    the reference year (the newest year the text or folder mentions), never before the text's own
    newest year, is taken.
    """
    named = [clue for clue in clues.yearless_days if clue.weekday is not None]
    if not named or reference is None:
        return None
    lowest = clues.year_floor if clues.year_floor is not None else reference - _YEAR_SEARCH

    def fits(year: int) -> int:
        return _weekdays_right_in(named, year)

    fitting = [year for year in range(lowest, reference + _YEAR_SEARCH + 1) if fits(year)]
    if not fitting:
        return None
    year = min(fitting, key=lambda year: (-fits(year), abs(year - reference), year))
    return year, f"{named[-1].quoted} fits {year}"


def _own_year(
    clues: _Clues, reference: int | None, *, folder_year: int | None = None
) -> tuple[int, str] | None:
    """The year the article's own text pins, and why; ``None`` if it pins none.

    A full date older than the folder's year is history ("the invasion on Feb. 24, 2022"), not
    the story's day, so it pins nothing then.
    """
    pinned = _weekday_pinned_year(clues, reference)
    if pinned:
        return pinned
    if clues.dated_days:
        newest, quoted = max(clues.dated_days)
        if (clues.year_floor is None or newest.year >= clues.year_floor) and (
            folder_year is None or newest.year >= folder_year
        ):
            return newest.year, f"{quoted} is the newest dated day"
    return None


def _resolve_day(clue: _DayClue, published: dt.date) -> dt.date | None:
    year = day_month_year(clue.day, clue.month, published)
    return _safe_date(year, clue.month, clue.day) if year is not None else None


def _newest_dated_event(clues: _Clues, candidate: dt.date) -> dt.date | None:
    """The newest event the text names by its date, read as if published on ``candidate``."""
    events = [day for day, _ in clues.dated_days]
    events += [day for clue in clues.yearless_days if (day := _resolve_day(clue, candidate))]
    return max(events, default=None)


def _violates(clues: _Clues, candidate: dt.date) -> bool:
    """Hard constraints: no dated event after publication; the "earlier this month" rule."""
    if any(day > candidate for day, _ in clues.dated_days):
        return True
    if clues.dateline and (candidate.month, candidate.day) != clues.dateline[:2]:
        return True
    if any(floor > candidate for floor in clues.month_floors):
        return True
    if clues.year_floor is not None and candidate.year < clues.year_floor:
        return True
    last_week_monday = candidate - dt.timedelta(days=candidate.weekday() + 7)
    for clue in clues.yearless_days:
        day = _resolve_day(clue, candidate)
        if day is not None and day > candidate:
            return True
        if clue.earlier_this_month and (
            day is None or (day.year, day.month) != (candidate.year, candidate.month)
            or day >= last_week_monday  # it would have been "last week" or "this week"
        ):
            return True
    return False


@dataclass(frozen=True)
class _Fit:
    """How well a candidate day fits the clues; lower is better, compared in field order."""

    lag: int  # days since the newest event, weekday mentions included
    weekdays_older: int  # weekday mentions older than the newest day named by date
    spread: int  # days back to the oldest weekday mention
    other_year: int  # years away from the year the text or folder names
    dated_lag: int  # days since the newest event named by its date
    anchor_distance: int  # days to the nearest date another article pins
    ordinal: int  # the earliest wins a tie

    def key(self) -> tuple[int, ...]:
        return (self.lag, self.weekdays_older, self.spread, self.other_year, self.dated_lag,
                self.anchor_distance, self.ordinal)


def _score(clues: _Clues, candidate: dt.date, year: int, anchors: list[dt.date]) -> _Fit:
    """How well ``candidate`` fits (see the module docstring for the order).

    News style (AP and most wires) names the weekday for the past week and the date for older
    days, so a weekday mention is normally newer than the days the text gives as dates; and
    reporters name weekdays only for the last few days, so the weekdays a text names lie close
    together just before publication ("on Friday ... over the weekend ... on Monday" is a Monday
    story). Each yearless day and weekday is resolved once: this runs for every candidate day.
    """
    yearless = [day for clue in clues.yearless_days if (day := _resolve_day(clue, candidate))]
    weekdays = [weekday_on_or_before(weekday, candidate) for weekday, _ in clues.weekdays]
    dated = [day for day, _ in clues.dated_days] + yearless
    newest_dated = max(dated, default=None)
    newest = max(dated + weekdays, default=None)
    # (a day named with its weekday is in the weekday style itself: a weekday may precede it)
    same_year = yearless + [day for day, _ in clues.dated_days
                            if day.year == candidate.year and day not in clues.weekday_named]
    newest_same_year = max(same_year, default=None)
    return _Fit(
        (candidate - newest).days if newest else 0,
        sum(1 for day in weekdays if day < newest_same_year) if newest_same_year else 0,
        max(((candidate - day).days for day in weekdays), default=0),
        abs(candidate.year - year),
        (candidate - newest_dated).days if newest_dated else 0,
        min((abs((candidate - anchor).days) for anchor in anchors), default=0),
        candidate.toordinal(),
    )


# Which candidate days the text cannot rule out. A story is published on a day that fits its
# clues best or the day after (time zones, overnight rewrites); a story whose newest event is
# named by its date (no weekday) may come up to a week later; nothing is more than a week from
# the best day unless only other articles' dates place it.
_NEXT_DAY_SLACK = 1
_DATED_LAG_SLACK = 7
# With weekday mentions, less: the same weekday a full week after the newest dated day would
# make the reader ask which week is meant, so such a text is taken to be of the first week.
_WEEKDAY_DATED_LAG_SLACK = 6
_WINDOW_DAYS = 7
# How far beyond the dates other articles pin an article dated only by them may lie.
_ANCHOR_SLACK_DAYS = 7
# The same when a single dated article is all the folder pins.
_LONE_ANCHOR_SLACK_DAYS = 30


def _fits_as_well(best: _Fit, fit: _Fit, *, has_weekdays: bool) -> bool:
    if fit.other_year > best.other_year or fit.weekdays_older > best.weekdays_older:
        return False
    if not has_weekdays:
        return fit.lag <= best.lag + _DATED_LAG_SLACK
    return (
        fit.lag <= best.lag and fit.spread <= best.spread
        and fit.dated_lag <= best.dated_lag + _WEEKDAY_DATED_LAG_SLACK
    )


def _window(
    clues: _Clues, scored: list[tuple[_Fit, dt.date]], best: tuple[_Fit, dt.date],
    stretch: list[dt.date],
) -> tuple[dt.date, dt.date]:
    """The first and last candidate day that fits about as well as the best one.

    Without a clue of its own to place it in the year, an article may lie anywhere in the
    ``stretch`` of dates the other articles pin, give or take a week: the anchor nearest to it
    chose the day only by convention. Otherwise the window stays within a week of the best day.
    """
    best_fit, best_day = best
    allowed = {day for _, day in scored}
    days = [
        day for fit, day in scored
        if _fits_as_well(best_fit, fit, has_weekdays=bool(clues.weekdays))
    ]
    days += [
        later for day in days
        if (later := day + dt.timedelta(days=_NEXT_DAY_SLACK)) in allowed
    ]
    if stretch:
        first = min(stretch) - dt.timedelta(days=_ANCHOR_SLACK_DAYS)
        last = max(stretch) + dt.timedelta(days=_ANCHOR_SLACK_DAYS)
    else:
        first = best_day - dt.timedelta(days=_WINDOW_DAYS)
        last = best_day + dt.timedelta(days=_WINDOW_DAYS)
    days = [day for day in days if first <= day <= last] + [best_day]
    return min(days), max(days)


def _best_candidate(
    clues: _Clues, year: int, anchors: list[dt.date], *, years: list[int],
    stretch: list[dt.date] | None = None,
) -> tuple[dt.date, _Clues, tuple[dt.date, dt.date], _Fit] | None:
    """The best day among ``years``, the clues it satisfies (an impossible pairing is dropped),
    the window of days that fit nearly as well, and how well the best day fits. ``year`` wins
    ties with the others.
    """
    candidates = [
        dt.date(candidate_year, 1, 1) + dt.timedelta(days=offset)
        for candidate_year in years
        for offset in range(366 if calendar.isleap(candidate_year) else 365)
    ]
    allowed = [candidate for candidate in candidates if not _violates(clues, candidate)]
    if allowed:
        scored = [(_score(clues, candidate, year, anchors), candidate) for candidate in allowed]
        best = min(scored, key=lambda item: item[0].key())
        return best[1], clues, _window(clues, scored, best, (stretch or []) + anchors), best[0]
    if any(clue.earlier_this_month for clue in clues.yearless_days):
        # The "earlier this month" pairing contradicts the other clues, so it was wrong.
        unpaired = replace(clues, yearless_days=tuple(
            replace(clue, earlier_this_month=False) for clue in clues.yearless_days))
        return _best_candidate(unpaired, year, anchors, years=years, stretch=stretch)
    return None


def _describe(
    clues: _Clues, chosen: dt.date, year: int, year_reason: str, anchors: list[dt.date]
) -> str:
    reasons = [
        year_reason if chosen.year == year else f"{chosen.year}: the clues fit it, not {year}"
    ]
    if clues.dateline:
        reasons.append(f"dateline {clues.dateline[2]}")
    paired = [clue.quoted for clue in clues.yearless_days if clue.earlier_this_month]
    if paired:
        reasons.append(f"{paired[0]} is earlier this month, before last week")
    if clues.weekdays:
        weekday, quoted = min(clues.weekdays, key=lambda item: (chosen.weekday() - item[0]) % 7)
        lag = (chosen.weekday() - weekday) % 7
        reasons.append(f"{quoted} is {'that day' if lag == 0 else f'{lag} day(s) before'}")
    else:
        newest = _newest_dated_event(clues, chosen)
        if newest:
            reasons.append(f"newest dated event {newest.isoformat()}")
    if anchors:
        nearest = min(anchors, key=lambda anchor: abs((chosen - anchor).days))
        reasons.append(f"nearest to {nearest.isoformat()}, pinned by another article")
    return f"{chosen.isoformat()}: " + "; ".join(reasons)


@dataclass(frozen=True)
class _Inference:
    guess: PublishedGuess
    own_year: bool = False  # the text itself names the year (full date, weekday with date)
    own_stretch: bool = False  # the text itself places the date within the year
    year_from_folder: bool = False


def _infer(
    clues: _Clues, *, folder_year: int | None, reference_year: int | None, anchors: list[dt.date],
    stretch: list[dt.date] | None = None,
) -> _Inference:
    own = _own_year(clues, reference_year, folder_year=folder_year)
    if own:
        year, year_reason = own
    elif folder_year is not None and (clues.year_floor is None or clues.year_floor <= folder_year):
        year, year_reason = folder_year, f"year {folder_year} from the folder"
    elif folder_year is not None:
        year, year_reason = clues.year_floor, f"year from {clues.year_floor_text}"
    else:
        floor = (
            f" (not before {clues.year_floor}, from {clues.year_floor_text})"
            if clues.year_floor else ""
        )
        return _Inference(PublishedGuess(None, f"no clue pins the year{floor}"))

    clues = _date_weekday_named_days(clues, year)
    # Full dates of earlier years are history: they bound nothing and say nothing about the day.
    clues = replace(clues, dated_days=tuple(
        (day, quoted) for day, quoted in clues.dated_days if day.year >= year))
    own_stretch = own is not None or bool(clues.yearless_days) or clues.dateline is not None or any(
        day.year == year for day, _ in clues.dated_days
    )
    if not own_stretch and not (clues.weekdays and anchors):
        by_month = _month_window(clues, folder_year)
        if by_month is not None:
            return _Inference(by_month)
        missing = "no weekday" if not clues.weekdays else "no date pinned by another article"
        return _Inference(PublishedGuess(
            None, f"{year_reason}, but nothing in the text pins the month ({missing})"))
    used_anchors = [] if own_stretch else anchors
    year_from_folder = own is None and year == folder_year
    years = [year - 1, year, year + 1] if year_from_folder else [year]
    best = _best_candidate(clues, year, used_anchors, years=years,
                           stretch=None if own_stretch else stretch)
    # only a reading that goes against news style can lose to the next year (see _reads_staler)
    if (own is not None and (best is None or any(_reads_staler(best)))
            and _weekday_pinned_year(clues, reference_year) is None):
        later = _best_candidate(clues, year + 1, used_anchors, years=[year + 1])
        if later is not None and (best is None or _reads_staler(best) > _reads_staler(later)):
            best, year = later, year + 1
            year_reason = f"{year_reason}, but the text's other days fit {year}"
    if best is None:
        return _Inference(PublishedGuess(None, f"the date clues contradict each other in {year}"))
    chosen, used_clues, (earliest, latest), _ = best
    evidence = _describe(used_clues, chosen, year, year_reason, used_anchors)
    if earliest != latest:
        evidence += f"; any day {earliest.isoformat()} to {latest.isoformat()} fits nearly as well"
    return _Inference(
        PublishedGuess(chosen, evidence, earliest, latest),
        own is not None, own_stretch, year_from_folder,
    )


def _reads_staler(best: tuple[dt.date, _Clues, tuple[dt.date, dt.date], _Fit]) -> tuple[bool, bool]:
    """How a reading of the text in one year goes against news style, worst first.

    A year the text writes ("reported on October 24, 2024") is not always the story's: news writes
    the year only of days outside the current year, so a day named without one that this reading
    puts months before the written day ("30 battles on April 25") says the written day is last
    year's history. And news reports what just happened: a reading in which the newest event is
    over a month old (forced there by "ratified in November" after "19 June 2024") is stale. The
    next year is taken only when it reads better on these.
    """
    chosen, used, _, fit = best
    newest_written = max(used.written_years, default=None)
    yearless = [day for clue in used.yearless_days if (day := _resolve_day(clue, chosen))]
    return (
        newest_written is not None
        and any((newest_written - day).days > _YEARLESS_GAP_DAYS for day in yearless),
        fit.lag > _STALE_DAYS,
    )


def _month_window(clues: _Clues, folder_year: int | None) -> PublishedGuess | None:
    """A text that dates events only by month ("In December 2024, ...; in November, ...") was
    published after the newest such month, most likely within two months of its end: a wide
    window, so only what every day of it agrees on resolves ("in November" does, "last month"
    does not). A month older than the folder's year is history, and weekdays would need a week."""
    months = [m for m in clues.event_months if folder_year is None or m.year >= folder_year]
    if not months or clues.weekdays:
        return None
    newest = max(months)
    month_end = newest.replace(day=calendar.monthrange(newest.year, newest.month)[1])
    latest = month_end + dt.timedelta(days=_MONTH_LAG_DAYS)
    return PublishedGuess(newest, (
        f"{newest:%B %Y} is the newest month the text dates an event in; any day "
        f"{newest.isoformat()} to {latest.isoformat()} fits"), newest, latest)


def _date_weekday_named_days(clues: _Clues, year: int) -> _Clues:
    """A day named with its weekday that fits ``year`` is a dated day of that year; the newest
    is a weekday mention too, since news names the weekday of the last few days: "on Tuesday
    (Dec 17) ... Earlier on Monday" was written that Tuesday, not on the Monday after it."""
    fitting = [
        clue for clue in clues.yearless_days
        if clue.weekday is not None
        and (day := _safe_date(year, clue.month, clue.day)) and day.weekday() == clue.weekday
    ]
    if not fitting:
        return clues
    named = [(dt.date(year, clue.month, clue.day), clue) for clue in fitting]
    newest_day, newest = max(named, key=lambda item: item[0])
    lead = () if any(day > newest_day for day, _ in clues.dated_days) else (
        (newest.weekday, newest.quoted),)
    return replace(
        clues,
        dated_days=clues.dated_days + tuple((day, clue.quoted) for day, clue in named),
        yearless_days=tuple(clue for clue in clues.yearless_days if clue not in fitting),
        weekdays=clues.weekdays + lead,
        weekday_named=clues.weekday_named + tuple(day for day, _ in named),
    )


def _most_common(years: list[int]) -> int | None:
    """The most frequent year; on a tie, the latest (history is older than news)."""
    counts = Counter(years)
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


def _story_year(strong: list[dt.date], weaker: list[dt.date]) -> int | None:
    """The year of the folder's story: the most common year among the most ``strong`` dates lying
    close together (of equal stretches, the one holding more ``weaker`` dates); without strong
    dates, among the most ``weaker`` ones. A folder whose strong dates split evenly between two
    years still has one stretch where its story is told."""
    days = strong or weaker
    core = _story_core(days, strong=weaker if strong else (), majority=False)
    if core is None:
        return None
    return _most_common([day.year for day in days if core[0] <= day <= core[1]])


def _reference_year(*years: int | None) -> int | None:
    return max((year for year in years if year is not None), default=None)


def infer_published(text: str, *, corpus_year: int | None = None) -> PublishedGuess:
    """Infer one article's publication date from its text.

    ``corpus_year`` is the year the folder's other articles pin: it is used when the text names no
    year of its own, and as the reference year for a weekday named with its date.
    """
    clues = _read_clues(text)
    reference = corpus_year if corpus_year is not None else clues.year_floor
    return _infer(clues, folder_year=corpus_year, reference_year=reference, anchors=[]).guess


def _story_core(
    pinned: list[dt.date], strong: Iterable[dt.date] = (), *, majority: bool = True
) -> tuple[dt.date, dt.date] | None:
    """The first and last of the most dates lying within ``_STORY_SPAN_DAYS`` of each other, when
    they are at least two and at least half of ``pinned``; else ``None`` (no one story).

    Of two such stretches the one holding more ``strong`` dates (those whose year the text itself
    pins) wins: a date that only the folder's year places may lie a year off, and must not pull
    the story towards itself."""
    days = sorted(pinned)
    strong_days = sorted(strong)

    def strong_within(first: dt.date, last: dt.date) -> int:
        return bisect.bisect_right(strong_days, last) - bisect.bisect_left(strong_days, first)

    best: tuple[int, int, int] | None = None  # (strong count, i, j)
    for i, first in enumerate(days):
        j = bisect.bisect_right(days, first + dt.timedelta(days=_STORY_SPAN_DAYS)) - 1
        key = (j - i, strong_within(first, days[j]))
        if best is None or key > (best[2] - best[1], best[0]):
            best = (key[1], i, j)
    if best is None:
        return None
    count = best[2] - best[1] + 1
    if majority and len(days) > 1 and (count < 2 or 2 * count < len(days)):
        return None
    return days[best[1]], days[best[2]]


def _near(day: dt.date, core: tuple[dt.date, dt.date]) -> bool:
    slack = dt.timedelta(days=_ANCHOR_SLACK_DAYS)
    return core[0] - slack <= day <= core[1] + slack


def _latest_fitting_year(clues: Iterable[_Clues], today: dt.date) -> int | None:
    """The latest year, not after ``today``, in which most of the weekdays the folder names with
    their dates ("Wednesday, 23 October") are right; ``None`` when no text names one.

    A folder that writes no year at all can still be placed by such a clue: the calendar repeats
    only every five to eleven years, and no article comes from the future, so the latest fitting
    year is the article's unless it is older than the calendar's cycle.
    """
    named = [clue for article in clues for clue in article.yearless_days if clue.weekday is not None]

    def fits(year: int) -> int:
        return _weekdays_right_in(named, year, until=today)

    fitting = [year for year in range(today.year - _YEAR_SEARCH, today.year + 1) if fits(year)]
    return max(fitting, key=lambda year: (fits(year), year)) if fitting else None


def infer_corpus_published(
    texts: dict[str, str], *, known: Mapping[str, dt.date] | None = None,
    today: dt.date | None = None,
) -> dict[str, PublishedGuess]:
    """Infer every article of a folder (one developing story), keyed like ``texts``.

    Each article is first read on its own, with the newest year any article mentions as the
    reference year for weekday-plus-date clues. The year of the stretch where the days the articles
    pin cluster becomes the folder's year for articles that name none. Articles whose text pins no stretch of the year then take
    the candidate nearest the dates other articles pin by their own year and date.

    ``known`` holds publication dates already known for some articles (a manifest): they are
    returned as given and are the folder's strongest evidence for the others. ``today`` bounds a
    folder that writes no year and knows no date: the latest year before it in which the
    weekdays named with their dates are right becomes the reference year.
    """
    known = {article_id: date for article_id, date in (known or {}).items() if date is not None}
    clues = {article_id: _read_clues(text) for article_id, text in texts.items()}
    folder_floor = _reference_year(*(article.year_floor for article in clues.values()))
    clock_year = None
    if folder_floor is None and not known and today is not None:
        folder_floor = clock_year = _latest_fitting_year(clues.values(), today)
    references = {
        article_id: _reference_year(article.year_floor, folder_floor)
        for article_id, article in clues.items()
    }
    # The folder's year: that of its story, where the dates the texts pin lie close together;
    # known dates and weekday-named dates first (a full date may be history).
    # (the year of the day the text fits best: "April 25" beside "October 24, 2024" is of 2025)
    own_days = {
        article_id: inference.guess.date for article_id, article in clues.items()
        if article_id not in known and _own_year(article, references[article_id])
        and (inference := _infer(article, folder_year=None, reference_year=references[article_id],
                                 anchors=[])).guess.date
    }
    strong_days = list(known.values()) + [
        day for article_id, day in own_days.items()
        if _weekday_pinned_year(clues[article_id], references[article_id])
    ]
    folder_year = _story_year(strong_days, list(own_days.values()))

    first_pass = {
        article_id: _infer(article, folder_year=folder_year,
                           reference_year=references[article_id], anchors=[])
        for article_id, article in clues.items()
        if article_id not in known
    }
    # Anchors: known dates, and dates whose year and day the article's own text pins (the
    # strongest clues); failing those, any date an article's own text places in the year.
    anchors = list(known.values()) + [
        inference.guess.date for inference in first_pass.values()
        if inference.own_year and inference.guess.date
    ] or [
        inference.guess.date for inference in first_pass.values()
        if inference.own_stretch and inference.guess.date
    ]
    # A folder is one developing story where most of the dates its texts pin lie close together
    # (its core); a stray article from another season does not break the story for the rest,
    # but it lends nothing and borrows nothing.
    pinned = list(known.values()) + [
        inference.guess.date for inference in first_pass.values()
        if inference.own_stretch and inference.guess.date
    ]
    core = _story_core(pinned, strong=[
        inference.guess.date for inference in first_pass.values()
        if inference.own_year and inference.guess.date
    ] + list(known.values()))
    span = (max(pinned) - min(pinned)).days if pinned else 0
    # Dated articles outside the core show the folder mixes stories: an article that only its
    # weekdays could place may belong to any of them, so the core does not date it.
    strays = [day for day in pinned if not _near(day, core)] if core is not None else []
    # ... but one stray among many dates is likelier a misread date than a second story
    mixed = len(strays) >= 2 or _STRAY_SHARE * len(strays) > len(pinned)
    if core is not None:
        anchors = [anchor for anchor in anchors if core[0] <= anchor <= core[1]]
    # The stretch an article dated only by the folder may lie in: every day the others could be.
    stretch = [day for day in pinned + [
        inference.guess.latest for inference in first_pass.values()
        if inference.own_stretch and inference.guess.latest
    ] if core is not None and core[0] <= day <= core[1] + dt.timedelta(days=_ANCHOR_SLACK_DAYS)]
    if stretch and len({day for day in pinned if core is not None and core[0] <= day <= core[1]}) < 2:
        # one dated article shows a day of the story, not how long it runs: the others may lie
        # weeks either side of it
        widen = dt.timedelta(days=_LONE_ANCHOR_SLACK_DAYS - _ANCHOR_SLACK_DAYS)
        stretch += [min(stretch) - widen, max(stretch) + widen]

    results: dict[str, PublishedGuess] = {}
    for article_id, article in clues.items():
        if article_id in known:
            results[article_id] = PublishedGuess(known[article_id], "given (not inferred)")
            continue
        inference = first_pass[article_id]
        if not inference.own_stretch and mixed and article.weekdays:
            inference = _Inference(PublishedGuess(None, (
                "nothing in the text pins the month, and the folder mixes stories "
                f"({len(strays)} of its dated articles lie outside {core[0].isoformat()} to "
                f"{core[1].isoformat()}), so its other articles' dates do not date this one")))
        elif not inference.own_stretch and core is not None:
            inference = _infer(article, folder_year=folder_year,
                               reference_year=references[article_id], anchors=anchors,
                               stretch=stretch)
        guess = inference.guess
        borrowed_year = (
            inference.year_from_folder and guess.date and guess.date.year == folder_year
        )
        if borrowed_year and core is None:
            guess = PublishedGuess(None, (
                f"only the folder's year {folder_year} would date it, and the folder's dated "
                f"articles span {span} days: not one story"))
        elif borrowed_year and core is not None and not _near(guess.date, core):
            guess = PublishedGuess(None, (
                f"only the folder's year {folder_year} would date it, and that puts it outside "
                f"the stretch most of the folder's articles pin ({core[0].isoformat()} to "
                f"{core[1].isoformat()})"))
        if clock_year is not None and guess.date is not None:
            guess = replace(guess, evidence=(
                f"{guess.evidence} (no article writes a year: {clock_year} is the latest year "
                f"before {today.isoformat()} in which the folder's weekdays fit their dates)"))
        results[article_id] = guess
    return results
