"""Find and load the four built tables (articles, quotes, figures, events) from a folder.

The dashboard reads tables that ``sitrep build`` wrote; it never builds them itself. This module
knows where they live (``data/`` or the folder named by ``SITREP_DATA``), loads them conformed to
:mod:`sitrep.schema`, and says which command to run when they are missing. It does not cache:
callers key their own cache on :func:`fingerprint`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from sitrep.schema import SchemaError, conform, empty_frame

TABLE_NAMES = ("articles", "quotes", "figures", "events")
DATA_ENV_VAR = "SITREP_DATA"
DEFAULT_DATA_DIR = "data"
BUILD_HINT = "Build them with `make run` (or `sitrep build seeds --out {directory}`)."


class TablesMissing(FileNotFoundError):
    """The folder lacks one or more built tables; the message names the command that builds them."""

    def __init__(self, directory: Path, missing: list[str]):
        self.directory = directory
        self.missing = missing
        files = ", ".join(f"{name}.parquet" for name in missing)
        super().__init__(
            f"No built tables in {directory}/ (missing {files}). "
            + BUILD_HINT.format(directory=directory)
        )


class TablesUnreadable(TablesMissing):
    """The tables exist but cannot be used (corrupt, or built by an older version): rebuild them."""

    def __init__(self, directory: Path, problem: str):
        self.directory = directory
        self.missing = []
        FileNotFoundError.__init__(
            self, f"The tables in {directory}/ cannot be read ({problem}). "
            + BUILD_HINT.format(directory=directory).replace("Build them", "Rebuild them"),
        )


def data_dir(*, environ: Mapping[str, str] | None = None) -> Path:
    """The folder to read: ``$SITREP_DATA`` when set and non-empty, else ``data/``."""
    env = os.environ if environ is None else environ
    return Path(env.get(DATA_ENV_VAR) or DEFAULT_DATA_DIR)


def table_paths(directory: Path | str) -> dict[str, Path]:
    folder = Path(directory)
    return {name: folder / f"{name}.parquet" for name in TABLE_NAMES}


def fingerprint(directory: Path | str) -> tuple[tuple[str, int, int], ...]:
    """(file name, mtime in ns, size) per table: changes whenever a build rewrites the folder.

    Missing files get ``(-1, -1)`` so that a fingerprint can always be computed (and a later build
    invalidates any cache keyed on it).
    """
    out = []
    for name, path in table_paths(directory).items():
        try:
            stat = path.stat()
            out.append((name, stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            out.append((name, -1, -1))
    return tuple(out)


def load_tables(directory: Path | str) -> dict[str, pd.DataFrame]:
    """The four tables, each conformed to its schema; raises :class:`TablesMissing` if any is absent."""
    paths = table_paths(directory)
    missing = [name for name, path in paths.items() if not path.is_file()]
    if missing:
        raise TablesMissing(Path(directory), missing)
    tables = {}
    for name, path in paths.items():
        try:
            tables[name] = conform(pd.read_parquet(path), name)
        except (SchemaError, OSError, ValueError) as error:
            raise TablesUnreadable(Path(directory), f"{name}.parquet: {error}") from error
    return tables


def empty_tables() -> dict[str, pd.DataFrame]:
    """Zero-row tables with every documented column: what a view shows before anything is built."""
    return {name: empty_frame(name) for name in TABLE_NAMES}
