"""Quote search (sitrep.search): folding, stems, phrases, filters, highlight spans."""

from __future__ import annotations

import pandas as pd
import pytest

from sitrep.schema import conform
from sitrep.search import build_index, fold_with_offsets, parse_query, search_quotes, word_matches

QUOTES = [
    ("x:q:0", "x", "These are baseless, stereotypical rumours", "Maria Ivanova", "Russia"),
    ("x:q:1", "x", "We face a serious threat to security", "Kim Min-jun", "South Korea"),
    ("y:q:0", "y", "A groundless stereotype spread by Kyiv", "Maria Ivanova", "Russia"),
    ("y:q:1", "y", "La politique étrangère est claire", "Élise Durand", "France"),
    ("z:q:0", "z", "The threat is real, the security threat grows", "Volodymyr Zelensky", "Ukraine"),
]


@pytest.fixture
def quotes() -> pd.DataFrame:
    frame = pd.DataFrame(QUOTES, columns=["quote_id", "article_id", "text", "speaker", "speaker_country"])
    frame["start"] = 0
    frame["end"] = frame["text"].str.len()
    frame["sentence_start"] = 0
    frame["sentence_end"] = frame["end"]
    frame["cluster_size"] = [1, 1, 1, 1, 3]
    return conform(frame, "quotes")


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["quote_id"])


def test_folding_keeps_a_map_back_to_the_original_offsets():
    folded, offsets = fold_with_offsets("Étrangère’s")
    assert folded == "etrangere's"
    assert offsets[folded.index("'")] == "Étrangère’s".index("’")
    assert offsets[0] == 0 and offsets[-1] == len("Étrangère’s")


def test_parse_query_separates_words_and_quoted_phrases():
    parsed = parse_query('Threat "serious  THREAT" Sécurité')
    assert parsed.words == ("threat", "securite")
    assert parsed.phrases == ("serious threat",)
    assert parse_query('   ').is_empty


@pytest.mark.parametrize(("query_word", "word", "expected"), [
    ("stereotype", "stereotypical", True),
    ("stereotypical", "stereotype", True),
    ("rumors", "rumours", True),
    ("zelenskyy", "zelensky", True),
    ("threat", "threatens", True),
    ("war", "warm", False),
    ("security", "secure", True),
    ("arms", "army", False),
    ("troops", "tropes", False),
])
def test_word_matches_spelling_variants_but_not_unrelated_words(query_word, word, expected):
    assert word_matches(query_word, word) is expected


def test_search_is_case_and_accent_insensitive(quotes):
    assert ids(search_quotes(quotes, "ETRANGERE")) == {"y:q:1"}
    assert ids(search_quotes(quotes, "étrangère")) == {"y:q:1"}


def test_search_tolerates_word_variants(quotes):
    assert ids(search_quotes(quotes, "stereotype")) == {"x:q:0", "y:q:0"}
    assert ids(search_quotes(quotes, "stereotypical rumors")) == {"x:q:0"}


def test_all_words_must_match(quotes):
    assert ids(search_quotes(quotes, "threat security")) == {"x:q:1", "z:q:0"}
    assert ids(search_quotes(quotes, "threat kyiv")) == set()


def test_quoted_phrase_is_exact(quotes):
    assert ids(search_quotes(quotes, '"serious threat"')) == {"x:q:1"}
    assert ids(search_quotes(quotes, '"security threat"')) == {"z:q:0"}
    assert ids(search_quotes(quotes, '"threat serious"')) == set()


def test_words_also_match_the_speaker(quotes):
    assert ids(search_quotes(quotes, "zelenskyy")) == {"z:q:0"}


def test_filters_for_speaker_country_and_article(quotes):
    assert ids(search_quotes(quotes, "", speakers=["Maria Ivanova"])) == {"x:q:0", "y:q:0"}
    assert ids(search_quotes(quotes, "stereotype", countries=["Russia"], article_ids=["y"])) == {"y:q:0"}
    assert ids(search_quotes(quotes, "threat", countries=["Ukraine"])) == {"z:q:0"}


def test_match_spans_point_at_the_original_text_and_rank_more_matches_first(quotes):
    results = search_quotes(quotes, "threat")
    assert list(results["quote_id"]) == ["z:q:0", "x:q:1"]
    top = results.iloc[0]
    assert [top["text"][a:b] for a, b in top["match_spans"]] == ["threat", "threat"]
    accented = search_quotes(quotes, '"etrangere est"').iloc[0]
    (a, b), = accented["match_spans"]
    assert accented["text"][a:b] == "étrangère est"


def test_an_index_built_on_all_quotes_serves_a_filtered_table(quotes):
    index = build_index(quotes)
    subset = quotes[quotes["article_id"] == "x"]
    assert ids(search_quotes(subset, "threat", index=index)) == {"x:q:1"}


def test_empty_query_returns_every_quote_without_spans(quotes):
    results = search_quotes(quotes, "")
    assert len(results) == len(quotes)
    assert all(spans == [] for spans in results["match_spans"])
