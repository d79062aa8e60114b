"""Title and outlet inference, and the manifest-wins rule."""

from __future__ import annotations

import datetime as dt

from sitrep.manifest import ManifestEntry
from sitrep.metadata import infer_outlet, infer_title, make_article, outlet_from_domain
from sitrep.reader import read_article_bytes


def _file(text: str, name: str = "x.txt"):
    return read_article_bytes(name, text.encode())


def test_headline_like_first_line_is_the_title():
    f = _file("Envoy summoned over troop reports\nThe ministry said on Monday it had summoned the envoy.\n")
    assert infer_title(f) == "Envoy summoned over troop reports"


def test_a_sentence_is_not_a_title():
    f = _file("The ministry said on Monday it had summoned the envoy.\nMore text follows here.\n")
    assert infer_title(f) == ""


def test_boilerplate_first_line_is_not_a_title():
    f = _file("Share on Social\nThe ministry said on Monday it had summoned the envoy.\n")
    assert infer_title(f) == ""


def test_source_line_names_the_outlet():
    f = _file("Body text said things.\nMore body.\nSource: Reuters.com\n")
    assert infer_outlet(f) == "Reuters"


def test_unknown_domain_becomes_a_readable_name():
    assert outlet_from_domain("www.daily-example.org") == "Daily Example"
    assert outlet_from_domain("news.example.co.uk") == "Example"


def test_dateline_names_the_outlet():
    f = _file("KYIV, Ukraine (AP) — Officials said on Monday that troops moved.\n")
    assert infer_outlet(f) == "AP"


def test_no_credit_no_outlet():
    assert infer_outlet(_file("Officials said on Monday that troops moved.\n")) == ""


def test_manifest_wins_over_inference():
    f = _file("Envoy summoned over troop reports\nBody said things.\nSource: example.org\n")
    entry = ManifestEntry("x", title="Manifest title", outlet="Manifest Outlet", published=dt.date(2024, 1, 2))
    article = make_article(f, manifest=entry, inferred_published=dt.date(2024, 5, 5))
    assert (article.title, article.outlet, article.published, article.published_basis) == (
        "Manifest title", "Manifest Outlet", dt.date(2024, 1, 2), "manifest")


def test_inferred_and_unknown_bases():
    f = _file("Body said things.\n")
    assert make_article(f, manifest=None, inferred_published=dt.date(2024, 5, 5)).published_basis == "inferred"
    unknown = make_article(f, manifest=None, inferred_published=None)
    assert (unknown.published, unknown.published_basis) == (None, "unknown")
    assert unknown.unattributed_claimant == "article"
