"""The manual's chapters on the built real site: each page's shape, its citations, and findability."""

from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, SoupStrainer

from macros.data.countries import name_order
from macros.data.loader import load_manual
from macros.markdown import render, toolkit
from macros.words import ENGLISH

from .conftest import PROJECT_DIR, build_project

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
    shown = {cells[0]: cells for cells in ([cell.get_text().strip() for cell in row.find_all("td")] for row in rows)}
    for report in manual.sg_reports.reports:
        _, title, symbol, _ = shown[str(report.year)]
        assert title == report.title, report.year
        assert symbol == (report.symbol or render.SYMBOL_NOT_FOUND), report.year


@pytest.fixture(scope="module")
def site_with_one_member_less(tmp_path_factory) -> tuple[Path, object]:
    """The manual built from the real data without its first state: prose figures typed by hand would not move."""
    root = tmp_path_factory.mktemp("one-member-less")
    data = root / "data"
    shutil.copytree(PROJECT_DIR / "data", data)
    roster = yaml.safe_load((data / "roster.yml").read_text(encoding="utf-8"))
    first_state = next(m for m in roster["members"] if m["kind"] == "state")
    roster["members"].remove(first_state)
    (data / "roster.yml").write_text(yaml.safe_dump(roster, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = build_project(root / "project", data, extra_env={"STATE_PAGES": "false"})
    return site, load_manual(data)


@pytest.mark.parametrize(
    "page",
    ["index.html", "start-here/five-minute-summary.html", "focal-point-role/definition.html", "network/members.html"],
)
def test_figures_in_prose_come_from_the_data(manual, site_with_one_member_less, page):
    site, smaller = site_with_one_member_less
    assert render.members_named(smaller) != render.members_named(manual)
    text = " ".join(article(site, page).get_text(" ").split())
    assert f"name {render.members_named(smaller)}" in text
    assert f"name {render.members_named(manual)}" not in text
    assert ENGLISH.date(smaller.roster.as_of) in text


# === Part B: The Global Network, In practice, Toolkit =================================================

PART_B_SHAPED_PAGES = [
    "network/index.html",
    "network/history.html",
    "network/organisation.html",
    "network/principles.html",
    "network/activities.html",
    "network/value-and-challenges.html",
    "network/related-fora.html",
    "in-practice/index.html",
    "in-practice/denmark.html",
    "in-practice/atrocity-lens.html",
    "in-practice/upr.html",
    "in-practice/security-council.html",
    "toolkit/index.html",
    "toolkit/first-100-days.html",
    "toolkit/handover.html",
    "toolkit/annual-report.html",
    "toolkit/talking-points.html",
    "toolkit/faq.html",
]
# Reference pages made of data: they cite their sources but have no "In short" or "What you can do".
PART_B_REFERENCE_PAGES = ["network/members.html", "network/meetings.html"]
GLOSSARY_PAGE = "toolkit/glossary.html"
PART_B_QUESTIONS = {
    "steering group": "network/organisation.html#steering-group",
    "handover": "toolkit/handover.html",
    "military intervention": "toolkit/talking-points.html#objection-military-intervention",
}


@pytest.mark.parametrize("page", PART_B_SHAPED_PAGES)
def test_part_b_page_opens_with_in_short_and_ends_with_what_you_can_do(real_site, page):
    test_page_opens_with_in_short_of_three_points(real_site, page)
    test_page_ends_with_what_you_can_do(real_site, page)


@pytest.mark.parametrize("page", PART_B_SHAPED_PAGES + PART_B_REFERENCE_PAGES)
def test_part_b_page_cites_sources_that_resolve(real_site, page):
    test_every_citation_resolves_to_a_bibliography_entry(real_site, page)


@pytest.mark.parametrize("query, section", PART_B_QUESTIONS.items())
def test_part_b_one_search_finds_the_section_that_answers(real_site, query, section):
    test_one_search_finds_the_section_that_answers(real_site, query, section)


def glossary_terms() -> list[tuple[str, str]]:
    text = (PROJECT_DIR / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return toolkit.parse_abbreviations(text)


def abbreviations_on(page_article) -> set[tuple[str, str]]:
    return {(abbr.get_text(), abbr["title"]) for abbr in page_article.select("abbr")}


def test_glossary_covers_the_required_abbreviations():
    terms = {term for term, _ in glossary_terms()}
    required = {
        "R2P",
        "GCR2P",
        "OSAPG",
        "HRC",
        "UPR",
        "EEAS",
        "CONUN",
        "GAAMAC",
        "IAPWG",
        "KAIPTC",
        "IIMM",
        "OAS",
        "WPS",
        "EU",
        "UN",
        "UNGA",
        "ICC",
        "ECOWAS",
        "SADC",
        "ICMPD",
        "IHRA",
        "NGO",
    }
    assert required <= terms, f"missing from the glossary: {sorted(required - terms)}"


def test_each_abbreviation_is_a_paragraph_of_its_own():
    # Appended to every page: in one block, Python-Markdown re-reads the rest of the block after each
    # definition, which made the abbreviations alone cost more than a plain page (see the README).
    text = (PROJECT_DIR / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert len(paragraphs) == len(glossary_terms()) > 0
    assert all(len(p.strip().splitlines()) == 1 for p in paragraphs)


def test_every_glossary_term_is_an_abbreviation_on_the_glossary_and_another_page(real_site):
    on_glossary = abbreviations_on(article(real_site, GLOSSARY_PAGE))
    elsewhere: set[tuple[str, str]] = set()
    for path in real_site.rglob("*.html"):
        page = path.relative_to(real_site).as_posix()
        if page not in (GLOSSARY_PAGE, "404.html") and (found := article(real_site, page)) is not None:
            elsewhere |= abbreviations_on(found)
    for term, meaning in glossary_terms():
        assert (term, meaning) in on_glossary, f"{term} is not an abbreviation on the glossary page"
        assert (term, meaning) in elsewhere, f"{term} is not used as an abbreviation on any other page"


def test_the_organisation_page_names_the_steering_group(manual, real_site):
    expected = sorted((m.name for m in manual.roster.members if "steering-group" in m.roles), key=name_order)
    assert expected, "the roster names no member of the steering group"
    heading = article(real_site, "network/organisation.html").find(id="steering-group")
    names = heading.find_next_sibling("ul").select("li")
    assert [li.get_text(strip=True) for li in names] == expected


def test_the_meetings_page_opens_with_when_and_where_the_network_last_met(manual, real_site):
    latest = max((m for m in manual.meetings.meetings if m.kind == "annual"), key=lambda m: m.start.as_date())
    opening = article(real_site, "network/meetings.html").find("p").get_text(" ", strip=True)
    assert opening.startswith("The most recent annual meeting recorded here is")
    assert latest.title.lower() in opening.lower() and latest.city in opening and str(latest.start.year) in opening


def test_the_faq_answers_the_last_meeting_and_the_steering_group_on_the_page(manual, real_site):
    faq = article(real_site, "toolkit/faq.html")
    last_meeting = faq.find(id="question-last-meeting").find_next_sibling("p").get_text(" ", strip=True)
    latest = max((m for m in manual.meetings.meetings if m.kind == "annual"), key=lambda m: m.start.as_date())
    assert latest.title.lower() in last_meeting.lower() and latest.city in last_meeting
    names = faq.find(id="question-steering-group").find_next_sibling("ul").select("li")
    assert [li.get_text(strip=True) for li in names] == sorted(
        (m.name for m in manual.roster.members if "steering-group" in m.roles), key=name_order
    )


def test_the_handover_page_shows_every_section_of_the_template(manual, real_site):
    headings = [heading_text(h) for h in article(real_site, "toolkit/handover.html").select("h2")]
    assert "How to hand over" in headings
    assert [s.title for s in manual.toolkit.handover] == [
        h for h in headings if h in {s.title for s in manual.toolkit.handover}
    ]


def test_the_military_intervention_answer_is_on_the_talking_points_and_reached_from_the_faq(real_site):
    heading = article(real_site, "toolkit/talking-points.html").find(id="objection-military-intervention")
    assert "military intervention" in heading.get_text()
    assert "Security Council" in heading.find_next_sibling("p").get_text()
    faq = article(real_site, "toolkit/faq.html")
    assert faq.select_one("a[href='talking-points.html#objection-military-intervention']") is not None


def test_the_risk_factor_table_lists_all_fourteen_and_flags_unverified_names(manual, real_site):
    rows = article(real_site, "in-practice/atrocity-lens.html").select_one("table").select("tbody tr")
    assert [int(row.find("td").get_text()) for row in rows] == list(range(1, 15))
    flagged = {
        int(row.find("td").get_text())
        for row in rows
        if row.select("td")[1].get_text().endswith(toolkit.NOT_VERIFIED_MARK)
    }
    assert flagged == {f.number for f in manual.risk_factors.factors if not f.verified}
    assert flagged, "the data marks every factor verified; the flag is then untested"
    page_text = article(real_site, "in-practice/atrocity-lens.html").get_text()
    assert page_text.count("Name not verified against the Framework's text") == 1


def test_the_self_assessment_has_a_row_for_each_mandate_item(manual, real_site):
    table = (
        article(real_site, "toolkit/annual-report.html")
        .find(id="self-assessment")
        .find_next("div", class_="toolkit-form-self-assessment")
        .table
    )
    rows = [row.get_text(" ", strip=True) for row in table.select("tbody tr")]
    assert len(rows) == len(manual.mandate.functions)
    for row, function in zip(rows, manual.mandate.functions, strict=False):
        assert row.startswith(function.title)


# === Page shapes: chapter pages and reference pages ===================================================
# How to use promises "In short" and "What you can do" on every chapter page, and names the reference
# pages, which hold lists and tables instead. Every built page is one or the other.

REFERENCE_PAGES = [
    "network/members.html",
    "network/meetings.html",
    "network/states.html",
    GLOSSARY_PAGE,
    "sources.html",
    "whats-new.html",
]
# The generated profiles, one per UN member state and per regional organisation in the network.
PROFILE_FOLDERS = ("states/", "organisations/")
HOW_TO_USE_PAGE = "start-here/how-to-use.html"


def is_reference_page(page: str) -> bool:
    return page in REFERENCE_PAGES or page.startswith(PROFILE_FOLDERS)


@pytest.fixture(scope="module")
def built_articles(real_site) -> dict[str, object]:
    """Every built page's article (the profiles too), parsed once: the tests below share them."""
    only_articles = SoupStrainer("article")
    found = {}
    for path in real_site.rglob("*.html"):
        page = path.relative_to(real_site).as_posix()
        parsed = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser", parse_only=only_articles)
        if page != "404.html" and (page_article := parsed.find("article")) is not None:
            found[page] = page_article
    return found


def test_every_page_is_a_chapter_page_or_a_reference_page(built_articles):
    chapters = set(CHAPTER_PAGES + PART_B_SHAPED_PAGES)
    assert sorted(p for p in built_articles if p not in chapters and not is_reference_page(p)) == []
    assert {p.split("/")[0] + "/" for p in built_articles} >= set(PROFILE_FOLDERS), "no profiles were built"


def test_reference_pages_have_neither_in_short_nor_what_you_can_do(built_articles):
    for page, found in built_articles.items():
        if is_reference_page(page):
            assert "In short" not in [heading_text(t) for t in found.select(".admonition-title")], page
            assert "What you can do" not in [heading_text(h) for h in found.select("h2")], page


def test_how_to_use_names_every_reference_page(real_site):
    links = {
        posixpath.normpath(posixpath.join(posixpath.dirname(HOW_TO_USE_PAGE), a["href"].split("#")[0]))
        for a in article(real_site, HOW_TO_USE_PAGE).select("a[href]")
    }
    assert set(REFERENCE_PAGES) <= links, f"not named on How to use: {sorted(set(REFERENCE_PAGES) - links)}"
