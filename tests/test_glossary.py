"""The glossary's key terms on the built real site: in order, each cited and linked to the section that treats it.
(Its abbreviations are checked in test_chapters.py.)"""

from __future__ import annotations

import posixpath

from bs4 import BeautifulSoup

from .test_chapters import GLOSSARY_PAGE, article


def key_terms(site) -> list[tuple[object, object]]:
    """Each key term (`dt`) with its definition (`dd`), in the order of the glossary's definition list."""
    definitions = article(site, GLOSSARY_PAGE).find("dl")
    assert definitions is not None, "the glossary has no list of key terms"
    return [(term, term.find_next_sibling("dd")) for term in definitions.find_all("dt")]


def test_the_key_terms_come_before_the_abbreviations_in_alphabetical_order(real_site):
    page = article(real_site, GLOSSARY_PAGE)
    assert page.find("dl").find_next("table") is not None, "the abbreviations do not follow the key terms"
    names = [term.get_text(strip=True) for term, _ in key_terms(real_site)]
    assert len(names) >= 10
    assert names == sorted(names, key=str.lower)


def test_every_key_term_links_to_a_section_that_exists(real_site):
    for term, _ in key_terms(real_site):
        name, link = term.get_text(strip=True), term.find("a", href=True)
        assert link is not None, f"{name} links to no page"
        target, _, anchor = link["href"].partition("#")
        page = posixpath.normpath(posixpath.join(posixpath.dirname(GLOSSARY_PAGE), target))
        assert (real_site / page).is_file(), f"{name} links to {page}, which was not built"
        if anchor:
            linked = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser")
            assert linked.find(id=anchor) is not None, f"{name}: {page} has no section #{anchor}"


def test_every_key_term_is_defined_with_a_citation_that_resolves(real_site):
    bibliography = BeautifulSoup((real_site / "sources.html").read_text(encoding="utf-8"), "html.parser")
    for term, definition in key_terms(real_site):
        name = term.get_text(strip=True)
        assert definition is not None, f"{name} has no definition"
        citations = [a["href"] for a in definition.select("a[href]") if "#source-" in a["href"]]
        assert citations, f"the definition of {name} cites no source"
        for href in citations:
            assert bibliography.find(id=href.partition("#")[2]) is not None, f"{name}: {href} is not in the Sources"
