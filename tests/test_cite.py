"""How to cite: the bibliography as BibTeX and CSL-JSON (read back with pybtex and json), CITATION.cff, the
"Cite this manual" section, and the footer's e-mail to report an error, in every language."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from macros.data.loader import load_manual
from macros.generated import citations
from macros.words import words_for

from .conftest import PROJECT_DIR

# The item types of CSL 1.0.2 that the mapping may use.
CSL_ITEM_TYPES = {"article", "article-journal", "article-newspaper", "book", "report", "speech", "webpage"}


@pytest.fixture(scope="module")
def manual():
    return load_manual(PROJECT_DIR / "data")


def test_the_bibtex_reads_back_with_every_source(manual):
    entries = parse_string(citations.bibtex(manual), "bibtex").entries
    assert list(entries) == sorted(s.id for s in manual.sources.sources)
    for source in manual.sources.sources:
        entry = entries[source.id]
        # BibTeX escapes LaTeX's special characters ("\\_"); a reference manager reads them back.
        assert entry.fields["title"] == source.title
        assert entry.fields["url"].replace("\\_", "_") == str(source.url)
        # One author as written: an organisation's name is not split into given and family names.
        assert [str(person) for person in entry.persons["author"]] == ["{" + source.author + "}"]
        if source.date:
            assert entry.fields["year"] == str(source.date.year)


def test_the_csl_json_has_an_item_per_source_with_its_date(manual):
    items = {item["id"]: item for item in json.loads(citations.csl_json(manual))}
    assert set(items) == {s.id for s in manual.sources.sources}
    for source in manual.sources.sources:
        item = items[source.id]
        assert item["type"] in CSL_ITEM_TYPES and item["title"] == source.title
        if source.date:
            assert item["issued"]["date-parts"][0][0] == source.date.year
        else:
            assert "issued" not in item


def test_citation_cff_names_the_manual_as_the_site_does():
    cff = yaml.safe_load((PROJECT_DIR / "CITATION.cff").read_text(encoding="utf-8"))
    config = (PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8")
    assert cff["cff-version"] == "1.2.0"
    assert f"site_name: {cff['title']}" in config
    assert f"site_author: {cff['authors'][0]['name']}" in config


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("language", ["", "fr", "es"])
def test_sources_page_says_how_to_cite_and_offers_the_bibliography(made_site, manual, language):
    root = made_site / language
    page = soup(root / "sources.html")
    words = words_for(language or "en")
    quote = page.select_one("#cite-this-manual").find_next("blockquote").get_text(" ", strip=True)
    assert words.date(manual.data_as_of()) in quote
    downloads = {a["href"] for a in page.select("article a[href]") if a["href"].endswith((".bib", ".json"))}
    assert len(downloads) == 2
    for href in downloads:
        assert (root / href).is_file()
    assert len(parse_string((root / citations.BIBTEX_FILE).read_text(encoding="utf-8"), "bibtex").entries) == len(
        manual.sources.sources
    )


@pytest.mark.parametrize("language", ["", "fr", "es"])
@pytest.mark.parametrize("page", ["index.html", "network/members.html", "states/gha.html"])
def test_every_page_can_report_an_error_by_an_e_mail_naming_it(made_site, manual, language, page):
    html = soup(made_site / language / page)
    words = words_for(language or "en")
    (link,) = [a for a in html.select(".md-copyright a[href^='mailto:']")]
    assert link.get_text(strip=True) == words("Report an error on this page")
    query = parse_qs(urlsplit(link["href"]).query)
    # The page's title as the navigation names it: the home page's is "Home", not its heading.
    home = {"": "Home", "fr": "Accueil", "es": "Inicio"}[language]
    title = home if page == "index.html" else html.select_one("article h1").get_text().rstrip("¶").strip()
    assert title in query["subject"][0]
    body = unquote(query["body"][0])
    assert page in body and f"({language or 'en'})" in body and words.date(manual.data_as_of()) in body
