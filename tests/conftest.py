"""Shared fixtures: the spaCy model (loaded once per test session), the seed corpus and its build.

The seed build runs once per session into a temporary folder; tests that need built tables (the
contract tests, the seed score, the dashboard) share it. Dashboard tests read the committed
``data/`` tables, which ``make test`` keeps in step with the seeds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """The seeds built once into a temporary data folder: returns that folder."""
    from sitrep.build import build_corpus

    out = tmp_path_factory.mktemp("seed-build")
    build_corpus(SEEDS, out)
    return out


@pytest.fixture()
def article_dir(tmp_path) -> Path:
    """A scratch articles folder holding copies of two seed articles."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, folder / path.name)
    return folder
