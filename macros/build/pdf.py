"""The PDF edition of the manual (written by the mkdocs-to-pdf plugin, `to-pdf` in mkdocs.yml).

`hooks.py` wires this module in three places:
- on_config (`configure_build`): cover data, tagged output, and the settings for `pre_pdf_render`;
- on_post_page, just before the plugin (`print_html`): links that lead out of the book become text;
- through the plugin's event hook module (`pdf_event_hook.py`): `pre_pdf_render` makes the combined document
  reproducible and print-ready, `inject_link` hands each page's web HTML back.
The plugin sits in a `group` that MANUAL_PDF switches on: in other builds it is not loaded at all (nor
WeasyPrint, imported here only when the PDF is written), and its settings are read from the group.
Left alone, the plugin stamps the clock into the PDF and WeasyPrint names raster images by a hash of
their absolute file URL (the checkout path); `prepare_for_print` removes both.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlparse

from material.plugins.group.plugin import GroupPlugin
from mkdocs.structure.files import File, Files

from macros.data.loader import load_or_fail
from macros.data.schema import PartialDate
from macros.words import ENGLISH, Words, reader_language, words_for

if TYPE_CHECKING:  # imported where used: builds without the PDF need not load it (~0.1 s)
    from bs4 import BeautifulSoup

# The module name mkdocs-to-pdf imports its event hooks from.
EVENT_HOOK_MODULE = "pdf_event_hook"
PLUGIN_NAME = "to-pdf"


@dataclass(frozen=True)
class PrintSettings:
    title: str
    language: str
    created: dt.datetime


def document_date(as_of: PartialDate, source_date_epoch: str | None) -> dt.datetime:
    """The date written into the PDF: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the as-of date."""
    if source_date_epoch:
        return dt.datetime.fromtimestamp(int(source_date_epoch), tz=dt.UTC)
    day = as_of.as_date()
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def edition(as_of: PartialDate, roster_as_of: PartialDate, words: Words = ENGLISH) -> str:
    """The cover's edition line; the membership figures are often older than the rest of the data."""
    if roster_as_of.as_date() == as_of.as_date():
        return words("Edition of {date}", date=words.date(as_of))
    return words(
        "Edition of {date} · membership figures as of {roster_date}",
        date=words.date(as_of),
        roster_date=words.date(roster_as_of),
    )


def prepare_for_print(soup: BeautifulSoup, settings: PrintSettings) -> BeautifulSoup:
    """The combined document, made reproducible and print-ready (the soup is changed in place)."""
    soup.html["lang"] = settings.language
    _set_meta(soup, "dcterms.created", settings.created.isoformat())
    _set_meta(soup, "dcterms.modified", settings.created.isoformat())
    if soup.head.title is None:
        soup.head.append(soup.new_tag("title"))
    soup.head.title.string = settings.title
    for details in soup.find_all("details"):
        details["open"] = ""
    _inline_local_images(soup)
    return soup


def _set_meta(soup: BeautifulSoup, name: str, content: str) -> None:
    for existing in soup.head.find_all("meta", attrs={"name": name}):
        existing.decompose()
    soup.head.append(soup.new_tag("meta", attrs={"name": name, "content": content}))


def _local_path(url: str) -> Path | None:
    parsed = urlparse(url)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


def _inline_local_images(soup: BeautifulSoup) -> None:
    # A data: URL holds the image itself, so nothing about the checkout path reaches the PDF.
    for image in soup.find_all("img", src=True):
        path = _local_path(image["src"])
        if path is None:
            continue
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        image["src"] = f"data:{mime_type};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def writes_pdf(config) -> bool:
    plugin = config.plugins.get(PLUGIN_NAME)
    return plugin is not None and plugin.enabled


def plugin_settings(config) -> Mapping:
    """The plugin's settings in mkdocs.yml, also when its group is switched off and it is not loaded."""
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is not None:
        return plugin.config
    for group in config.plugins.values():
        if isinstance(group, GroupPlugin):
            for entry in group.config.plugins:
                if isinstance(entry, dict) and PLUGIN_NAME in entry:
                    return entry[PLUGIN_NAME]
    raise KeyError(f"mkdocs.yml lists no {PLUGIN_NAME} plugin, neither on its own nor in a group")


_settings: PrintSettings | None = None


def configure(settings: PrintSettings | None) -> None:
    global _settings
    _settings = settings


def print_settings() -> PrintSettings:
    if _settings is None:
        raise RuntimeError("macros.build.pdf.configure() was not called before a PDF was rendered")
    return _settings


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    return prepare_for_print(soup, print_settings())


def exclusion_patterns(patterns: list[str]) -> list[re.Pattern[str]]:
    """The plugin's `exclude_pages`, compiled as the plugin does (matched from the start of a page URL)."""
    return [re.compile(p if p.startswith("^") else f"^{p}") for p in patterns]


def is_in_book(url: str, excluded: list[re.Pattern[str]]) -> bool:
    return url.endswith(".html") and not any(p.match(url) for p in excluded)


