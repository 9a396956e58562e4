"""Every profile on one A4 page, as a PDF of its own: a state's status, its peers and, for a state the
sources do not name, its outreach brief, to attach to a letter or a démarche; members' and organisations'
profiles likewise.

The profiles are read from the pages the build has just written, so a sheet says what its page says. All
profiles of a language are laid out as one WeasyPrint document, which reads the stylesheet and finds the
fonts once, and each profile's page is then written out alone (`Document.copy`). A profile that does not
fit on one page stops the build: the promise is one sheet.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from macros.build.edition import Edition
from macros.data.loader import load_or_fail
from macros.data.schema import Source
from macros.generated import forms
from macros.generated.state_pages import ORGANISATIONS_DIR, SHEETS_DIR, STATES_DIR, sheet_path
from macros.markdown.render import SOURCES_PAGE
from macros.words import ENGLISH, Words, words_for

if TYPE_CHECKING:  # imported where used: builds without the PDFs need not load them
    from bs4 import Tag

STYLESHEET = Path(__file__).with_name("sheet.css")
PROFILE_FOLDERS = (STATES_DIR, ORGANISATIONS_DIR)
# Where the sheets of each profile folder go (pdf/states, pdf/organisations; see state_pages.sheet_path).
SHEETS_FOLDERS = tuple(f"{SHEETS_DIR}/{folder}" for folder in PROFILE_FOLDERS)
SOURCE_ANCHOR = "#source-"
LEFT_TO_THE_PAGE = ("brief-objections",)  # the classes of the brief's sections a sheet leaves out


@dataclass(frozen=True)
class Sheet:
    url: str  # the profile page, relative to the site
    title: str
    html: str  # the sheet's content: the profile's article, made for paper


def printable_profile(article: Tag, page_url: str, site_url: str | None) -> list[str]:
    """`article` made for a sheet of paper that stands alone (changed in place); returns the source ids it
    cites, in order. Links within the site point at the published site, or become text when it has no address."""
    for tag in article.select(".headerlink, .screen-only"):
        tag.decompose()
    brief = article.select_one(".outreach-brief")
    if brief is not None:
        _into_two_columns(brief)
    cited: list[str] = []
    for link in article.find_all("a", href=True):
        href = link["href"]
        if href.startswith(("http://", "https://", "mailto:")):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), href))
        if target.split("#", 1)[0] == posixpath.splitext(SOURCES_PAGE)[0] + ".html" and SOURCE_ANCHOR in href:
            source_id = href.split(SOURCE_ANCHOR, 1)[1]
            if source_id not in cited:
                cited.append(source_id)
            link.unwrap()
        elif site_url:
            link["href"] = site_url.rstrip("/") + "/" + target
            link["class"] = [*link.get("class", []), "within-site"]
        else:
            link.unwrap()
    return cited


def _into_two_columns(brief: Tag) -> None:
    """The brief's sections in two columns (sheet.css), split where their lengths come closest; the
    answers to objections are left to the page and the editable brief, so that the sheet keeps to one page."""
    from bs4 import BeautifulSoup

    sections: list[list[Tag]] = []
    for child in list(brief.find_all(recursive=False)):
        if child.name == "h3" or not sections:
            sections.append([])
        sections[-1].append(child.extract())
    sections = [s for s in sections if not any(c in s[0].get("class", []) for c in LEFT_TO_THE_PAGE)]
    lengths = [sum(len(tag.get_text()) for tag in section) for section in sections]
    split = min(range(1, len(sections)), key=lambda at: abs(sum(lengths[:at]) - sum(lengths[at:])), default=1)
    for half in (sections[:split], sections[split:]):
        column = BeautifulSoup("", "html.parser").new_tag("div", attrs={"class": "brief-column"})
        for section in half:
            for tag in section:
                column.append(tag)
        brief.append(column)


def source_list(sources: Mapping[str, Source], cited: Sequence[str], words: Words = ENGLISH) -> str:
    """The compact bibliography under a sheet: the entries of the sources it cites, by id."""
    from markupsafe import escape

    items = "".join(f"<li>{escape(forms.source_line(sources[source_id], words))}</li>" for source_id in sorted(cited))
    return f'<section class="sheet-sources"><h2>{escape(words("Sources"))}</h2><ol>{items}</ol></section>'


def sheet_from_page(
    page_html: str, page_url: str, sources: Mapping[str, Source], site_url: str | None, words: Words = ENGLISH
) -> Sheet:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article")
    if article is None or article.select_one(".state-profile") is None:
        raise ValueError(f"{page_url} is not a profile page")
    cited = printable_profile(article, page_url, site_url)
    unknown = [source_id for source_id in cited if source_id not in sources]
    if unknown:
        raise ValueError(f"{page_url} cites sources that are not in the bibliography: {', '.join(unknown)}")
    title = article.select_one("h1").get_text(strip=True)
    profile = article.select_one(".state-profile")
    return Sheet(page_url, title, profile.decode_contents() + source_list(sources, cited, words))


# The type sizes a sheet may take (classes of sheet.css), largest first: a profile that overflows one page
# is laid out again in the next, as an editor would set a long entry tighter.
TYPE_SIZES = ("regular", "smaller", "smallest")


def sheets_document(sheets: Mapping[int, Sheet], type_size: str, edition: Edition) -> str:
    """One HTML document holding `sheets`, each on a page of its own, identified by its key; each sheet's
    masthead gives the manual, its edition and, when the site has one, the profile's address."""
    from markupsafe import escape

    stylesheet = STYLESHEET.read_text(encoding="utf-8")

    def masthead(sheet: Sheet) -> str:
        address = [edition.site_url.rstrip("/") + "/" + sheet.url] if edition.site_url else []
        return " · ".join([edition.manual, edition.line, *address])

    body = "".join(
        f'<section class="sheet {type_size}" id="sheet-{key}"><p class="sheet-masthead">{escape(masthead(sheet))}</p>'
        f'<div class="state-profile">{sheet.html}</div></section>'
        for key, sheet in sheets.items()
    )
    return edition.document(stylesheet, body)


