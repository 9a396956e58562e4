"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): files the build adds to the site.

MkDocs loads this file by path, with only this folder on sys.path; the project root goes on it
so the hooks can use the `macros` package as the macros plugin does.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

import jinja2  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import generated  # noqa: E402
from macros.build import (  # noqa: E402
    chapters,
    edition,
    feedback,
    languages,
    page_policy,
    pdf,
    pdf_event_hook,
    reviewed,
    search_index,
    shared_blocks,
    sheets,
    tooltips,
)
from macros.data import cache  # noqa: E402
from macros.data.loader import data_dir, load_or_fail, manual_inputs  # noqa: E402
from macros.data.schema import PartialDate  # noqa: E402
from macros.generated import feed, forms, state_pages  # noqa: E402
from macros.words import reader_language, words_for  # noqa: E402

# mkdocs-to-pdf imports its event hooks (pre_pdf_render, inject_link) from a module of this name, which it
# reloads on every build: pdf_event_hook holds nothing a reload could lose.
sys.modules[pdf.EVENT_HOOK_MODULE] = pdf_event_hook

WHATS_NEW_PAGE = "whats-new.md"

# Served from the site itself so that search works from file:// without a request to a CDN.
# The path must contain "iframe-worker": the offline plugin then does not add its unpkg copy.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"

log = logging.getLogger("mkdocs.hooks.manual")


@event_priority(-100)  # after the to-pdf plugin's on_config, where it decides whether it writes the PDF
def on_config(config):
    pdf.configure_build(config, os.environ)
    languages.configure_build(config, PROJECT_DIR)
    feedback.configure_build(config, PROJECT_DIR)
    config.markdown_extensions = tooltips.with_fewer_tooltips(config.markdown_extensions)
    report = languages.untranslated_report(PROJECT_DIR, reader_language(config))
    if report:
        log.info(report)
    return config


@event_priority(50)  # before the to-pdf plugin's on_post_page, which reads the article for the PDF
def _print_version(output: str, page, config) -> str:
    return pdf.print_html(output, page, config)


# The Content-Security-Policy of this build's pages, made from its theme's templates (page_policy.py).
page_policies: list[page_policy.PagePolicy] = []


# The theme's partials that write inline scripts into pages, with the page frame (base.html, main.html).
# Listed from the theme's folders: listing every template walks the theme's icons (~0.25 s a build).
SCRIPT_PARTIALS = "partials/javascripts"


# Jinja compiles the theme's templates (each icon it includes among them) again on every build and every
# live reload, about a third of a second; compiled once, they are kept here, checked against each source.
TEMPLATE_CACHE = PROJECT_DIR / ".cache" / "templates"


def on_env(env, config, files):
    TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(TEMPLATE_CACHE))
    partials = {path.name for folder in config.theme.dirs for path in (Path(folder) / SCRIPT_PARTIALS).glob("*.html")}
    templates = ["base.html", "main.html", *(f"{SCRIPT_PARTIALS}/{name}" for name in sorted(partials))]
    scripts = page_policy.template_scripts(env.loader.get_source(env, name)[0] for name in templates)
    page_policies[:] = [page_policy.PagePolicy(scripts, page_policy.shim_bootstrap(iframe_worker_shim().read_text()))]
    return env


def _locked_down(output: str, page: str) -> str:
    return page_policies[0].applied(page_policy.mark_links_to_other_sites(output), page)


@event_priority(-100)  # after the to-pdf plugin's on_post_page, which gives back the page's web version
def _web_version(output: str, page, config) -> str:
    return _locked_down(output, page.file.src_uri)


on_post_page = CombinedEvent(_print_version, _web_version)


def on_post_template(output: str, template_name: str, config) -> str:
    # The error page is a template of its own (other templates, such as sitemap.xml, are no pages).
    return _locked_down(output, template_name) if template_name.endswith(".html") else output


def iframe_worker_shim() -> Path:
    shim = PROJECT_DIR / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.is_file():
        raise PluginError(f"{shim.relative_to(PROJECT_DIR)} is missing: run `make setup` (npm ci) first")
    return shim


