"""Typing a state's name puts its profile page first in the search results."""

from __future__ import annotations

import pytest

from browser_support import guarded_context, visit
from test_search import search

# Members and non-members, one-word and several-word names, and a member organisation.
QUERIES = [
    ("Botswana", "states/bwa.html"),
    ("Kenya", "states/ken.html"),
    ("Liechtenstein", "states/lie.html"),
    ("Republic of Korea", "states/kor.html"),
    ("Brazil", "states/bra.html"),
    ("Organization of American States", "organisations/organization-of-american-states.html"),
]


@pytest.fixture(scope="module")
def search_page(browser, site):
    context, guard = guarded_context(browser, site)
    page = context.new_page()
    visit(page, site.url("index.html"))
    yield page, guard
    context.close()


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[query for query, _ in QUERIES])
def test_a_state_name_finds_its_profile_first(search_page, site, query, expected):
    page, _ = search_page
    results = [site.page_of(url) for url in search(page, query)]
    assert results[0] == expected, f"{query!r}: expected {expected} first, got {results[:3]}"
