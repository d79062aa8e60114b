"""Quote search: one query box that forgives case, accents and spelling variants.

A query is words and ``"quoted phrases"``. Every word and phrase must match (AND). Words match a
quote's words after case and accent folding, by shared stem (``diplomat`` finds
``diplomatic``), by prefix of the stem, or by close spelling (``Kowalsky`` finds ``Kowalski``);
words also match the speaker's name. Phrases match the folded quote text exactly, with any run of
spaces standing for any whitespace. Matches are reported as character spans into the original quote
text so the page can highlight them (see :mod:`sitrep.highlight`).

This module ranks nothing cleverly and knows no synonyms; it is a fast, predictable filter over the
quotes table. Build a :class:`QuoteIndex` once per table (the dashboard caches it) and query it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz

from sitrep.views import filter_rows

# Typographic variants that should compare equal to their plain forms.
_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2026": "...",
}
_WORD = re.compile(r"[^\W_]+")
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
# Longest first; a stem keeps at least _MIN_STEM characters so short words stay themselves.
_SUFFIXES = (
    "ically", "ations", "ation", "ments", "ities", "ness", "ment", "ical", "ists", "isms", "ity",
    "ist", "ism", "ing", "ies", "ed", "es", "ic", "al", "ly", "s", "e", "y",
)
_MIN_STEM = 4
_FUZZY_MIN_LEN = 5
_FUZZY_SCORE = 85.0


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` case- and accent-folded, and for each folded character its index in ``text``.

    The offset list has one extra entry (``len(text)``) so a folded span ``[a, b)`` maps back to
    ``[offsets[a], offsets[b])``; folding may change the length (``ß`` -> ``ss``, ``…`` -> ``...``).
    """
    if text.isascii():
        return text.casefold().replace("`", "'"), list(range(len(text) + 1))
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = _FOLD.get(char)
        if folded is None:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        out.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(out), origin


def fold(text: str) -> str:
    """Case- and accent-folded text (typographic quotes and dashes made plain)."""
    return fold_with_offsets(text)[0]


def stem(word: str) -> str:
    """A crude suffix-stripping stem: enough to make spelling variants of one word meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def word_matches(query_word: str, word: str) -> bool:
    """Whether a folded query word matches a folded text word (see the module docstring)."""
    if query_word == word:
        return True
    query_stem, word_stem = stem(query_word), stem(word)
    if query_stem == word_stem:
        return True
    if len(query_stem) >= _MIN_STEM + 1 and word.startswith(query_stem):
        return True
    if len(query_word) >= _FUZZY_MIN_LEN and abs(len(query_word) - len(word)) <= 2:
        return fuzz.ratio(query_word, word) >= _FUZZY_SCORE
    return False


@dataclass(frozen=True)
class ParsedQuery:
    """Folded words and phrases; a query with neither matches everything."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases


def parse_query(query: str) -> ParsedQuery:
    """Split a query into words and ``"quoted phrases"`` (an unclosed quote runs to the end)."""
    folded = fold(query or "")
    words: list[str] = []
    phrases: list[str] = []
    for phrase, bare in _QUERY_PART.findall(folded):
        if phrase.strip():
            phrases.append(" ".join(phrase.split()))
        elif bare:
            words.extend(_WORD.findall(bare))
    return ParsedQuery(words=tuple(words), phrases=tuple(phrases))


@dataclass
class QuoteIndex:
    """Folded quote texts and an inverted word index, keyed by ``quote_id``."""

    quote_ids: list[str]
    folded: list[str]
    offsets: list[list[int]]
    word_spans: list[dict[str, list[tuple[int, int]]]]
    speaker_words: list[set[str]]
    vocabulary: dict[str, set[int]] = field(default_factory=dict)


def build_index(quotes: pd.DataFrame) -> QuoteIndex:
    """Index the ``text`` and ``speaker`` of every quote (one pass; reuse it for every query)."""
    index = QuoteIndex([], [], [], [], [])
    vocabulary: dict[str, set[int]] = defaultdict(set)
    for position, (quote_id, text, speaker) in enumerate(
        zip(quotes["quote_id"], quotes["text"], quotes["speaker"])
    ):
        folded, offsets = fold_with_offsets(text)
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for match in _WORD.finditer(folded):
            spans[match.group()].append((offsets[match.start()], offsets[match.end()]))
            vocabulary[match.group()].add(position)
        speaker_words = set(_WORD.findall(fold(speaker)))
        for word in speaker_words:
            vocabulary[word].add(position)
        index.quote_ids.append(quote_id)
        index.folded.append(folded)
        index.offsets.append(offsets)
        index.word_spans.append(dict(spans))
        index.speaker_words.append(speaker_words)
    index.vocabulary = dict(vocabulary)
    return index


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(part) for part in phrase.split(" ")))


def match_quotes(index: QuoteIndex, query: ParsedQuery) -> dict[str, list[tuple[int, int]]]:
    """quote_id -> highlight spans (into the original text) for every quote matching ``query``."""
    candidates = set(range(len(index.quote_ids)))
    word_variants: list[set[str]] = []
    for word in query.words:
        variants = {v for v in index.vocabulary if word_matches(word, v)}
        word_variants.append(variants)
        candidates &= set().union(*(index.vocabulary[v] for v in variants)) if variants else set()
    patterns = [_phrase_pattern(p) for p in query.phrases]
    results: dict[str, list[tuple[int, int]]] = {}
    for position in sorted(candidates):
        folded, offsets = index.folded[position], index.offsets[position]
        spans: list[tuple[int, int]] = []
        for pattern in patterns:
            hits = [(offsets[m.start()], offsets[m.end()]) for m in pattern.finditer(folded)]
            if not hits:
                break
            spans.extend(hits)
        else:
            for variants in word_variants:
                for variant in variants:
                    spans.extend(index.word_spans[position].get(variant, []))
            results[index.quote_ids[position]] = sorted(set(spans))
    return results


def search_quotes(
    quotes: pd.DataFrame,
    query: str,
    *,
    index: QuoteIndex | None = None,
    speakers: Iterable[str] = (),
    countries: Iterable[str] = (),
    article_ids: Iterable[str] = (),
) -> pd.DataFrame:
    """The quotes matching ``query`` and the filters, best first, with ``match_spans``.

    ``index`` may cover more quotes than ``quotes`` (e.g. built once on the unfiltered table);
    only rows of ``quotes`` are returned. Ranking: more highlighted matches first, then the most
    widely reported (``cluster_size``), then text order. An empty query returns every filtered
    quote with no spans.
    """
    subset = filter_rows(quotes, speaker=speakers, speaker_country=countries, article_id=article_ids)
    parsed = parse_query(query)
    if parsed.is_empty:
        out = subset.copy()
        out["match_spans"] = [[] for _ in range(len(out))]
        out["matches"] = 0
    else:
        matches = match_quotes(index if index is not None else build_index(subset), parsed)
        out = subset[subset["quote_id"].isin(matches.keys())].copy()
        out["match_spans"] = [matches[q] for q in out["quote_id"]]
        out["matches"] = [len(spans) for spans in out["match_spans"]]
    return out.sort_values(
        ["matches", "cluster_size", "article_id", "start"], ascending=[False, False, True, True],
        ignore_index=True,
    )
