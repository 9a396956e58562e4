"""Each profile on one A4 page as a PDF of its own (macros/build/sheets.py), in every language."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.build import sheets
from macros.build.edition import Edition
from macros.data.loader import load_manual
from macros.generated.state_pages import sheet_path
from tests.conftest import PROJECT_DIR

LANGUAGES = {"en": "", "fr": "fr", "es": "es"}

PROFILE = """<html><body><article class="md-content__inner md-typeset"><div class="state-profile">
<h1 id="x">Atlantis<a class="headerlink" href="#x">¶</a></h1>
<div><ul><li><strong>Network:</strong> not named [<a href="../sources.html#source-memo">memo</a>]</li></ul>
<p>Peers: <a href="gbr.html">United Kingdom</a> (2013)</p>
<div class="outreach-brief">
<h3 class="brief-why">Why</h3><ul><li>Because [<a href="../sources.html#source-memo">memo</a>]</li></ul>
<h3 class="brief-steps">Steps</h3><ol><li>Choose</li><li>Announce, as a long sentence of some length</li></ol>
<h3 class="brief-objections">Objections</h3><ul><li>None [<a href="../sources.html#source-other">other</a>]</li></ul>
<h3 class="brief-contacts">Contacts</h3><ul><li><a href="https://example.org/">Secretariat</a></li></ul>
</div>
<p class="screen-only"><a href="../pdf/states/atl.pdf">PDF</a></p>
</div></div></article></body></html>"""


def _article() -> BeautifulSoup:
    return BeautifulSoup(PROFILE, "html.parser").select_one("article")


def test_a_sheet_lies_in_the_pdf_folder_of_its_language_at_its_profile_path():
    assert sheet_path("states/afg.md") == "pdf/states/afg.pdf"
    assert sheet_path("organisations/european-union.html") == "pdf/organisations/european-union.pdf"


def test_a_printable_profile_keeps_its_facts_and_cites_by_id():
    article = _article()
    cited = sheets.printable_profile(article, "states/atl.html", None)
    text = article.get_text(" ")
    assert cited == ["memo"]  # in order of citation, once each; the left-out objections cite "other"
    assert "United Kingdom" in text and "not named" in text and "[ memo ]" in text
    assert article.select(".headerlink, .screen-only, .brief-objections") == []
    # Links within the site become text on paper; a link to another site stays (its address is printed).
    assert [a["href"] for a in article.find_all("a")] == ["https://example.org/"]


def test_with_a_site_address_a_link_within_the_site_leads_to_the_published_page():
    article = _article()
    sheets.printable_profile(article, "states/atl.html", "https://manual.example/")
    assert "https://manual.example/states/gbr.html" in [a["href"] for a in article.find_all("a")]


def test_the_brief_is_split_into_two_columns_where_their_lengths_come_closest():
    article = _article()
    sheets.printable_profile(article, "states/atl.html", None)
    columns = article.select(".outreach-brief > .brief-column")
    assert [[h.get_text() for h in column.find_all("h3")] for column in columns] == [["Why", "Steps"], ["Contacts"]]


def test_an_unknown_source_id_is_an_error():
    manual = load_manual(PROJECT_DIR / "data")
    with pytest.raises(ValueError, match="memo"):
        sheets.sheet_from_page(PROFILE, "states/atl.html", manual.sources_by_id(), None)


def test_page_counts_follow_the_anchors():
    class Page:
        def __init__(self, *anchors):
            self.anchors = dict.fromkeys(anchors)

    pages = [Page("sheet-3"), Page("sheet-5"), Page(), Page("sheet-7")]
    assert sheets.page_counts(pages, [3, 5, 7]) == {3: (0, 1), 5: (1, 2), 7: (3, 1)}


def test_a_profile_too_long_for_the_smallest_type_stops_with_its_name(tmp_path):
    long_profile = PROFILE.replace("<p>Peers:", "<p>" + "A very long paragraph. " * 3000 + "</p><p>Peers:")
    manual = load_manual(PROJECT_DIR / "data")
    sources = {"memo": manual.sources.sources[0], "other": manual.sources.sources[1]}
    sheet = sheets.sheet_from_page(long_profile, "states/atl.html", sources, None)
    edition = Edition("Manual", "Edition", "Editors", "en", "2021-05-11T00:00:00+00:00", None)
    with pytest.raises(sheets.SheetTooLong, match=r"states/atl\.html \(\d+ pages\)"):
        sheets.lay_out([sheet], edition, str(tmp_path))


def _text(pdf: Path) -> str:
    """What the PDF prints, read by poppler's pdftotext: as pypdf reads it, in a seventh of the time."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _squeezed(text: str) -> str:
    """`text` without spaces and hyphens, which line breaks add or take away (pdftotext joins a word
    broken at a hyphen)."""
    return re.sub(r"[\s\-‐]+", "", text)


def _profiles(site: Path) -> list[Path]:
    return sorted([*site.glob("states/*.html"), *site.glob("organisations/*.html")])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_profile_has_a_one_page_pdf_that_says_what_its_page_says(made_site, language):
    site = made_site / LANGUAGES[language]
    profiles = _profiles(site)
    assert len(profiles) == 193 + 2
    for page in profiles:
        url = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html[html.index("<article") : html.index("</article>")], "html.parser")  # quicker
        offer = soup.select_one(".sheet-offer a")
        assert offer is not None, f"{url} offers no sheet"
        pdf = (page.parent / offer["href"]).resolve()
        assert pdf == (site / sheet_path(url)).resolve() and pdf.is_file(), f"{url}: {offer['href']} is missing"
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1, f"{pdf.name} has {len(reader.pages)} pages"
        printed = _squeezed(_text(pdf))
        article = soup.select_one("article .state-profile")
        title = article.h1.get_text().rstrip("¶")
        assert reader.metadata.title == title
        status = article.select_one("ul li")  # the network status line
        peers = article.find(id="peers").find_next_siblings("p", limit=2) if article.find(id="peers") else []
        for fact in [title, status, *peers]:
            text = fact if isinstance(fact, str) else fact.get_text()
            assert _squeezed(text) in printed, f"{pdf.name} lacks {text!r}"
        objections = article.select_one("h3.brief-objections")
        if objections is not None:  # left to the page: the sheet keeps to one page
            objections.find_next_sibling("ul").decompose()
        for source_id in {a["href"].split("#source-")[1] for a in article.select('a[href*="#source-"]')}:
            assert _squeezed(f"{source_id}:") in printed, f"{pdf.name} does not list source {source_id}"
