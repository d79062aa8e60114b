"""Benchmark: full build time against bare spaCy parsing, and an incremental rebuild against a full build.

Makes a corpus of a few hundred distinct articles by reshuffling the seed articles' paragraphs
(fixed random seed), then, in one run and one process (model loaded once, before any timing):

* ``build / parse``: a full ``build_corpus`` (empty cache) divided by ``nlp.pipe`` over the same
  texts with the same model. Targets: <= 1.25 (ambition 1.0).
* ``rebuild / build``: the build after adding one article (cache warm) divided by the full build.
  Targets: <= 0.15 (ambition 0.05).

Prints the timings and the two ratios. Usage: ``python bench/build.py [--articles 300]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.build import build_corpus  # noqa: E402
from sitrep.nlp import load_model  # noqa: E402


def make_corpus(folder: Path, n_articles: int, *, seed: int = 7) -> list[str]:
    paragraphs = [
        p.strip()
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 80
    ]
    rng = random.Random(seed)
    texts: list[str] = []
    seen: set[str] = set()
    while len(texts) < n_articles:
        text = "\n".join(rng.sample(paragraphs, k=rng.randint(6, 12))) + "\n"
        if text not in seen:
            seen.add(text)
            texts.append(text)
    for i, text in enumerate(texts):
        (folder / f"bench_{i:04d}.txt").write_text(text, encoding="utf-8")
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    nlp = load_model()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "data"
        corpus.mkdir()
        texts = make_corpus(corpus, args.articles + 1)
        extra = corpus / f"bench_{args.articles:04d}.txt"
        held_back = Path(tmp) / extra.name
        shutil.move(extra, held_back)
        texts = texts[:-1]
        nlp("warm up the pipeline once")

        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        parse = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = build_corpus(corpus, out)
        full = time.perf_counter() - t0

        shutil.move(held_back, extra)
        t0 = time.perf_counter()
        again = build_corpus(corpus, out)
        rebuild = time.perf_counter() - t0

    print(f"articles: {args.articles} ({sum(map(len, texts)) / 1e6:.2f} M chars)")
    print(f"bare spaCy parse (nlp.pipe):   {parse:7.2f} s")
    print(f"full build:                    {full:7.2f} s  ({report.summary()})")
    print(f"rebuild after adding one:      {rebuild:7.2f} s  ({again.reused} reused)")
    print(f"build / parse   = {full / parse:.2f}   (target <= 1.25, ambition 1.0)")
    print(f"rebuild / build = {rebuild / full:.3f}  (target <= 0.15, ambition 0.05)")


if __name__ == "__main__":
    main()
