"""Docs are tested like code: the README documents every table column and its two commands."""

from __future__ import annotations

from pathlib import Path

from sitrep import schema

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_column_as_the_schema_does():
    assert schema.describe() in README, "regenerate the README's Tables section from schema.describe()"


def test_readme_commands_exist_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("run", "test", "score", "bench", "requirements"):
        assert f"make {target}" in README
        assert f"\n{target}:" in makefile


def test_requirements_txt_matches_pyproject():
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    lines = [ln for ln in (ROOT / "requirements.txt").read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines == deps, "run `make requirements`"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
