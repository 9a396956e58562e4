"""The manual's chapters on the built real site: each page's shape, its citations, and findability."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import render
from macros.loader import load_manual

from .conftest import PROJECT_DIR

# Every chapter page, as built. Each opens with "In short" and ends with "What you can do".
CHAPTER_PAGES = [
    # Start here
    "index.html",
    "start-here/how-to-use.html",
    "start-here/five-minute-summary.html",
    # Understanding R2P
    "understanding-r2p/origins.html",
    "understanding-r2p/pillars-and-crimes.html",
    "understanding-r2p/human-rights.html",
    "understanding-r2p/un-architecture.html",
    "understanding-r2p/what-r2p-is-not.html",
    # The focal point role
    "focal-point-role/definition.html",
    "focal-point-role/mandate.html",
    "focal-point-role/profile-and-placement.html",
    "focal-point-role/catalyst-and-convening.html",
    "focal-point-role/winning-buy-in.html",
    "focal-point-role/time-and-continuity.html",
    "focal-point-role/limits.html",
]

# Questions a new focal point must answer with one search: query words -> the section that answers.
QUESTIONS = {
    "four crimes": "understanding-r2p/pillars-and-crimes.html#the-four-crimes",
    "pillar two": "understanding-r2p/pillars-and-crimes.html#what-pillar-two-asks",
    "mandate at home": "focal-point-role/mandate.html#at-home",
}


@pytest.fixture(scope="module")
def manual():
    return load_manual(PROJECT_DIR / "data")


def article(site: Path, page: str):
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").select_one("article")


def heading_text(tag) -> str:
    return tag.get_text(" ", strip=True).rstrip("¶").strip()


def top_level(page_article) -> list:
    return [child for child in page_article.find_all(recursive=False) if child.name]


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_page_opens_with_in_short_of_three_points(real_site, page):
    blocks = top_level(article(real_site, page))
    first_after_title = blocks[[b.name for b in blocks].index("h1") + 1]
    assert "admonition" in first_after_title.get("class", []), f"{page}: no admonition right after the title"
    assert heading_text(first_after_title.select_one(".admonition-title")) == "In short"
    assert len(first_after_title.select("ul > li")) == 3


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_page_ends_with_what_you_can_do(real_site, page):
    blocks = top_level(article(real_site, page))
    sections = [b for b in blocks if b.name == "h2"]
    assert sections and heading_text(sections[-1]) == "What you can do", f"{page}: last section is not it"
    actions = sections[-1].find_next_sibling("ul")
    assert actions is not None and len(actions.find_all("li")) >= 2


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_every_citation_resolves_to_a_bibliography_entry(real_site, page):
    bibliography = BeautifulSoup((real_site / "sources.html").read_text(encoding="utf-8"), "html.parser")
    citations = [a["href"] for a in article(real_site, page).select("a[href]") if "#source-" in a["href"]]
    assert citations, f"{page} cites no source"
    for href in citations:
        target, anchor = href.split("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        assert resolved == "sources.html", f"{page}: {href} does not point at the bibliography"
        assert bibliography.find(id=anchor) is not None, f"{page}: {href} has no bibliography entry"


@pytest.mark.parametrize("query, section", QUESTIONS.items())
def test_one_search_finds_the_section_that_answers(real_site, query, section):
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = query.lower().split()
    hits = [doc["location"] for doc in index["docs"] if all(w in doc["title"].lower() for w in words)]
    assert section in hits, f"search for {query!r} finds {hits}"


def test_home_page_links_straight_to_the_three_answers(real_site):
    links = {a["href"] for a in article(real_site, "index.html").select("a[href]")}
    assert set(QUESTIONS.values()) <= links


def test_sg_reports_table_shows_every_report(manual, real_site):
    rows = article(real_site, "understanding-r2p/un-architecture.html").select("table tbody tr")
    shown = {row.find("td").get_text(strip=True): row.get_text(" ", strip=True) for row in rows}
    for report in manual.sg_reports.reports:
        row = shown.get(str(report.year), "")
        assert report.title in row, report.year
        assert (report.symbol or render.SYMBOL_NOT_FOUND) in row, report.year


def test_figures_in_prose_come_from_the_data(manual, real_site):
    for page in ("index.html", "start-here/five-minute-summary.html", "focal-point-role/definition.html"):
        text = " ".join(article(real_site, page).get_text(" ").split())
        assert f"name {render.members_named(manual)}" in text, page
        assert render.format_date(manual.roster.as_of) in text, page
