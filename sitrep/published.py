"""Infer an article's publication date from its own text (and, weakly, from its folder).

Why this module exists: articles pasted from the web arrive without metadata, yet every relative
date in them ("on Sunday", "last week") needs the publication date to mean anything. The text
usually carries enough clues to recover it: a weekday named together with its date pins the year,
dated events bound the publication from below, "earlier this month ... on November 7" fixes the
month, and weekday mentions ("on Tuesday", "over the weekend") say which day of the week the story
was written.

How: the clues become hard constraints and soft preferences over every candidate day of the year
the text (or the folder) points to; the best candidate wins and the clues that decided it are kept
as human-readable evidence.

* Hard: never before a dated event of the text; a day called "earlier this month" is in the
  publication month and before the previous calendar week (had it been in that week, a reporter
  would have written "last week").
* Soft, in this order: as little time as possible between the newest event of the text and
  publication (news reports what just happened; a weekday mention is an event on the most recent
  such day, "over the weekend" counts as Sunday); closeness to the dates the folder's other
  articles pin (a folder is one developing story); then the earliest date.

What it does not do: it never invents a year. Without a date naming its year, a weekday named with
its date, or a year supplied by the folder, the date is ``None``. An article whose own text pins
no month (only weekdays, only months like "in June") is dated only when the folder gives anchors.
A manifest date always wins over this guess (that is the build's job, not this module's).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.dates import (
    DateMention,
    ParsedDate,
    day_month_year,
    parsed_mentions,
    weekday_on_or_before,
)

__all__ = ["PublishedGuess", "infer_published", "infer_corpus_published"]

# Prepositions that make a date a deadline or a plan, not an event that has happened.
_FUTURE_PREPOSITIONS = {"until", "by", "before", "through"}
_SUNDAY = 6
# How far apart (characters) a "this month" phrase and a date may be and still describe one event.
_SAME_PASSAGE_CHARS = 400


@dataclass(frozen=True)
class PublishedGuess:
    """The inferred publication date (or ``None``) and a short human reason for it."""

    date: dt.date | None
    evidence: str


@dataclass
class _Clues:
    """Date clues of one article, read once from its text."""

    year_floor: int | None = None
    year_floor_text: str = ""
    dated_days: list[tuple[dt.date, str]] = field(default_factory=list)
    weekday_dates: list[tuple[int, int, int, str]] = field(default_factory=list)  # weekday, month, day
    yearless_days: list[tuple[int, int, str, bool]] = field(default_factory=list)  # month, day, this month?
    yearless_months: list[tuple[int, str]] = field(default_factory=list)
    month_floors: list[tuple[dt.date, str]] = field(default_factory=list)
    weekdays: list[tuple[int, str]] = field(default_factory=list)

    def raise_floor(self, year: int, text: str) -> None:
        if self.year_floor is None or year > self.year_floor:
            self.year_floor, self.year_floor_text = year, text


def _read_clues(text: str) -> _Clues:
    clues = _Clues()
    mentions = parsed_mentions(text)
    earlier_this_month = _days_called_earlier_this_month(text, mentions)
    for mention, parsed in mentions:
        if parsed.preposition in _FUTURE_PREPOSITIONS:
            continue
        quoted = repr(mention.text)
        if parsed.kind == "absolute_day":
            if parsed.year is not None:
                clues.dated_days.append((dt.date(parsed.year, parsed.month, parsed.day), quoted))
                clues.raise_floor(parsed.year, quoted)
                continue
            if parsed.weekday is not None:
                clues.weekday_dates.append((parsed.weekday, parsed.month, parsed.day, quoted))
            clues.yearless_days.append(
                (parsed.month, parsed.day, quoted, mention.start in earlier_this_month)
            )
        elif parsed.kind == "absolute_month":
            if parsed.year is not None:
                clues.month_floors.append((dt.date(parsed.year, parsed.month, 1), quoted))
                clues.raise_floor(parsed.year, quoted)
            else:
                clues.yearless_months.append((parsed.month, quoted))
        elif parsed.kind == "year":
            clues.raise_floor(parsed.year, quoted)
        elif parsed.kind == "weekday" and parsed.weekday_mode != "next":
            clues.weekdays.append((parsed.weekday, quoted))
        elif parsed.relative == "weekend":
            clues.weekdays.append((_SUNDAY, quoted))
    return clues


def _days_called_earlier_this_month(
    text: str, mentions: list[tuple[DateMention, ParsedDate]]
) -> set[int]:
    """Starts of the yearless days that an "earlier this month" phrase dates.

    "At a press conference earlier this month ... he said on November 7": the phrase and the date
    describe one event when they share a paragraph and lie close together; each phrase takes the
    nearest such day (it may come a sentence or two later).
    """
    days = [
        mention for mention, parsed in mentions
        if parsed.kind == "absolute_day" and parsed.year is None
        and parsed.preposition not in _FUTURE_PREPOSITIONS
    ]
    chosen: set[int] = set()
    for mention, parsed in mentions:
        if parsed.relative != "this_month" or not mention.text.lower().startswith("earlier"):
            continue
        nearby = [
            day for day in days
            if abs(day.start - mention.start) <= _SAME_PASSAGE_CHARS
            and "\n" not in text[min(day.start, mention.start):max(day.start, mention.start)]
        ]
        if nearby:
            chosen.add(min(nearby, key=lambda day: abs(day.start - mention.start)).start)
    return chosen


def _weekday_pinned_year(clues: _Clues, reference: int | None) -> tuple[int, str] | None:
    """The year in which a weekday named with its date ("Wednesday, 23 October") is right.

    Many years fit (the calendar repeats); the one nearest the reference year (the text's or the
    folder's newest year) and not before the text's own newest year is taken.
    """
    if not clues.weekday_dates or reference is None:
        return None
    weekday, month, day, quoted = clues.weekday_dates[-1]
    lowest = clues.year_floor or reference - 15
    fitting = [
        year for year in range(lowest, reference + 16)
        if _safe_date(year, month, day) and dt.date(year, month, day).weekday() == weekday
    ]
    if not fitting:
        return None
    year = min(fitting, key=lambda candidate: (abs(candidate - reference), candidate))
    return year, f"{quoted} fits {year}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _own_year(clues: _Clues, reference: int | None) -> tuple[int, str] | None:
    """The year the article's own text pins, if it pins one."""
    pinned = _weekday_pinned_year(clues, reference)
    if pinned:
        return pinned
    if clues.dated_days:
        newest, quoted = max(clues.dated_days)
        if clues.year_floor is None or newest.year >= clues.year_floor:
            return newest.year, f"{quoted} is the newest dated day"
    return None


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _newest_event(clues: _Clues, candidate: dt.date, *, with_weekdays: bool) -> dt.date | None:
    """The newest day-precision event of the text, read as if published on ``candidate``.

    With ``with_weekdays``, weekday mentions count as events ("on Sunday" is the Sunday on or
    before ``candidate``). Months ("in June") are left out: on their own they only say the month
    has begun, not how long ago.
    """
    events: list[dt.date] = [day for day, _ in clues.dated_days]
    for month, day, _, _ in clues.yearless_days:
        year = day_month_year(day, month, candidate)
        if year is not None and _safe_date(year, month, day):
            events.append(dt.date(year, month, day))
    if with_weekdays:
        events.extend(weekday_on_or_before(weekday, candidate) for weekday, _ in clues.weekdays)
    return max(events) if events else None


def _violates(clues: _Clues, candidate: dt.date) -> bool:
    """Hard constraints: no dated event after publication; "earlier this month" rules."""
    for day, _ in clues.dated_days:
        if day > candidate:
            return True
    for floor, _ in clues.month_floors:
        if floor > candidate:
            return True
    if clues.year_floor is not None and candidate.year < clues.year_floor:
        return True
    monday = candidate - dt.timedelta(days=candidate.weekday())
    for month, day, _, this_month in clues.yearless_days:
        year = day_month_year(day, month, candidate)
        if year is not None and _safe_date(year, month, day) and dt.date(year, month, day) > candidate:
            return True
        if this_month:
            if candidate.month != month or candidate.day <= day:
                return True
            # Called "earlier this month", not "last week": it lies before the previous week.
            if _safe_date(candidate.year, month, day) and dt.date(candidate.year, month, day) >= monday - dt.timedelta(days=7):
                return True
    return False


def _score(clues: _Clues, candidate: dt.date, anchors: list[dt.date]) -> tuple[int, int, int, int]:
    """Lower is better: days since the newest event (weekdays included), days since the newest
    dated event, distance to the folder's anchors, then the earlier date."""
    newest = _newest_event(clues, candidate, with_weekdays=True)
    newest_dated = _newest_event(clues, candidate, with_weekdays=False)
    gap = (candidate - newest).days if newest else 0
    dated_gap = (candidate - newest_dated).days if newest_dated else 0
    anchor_distance = min((abs((candidate - anchor).days) for anchor in anchors), default=0)
    return gap, dated_gap, anchor_distance, candidate.toordinal()


def _pins_own_month(clues: _Clues, year: int) -> bool:
    """Whether the text itself places the publication in a known stretch of the year."""
    return bool(clues.yearless_days or any(day.year == year for day, _ in clues.dated_days))


def _best_candidate(
    clues: _Clues, year: int, anchors: list[dt.date]
) -> dt.date | None:
    first = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - first).days
    candidates = [first + dt.timedelta(days=offset) for offset in range(days)]
    allowed = [candidate for candidate in candidates if not _violates(clues, candidate)]
    if not allowed and any(this_month for *_, this_month in clues.yearless_days):
        # The "earlier this month" pairing was wrong (it contradicts the rest): drop it.
        relaxed = _Clues(**{**clues.__dict__, "yearless_days": [
            (month, day, quoted, False) for month, day, quoted, _ in clues.yearless_days]})
        return _best_candidate(relaxed, year, anchors)
    if not allowed:
        return None
    return min(allowed, key=lambda candidate: _score(clues, candidate, anchors))


