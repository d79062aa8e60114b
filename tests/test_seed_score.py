"""Extraction quality, measured with the project's scorer (``../shared/eval/score.py``).

* Seeds: the issues' thresholds (quotes F1/speaker >= 0.95; figures F1 >= 0.95, claimant and
  qualifier >= 0.90, troop recall 1.0; events F1 >= 0.85, date accuracy >= 0.90).
* ``tests/holdout`` and ``tests/blind``: real articles with hand-made gold that the rules were not
  written from (``blind`` was never looked at while tuning). Their floors sit a little below what
  the pipeline scores today, so that a change that makes extraction worse on unseen text fails here
  even when the seeds still pass. Their own README says where each article comes from.
* Events depend on publication dates, which these texts often do not pin, so they are also scored
  with the real dates given in a manifest, as an analyst would supply them.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from sitrep.build import build_corpus

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"  # CI checks the project out beside shared/


def _scorer():
    spec = importlib.util.spec_from_file_location("sitrep_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(articles: Path, gold: Path, system: Path, tmp_path: Path) -> dict:
    out = tmp_path / "score.json"
    _scorer().main(["score.py", str(articles), str(gold), str(system), "--json", str(out)])
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def seed_scores(seed_build, tmp_path_factory):
    gold = ROOT.parent / "shared" / "gold"
    return score(ROOT / "seeds", gold, seed_build, tmp_path_factory.mktemp("seed-score"))


def test_seed_quotes(seed_scores):
    q = seed_scores["quotes"]
    assert q["f1"] >= 0.95 and q["speaker_accuracy"] >= 0.95, q


def test_seed_figures(seed_scores):
    f = seed_scores["figures"]
    assert f["f1"] >= 0.95 and f["claimant_accuracy"] >= 0.90 and f["qualifier_accuracy"] >= 0.90, f
    assert f["troops_recall"] == 1.0, f


def test_seed_events(seed_scores):
    e = seed_scores["events"]
    assert e["f1"] >= 0.85 and e["date_accuracy"] >= 0.90, e


FLOORS = {
    "holdout": {"quotes": {"f1": 0.95, "speaker_accuracy": 0.95},
                "figures": {"f1": 0.85, "claimant_accuracy": 0.75, "qualifier_accuracy": 0.90},
                # the 132 articles mix stories from Oct 2024 to Dec 2025, so the folder dates no
                # weekday-only article: most of their relative dates stay unresolved (with their
                # real publication dates in a manifest, event F1 is about 0.95); h77-h84 name no
                # year at all, so none of their 25 events is dated without one, and h109-h116
                # (all yearless) date only a few (F1 0.461 with h117-h132 too; h125-h132 write
                # no year either)
                "events": {"f1": 0.43, "date_accuracy": 0.90}},
    # measured once, untouched, at 4e21959 (see tests/blind/README.md); the floors sit at or just
    # below those first numbers
    "blind": {"quotes": {"f1": 0.95, "speaker_accuracy": 0.85},
              "figures": {"f1": 0.90, "claimant_accuracy": 0.55, "qualifier_accuracy": 0.95}},
    # (no events floor: without a manifest this one-story folder, Oct - Dec 2024, where only one
    # article writes a year, dated one event at that commit; with the real publication dates
    # given, F1 is 0.95, below)
}

# Events when the analyst supplies publication dates (a manifest built from the gold's own
# ``published`` column): what the event extraction does once the date is known.
DATED_EVENT_FLOORS = {
    "holdout": {"f1": 0.90, "date_accuracy": 0.95},
    "blind": {"f1": 0.90, "date_accuracy": 0.95},
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_unseen_articles_do_not_regress(corpus, tmp_path):
    folder = ROOT / "tests" / corpus
    out = tmp_path / "data"
    build_corpus(folder / "articles", out)
    scores = score(folder / "articles", folder / "gold", out, tmp_path)
    for table, floors in FLOORS[corpus].items():
        for metric, floor in floors.items():
            assert scores[table][metric] >= floor, (corpus, table, metric, scores[table])


@pytest.mark.parametrize("corpus", sorted(DATED_EVENT_FLOORS))
def test_unseen_events_with_publication_dates_given(corpus, tmp_path):
    folder = ROOT / "tests" / corpus
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in (folder / "articles").glob("*.txt"):
        (articles / path.name).write_bytes(path.read_bytes())
    with (folder / "gold" / "articles.csv").open(newline="", encoding="utf-8") as gold, \
            (articles / "articles.csv").open("w", newline="", encoding="utf-8") as manifest:
        writer = csv.writer(manifest)
        writer.writerow(["article_id", "published"])
        for row in csv.DictReader(gold):
            writer.writerow([row["article_id"], row["published"]])
    out = tmp_path / "data"
    build_corpus(articles, out)
    events = score(folder / "articles", folder / "gold", out, tmp_path)["events"]
    for metric, floor in DATED_EVENT_FLOORS[corpus].items():
        assert events[metric] >= floor, (corpus, metric, events)
