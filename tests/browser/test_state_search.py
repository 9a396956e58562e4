"""Typing a state's name puts its profile page first in the search results."""

from __future__ import annotations

import pytest
from browser_support import search

# Members and non-members, one-word and several-word names, and a member organisation; then the names people
# type that are not the page's title: an official name, the package's short name for a member the roster
# names otherwise, and accented names typed without their accents.
QUERIES = [
    ("Botswana", "states/bwa.html"),
    ("Kenya", "states/ken.html"),
    ("Liechtenstein", "states/lie.html"),
    ("Republic of Korea", "states/kor.html"),
    ("Brazil", "states/bra.html"),
    ("Organization of American States", "organisations/organization-of-american-states.html"),
    ("Russian Federation", "states/rus.html"),
    ("Czechia", "states/cze.html"),
    ("Cote d'Ivoire", "states/civ.html"),
    ("Turkiye", "states/tur.html"),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[query for query, _ in QUERIES])
def test_a_state_name_finds_its_profile_first(search_page, site, query, expected):
    page, guard = search_page
    results = [site.page_of(url) for url in search(page, query)]
    assert results[0] == expected, f"{query!r}: expected {expected} first, got {results[:3]}"
    guard.assert_clean(f"{site.mode} search {query!r}")
