"""Loading built tables (sitrep.tables): where they are, what is missing, cache fingerprints."""

from __future__ import annotations

import pytest

from sitrep.schema import empty_frame
from sitrep.tables import (
    TABLE_NAMES, TablesMissing, TablesUnreadable, data_dir, fingerprint, load_tables,
)


def write_tables(folder, names=TABLE_NAMES):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        empty_frame(name).to_parquet(folder / f"{name}.parquet", index=False)


def test_data_dir_defaults_to_data_and_honours_the_environment(tmp_path):
    assert str(data_dir(environ={})) == "data"
    assert data_dir(environ={"SITREP_DATA": str(tmp_path)}) == tmp_path
    assert str(data_dir(environ={"SITREP_DATA": ""})) == "data"


def test_missing_tables_name_the_files_and_the_build_command(tmp_path):
    write_tables(tmp_path, names=("articles", "quotes"))
    with pytest.raises(TablesMissing) as error:
        load_tables(tmp_path)
    message = str(error.value)
    assert "figures.parquet" in message and "events.parquet" in message
    assert "articles.parquet" not in message
    assert "make run" in message and "sitrep build" in message
    assert error.value.missing == ["figures", "events"]


def test_load_tables_conforms_every_table(tmp_path):
    write_tables(tmp_path)
    tables = load_tables(tmp_path)
    assert set(tables) == set(TABLE_NAMES)
    assert "cluster_size" in tables["quotes"].columns


def test_fingerprint_changes_when_a_table_is_rewritten(tmp_path):
    before = fingerprint(tmp_path)
    assert all(stamp == -1 for _, stamp, _ in before)
    write_tables(tmp_path)
    after = fingerprint(tmp_path)
    assert after != before
    assert [name for name, _, _ in after] == list(TABLE_NAMES)


def test_unreadable_or_outdated_tables_ask_for_a_rebuild(tmp_path):
    write_tables(tmp_path)
    empty_frame("quotes").drop(columns=["start"]).to_parquet(tmp_path / "quotes.parquet")
    with pytest.raises(TablesMissing) as error:
        load_tables(tmp_path)
    assert isinstance(error.value, TablesUnreadable)
    assert "quotes.parquet" in str(error.value) and "Rebuild them with `make run`" in str(error.value)
    (tmp_path / "events.parquet").write_bytes(b"not parquet")
    empty_frame("quotes").to_parquet(tmp_path / "quotes.parquet")
    with pytest.raises(TablesUnreadable, match="events.parquet"):
        load_tables(tmp_path)
