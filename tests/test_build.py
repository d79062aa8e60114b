"""The build: the contract on bad input, atomic writes, the content-hash cache, the CLI.

These run the real pipeline (spaCy included) on small folders made from seed articles.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sitrep import build as build_module
from sitrep import schema
from sitrep.build import BuildError, build_corpus, build_in_memory, is_stale, write_tables

ROOT = Path(__file__).resolve().parents[1]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.parquet"))}


def test_build_writes_four_tables_that_match_the_schema(article_dir, tmp_path):
    out = tmp_path / "data"
    report = build_corpus(article_dir, out)
    assert report.n_articles == 2 and report.skipped == []
    for table in schema.TABLES:
        frame = pd.read_parquet(out / f"{table}.parquet")
        schema.validate(schema.conform(frame, table), table)
    assert report.rows["quotes"] > 0 and report.rows["events"] > 0
    assert "built 2 articles" in report.summary()


def test_offsets_point_into_the_displayed_text(seed_build):
    articles = pd.read_parquet(seed_build / "articles.parquet").set_index("article_id")
    for table in ("quotes", "figures", "events"):
        frame = pd.read_parquet(seed_build / f"{table}.parquet")
        assert not frame.empty
        for row in frame.itertuples():
            text = articles.loc[row.article_id, "text"]
            assert 0 <= row.start < row.end <= len(text)
            if table == "quotes":
                assert text[row.start:row.end] == row.text


def test_bad_inputs_are_built_or_named_and_skipped(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(next((ROOT / "seeds").glob("000_*.txt")), folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(os.urandom(5000))
    (folder / "latin.txt").write_bytes(
        "The minister’s “firm” reply came on Monday, officials said in Zürich.".encode("cp1252"))
    (folder / "page.html").write_text(
        "<html><body><nav>Menu</nav><article><h1>Talks held</h1><p>“We met,” the envoy said on Monday.</p>"
        "</article><script>alert(1)</script></body></html>")
    # A very long article (3 MB): mostly narrative, now and then a figure, a date and a quote.
    narrative = ("The delegation travelled through the region and met local officials, who described "
                 "the situation along the front in some detail. ") * 12 + "\n"
    news = "“We are ready,” the governor said on Monday, adding that 1,200 troops had moved east.\n"
    big = (narrative * 19 + news) * 110
    assert len(big.encode()) > 3_000_000
    (folder / "big.txt").write_text(big)
    (folder / "articles.csv").write_text(
        "article_id,title,outlet,url,published\ngood,Good title,,,2024-11-25\nbroken,row\n")
    out = tmp_path / "data"
    report = build_corpus(folder, out)
    skipped = {s.file: s.reason for s in report.skipped}
    assert set(skipped) == {"empty.txt", "noise.txt"}
    assert "empty" in skipped["empty.txt"] and "binary" in skipped["noise.txt"]
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    assert set(articles.index) == {"good", "latin", "page", "big"}
    assert "“firm”" in articles.loc["latin", "text"]
    assert "alert" not in articles.loc["page", "text"] and "Menu" not in articles.loc["page", "text"]
    assert articles.loc["good", "title"] == "Good title"
    assert articles.loc["good", "published_basis"] == "manifest"
    assert any("line 3" in w for w in report.warnings)


def test_missing_folder_fails_with_one_line_and_touches_nothing(tmp_path):
    out = tmp_path / "data"
    with pytest.raises(BuildError, match="does not exist"):
        build_corpus(tmp_path / "nope", out)
    assert not out.exists()


def test_cli_missing_folder_exits_nonzero_with_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sitrep", "build", str(tmp_path / "nope"), "--out", str(tmp_path / "d")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "d").exists()


def test_cli_builds_and_prints_summary(article_dir, tmp_path):
    (article_dir / "empty.txt").write_bytes(b"")
    out = tmp_path / "d"
    result = subprocess.run([sys.executable, "-m", "sitrep", "build", str(article_dir), "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "article empty.txt skipped: empty file" in result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("built 2 articles (1 skipped") and " s -> " in summary


def test_failed_build_leaves_previous_tables_byte_identical(article_dir, tmp_path, monkeypatch):
    out = tmp_path / "data"
    build_corpus(article_dir, out)
    before = _snapshot(out)
    shutil.copy(next((ROOT / "seeds").glob("004_*.txt")), article_dir / "new.txt")

    def broken_write(frame, path, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", broken_write)
    with pytest.raises(OSError):
        build_corpus(article_dir, out)
    assert _snapshot(out) == before
    assert not list(out.glob(".tmp-build-*"))


def test_interrupted_build_leaves_previous_tables_byte_identical(article_dir, tmp_path, monkeypatch):
    out = tmp_path / "data"
    build_corpus(article_dir, out)
    before = _snapshot(out)
    shutil.copy(next((ROOT / "seeds").glob("004_*.txt")), article_dir / "new.txt")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "finish_tables", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_corpus(article_dir, out)
    assert _snapshot(out) == before


def test_write_tables_failure_midway_keeps_old_files(tmp_path, monkeypatch):
    out = tmp_path / "data"
    tables = {t: schema.empty_frame(t) for t in schema.TABLES}
    write_tables(tables, out, info={})
    before = _snapshot(out)
    calls = {"n": 0}
    real = pd.DataFrame.to_parquet

    def fail_on_third(self, path, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("no space left")
        return real(self, path, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", fail_on_third)
    with pytest.raises(OSError):
        write_tables({t: schema.empty_frame(t).assign() for t in schema.TABLES}, out, info={"x": 1})
    assert _snapshot(out) == before


def _count_extractions(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real_extract = build_module._extract_one

    def counting(doc, article, aliases):
        parsed.append(article.article_id)
        return real_extract(doc, article, aliases)

    monkeypatch.setattr(build_module, "_extract_one", counting)
    return parsed


def test_rebuild_reprocesses_only_new_or_changed_articles(article_dir, tmp_path, monkeypatch):
    ids = sorted(p.stem for p in article_dir.glob("*.txt"))
    (article_dir / "articles.csv").write_text(
        "article_id,title,outlet,url,published\n" + "".join(f"{i},,,,2024-10-22\n" for i in ids))
    out = tmp_path / "data"
    assert build_corpus(article_dir, out).reused == 0
    parsed = _count_extractions(monkeypatch)
    again = build_corpus(article_dir, out)
    assert parsed == [] and again.reused == 2
    shutil.copy(next((ROOT / "seeds").glob("004_*.txt")), article_dir / "added.txt")
    third = build_corpus(article_dir, out)
    assert parsed == ["added"] and third.reused == 2
    changed = article_dir / f"{ids[0]}.txt"
    changed.write_text(changed.read_text() + "Officials said more on Monday.\n")
    fourth = build_corpus(article_dir, out)
    assert parsed == ["added", ids[0]] and fourth.reused == 2


def test_an_article_whose_inferred_date_changes_is_reprocessed(article_dir, tmp_path, monkeypatch):
    """Alone, these two articles cannot pin a year; an added article that can dates them too,
    so their relative dates change and they must be extracted again."""
    out = tmp_path / "data"
    build_corpus(article_dir, out)
    before = pd.read_parquet(out / "articles.parquet")
    parsed = _count_extractions(monkeypatch)
    shutil.copy(next((ROOT / "seeds").glob("004_*.txt")), article_dir / "added.txt")
    build_corpus(article_dir, out)
    after = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    changed = [a for a, p in zip(before["article_id"], before["published"]) if after.loc[a, "published"] != p]
    assert changed, "the added article should inform the others' publication dates"
    assert sorted(parsed) == sorted(changed + ["added"])


def test_staleness_follows_the_inputs(article_dir, tmp_path):
    out = tmp_path / "data"
    assert is_stale(article_dir, out)
    build_corpus(article_dir, out)
    assert not is_stale(article_dir, out)
    (article_dir / "aliases.csv").write_text("alias,canonical\nX,Y\n")
    assert is_stale(article_dir, out)


def test_build_in_memory_adds_uploads_without_writing(seed_build, tmp_path):
    base = {t: pd.read_parquet(seed_build / f"{t}.parquet") for t in schema.TABLES}
    upload = ("Envoy summoned over troop claims\n“We will not stay silent,” Defence Minister Tomasz Nowak "
              "said on Monday, adding that 3,000 troops had been sent.\n").encode()
    tables, skipped = build_in_memory([("upload.txt", upload), ("bad.txt", b"")], base=base)
    assert skipped == [("bad.txt", "empty file")]
    assert set(tables["articles"]["article_id"]) == set(base["articles"]["article_id"]) | {"upload"}
    new_quotes = tables["quotes"][tables["quotes"]["article_id"] == "upload"]
    assert list(new_quotes["speaker"]) == ["Tomasz Nowak"]
    assert len(tables["quotes"]) == len(base["quotes"]) + 1
    assert sorted(p.name for p in seed_build.iterdir() if p.suffix == ".parquet") == sorted(
        f"{t}.parquet" for t in schema.TABLES)


def test_an_uploaded_manifest_dates_the_uploads_it_names():
    upload = "Ruritania summons envoy\nRuritania summoned Norland's ambassador on Monday, officials said.\n"
    manifest = "article_id,published,outlet\nupload,2024-11-06,Oslo Courier\nother,soon,\n"
    tables, skipped = build_in_memory([("upload.txt", upload.encode()), ("articles.csv", manifest.encode())])
    article = tables["articles"].set_index("article_id").loc["upload"]
    assert (article["published"], article["published_basis"], article["outlet"]) == (
        "2024-11-06", "manifest", "Oslo Courier")
    events = tables["events"]
    assert events[events["date_text"].str.contains("Monday")]["date"].tolist() == ["2024-11-04"]
    # the manifest is not an article, and its bad line is reported
    assert set(tables["articles"]["article_id"]) == {"upload"}
    assert skipped == [("articles.csv", "line 3: published 'soon' is not an ISO date; ignored")]
    # without it, the Monday stays off the timeline
    alone, _ = build_in_memory([("upload.txt", upload.encode())])
    assert alone["articles"]["published"].tolist() == [""] and alone["events"].empty


def test_only_large_builds_start_parser_processes():
    assert build_module._parse_workers(5) == 1
    assert build_module._parse_workers(build_module.PARALLEL_PARSE_MIN_ARTICLES - 1) == 1
    assert 1 <= build_module._parse_workers(500) <= 4


def test_cache_pruning_drops_the_least_recently_used(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    for i, name in enumerate(["reused", "stale", "new"]):
        path = cache / f"{name}.pkl"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    (cache / "reused.pkl").touch()  # the oldest entry, reused by the last build
    build_module._prune_cache(cache, max_entries=2)
    assert sorted(p.stem for p in cache.glob("*.pkl")) == ["new", "reused"]


@pytest.mark.parametrize(
    ("second", "named", "not_named"),
    [
        # nothing dated at all
        ("The minister said that talks would go on.", "have no publication date the text pins (second)",
         "within weeks"),
        # "on Monday" with nothing else: the folder's story places it, but not in which week
        ("The minister said on Monday that talks would go on.", "are dated only within weeks (second)",
         "no publication date"),
    ],
)
def test_cli_names_the_articles_whose_date_stays_open(tmp_path, second, named, not_named):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "dated.txt").write_text("The minister spoke on Wednesday, 23 October 2024, in Oslo.\n")
    (folder / "second.txt").write_text(second + "\n")
    result = subprocess.run([sys.executable, "-m", "sitrep", "build", str(folder), "--out", str(tmp_path / "d")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    note = next(line for line in result.stderr.splitlines() if line.startswith("note:"))
    assert f"1 article(s) {named}" in note and not_named not in note
    assert "dated," not in note and "articles.csv" in note


ONE_STORY = {
    "b_wire.txt": (
        "Norland says its troops are at the border\n"
        "OSLO, Oct. 28, 2024 - Norland's Prime Minister Arvo Lind said on Oct. 28, 2024 that Norlandic "
        "troops are deployed at the border with Ruritania.\n\"We are ready,\" Lind said.\n"
    ),
    "c_wire.txt": (
        "Ruritania protests\n"
        "OSLO, Nov. 20, 2024 - Ruritania summoned Norland's ambassador on Nov. 19, 2024 over the border "
        "deployment.\n\"This is unacceptable,\" Foreign Minister Ivo Tamm said.\n"
    ),
    "a_blog.txt": (
        "Lind confirms troops at the border\n"
        "Prime Minister Arvo Lind confirmed on Monday that Norlandic troops were deployed at the border "
        "with Ruritania.\n\"We will not back down,\" Lind said.\n"
    ),
}


def built_story(tmp_path, stories: dict[str, str]) -> Path:
    """``stories`` (file name -> text) built as one folder; the tables' folder."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    build_corpus(folder, tmp_path / "data")
    return tmp_path / "data"


