"""Search works served and from disk (file://), and finds the page a reader means in its first three results."""

from __future__ import annotations

import pytest
from browser_support import RESULT, SEARCH_BOX, search

TOP = 3

# What a reader types, and the page that answers it.
QUERIES = [
    # The crimes and the pillars
    ("genocide", "understanding-r2p/pillars-and-crimes.html"),
    ("ethnic cleansing", "understanding-r2p/pillars-and-crimes.html"),
    ("crimes against humanity", "understanding-r2p/pillars-and-crimes.html"),
    ("capacity-building", "understanding-r2p/pillars-and-crimes.html"),
    ("timely and decisive response", "understanding-r2p/pillars-and-crimes.html"),
    # The mandate
    ("national plan", "focal-point-role/mandate.html"),
    ("warning signs", "focal-point-role/mandate.html"),
    ("peer review", "focal-point-role/mandate.html"),
    ("Universal Periodic Review", "focal-point-role/mandate.html"),
    # The operating principles
    ("community of commitment", "network/principles.html"),
    ("coalition", "network/principles.html"),
    # Members (test_state_search.py checks that a state's name puts its profile first)
    ("Côte d'Ivoire", "states/civ.html"),
    ("Costa Rica", "states/cri.html"),
    ("European Union", "organisations/european-union.html"),
    ("list of members", "network/members.html"),
    # Meeting cities
    ("Ljubljana", "network/meetings.html"),
    ("Gaborone", "network/meetings.html"),
    ("Seoul", "network/meetings.html"),
    # The toolkit
    ("first 100 days", "toolkit/first-100-days.html"),
    ("handover note", "toolkit/handover.html"),
    ("self-assessment", "toolkit/annual-report.html"),
    ("talking points", "toolkit/talking-points.html"),
    ("objections", "toolkit/talking-points.html"),
    ("glossary", "toolkit/glossary.html"),
    # The other chapters
    ("World Summit", "understanding-r2p/origins.html"),
    ("Framework of Analysis", "in-practice/atrocity-lens.html"),
    ("Security Council term", "in-practice/security-council.html"),
]


def test_typing_a_query_shows_results(search_page, site):
    page, guard = search_page
    page.locator(SEARCH_BOX).click()
    page.keyboard.type("focal point", delay=20)
    page.locator(RESULT).first.wait_for()
    assert page.locator(RESULT).count() >= 1
    assert page.locator(".md-search-result__meta").inner_text().endswith("matching documents")
    guard.assert_clean(f"{site.mode} search")


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[query for query, _ in QUERIES])
def test_query_finds_its_page_in_the_top_results(search_page, site, query, expected):
    page, guard = search_page
    results = [site.page_of(url) for url in search(page, query)]
    assert expected in results[:TOP], f"{query!r}: expected {expected} in the top {TOP}, got {results[:TOP]}"
    guard.assert_clean(f"{site.mode} search {query!r}")


def test_a_result_opens_its_page(search_page, site):
    page, guard = search_page
    first = site.page_of(search(page, "Ljubljana")[0])
    page.locator(RESULT).first.locator("a").first.click()
    page.wait_for_function("path => location.href.split(/[?#]/)[0].endsWith(path)", arg=first)
    page.wait_for_load_state()
    assert page.locator("article.md-content__inner h1").count() == 1
    guard.assert_clean(f"{site.mode} search result")