def unlink_outside_book(html: str, page_url: str, excluded: list[re.Pattern[str]], site_url: str | None = None) -> str:
    """`html` with the links of its article that lead out of the book (to a page the PDF leaves out, or
    to a file such as a data download) pointed at the published site (`site_url`), or turned into plain
    text when the site has no address; `html` itself when there are none."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    here = posixpath.dirname(page_url)
    changed = False
    for link in soup.select("article a[href]"):
        target = urlparse(link["href"])
        if target.scheme or target.netloc or not target.path or target.path.startswith("/"):
            continue
        in_site = posixpath.normpath(posixpath.join(here, unquote(target.path)))
        if not is_in_book(in_site, excluded):
            if site_url:
                link["href"] = urljoin(site_url.rstrip("/") + "/", in_site) + (
                    f"#{target.fragment}" if target.fragment else ""
                )
            else:
                link.unwrap()
            changed = True
    return str(soup) if changed else html


# Front matter: a page's heading in the PDF when it differs from the web's. The home page's heading is the
# manual's name, which the cover prints already; in the book it is the chapter about the manual.
PDF_TITLE = "pdf_title"


def retitled(html: str, title: str) -> str:
    """`html` with the heading of its article (its h1, permalink included) replaced by `title`."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    heading = soup.select_one("article h1")
    if heading is None:
        raise ValueError(f"{PDF_TITLE}: the page has no heading to replace")
    heading.clear()
    heading.append(title)
    return str(soup)


# The web version of each page whose print version differs, from print_html to inject_link.
_web_pages: dict[str, str] = {}


def print_html(html: str, page, config) -> str:
    """MkDocs on_post_page, just before the plugin's: the plugin reads each page's article from the HTML
    MkDocs is about to write, so it gets the print version here and `inject_link` gives the web version
    back (the plugin's hook for the page HTML the site gets)."""
    if not writes_pdf(config):
        return html
    excluded = exclusion_patterns(plugin_settings(config)["exclude_pages"])
    if not is_in_book(page.url, excluded):
        return html
    printed = unlink_outside_book(html, page.url, excluded, config.site_url)
    if page.meta.get(PDF_TITLE):
        printed = retitled(printed, str(page.meta[PDF_TITLE]))
    if printed is not html:
        _web_pages[page.url] = html
    return printed


def inject_link(html: str, href: str, page, logger) -> str:
    # The download links are in the theme overrides, there whether or not this build writes the PDF.
    return _web_pages.pop(page.url, html)


# `make serve` names the folder of the last full build, whose PDF it serves (see the Makefile).
PUBLISHED_SITE_ENV = "MANUAL_PDF_FROM"


def previously_built_pdf(config, pdf_path: str, published_site: Path) -> File | None:
    """The PDF from the last full build, served as is by a `mkdocs serve` that does not rebuild it."""
    built = published_site / pdf_path
    if not built.is_file():
        return None
    return File(pdf_path, str(published_site), config.site_dir, config.use_directory_urls)


def configure_build(config, environ: Mapping[str, str]) -> None:
    """Give the templates the PDF's path (every build links to it) and set up a build that writes the PDF
    (MkDocs on_config, after the plugin's own)."""
    words = words_for(reader_language(config))
    config.extra["manual_pdf"] = {
        "path": plugin_settings(config)["output_path"],
        # The offers of the PDF in the theme overrides (main.html, partials/copyright.html).
        "landmark": words("The manual as a PDF"),
        # TRANSLATORS: {start} and {end} enclose the link's text.
        "offer": words("{start}Download the whole manual as one PDF{end}, for reading offline or printing."),
        "link_text": words("Download the whole manual (PDF)"),
    }
    if not writes_pdf(config):
        return
    import weasyprint  # here, not at the top: builds without the PDF need not load it

    manual = load_or_fail(Path(config.config_file_path).parent, words.language, words.untranslated)
    as_of = manual.data_as_of()
    config.extra["manual_pdf"]["edition"] = edition(as_of, manual.roster.as_of, words)
    config.extra["manual_pdf"]["published_by"] = words("Published by the {author}", author=config.site_author)
    # Tagged PDF (structure tree) for screen readers; the plugin passes no rendering options itself.
    weasyprint.DEFAULT_OPTIONS["pdf_tags"] = True
    configure(
        PrintSettings(
            title=config.site_name,
            language=config.theme["language"],
            created=document_date(as_of, environ.get("SOURCE_DATE_EPOCH")),
        )
    )


def site_files(files: Files, config, environ: Mapping[str, str]) -> Files:
    """The site's files, plus the last built PDF when this build writes none."""
    settings = plugin_settings(config)
    project_dir = Path(config.config_file_path).parent
    # Another language's PDF lies beside the English one, outside its own folder (its output_path starts
    # with "../"): a server of that language alone has no address for it.
    if not writes_pdf(config) and not settings["output_path"].startswith("../"):
        published_site = project_dir / environ.get(PUBLISHED_SITE_ENV, "site")
        built = previously_built_pdf(config, settings["output_path"], published_site)
        if built is not None:
            files.append(built)
    return files