def on_files(files: Files, config) -> Files:
    files = pdf.site_files(files, config, os.environ)
    files = languages.shared_files(files, config, PROJECT_DIR)
    files.append(File.generated(config, IFRAME_WORKER_SHIM, abs_src_path=str(iframe_worker_shim())))
    # State pages, map, growth chart and open data, from the same validated data as the pages.
    atlas_dir = PROJECT_DIR / "node_modules" / "world-atlas"
    with_state_pages = generated.state_pages_enabled(config.extra)
    words = words_for(reader_language(config))
    manual = load_or_fail(PROJECT_DIR, words.language, words.untranslated)
    inputs = [*manual_inputs(data_dir(PROJECT_DIR)), atlas_dir / "package.json"]
    # Under `make serve` the editable documents are the last full build's, as the PDF is (pdf.py).
    published = os.environ.get(pdf.PUBLISHED_SITE_ENV)
    with_documents = published is None
    settings = (f"state pages: {with_state_pages}", f"language: {words.language}", f"documents: {with_documents}")
    generated_files = cache.cached(
        PROJECT_DIR / ".cache" / "generated",
        "files",
        cache.input_key(inputs, *settings),
        lambda: generated.generated_files(manual, atlas_dir, with_state_pages, words, with_documents),
    )
    for path, content in generated_files.items():
        files.append(File.generated(config, path, content=content))
    if not with_documents:
        # Likewise the one-page profiles and the chapters' PDFs, which the last full build wrote after its pages.
        for folder in (forms.FORMS_DIR, *sheets.SHEETS_FOLDERS, chapters.CHAPTERS_DIR):
            files = languages.previously_built(files, config, PROJECT_DIR / published, folder)
    title = words("{site}: what's new", site=config.site_name)
    whats_new_page = files.get_file_from_path(WHATS_NEW_PAGE).url
    atom = feed.atom_feed(manual, title, config.site_author, whats_new_page, config.site_url, words)
    files.append(File.generated(config, feed.FEED_FILE, content=atom))
    blocks = state_pages.brief_blocks(manual, words) if with_state_pages else {}
    parsed = shared_blocks.parsed_blocks(blocks, config.markdown_extensions, config.mdx_configs)
    config.markdown_extensions = shared_blocks.with_shared_blocks(config.markdown_extensions, parsed)
    return files


# The date of each file's last commit, read once per build (reviewed.py).
last_changes: dict[str, str] = {}


def on_pre_build(config) -> None:
    last_changes.clear()
    last_changes.update(reviewed.last_changes(PROJECT_DIR))


# The chapters of this build's navigation, each with a PDF of its own (chapters.py).
chapter_list: list[chapters.Chapter] = []


def on_nav(nav, config, files):
    chapter_list[:] = chapters.chapters(nav.items)
    return nav


def on_page_context(context, page, config, nav):
    for chapter in chapter_list:
        if page.file.src_uri == chapter.first_page:
            page.meta["chapter_pdf"] = chapters.offer(chapter, page.url, words_for(reader_language(config)))
    docs_dir = Path(config.docs_dir).resolve().relative_to(PROJECT_DIR).as_posix()
    day = reviewed.page_date(last_changes, docs_dir, page.file.src_uri)
    if day is not None:
        words = words_for(reader_language(config))
        page.meta["last_changed"] = words("Last changed: {date}", date=words.date(PartialDate(day)))
    return context


# The one-page profiles of this build, written while the to-pdf plugin renders the manual (sheets.py).
sheet_writers: list[sheets.SheetWriters] = []


def _edition(config) -> edition.Edition:
    return edition.Edition(
        manual=config.site_name,
        line=config.extra["manual_pdf"]["edition"],
        author=config.site_author,
        language=reader_language(config),
        created=pdf.print_settings().created.isoformat(),
        site_url=config.site_url,
    )


@event_priority(100)  # before the to-pdf plugin renders the manual: the sheets are written meanwhile
def _start_sheets(config) -> None:
    sheet_writers.clear()
    if pdf.writes_pdf(config):
        sheet_writers.append(sheets.SheetWriters(Path(config.site_dir), PROJECT_DIR, _edition(config)))


@event_priority(-100)  # after the search and offline plugins have written the search index, and the PDF
def _finish(config) -> None:
    search_index.fold_accents(Path(config.site_dir))
    if pdf.writes_pdf(config):
        started = time.perf_counter()
        written = chapters.write_chapters(
            Path(config.site_dir) / pdf.plugin_settings(config)["output_path"],
            Path(config.site_dir),
            chapter_list,
            _edition(config),
            contents_title=pdf.plugin_settings(config)["toc_title"],
            words=words_for(reader_language(config)),
        )
        log.info(f"{len(written)} chapters written as PDFs in {time.perf_counter() - started:.1f} s")
    for writers in sheet_writers:
        started = time.perf_counter()
        try:
            written = writers.written()
        except sheets.SheetTooLong as error:
            raise PluginError(str(error)) from error
        log.info(f"{len(written)} one-page profiles written (waited {time.perf_counter() - started:.1f} s for them)")
    sheet_writers.clear()


on_post_build = CombinedEvent(_start_sheets, _finish)
