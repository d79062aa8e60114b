"""One AppTest per dashboard page, on the built tables in ``data/`` (or ``$SITREP_DATA``).

Each page must render without an exception and show what it exists for (its chart, its search box,
its reader). Deep links are checked through ``AppTest.query_params``. Browser behaviour (clicks on
charts, scrolling) is left to the Chromium tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from sitrep.tables import load_tables

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
TIMEOUT = 60


@pytest.fixture(scope="module")
def data_folder() -> Path:
    return Path(os.environ.get("SITREP_DATA") or ROOT / "data").resolve()


@pytest.fixture(scope="module")
def tables(data_folder) -> dict[str, pd.DataFrame]:
    return load_tables(data_folder)


@pytest.fixture
def app(monkeypatch, data_folder):
    monkeypatch.setenv("SITREP_DATA", str(data_folder))

    def open_page(page: str = "", **params: str | list[str]) -> AppTest:
        at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_page


def charts(at: AppTest) -> list:
    return list(at.get("vega_lite_chart"))


def html_blocks(at: AppTest) -> str:
    return "\n".join(node.proto.body for node in at.get("html"))


def test_navigation_lists_every_page_file_by_its_stem():
    import ast

    tree = ast.parse((ROOT / "dashboard.py").read_text())
    pages = next(
        ast.literal_eval(node.value) for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES"
    )
    files = sorted(p.stem for p in (ROOT / "app_pages").glob("*.py") if not p.stem.startswith("_"))
    assert sorted(stem for stem, _, _ in pages) == files
    assert all(title and icon.startswith(":material/") for _, title, icon in pages)


def test_overview_shows_counts_the_disagreement_and_the_articles(app, tables):
    at = app()
    assert [t.value for t in at.title] == ["Overview"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == f"{len(tables['articles']):,}"
    assert metrics["Quotes"] == f"{len(tables['quotes']):,}"
    assert at.dataframe and len(at.download_button) >= 2
    sidebar_text = " ".join(c.value for c in at.sidebar.caption)
    assert f"{len(tables['articles']):,}** articles" in sidebar_text


def test_timeline_draws_the_chart_and_lists_events(app, tables):
    at = app("timeline")
    assert [t.value for t in at.title] == ["Timeline"]
    assert charts(at), "no timeline chart"
    events = at.selectbox(key="event")
    assert len(events.options) > 0
    assert at.segmented_control(key="lane").value == "actor"


def test_timeline_event_link_shows_its_sentence_and_reader_link(app, tables):
    from sitrep.views import timeline_events

    shown = timeline_events(tables["events"], tables["articles"])
    event = shown.iloc[len(shown) // 2]
    at = app("timeline", event=event["event_id"], full="true")
    assert at.selectbox(key="event").value == event["event_id"]
    assert any(event["evidence"][:40] in t.value for t in at.text)
    assert any(link.proto.page.endswith("reader") or "reader" in link.proto.page for link in at.page_link)


def test_timeline_lane_switch_to_country(app):
    at = app("timeline", lane="country")
    assert at.segmented_control(key="lane").value == "country"
    assert charts(at)


def test_estimates_draws_troops_by_default_with_the_claimant_table(app, tables):
    at = app("estimates")
    assert at.segmented_control(key="category").value == "troops"
    assert charts(at), "no estimates chart"
    table = at.dataframe[0].value
    troops = tables["figures"][tables["figures"]["category"] == "troops"]
    assert set(table["claimant"]) <= set(troops["claimant"]) | {"article"}
    assert len(at.download_button) >= 1


@pytest.mark.parametrize("category", ["casualties", "munitions", "equipment"])
def test_estimates_other_categories_render(app, category):
    at = app("estimates", category=category, log="false")
    assert at.segmented_control(key="category").value == category
    assert at.toggle(key="log").value is False


def test_search_box_reads_the_url_and_searches_on_change(app, tables):
    # Bound widgets write the URL in the browser (frontend); the Chromium tests check that part.
    word = tables["quotes"]["text"].iloc[0].split()[-1].strip(".,;:!?\"'’”")
    at = app("search", q=word)
    box = at.text_input(key="q")
    assert box.value == word
    assert "sr-hit" in html_blocks(at)
    box.set_value("zzzz-no-such-word").run()
    assert not at.exception
    assert "0 quote(s)" in " ".join(c.value for c in at.caption)


def test_search_speaker_filter(app, tables):
    speaker = tables["quotes"]["speaker"].value_counts().index[0]
    at = app("search", speaker=speaker)
    expected = int((tables["quotes"]["speaker"] == speaker).sum())
    assert f"{expected:,} quote(s)" in " ".join(c.value for c in at.caption)


def test_reader_deep_link_opens_the_article_at_the_row(app, tables):
    quote = tables["quotes"].iloc[0]
    at = app("reader", article=quote["article_id"], hl=quote["quote_id"])
    assert at.selectbox(key="article").value == quote["article_id"]
    body = html_blocks(at)
    assert 'data-testid="sr-reader"' in body and "sr-focus" in body
    assert "sr-quote" in body
    assert len(at.dataframe) == 3 and len(at.download_button) == 3


def test_reader_choice_writes_the_article_id_to_the_url_and_drops_the_old_highlight(app, tables):
    first, second = tables["articles"]["article_id"].iloc[:2]
    quote = tables["quotes"][tables["quotes"]["article_id"] == first]
    hl = quote["quote_id"].iloc[0] if len(quote) else ""
    at = app("reader", article=first, hl=hl)
    at.selectbox(key="article").set_value(second).run()
    assert not at.exception
    assert at.query_params.get("article") in (second, [second])
    assert "hl" not in at.query_params
    from sitrep.views import article_heading

    import html

    row = tables["articles"].set_index("article_id").loc[second]
    heading = row["title"] or article_heading("", row["text"], limit=90)
    assert f'data-testid="sr-article-title"' in html_blocks(at)
    assert html.escape(heading) in html_blocks(at)


def test_reader_link_with_only_a_row_id_finds_its_article(app, tables):
    figure = tables["figures"].iloc[-1]
    at = app("reader", hl=figure["figure_id"])
    assert at.selectbox(key="article").value == figure["article_id"]


def test_reader_says_when_the_linked_row_is_not_in_the_article(app, tables):
    article_id = tables["articles"]["article_id"].iloc[0]
    at = app("reader", article=article_id, hl="no-such-row")
    assert any("not in this article" in w.value for w in at.warning)


def test_reader_without_an_article_asks_for_one(app):
    at = app("reader")
    assert at.selectbox(key="article").value is None
    assert at.info


def test_sidebar_source_filter_narrows_every_page(app, tables):
    from sitrep.views import source_label

    source = source_label(tables["articles"]).value_counts().index[-1]
    expected = int((source_label(tables["articles"]) == source).sum())
    at = app(source=source)
    assert {m.label: m.value for m in at.metric}["Articles"] == f"{expected:,}"


def test_missing_tables_say_which_command_builds_them(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_DATA", str(tmp_path))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any("make run" in e.value and "sitrep build" in e.value for e in at.error)


def test_unreadable_tables_ask_for_a_rebuild_instead_of_a_traceback(monkeypatch, tmp_path):
    from sitrep.tables import empty_tables

    for name, frame in empty_tables().items():
        frame.to_parquet(tmp_path / f"{name}.parquet", index=False)
    (tmp_path / "events.parquet").write_bytes(b"not parquet")
    monkeypatch.setenv("SITREP_DATA", str(tmp_path))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any("Rebuild them with `make run`" in e.value for e in at.error)


def test_uploads_are_built_for_this_session_only(app, monkeypatch, tables):
    calls = {}

    def fake_build(sources, *, base=None, progress=None):
        calls["names"] = [name for name, _ in sources]
        progress(1, 1, sources[0][0])
        # the upload's text gave no publication date
        added = base["articles"].iloc[:1].assign(article_id="uploaded_story", title="Uploaded story", published="")
        out = dict(base)
        out["articles"] = pd.concat([base["articles"], added], ignore_index=True)
        return out, [("broken.html", "no text found")]

    import sitrep.build

    monkeypatch.setattr(sitrep.build, "build_in_memory", fake_build)
    at = app()
    uploader = at.sidebar.get("file_uploader")[0]
    uploader.set_value([("story.txt", b"Some text.", "text/plain"),
                        ("huge.txt", b"x" * 3_000_000, "text/plain"),
                        ("broken.html", b"<p></p>", "text/html"),
                        ("articles.csv", b"article_id,published\n", "text/csv"),
                        ("notes.csv", b"a,b\n", "text/csv")]).run()
    at.button(key="upload_build").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # the oversized file and a CSV that is not the manifest never reach the build
    assert calls["names"] == ["story.txt", "broken.html", "articles.csv"]
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "huge.txt skipped" in warnings and "broken.html skipped: no text found" in warnings
    assert "notes.csv skipped" in warnings
    # the analyst learns which upload has no date, and how to give it one
    infos = " ".join(i.value for i in at.info).replace("\\", "")
    assert "1 article(s) have no publication date" in infos and "uploaded_story" in infos
    assert "articles.csv" in infos
    assert {m.label: m.value for m in at.metric}["Articles"] == f"{len(tables['articles']) + 1:,}"
    # Another session (another analyst) still sees the shared tables.
    other = app()
    assert {m.label: m.value for m in other.metric}["Articles"] == f"{len(tables['articles']):,}"


@pytest.mark.parametrize("page", ["", "timeline", "estimates", "search", "reader"])
def test_every_page_survives_empty_tables(monkeypatch, tmp_path, page):
    from sitrep.tables import empty_tables

    for name, frame in empty_tables().items():
        frame.to_parquet(tmp_path / f"{name}.parquet", index=False)
    monkeypatch.setenv("SITREP_DATA", str(tmp_path))
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT).run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("page", ["", "timeline", "estimates", "reader"])
def test_every_table_shown_has_a_csv_download(app, tables, page):
    params = {"article": tables["articles"]["article_id"].iloc[0]} if page == "reader" else {}
    at = app(page, **params)
    assert len(at.dataframe) >= 1
    main_downloads = [b for b in at.main.get("download_button")]
    assert len(main_downloads) >= len(at.dataframe)
