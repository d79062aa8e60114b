"""Benchmark: dashboard page reruns and quote search on tables 100 times the size of ``data/``.

Replicates the built tables (``data/``, or ``$SITREP_DATA``) ``--copies`` times with fresh ids and
shifted dates into a temporary folder, then, in one process:

* page rerun: each page run through ``streamlit.testing.v1.AppTest`` (the real scripts, cached
  loaders warm), ``--runs`` times; reports p50/p95 per page. Target p95 <= 300 ms.
* search: :func:`sitrep.search.search_quotes` over all quotes with a built index for a mix of
  words, variants and phrases; reports p95. Target <= 100 ms.

Prints the timings and the ratios p95 / target (<= 1.0 is on target).
Usage: ``python bench/dashboard.py [--copies 100] [--runs 15]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.search import build_index, search_quotes  # noqa: E402
from sitrep.tables import data_dir, load_tables  # noqa: E402

PAGES = ("overview", "timeline", "estimates", "search", "reader")
QUERIES = ("threat", "soldiers", '"we will"', "minister troops", "weapons security", "")
RERUN_TARGET_MS = 300.0
SEARCH_TARGET_MS = 100.0


def _shift(iso: pd.Series, days: int) -> pd.Series:
    """Shift day-precision ISO dates by ``days``; month-precision and empty dates are kept."""
    parsed = pd.to_datetime(iso.where(iso.str.len() == 10), errors="coerce") + pd.Timedelta(days=days)
    return parsed.dt.strftime("%Y-%m-%d").where(parsed.notna(), iso)


def replicate(tables: dict[str, pd.DataFrame], copies: int) -> dict[str, pd.DataFrame]:
    """``copies`` renamed copies of every table, dates spread over ±30 days, clusters per copy."""
    ids = {"quotes": "quote_id", "figures": "figure_id", "events": "event_id"}
    clusters = {"quotes": "quote_cluster", "events": "event_cluster"}
    out: dict[str, list[pd.DataFrame]] = {name: [] for name in tables}
    for i in range(copies):
        suffix, days = f"~{i:03d}", (i % 61) - 30
        articles = tables["articles"].copy()
        articles["article_id"] += suffix
        articles["published"] = _shift(articles["published"], days)
        out["articles"].append(articles)
        for name, id_column in ids.items():
            frame = tables[name].copy()
            frame["article_id"] += suffix
            frame[id_column] = frame["article_id"] + ":" + frame[id_column].str.split(":", n=1).str[1]
            if name in clusters:
                frame[clusters[name]] = frame[clusters[name]].where(frame[clusters[name]] == "", frame[clusters[name]] + suffix)
            if name == "events":
                frame["date"] = _shift(frame["date"], days)
            if name == "figures":
                frame["as_of"] = _shift(frame["as_of"], days)
            out[name].append(frame)
    return {name: pd.concat(frames, ignore_index=True) for name, frames in out.items()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bench_pages(folder: Path, tables: dict[str, pd.DataFrame], runs: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["SITREP_DATA"] = str(folder)
    params = {
        "reader": {"article": tables["quotes"]["article_id"].iloc[0], "hl": tables["quotes"]["quote_id"].iloc[0]},
        "search": {"q": "threat"},
    }
    timings: dict[str, list[float]] = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        for key, value in params.get(page, {}).items():
            at.query_params[key] = value
        at.run()
        if page != "overview":
            at.switch_page(f"app_pages/{page}.py").run()
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].value}")
        at.run()  # warm
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            at.run()
            samples.append((time.perf_counter() - start) * 1000)
        timings[page] = samples
    return timings


def bench_search(quotes: pd.DataFrame, runs: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    index = build_index(quotes)
    build_ms = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(runs):
        for query in QUERIES:
            start = time.perf_counter()
            search_quotes(quotes, query, index=index)
            samples.append((time.perf_counter() - start) * 1000)
    return build_ms, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    source = Path(os.environ.get("SITREP_DATA") or ROOT / data_dir())
    big = replicate(load_tables(source), args.copies)
    print(f"tables x{args.copies}: " + ", ".join(f"{len(f):,} {n}" for n, f in big.items()))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, frame in big.items():
            frame.to_parquet(folder / f"{name}.parquet", index=False)
        timings = bench_pages(folder, big, args.runs)
    worst = 0.0
    for page, samples in timings.items():
        p95 = percentile(samples, 0.95)
        worst = max(worst, p95)
        print(f"page {page:<10} rerun p50 {statistics.median(samples):7.1f} ms  p95 {p95:7.1f} ms")
    build_ms, samples = bench_search(big["quotes"], args.runs)
    search_p95 = percentile(samples, 0.95)
    print(f"search index build {build_ms:.1f} ms; query p50 {statistics.median(samples):.2f} ms  p95 {search_p95:.2f} ms")
    print(f"ratio page rerun p95 / {RERUN_TARGET_MS:.0f} ms: {worst / RERUN_TARGET_MS:.2f}")
    print(f"ratio search p95 / {SEARCH_TARGET_MS:.0f} ms: {search_p95 / SEARCH_TARGET_MS:.2f}")


if __name__ == "__main__":
    main()
