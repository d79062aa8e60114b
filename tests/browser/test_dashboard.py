"""What a person sees in real Chromium: every page loads without an error box, deep links reopen
the same view, and markup inside an article is shown as text everywhere, never run."""

from __future__ import annotations

import urllib.parse

import pytest

from .conftest import open_page

pytestmark = pytest.mark.browser

# The default page (Overview) lives at the root: Streamlit gives the default page no url_path.
PAGES = ("", "timeline", "estimates", "search", "reader")


def _no_script_ran(page) -> None:
    assert page.evaluate("window.__xss === undefined && window.__xss_title === undefined")
    assert page.dialogs == []


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_an_error_box(page, app_url, path):
    open_page(page, f"{app_url}/{path}")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[data-testid='stSidebar']").count() == 1
    assert page.locator("h1").count() >= 1
    _no_script_ran(page)


def test_root_opens_the_overview(page, app_url):
    open_page(page, app_url)
    assert "Overview" in page.locator("h1").first.inner_text()


def test_deep_link_with_a_query_opens_with_the_search_done(page, app_url):
    open_page(page, f"{app_url}/search?q=" + urllib.parse.quote('"significant escalation"'))
    box = page.get_by_test_id("stTextInput").locator("input").first
    assert box.input_value() == '"significant escalation"'
    body = page.locator("[data-testid='stMain']").inner_text()
    assert body.lower().count("significant escalation") >= 2  # two articles quote it
    assert "lunatics" not in body  # other quotes are filtered out


def test_filters_in_the_url_reopen_the_same_view(page, app_url):
    open_page(page, f"{app_url}/timeline?type=warning")
    type_filter = page.get_by_test_id("stMultiSelect").filter(has_text="Type")
    assert "warning" in type_filter.inner_text()
    open_page(page, f"{app_url}/estimates?category=casualties")
    assert "casualties" in page.locator("[data-testid='stMain']").inner_text()


def test_reader_shows_article_markup_as_text(page, app_url):
    open_page(page, f"{app_url}/reader?article=zz_markup")
    page.wait_for_selector("[data-testid='sr-reader']", timeout=30_000)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "<img src=x onerror=window.__xss=1>" in text
    assert "<script>window.__xss = 2</script>" in text
    _no_script_ran(page)
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0


@pytest.mark.parametrize("path", ["", "timeline", "estimates", "search?q=answer", "reader?article=zz_markup"])
def test_hostile_article_never_runs_on_any_page(page, app_url, path):
    open_page(page, f"{app_url}/{path}")
    _no_script_ran(page)
    assert page.locator("[data-testid='stException']").count() == 0


def test_quote_search_card_escapes_the_quote(page, app_url):
    open_page(page, f"{app_url}/search?q=answer")
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "Tomasz Nowak" in text and "<img src=x" in text
    _no_script_ran(page)
