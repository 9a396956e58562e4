"""Each chapter of the manual as a PDF of its own, to forward to a colleague: a cover with the chapter's
title, the edition and the chapter's contents, then the chapter's pages as the whole manual prints them.

A chapter is a navigation section whose pages all sit in one folder (Understanding R2P, The focal point
role, …); the folder names its PDF. The pages are taken from the whole manual's PDF once it is written
(pypdf), not laid out again: a chapter costs a cover page. Its bookmarks and its links within the chapter
come along; a link to another chapter is left as text, as pypdf leaves out links to pages it does not copy.
The page numbers are the manual's, which the cover's contents give too.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from macros.build.edition import Edition
from macros.words import ENGLISH, Words

CHAPTERS_DIR = "pdf/chapters"  # of each language's site


@dataclass(frozen=True)
class Chapter:
    folder: str  # the folder of its pages, which names its PDF
    title: str
    first_page: str  # the source path of its first page, which offers the PDF
    position: int  # among the navigation's top-level items, as the manual's PDF numbers them


def chapter_path(chapter: Chapter) -> str:
    return f"{CHAPTERS_DIR}/{chapter.folder}.pdf"


def chapters(nav_items: Sequence) -> list[Chapter]:
    """The chapters among MkDocs' top-level navigation items (sections whose pages share one folder)."""
    found = []
    for position, item in enumerate(nav_items):
        pages = [child for child in getattr(item, "children", None) or [] if child.is_page]
        folders = {posixpath.dirname(page.file.src_uri) for page in pages}
        if item.is_section and pages and len(folders) == 1 and "" not in folders:
            found.append(Chapter(folders.pop(), item.title, pages[0].file.src_uri, position))
    return found


def offer(chapter: Chapter, page_url: str, words: Words = ENGLISH) -> dict[str, str]:
    """What the chapter's first page (at `page_url`) shows to download the chapter."""
    return {
        "href": posixpath.relpath(chapter_path(chapter), posixpath.dirname(page_url) or "."),
        "text": words("This chapter as a PDF, to send on its own"),
    }


@dataclass(frozen=True)
class Section:
    title: str
    page: int  # as the manual prints it (its first page is 1)


@dataclass(frozen=True)
class ChapterPages:
    title: str  # as the manual's bookmarks number it ("2. Understanding R2P")
    first: int  # index of its first page in the manual's PDF
    end: int  # index after its last page
    sections: tuple[Section, ...]


def chapter_pages(reader) -> list[ChapterPages]:
    """Where each top-level bookmark of the manual's PDF (a pypdf reader) begins and ends, with its sections."""
    tops: list[tuple[str, int, list[Section]]] = []
    for entry in reader.outline:
        if isinstance(entry, list):
            if tops:
                tops[-1][2].extend(
                    Section(child.title, reader.get_destination_page_number(child) + 1)
                    for child in entry
                    if not isinstance(child, list)
                )
            continue
        tops.append((entry.title, reader.get_destination_page_number(entry), []))
    ends = [first for _, first, _ in tops[1:]] + [len(reader.pages)]
    return [
        ChapterPages(title, first, end, tuple(sections))
        for (title, first, sections), end in zip(tops, ends, strict=True)
    ]


def cover_html(
    covers: Sequence[tuple[ChapterPages, Chapter]], edition: Edition, contents_title: str, words: Words = ENGLISH
) -> str:
    from markupsafe import escape

    stylesheet = Path(__file__).with_name("chapter-cover.css").read_text(encoding="utf-8")
    pages = []
    for pages_of, _ in covers:
        entries = "".join(
            f'<li><span class="title">{escape(s.title)}</span><span class="page">{s.page}</span></li>'
            for s in pages_of.sections
        )
        extent = words(
            "{manual}, pages {first} to {last}", manual=edition.manual, first=pages_of.first + 1, last=pages_of.end
        )
        pages.append(
            f'<section class="cover"><p class="manual">{escape(edition.manual)}</p><h1>{escape(pages_of.title)}</h1>'
            f'<p class="edition">{escape(edition.line)}</p><p class="extent">{escape(extent)}</p>'
            f"<h2>{escape(contents_title)}</h2><ol>{entries}</ol></section>"
        )
    return edition.document(stylesheet, "".join(pages))


def write_chapters(
    manual_pdf: Path,
    site_dir: Path,
    found: Sequence[Chapter],
    edition: Edition,
    contents_title: str,
    words: Words = ENGLISH,
) -> dict[str, int]:
    """Each chapter's PDF from the manual's, into `site_dir`; returns each one's path and size."""
    import weasyprint
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(manual_pdf)
    printed = chapter_pages(reader)
    covers = []
    for chapter in found:
        pages_of = printed[chapter.position]
        if not pages_of.title.endswith(chapter.title):
            raise ValueError(f"the manual's PDF has {pages_of.title!r} where the chapter {chapter.title!r} should be")
        covers.append((pages_of, chapter))
    html = cover_html(covers, edition, contents_title, words)
    cover_document = weasyprint.HTML(string=html).render()
    written = {}
    for (pages_of, chapter), cover in zip(covers, cover_document.pages, strict=True):
        writer = PdfWriter()
        writer.append(PdfReader(io.BytesIO(cover_document.copy([cover]).write_pdf())), import_outline=False)
        writer.append(reader, pages=(pages_of.first, pages_of.end))
        # The manual's dates, so that the same sources give the same bytes (pypdf writes no clock of its own).
        dates = {key: reader.metadata[key] for key in ("/CreationDate", "/ModDate") if key in reader.metadata}
        writer.add_metadata({"/Title": f"{edition.manual}: {chapter.title}", **dates})
        writer.page_mode = "/UseOutlines"
        path = site_dir / chapter_path(chapter)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file:
            writer.write(file)
        written[chapter_path(chapter)] = path.stat().st_size
    return written
