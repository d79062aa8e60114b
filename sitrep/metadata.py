"""Title, outlet and URL of an article when no manifest states them.

The seeds, like most pasted articles, carry no metadata. What the text says about itself is used:
a headline-like first line is the title; a credit line ("Source: Example-news.com", "Originally
published by ...", a "(Reuters) -" dateline) or the page's own metadata names the outlet, with
web domains mapped to outlet names through the editable ``outlets.csv`` table. Publication dates
are inferred elsewhere (:mod:`sitrep.published`); this module only combines them with the rest
into an :class:`~sitrep.article.Article`, manifest values winning.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from pathlib import Path
from urllib.parse import urlparse

from sitrep.article import Article
from sitrep.manifest import ManifestEntry, parse_iso_date
from sitrep.reader import ArticleFile

OUTLETS_TABLE = Path(__file__).with_name("outlets.csv")

_CREDIT_LINE = re.compile(
    r"^\s*(?:source|sources|originally published (?:by|in|at|on)|first published (?:by|in|on)"
    r"|this (?:article|story) (?:first appeared|was (?:first|originally) published) (?:in|on|at|by)"
    r"|republished from|via)\s*:?\s*(?P<outlet>.+?)\s*\.?\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]{1,40}\((?P<outlet>[A-Z][A-Za-z .&]{1,30})\)\s*[-—–]")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:/\S*)?$", re.I)


@functools.lru_cache(maxsize=1)
def outlet_by_domain() -> dict[str, str]:
    with OUTLETS_TABLE.open(encoding="utf-8") as fh:
        return {row["domain"].lower(): row["outlet"] for row in csv.DictReader(fh) if row.get("domain")}


def outlet_from_domain(domain: str) -> str:
    """'www.reuters.com' -> 'Reuters' (table), 'daily-example.org' -> 'Daily Example'."""
    domain = domain.lower().removeprefix("www.")
    table = outlet_by_domain()
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        hit = table.get(".".join(parts[i:]))
        if hit:
            return hit
    stem = parts[-3] if len(parts) >= 3 and len(parts[-2]) <= 3 else parts[-2] if len(parts) >= 2 else parts[0]
    return " ".join(w.capitalize() for w in re.split(r"[-_]", stem) if w)


def outlet_name(raw: str) -> str:
    """A credited outlet as a display name: domains are mapped, names kept."""
    raw = raw.strip().strip("*_ ")
    m = _DOMAIN.match(raw)
    return outlet_from_domain(m.group("domain")) if m else raw


def _lines(text: str, skip: tuple[tuple[int, int], ...]) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and not any(s <= pos < e for s, e in skip):
            out.append((pos, line.strip()))
        pos += len(line) + 1
    return out


def infer_outlet(file: ArticleFile) -> str:
    """The outlet a credit line, a dateline or the page metadata names, else ''."""
    lines = _lines(file.text, file.boilerplate)
    for _, line in reversed(lines[-6:]):
        m = _CREDIT_LINE.match(line)
        if m and len(m.group("outlet")) <= 60:
            return outlet_name(m.group("outlet"))
    for _, line in lines[:3]:
        m = _DATELINE.match(line)
        if m:
            return outlet_name(m.group("outlet"))
    if file.meta.get("outlet"):
        return outlet_name(file.meta["outlet"])
    url = file.meta.get("url", "")
    if url:
        host = urlparse(url).netloc
        if host:
            return outlet_from_domain(host)
    return ""


def infer_title(file: ArticleFile) -> str:
    """The page's stated title, else a headline-like first line, else ''.

    A headline is short, starts with a capital and does not end like a sentence.
    """
    if file.meta.get("title"):
        return file.meta["title"].strip()
    lines = _lines(file.text, file.boilerplate)
    if not lines:
        return ""
    first = lines[0][1]
    words = first.split()
    if 2 <= len(words) <= 25 and first[:1].isupper() and not re.search(r"[.!?:;,]$", first):
        return first
    return ""


def make_article(
    file: ArticleFile,
    *,
    manifest: ManifestEntry | None,
    inferred_published: dt.date | None,
) -> Article:
    """The article with every field from the manifest where given, else inferred, else empty."""
    m = manifest or ManifestEntry(article_id=file.article_id)
    if m.published is not None:
        published, basis = m.published, "manifest"
    else:
        page_date = parse_iso_date(file.meta.get("published", ""))
        published = page_date or inferred_published
        basis = "inferred" if published is not None else "unknown"
    return Article(
        article_id=file.article_id,
        text=file.text,
        title=m.title or infer_title(file),
        outlet=m.outlet or infer_outlet(file),
        url=m.url or file.meta.get("url", ""),
        published=published,
        published_basis=basis,
        source_path=file.source_file,
    )
