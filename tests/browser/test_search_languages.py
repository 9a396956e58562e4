"""Each language searches its own pages, served and from disk, with or without the accents.

A query typed without its accents finds the same page among its results: the pages that quote the English
word ("Genocide Convention") may come first, as they match it twice.
"""

from __future__ import annotations

import pytest
from browser_support import guarded_context, search, visit

TOP = 3
FOLDED = "among the results"

QUERIES = {
    "fr": [
        ("génocide", "fr/understanding-r2p/pillars-and-crimes.html"),
        ("genocide", "fr/understanding-r2p/pillars-and-crimes.html", FOLDED),
        ("nettoyage ethnique", "fr/understanding-r2p/pillars-and-crimes.html"),
        ("EPU", "fr/in-practice/upr.html"),
        ("Cote d'Ivoire", "fr/states/civ.html", FOLDED),
        ("Allemagne", "fr/states/deu.html"),
        ("note de passation", "fr/toolkit/handover.html"),
    ],
    "es": [
        ("genocidio", "es/understanding-r2p/pillars-and-crimes.html"),
        ("crímenes de lesa humanidad", "es/understanding-r2p/pillars-and-crimes.html"),
        ("crimenes de lesa humanidad", "es/understanding-r2p/pillars-and-crimes.html", FOLDED),
        ("EPU", "es/in-practice/upr.html"),
        ("Mexico", "es/states/mex.html", FOLDED),
        ("Alemania", "es/states/deu.html"),
        ("nota de traspaso", "es/toolkit/handover.html"),
    ],
}


@pytest.fixture(scope="module", params=sorted(QUERIES))
def language_search(request, browser, site):
    """A page of one language with its search index loaded, per way of reaching the site."""
    context, guard = guarded_context(browser, site)
    page = context.new_page()
    visit(page, site.url(f"{request.param}/index.html"))
    yield request.param, page, guard
    context.close()


def test_each_language_finds_its_own_pages(language_search, site):
    language, page, guard = language_search
    for query, expected, *folded in QUERIES[language]:
        results = [site.page_of(url) for url in search(page, query)]
        shown = results if folded else results[:TOP]
        assert expected in shown, f"{query!r}: expected {expected} {folded or f'in the top {TOP}'}, got {shown}"
        assert all(result.startswith(f"{language}/") for result in results), results
    guard.assert_clean(f"{site.mode} search in {language}")
