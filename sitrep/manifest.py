"""Reads the optional ``articles.csv`` manifest: what an analyst knows about each article.

Columns ``article_id,title,outlet,url,published``; any may be empty, extra columns are ignored.
A manifest value always wins over an inferred one. A malformed line (wrong number of fields, no
``article_id``, a ``published`` value that is not a date) is reported and skipped or blanked: a
manifest never stops a build. The request for dates that a build or an upload shows, when a text
leaves its publication date open, is worded here too (:func:`missing_dates_note`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "articles.csv"


@dataclass(frozen=True)
class ManifestEntry:
    article_id: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None


def parse_iso_date(value: str) -> dt.date | None:
    """'2024-10-23' or '2024-10-23T08:00:00Z' -> date; anything else -> None."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_manifest(text: str, *, name: str = MANIFEST_NAME) -> tuple[dict[str, ManifestEntry], list[str]]:
    """Entries by article_id, and one message per problem found."""
    problems: list[str] = []
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return {}, problems
    header = [h.strip().lower() for h in rows[0]]
    if "article_id" not in header:
        return {}, [f"{name}: no article_id column; manifest ignored"]
    entries: dict[str, ManifestEntry] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(f"{name} line {lineno}: {len(row)} fields, expected {len(header)}; line skipped")
            continue
        fields = {h: cell.strip() for h, cell in zip(header, row)}
        article_id = fields.get("article_id", "")
        if not article_id:
            problems.append(f"{name} line {lineno}: empty article_id; line skipped")
            continue
        published = None
        if fields.get("published"):
            published = parse_iso_date(fields["published"])
            if published is None:
                problems.append(
                    f"{name} line {lineno}: published {fields['published']!r} is not an ISO date; ignored"
                )
        entries[article_id] = ManifestEntry(
            article_id=article_id,
            title=fields.get("title", ""),
            outlet=fields.get("outlet", ""),
            url=fields.get("url", ""),
            published=published,
        )
    return entries, problems


def read_manifest(folder: Path) -> tuple[dict[str, ManifestEntry], list[str]]:
    path = folder / MANIFEST_NAME
    if not path.exists():
        return {}, []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{MANIFEST_NAME}: unreadable ({exc.__class__.__name__}); manifest ignored"]
    return parse_manifest(text)


def _first_few(ids: list[str], shown: int = 5) -> str:
    """'a, b, c' or 'a, b, c, d, e and 3 more'."""
    return ", ".join(ids[:shown]) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def missing_dates_note(undated: list[str], loosely_dated: list[str], *, remedy: str) -> str:
    """Which articles need a publication date from the analyst (none known; known only within
    weeks) and why, ending with ``remedy``; '' when none does."""
    parts = []
    if undated:
        parts.append(f"{len(undated)} article(s) have no publication date the text pins ({_first_few(undated)})")
    if loosely_dated:
        parts.append(f"{len(loosely_dated)} article(s) are dated only within weeks ({_first_few(loosely_dated)})")
    if not parts:
        return ""
    return (f"{'; '.join(parts)}: relative dates in them (\"on Monday\", \"last week\") stay off the "
            f"timeline wherever the day they count from is open. {remedy}")
