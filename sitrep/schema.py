"""The four tables' columns, documented once and checked at build time.

This is the contract between the pipeline, the dashboard and ``../shared/eval/score.py``
(``../shared/CONTRACT.md``). Columns may be added; the contract's columns are never renamed or
dropped. Every extractor returns a frame that :func:`conform` accepts; the build calls
:func:`validate` on each table before anything is written.

Kinds: ``str`` (never null: empty string for "unknown"), ``int`` (int64, never null),
``float`` (float64, NaN for "not given"). Dates are ISO strings, ``YYYY-MM-DD`` or ``YYYY-MM``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

QUALIFIERS = ("exact", "approx", "at_least", "up_to", "as_many_as", "over", "range")
FIGURE_CATEGORIES = ("troops", "casualties", "munitions", "equipment", "other")
STANCES = ("reported", "confirmed", "projected", "denied", "disputed")
PRECISIONS = ("day", "month")
PUBLISHED_BASES = ("manifest", "inferred", "unknown")
EVENT_TYPES = (
    "statement", "warning", "meeting", "diplomatic", "deployment", "attack", "casualties",
    "transfer", "agreement", "report", "other",
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str" | "int" | "float"
    doc: str


ARTICLES = (
    Column("article_id", "str", "file name without its extension"),
    Column("title", "str", "manifest, else inferred from the text, else empty"),
    Column("outlet", "str", "manifest, else inferred (a 'Source:' line, a credit), else empty"),
    Column("url", "str", "manifest, else empty"),
    Column("published", "str", "ISO date; manifest, else inferred, else empty"),
    Column("published_basis", "str", "|".join(PUBLISHED_BASES)),
    Column("published_earliest", "str", "first day the text allows (an inferred date's window); else = published"),
    Column("published_latest", "str", "last day the text allows (an inferred date's window); else = published"),
    Column("text", "str", "the displayed text; every offset in every table points into it"),
    Column("n_chars", "int", "length of text"),
    Column("source_file", "str", "the file name the article was read from"),
    Column("content_hash", "str", "sha256 of the file's bytes: the build cache key"),
)

QUOTES = (
    Column("quote_id", "str", "stable id: article_id:q:start"),
    Column("article_id", "str", "the article"),
    Column("start", "int", "offset of the quoted words (marks excluded)"),
    Column("end", "int", "end offset of the quoted words"),
    Column("text", "str", "the quoted words"),
    Column("speaker", "str", "canonical name of who said it; a role label when unnamed"),
    Column("speaker_raw", "str", "the words the article used for the speaker"),
    Column("speaker_country", "str", "speaker's country or affiliation where the text gives it"),
    Column("cue", "str", "the attribution cue's lemma (say, tell, warn, according_to, colon, transcript ...)"),
    Column("date_said", "str", "ISO date the text gives for the statement, else empty"),
    Column("date_precision", "str", "day | month | empty"),
    Column("sentence_start", "int", "offset of the sentence holding the quote"),
    Column("sentence_end", "int", "end offset of that sentence"),
    Column("quote_cluster", "str", "id shared by the same quote reported in several articles"),
    Column("cluster_size", "int", "how many articles report this quote cluster"),
)

FIGURES = (
    Column("figure_id", "str", "stable id: article_id:f:number_start"),
    Column("article_id", "str", "the article"),
    Column("start", "int", "offset of the clause or sentence holding the number"),
    Column("end", "int", "end offset of that clause or sentence"),
    Column("number_text", "str", "the number as written ('1.5 million', 'six')"),
    Column("number_start", "int", "offset of the number as written"),
    Column("number_end", "int", "end offset of the number as written"),
    Column("value", "float", "headline number (1.5 million -> 1500000)"),
    Column("low", "float", "lower bound where the text gives one, else NaN"),
    Column("high", "float", "upper bound where the text gives one, else NaN"),
    Column("qualifier", "str", "|".join(QUALIFIERS)),
    Column("category", "str", "|".join(FIGURE_CATEGORIES)),
    Column("subject", "str", "short noun phrase: what is counted"),
    Column("claimant", "str", "canonical name of who asserts it; the outlet or 'article' if nobody"),
    Column("claimant_raw", "str", "the words the article used for the claimant"),
    Column("stance", "str", "|".join(STANCES)),
    Column("as_of", "str", "when the claim was made: the sentence's date, else publication date"),
    Column("as_of_precision", "str", "day | month | empty"),
    Column("as_of_basis", "str", "text | published | unknown"),
)

EVENTS = (
    Column("event_id", "str", "stable id: article_id:e:date_start"),
    Column("article_id", "str", "the article"),
    Column("start", "int", "offset of the clause or sentence holding the date expression"),
    Column("end", "int", "end offset of that clause or sentence"),
    Column("date_text", "str", "the date expression as written"),
    Column("date", "str", "YYYY-MM-DD, or YYYY-MM when only the month is known"),
    Column("precision", "str", "day | month"),
    Column("actor", "str", "canonical main actor"),
    Column("actor_raw", "str", "the words the article used for the actor"),
    Column("actor_country", "str", "the actor's country where known"),
    Column("event_type", "str", "|".join(EVENT_TYPES)),
    Column("summary", "str", "what happened, one short line"),
    Column("event_cluster", "str", "id shared by the same happening reported in several articles"),
    Column("cluster_size", "int", "how many articles report this event cluster"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLES,
    "quotes": QUOTES,
    "figures": FIGURES,
    "events": EVENTS,
}

class SchemaError(ValueError):
    """A table does not match its documented columns."""


def columns(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row frame with the table's columns and dtypes."""
    return conform(pd.DataFrame(columns=columns(table)), table)


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The table's columns in documented order and kinds; extra columns are kept after them.

    Missing ``str`` columns become ``""``, missing ``float`` columns NaN; a missing ``int`` column
    is an error, because no default is honest for an offset.
    """
    out = frame.copy()
    for col in TABLES[table]:
        if col.name not in out.columns:
            if col.kind == "int":
                raise SchemaError(f"{table}: column {col.name!r} is missing")
            out[col.name] = "" if col.kind == "str" else float("nan")
        if col.kind == "str":
            out[col.name] = out[col.name].fillna("").astype(str).astype(object)
        elif col.kind == "int":
            out[col.name] = out[col.name].astype("int64")
        else:
            out[col.name] = pd.to_numeric(out[col.name], errors="coerce").astype("float64")
    extra = [c for c in out.columns if c not in columns(table)]
    return out[columns(table) + extra].reset_index(drop=True)


def validate(frame: pd.DataFrame, table: str) -> None:
    """Raise :class:`SchemaError` unless ``frame`` has every documented column with its kind."""
    problems = []
    for col in TABLES[table]:
        if col.name not in frame.columns:
            problems.append(f"missing column {col.name!r}")
            continue
        series = frame[col.name]
        if col.kind == "str" and not (series.map(lambda v: isinstance(v, str)).all()):
            problems.append(f"{col.name!r} must hold strings only")
        elif col.kind == "int" and not pd.api.types.is_integer_dtype(series):
            problems.append(f"{col.name!r} must be int64, is {series.dtype}")
        elif col.kind == "float" and not pd.api.types.is_float_dtype(series):
            problems.append(f"{col.name!r} must be float64, is {series.dtype}")
    checks = {
        "articles": [("published_basis", PUBLISHED_BASES)],
        "figures": [("qualifier", QUALIFIERS), ("category", FIGURE_CATEGORIES), ("stance", STANCES)],
        "events": [("precision", PRECISIONS), ("event_type", EVENT_TYPES)],
    }
    for name, allowed in checks.get(table, []):
        if name in frame.columns:
            bad = sorted(set(frame[name]) - set(allowed))
            if bad:
                problems.append(f"{name!r} has values outside {allowed}: {bad[:5]}")
    if problems:
        raise SchemaError(f"{table}: " + "; ".join(problems))


def describe() -> str:
    """Markdown documentation of every table, used by the README and its doc test."""
    lines = []
    for table, cols in TABLES.items():
        lines.append(f"### {table}\n\n| column | kind | meaning |\n|---|---|---|")
        # a bare "|" would end the Markdown cell: allowed values read "a / b" in the docs
        lines += [f"| `{c.name}` | {c.kind} | {c.doc.replace('|', ' / ')} |" for c in cols]
        lines.append("")
    return "\n".join(lines)