def test_a_weekday_only_article_is_placed_by_the_event_another_article_dates(tmp_path):
    # a_blog names only "Monday": the folder's story runs for weeks, so on its own words it could be
    # any Monday; b_wire dates the same statement by the same man to Monday 28 October
    data = built_story(tmp_path, ONE_STORY)
    articles = pd.read_parquet(data / "articles.parquet").set_index("article_id")
    assert tuple(articles.loc["a_blog", ["published_earliest", "published_latest"]]) == ("2024-10-28", "2024-11-03")
    events = pd.read_parquet(data / "events.parquet")
    blog = events[events["article_id"] == "a_blog"]
    assert blog[["date_text", "date", "actor"]].values.tolist() == [["on Monday", "2024-10-28", "Arvo Lind"]]
    # and the timeline shows it as one statement reported by two articles
    assert blog["cluster_size"].tolist() == [2]


FIGURE_STORY = {
    "b_wire.txt": (
        "Norland counts its troops\n"
        "OSLO, Oct. 28, 2024 - Prime Minister Arvo Lind said on Oct. 28, 2024 that 4,500 Norlandic "
        "soldiers had arrived.\n"
    ),
    "c_wire.txt": ONE_STORY["c_wire.txt"],
    # the same statement in other words: only the figure is shared
    "a_blog.txt": "Lind gives a number\nPrime Minister Arvo Lind put the figure at 4,500 troops on Monday.\n",
}


