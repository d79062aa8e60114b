"""The schema module: conform fills and orders columns, validate catches what would break readers."""

from __future__ import annotations

import pandas as pd
import pytest

from sitrep import schema


def test_empty_frames_validate():
    for table in schema.TABLES:
        schema.validate(schema.empty_frame(table), table)


def test_conform_fills_defaults_and_keeps_extras():
    frame = pd.DataFrame({"figure_id": ["a:f:1"], "article_id": ["a"], "start": [0], "end": [5],
                          "number_start": [0], "number_end": [2], "value": ["12"], "qualifier": ["exact"],
                          "category": ["troops"], "stance": ["reported"], "extra": [1]})
    out = schema.conform(frame, "figures")
    assert list(out.columns[: len(schema.FIGURES)]) == schema.columns("figures")
    assert out.loc[0, "value"] == 12.0 and pd.isna(out.loc[0, "low"]) and out.loc[0, "claimant"] == ""
    assert "extra" in out.columns
    schema.validate(out, "figures")


def test_conform_refuses_to_invent_offsets():
    with pytest.raises(schema.SchemaError, match="start"):
        schema.conform(pd.DataFrame({"article_id": ["a"]}), "events")


def test_validate_catches_bad_values_and_kinds():
    frame = schema.empty_frame("events")
    frame.loc[0] = {c: "" for c in frame.columns} | {"start": 0, "end": 1, "cluster_size": 1,
                                                     "precision": "week", "event_type": "statement"}
    frame = frame.astype({"start": "int64", "end": "int64", "cluster_size": "int64"})
    with pytest.raises(schema.SchemaError, match="precision"):
        schema.validate(frame, "events")
    with pytest.raises(schema.SchemaError, match="missing column"):
        schema.validate(frame.drop(columns=["summary"]), "events")


def test_contract_columns_are_present():
    contract = {
        "articles": ["article_id", "title", "outlet", "url", "published", "published_basis"],
        "quotes": ["article_id", "start", "end", "text", "speaker", "speaker_raw"],
        "figures": ["article_id", "start", "end", "value", "low", "high", "qualifier", "category",
                    "subject", "claimant"],
        "events": ["article_id", "start", "end", "date", "precision", "actor", "summary"],
    }
    for table, cols in contract.items():
        assert set(cols) <= set(schema.columns(table))


def test_validate_checks_the_publication_basis():
    frame = schema.conform(pd.DataFrame({"article_id": ["a"], "n_chars": [1], "published_basis": ["guessed"]}),
                           "articles")
    with pytest.raises(schema.SchemaError, match="published_basis"):
        schema.validate(frame, "articles")
