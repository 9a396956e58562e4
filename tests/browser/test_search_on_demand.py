"""Served, a page leaves the search index (its heaviest file) unloaded until the reader reaches for search
(docs/assets/javascripts/search-on-demand.js); every way of reaching for it loads it, and search then
works as before. From disk the index still comes with the page (test_search.py searches there)."""

from __future__ import annotations

import pytest
from browser_support import RESULT, SEARCH_BOX, SEARCH_INDEX, search

PAGE = "network/members.html"
HIGHLIGHT = "mark[data-md-highlight]"


@pytest.fixture
def watched_page(open_served_context):
    """A served page's tab, with the list of its requests for the search index; and the context's guard."""
    context, guard = open_served_context()
    index_requests = []
    context.on("request", lambda request: SEARCH_INDEX in request.url and index_requests.append(request.url))
    return context.new_page(), index_requests, guard


def test_a_page_loads_without_its_search_index(watched_page, served_site):
    page, index_requests, guard = watched_page
    for path in (PAGE, "fr/" + PAGE, "es/" + PAGE):
        page.goto(served_site.url(path), wait_until="networkidle")
        assert page.locator("article.md-content__inner h1").count() == 1
    assert index_requests == []
    guard.assert_clean("served pages")


REACHING_FOR_SEARCH = {
    "clicking the search field": lambda page: page.locator(SEARCH_BOX).click(),
    "the keyboard shortcut": lambda page: page.keyboard.press("s"),
    "pointing at the search field": lambda page: page.locator(SEARCH_BOX).hover(),
}
LOADED = "path => performance.getEntriesByType('resource').some(entry => entry.name.includes(path))"


@pytest.mark.parametrize("reach", REACHING_FOR_SEARCH.values(), ids=REACHING_FOR_SEARCH.keys())
def test_reaching_for_search_loads_the_index_and_search_answers(watched_page, served_site, reach):
    page, index_requests, guard = watched_page
    page.goto(served_site.url(PAGE), wait_until="networkidle")
    reach(page)
    page.wait_for_function(LOADED, arg=SEARCH_INDEX)
    found = [served_site.page_of(url) for url in search(page, "Ljubljana")]
    assert "network/meetings.html" in found[:3]
    assert index_requests == [served_site.url("search/search_index.json")]
    guard.assert_clean("search on demand")


def test_a_search_results_link_highlights_at_once(watched_page, served_site):
    page, index_requests, guard = watched_page
    page.goto(served_site.url("network/meetings.html?h=ljubljana"))
    page.locator(HIGHLIGHT).first.wait_for()
    assert page.locator(HIGHLIGHT).first.inner_text().lower() == "ljubljana"
    assert len(index_requests) == 1
    guard.assert_clean("highlighting link")


def test_a_link_with_a_query_opens_its_results(watched_page, served_site):
    page, index_requests, guard = watched_page
    page.goto(served_site.url("index.html?q=Ljubljana"))
    page.locator(RESULT).first.wait_for()
    found = page.locator(RESULT).evaluate_all("items => items.map(item => item.querySelector('a').href)")
    assert "network/meetings.html" in [served_site.page_of(url) for url in found][:3]
    assert len(index_requests) == 1
    guard.assert_clean("query link")