def test_an_actor_spelt_two_ways_still_places_a_weekday_only_article(tmp_path):
    # the wire writes "Ri Son Gil", the blog "Ri Son-gil": the built tables call them one person,
    # and so does the matching that places the blog's Monday
    stories = {
        "b_wire.txt": ONE_STORY["b_wire.txt"].replace("Prime Minister Arvo Lind", "Defence Minister Ri Son Gil")
        .replace("Lind said", "Ri said"),
        "c_wire.txt": ONE_STORY["c_wire.txt"],
        "a_blog.txt": ONE_STORY["a_blog.txt"].replace("Prime Minister Arvo Lind", "Defence Minister Ri Son-gil")
        .replace("Lind said", "Ri said"),
    }
    events = pd.read_parquet(built_story(tmp_path, stories) / "events.parquet")
    blog = events[events["article_id"] == "a_blog"]
    assert blog[["date_text", "date"]].values.tolist() == [["on Monday", "2024-10-28"]]
    assert events[events["date"] == "2024-10-28"]["actor"].nunique() == 1


@pytest.mark.parametrize("story", [ONE_STORY, FIGURE_STORY], ids=["shared words", "shared figure"])
def test_an_uploaded_weekday_only_article_is_placed_by_the_tables_it_joins(tmp_path, story):
    # the dashboard's upload path: the committed tables date the statement the upload reports
    data = built_story(tmp_path, {name: story[name] for name in ("b_wire.txt", "c_wire.txt")})
    base = {t: pd.read_parquet(data / f"{t}.parquet") for t in schema.TABLES}
    tables, _ = build_in_memory([("a_blog.txt", story["a_blog.txt"].encode())], base=base)
    blog = tables["events"][tables["events"]["article_id"] == "a_blog"]
    assert blog[["date", "actor"]].values.tolist() == [["2024-10-28", "Arvo Lind"]]
