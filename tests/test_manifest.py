"""The optional articles.csv manifest: tolerant reading, problems reported, values typed."""

from __future__ import annotations

import datetime as dt

from sitrep.manifest import missing_dates_note, parse_manifest, read_manifest


def test_manifest_values_are_read():
    entries, problems = parse_manifest(
        "article_id,title,outlet,url,published\n"
        "a1,Title one,Outlet,https://x.org/1,2024-10-21\n"
        "a2,,,,\n"
    )
    assert problems == []
    assert entries["a1"].published == dt.date(2024, 10, 21)
    assert entries["a1"].outlet == "Outlet"
    assert entries["a2"].published is None and entries["a2"].title == ""


def test_malformed_lines_are_reported_and_skipped():
    entries, problems = parse_manifest(
        "article_id,title,outlet,url,published\n"
        "ok,Fine,,,2024-01-02\n"
        "short,row\n"
        ",no id,,,\n"
        "baddate,T,,,23rd of October\n"
    )
    assert set(entries) == {"ok", "baddate"}
    assert entries["baddate"].published is None
    assert len(problems) == 3
    assert any("line 3" in p for p in problems)


def test_manifest_without_article_id_is_ignored():
    entries, problems = parse_manifest("name,title\nx,y\n")
    assert entries == {} and "no article_id column" in problems[0]


def test_missing_manifest_is_no_problem(tmp_path):
    assert read_manifest(tmp_path) == ({}, [])


def test_the_request_for_dates_names_the_articles_and_ends_with_the_remedy():
    assert missing_dates_note([], [], remedy="Fix it.") == ""
    note = missing_dates_note(["a"], list("bcdefgh"), remedy="Fix it.")
    assert note.startswith("1 article(s) have no publication date the text pins (a); 7 article(s)")
    assert "(b, c, d, e, f and 2 more)" in note and note.endswith("Fix it.")
