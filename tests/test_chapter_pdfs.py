"""Each chapter as a PDF of its own (macros/build/chapters.py), in every language."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.build import chapters

# Each language's site folder and the whole manual's PDF, relative to the site.
LANGUAGES = {
    "en": ("", "pdf/r2p-focal-points-manual.pdf"),
    "fr": ("fr", "pdf/r2p-focal-points-manual.fr.pdf"),
    "es": ("es", "pdf/r2p-focal-points-manual.es.pdf"),
}
FOLDERS = ["understanding-r2p", "focal-point-role", "network", "in-practice", "toolkit"]


@dataclass
class FakeFile:
    src_uri: str


@dataclass
class FakeItem:
    title: str
    children: list | None = None
    file: FakeFile | None = None

    @property
    def is_section(self):
        return self.children is not None

    @property
    def is_page(self):
        return self.file is not None


def _page(path: str) -> FakeItem:
    return FakeItem(path, file=FakeFile(path))


def test_a_chapter_is_a_section_whose_pages_share_one_folder():
    nav = [
        FakeItem("Start here", [_page("index.md"), _page("start-here/how-to-use.md")]),
        FakeItem("Understanding", [_page("understanding-r2p/origins.md"), _page("understanding-r2p/pillars.md")]),
        _page("whats-new.md"),
        FakeItem("Network", [_page("network/index.md")]),
    ]
    found = chapters.chapters(nav)
    assert [(c.folder, c.first_page, c.position) for c in found] == [
        ("understanding-r2p", "understanding-r2p/origins.md", 1),
        ("network", "network/index.md", 3),
    ]
    assert chapters.offer(found[0], "understanding-r2p/origins.html")["href"] == "../pdf/chapters/understanding-r2p.pdf"


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text())


def _dangling_links(reader: PdfReader) -> int:
    names = reader.named_destinations
    return sum(
        1
        for page in reader.pages
        for annotation in (a.get_object() for a in page.get("/Annots") or [])
        if annotation.get("/Subtype") == "/Link"
        and isinstance(annotation.get("/Dest"), str)
        and annotation["/Dest"] not in names
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_chapter_is_offered_on_its_first_page_as_a_pdf_of_its_pages_with_a_cover(made_site, language):
    folder, manual_path = LANGUAGES[language]
    site = made_site / folder
    manual = PdfReader(made_site / manual_path)
    printed = {p.title: p for p in chapters.chapter_pages(manual)}
    for chapter_folder in FOLDERS:
        first_pages = sorted(
            page
            for page in (site / chapter_folder).glob("*.html")
            if BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
                'a[href$="chapters/' + chapter_folder + '.pdf"]'
            )
        )
        assert len(first_pages) == 1, f"{chapter_folder}: offered on {first_pages}"
        soup = BeautifulSoup(first_pages[0].read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one(f'a[href$="chapters/{chapter_folder}.pdf"]')
        pdf = (first_pages[0].parent / link["href"]).resolve()
        assert pdf.is_file()
        reader = PdfReader(pdf)
        title = reader.outline[0].title
        pages_of = printed[title]
        nav_title = soup.select_one("h1").get_text().rstrip("¶")
        assert len(reader.pages) == 1 + pages_of.end - pages_of.first
        cover = _text(reader.pages[0])
        assert title in cover and reader.metadata.title.endswith(title.split(" ", 1)[1])
        for section in pages_of.sections:  # the chapter's contents, with the manual's page numbers
            assert section.title in cover and str(section.page) in cover
        assert _text(reader.pages[1]) == _text(manual.pages[pages_of.first])
        assert _text(reader.pages[-1]) == _text(manual.pages[pages_of.end - 1])
        assert nav_title.split()[0] in _text(reader.pages[1])
        assert _dangling_links(reader) == 0
        assert reader.get_destination_page_number(reader.outline[0]) == 1