def _describe(clues: _Clues, chosen: dt.date, year_reason: str, anchors: list[dt.date]) -> str:
    reasons = [year_reason]
    this_month = [quoted for _, _, quoted, near in clues.yearless_days if near]
    if this_month:
        reasons.append(f"{this_month[0]} is earlier this month, before last week")
    if clues.weekdays:
        weekday, quoted = min(clues.weekdays, key=lambda item: (chosen.weekday() - item[0]) % 7)
        lag = (chosen.weekday() - weekday) % 7
        reasons.append(f"{quoted} is {'that day' if lag == 0 else f'{lag} day(s) before'}")
    newest = _newest_event(clues, chosen, with_weekdays=False)
    if newest and not clues.weekdays:
        reasons.append(f"newest dated event {newest.isoformat()}")
    if anchors:
        nearest = min(anchors, key=lambda anchor: abs((chosen - anchor).days))
        reasons.append(f"nearest to {nearest.isoformat()} pinned by the folder")
    return f"{chosen.isoformat()}: " + "; ".join(reasons)


def _infer(
    clues: _Clues, *, corpus_year: int | None, anchors: list[dt.date]
) -> tuple[PublishedGuess, bool]:
    """The guess and whether the article's own text pinned it (not only the folder)."""
    reference = max(filter(None, (clues.year_floor, corpus_year)), default=None)
    own = _own_year(clues, corpus_year if corpus_year is not None else reference)
    if own:
        year, year_reason = own
    elif corpus_year is not None:
        year, year_reason = corpus_year, f"year {corpus_year} from the folder"
        if clues.year_floor is not None and clues.year_floor > corpus_year:
            year, year_reason = clues.year_floor, f"year from {clues.year_floor_text}"
    else:
        note = f" (not before {clues.year_floor}, from {clues.year_floor_text})" if clues.year_floor else ""
        return PublishedGuess(None, f"no clue pins the year{note}"), False

    pinned = own is not None or _pins_own_month(clues, year)
    if not pinned and not clues.weekdays:
        return PublishedGuess(None, f"{year_reason}, but nothing in the text pins the day"), False
    if not pinned and not anchors:
        return PublishedGuess(
            None, f"{year_reason}, but nothing in the text pins the month"
        ), False
    chosen = _best_candidate(clues, year, [] if pinned else anchors)
    if chosen is None:
        return PublishedGuess(None, f"the date clues contradict each other in {year}"), False
    return PublishedGuess(chosen, _describe(clues, chosen, year_reason, [] if pinned else anchors)), pinned