class SheetTooLong(ValueError):
    pass


def page_counts(pages: Sequence, keys: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Each sheet's first page and number of pages, from the anchors (`sheet-<key>`) the pages hold."""
    first_page: dict[int, int] = {}
    for number, page in enumerate(pages):
        for anchor in page.anchors:
            if anchor.startswith("sheet-"):
                first_page.setdefault(int(anchor.removeprefix("sheet-")), number)
    starts = [first_page[key] for key in keys] + [len(pages)]
    return {key: (starts[i], starts[i + 1] - starts[i]) for i, key in enumerate(keys)}


def lay_out(sheets: Sequence[Sheet], edition: Edition, base_url: str) -> list[tuple[object, object]]:
    """Each sheet's laid-out page, with the document it belongs to, in the largest type it fits on one page
    in. Raises SheetTooLong, naming them, when some fit in none."""
    import weasyprint

    pending = dict(enumerate(sheets))
    placed: dict[int, tuple[object, object]] = {}
    for type_size in TYPE_SIZES:
        html = sheets_document(pending, type_size, edition)
        document = weasyprint.HTML(string=html, base_url=base_url).render(pdf_tags=True)
        counts = page_counts(document.pages, list(pending))
        for key, (first, count) in counts.items():
            if count == 1:
                placed[key] = (document, document.pages[first])
                del pending[key]
        if not pending:
            return [placed[key] for key in range(len(sheets))]
    too_long = ", ".join(f"{sheet.url} ({counts[key][1]} pages)" for key, sheet in pending.items())
    raise SheetTooLong(f"these profiles do not fit on one A4 page even in the smallest type: {too_long}")


def write_sheets(
    site_dir: Path, urls: Sequence[str], sources: Mapping[str, Source], edition: Edition, words: Words
) -> dict[str, int]:
    """A one-page PDF for each profile page of `urls` in `site_dir` (one language's site), in its pdf/
    folder; returns each sheet's path and size."""
    sheets = [
        sheet_from_page((site_dir / url).read_text(encoding="utf-8"), url, sources, edition.site_url, words)
        for url in urls
    ]
    written = {}
    for sheet, (document, page) in zip(sheets, lay_out(sheets, edition, str(site_dir)), strict=True):
        path = site_dir / sheet_path(sheet.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        single = document.copy([page])
        single.metadata.title = sheet.title
        single.metadata.authors = [edition.author]
        single.write_pdf(path, pdf_tags=True)
        written[sheet_path(sheet.url)] = path.stat().st_size
    return written


def _write_part(site_dir: str, project_dir: str, edition: Edition, urls: list[str]) -> dict[str, int]:
    words = words_for(edition.language)
    manual = load_or_fail(Path(project_dir), words.language, words.untranslated)
    return write_sheets(Path(site_dir), urls, manual.sources_by_id(), edition, words)


class SheetWriters:
    """The sheets of one language's site, written by processes of their own while the build goes on (it
    renders the manual's PDF meanwhile): one per processor, two at most."""

    def __init__(self, site_dir: Path, project_dir: Path, edition: Edition) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        urls = profile_pages(site_dir)
        workers = max(1, min(2, os.cpu_count() or 1))
        # A fresh interpreter (spawn) rather than a copy of the build's (fork), whose libraries hold state.
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        self._parts = [
            self._pool.submit(_write_part, str(site_dir), str(project_dir), edition, urls[part::workers])
            for part in range(workers)
        ]

    def written(self) -> dict[str, int]:
        """Each sheet's path and size, once all are written; raises what a writer raised (SheetTooLong)."""
        try:
            return dict(sorted(item for part in self._parts for item in part.result().items()))
        finally:
            self._pool.shutdown(cancel_futures=True)


def profile_pages(site_dir: Path) -> list[str]:
    """The URL of every profile page the build wrote, relative to `site_dir`, in a fixed order."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for folder in PROFILE_FOLDERS
        for path in (site_dir / folder).glob("*.html")
    )
