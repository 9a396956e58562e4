"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): files the build adds to the site.

MkDocs loads this file by path, with only this folder on sys.path; the project root goes on it
so the hooks can use the `macros` package as the macros plugin does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import generated  # noqa: E402
from macros.build import cache, pdf  # noqa: E402
from macros.data.countries import country_table_file, un_member_states  # noqa: E402
from macros.data.loader import data_dir, load_or_fail  # noqa: E402
from macros.generated import state_pages  # noqa: E402
from macros.markdown.render import SOURCES_PAGE  # noqa: E402
from macros.words import reader_language, words_for  # noqa: E402

# mkdocs-to-pdf imports its event hooks (pre_pdf_render, inject_link) from a module of this name.
sys.modules[pdf.EVENT_HOOK_MODULE] = pdf

# Served from the site itself so that search works from file:// without a request to a CDN.
# The path must contain "iframe-worker": the offline plugin then does not add its unpkg copy.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"

# The outreach brief's lists as HTML, converted once in on_files for all state pages of this build.
brief_lists: dict[str, str] = {}


@event_priority(-100)  # after the to-pdf plugin's on_config, which (re)loads its event hook module
def on_config(config):
    pdf.configure_build(config, os.environ)
    return config


@event_priority(50)  # before the to-pdf plugin's on_post_page, which reads the article for the PDF
def on_post_page(output: str, page, config) -> str:
    return pdf.print_html(output, page, config)


def on_files(files: Files, config) -> Files:
    files = pdf.site_files(files, config, os.environ)
    shim = PROJECT_DIR / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.is_file():
        raise PluginError(f"{shim.relative_to(PROJECT_DIR)} is missing: run `make setup` (npm ci) first")
    files.append(File.generated(config, IFRAME_WORKER_SHIM, abs_src_path=str(shim)))
    # State pages, map, growth chart and open data, from the same validated data as the pages.
    atlas_dir = PROJECT_DIR / "node_modules" / "world-atlas"
    with_state_pages = generated.state_pages_enabled(config.extra)
    manual = load_or_fail(PROJECT_DIR)
    inputs = [
        *data_dir(PROJECT_DIR).glob("*.yml"),
        *(PROJECT_DIR / "macros").rglob("*.py"),
        atlas_dir / "package.json",
        country_table_file(),
    ]
    language = reader_language(config)
    key = cache.input_key(inputs, f"state pages: {with_state_pages}", f"language: {language}")
    generated_files = cache.cached(
        PROJECT_DIR / ".cache" / "generated",
        "files",
        key,
        lambda: generated.generated_files(manual, atlas_dir, with_state_pages, words_for(language)),
    )
    for path, content in generated_files.items():
        files.append(File.generated(config, path, content=content))
    brief_lists.clear()
    if with_state_pages:
        # All state pages share one folder, so one link to the sources page serves them all.
        a_state_page = files.get_file_from_path(state_pages.state_page_path(un_member_states().states[0]))
        sources_link = files.get_file_from_path(SOURCES_PAGE).url_relative_to(a_state_page)
        brief_lists.update(
            generated.rendered_brief_lists(
                manual, sources_link, config.markdown_extensions, config.mdx_configs, words_for(language)
            )
        )
    return files


def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri.startswith(state_pages.STATES_DIR + "/"):
        return state_pages.fill_in_brief(html, brief_lists)
    return html