def infer_published(text: str, *, corpus_year: int | None = None) -> PublishedGuess:
    """Infer one article's publication date from its text.

    ``corpus_year`` is the year the folder's other articles pin; it is used only when the text
    names no year of its own, and as the reference for weekday-plus-date clues.
    """
    guess, _ = _infer(_read_clues(text), corpus_year=corpus_year, anchors=[])
    return guess


def infer_corpus_published(texts: dict[str, str]) -> dict[str, PublishedGuess]:
    """Infer every article of a folder (one developing story), keyed like ``texts``.

    First each article on its own, with the newest year the folder mentions as the reference
    year; then the year most articles pin becomes the folder's year, and articles whose text pins
    no month take the candidate nearest the dates that other articles pin.
    """
    clues = {article_id: _read_clues(text) for article_id, text in texts.items()}
    folder_floor = max((c.year_floor for c in clues.values() if c.year_floor), default=None)

    own_years: dict[str, int] = {}
    for article_id, article_clues in clues.items():
        own = _own_year(article_clues, max(filter(None, (article_clues.year_floor, folder_floor)), default=None))
        if own:
            own_years[article_id] = own[0]
    folder_year = Counter(own_years.values()).most_common(1)[0][0] if own_years else None

    first_pass = {
        article_id: _infer(article_clues, corpus_year=own_years.get(article_id, folder_year), anchors=[])
        for article_id, article_clues in clues.items()
    }
    # Anchors: dates pinned by a weekday named with its date or a full date (the strongest clues);
    # failing those, any date an article's own text pinned.
    strong = [
        guess.date for article_id, (guess, pinned) in first_pass.items()
        if pinned and guess.date and article_id in own_years
    ]
    anchors_all = strong or [guess.date for guess, pinned in first_pass.values() if pinned and guess.date]

    results: dict[str, PublishedGuess] = {}
    for article_id, article_clues in clues.items():
        guess, pinned = first_pass[article_id]
        if pinned:
            results[article_id] = guess
            continue
        own_date = first_pass[article_id][0].date
        anchors = [anchor for anchor in anchors_all if anchor != own_date]
        results[article_id], _ = _infer(
            article_clues, corpus_year=own_years.get(article_id, folder_year), anchors=anchors
        )
    return results
