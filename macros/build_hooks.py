"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): files the build adds to the site.

MkDocs loads this file by path, with only this folder on sys.path; the project root goes on it
so the hooks can use the `macros` package as the macros plugin does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import generated, pdf  # noqa: E402
from macros.env import load_or_fail  # noqa: E402

# mkdocs-to-pdf imports its event hooks (pre_pdf_render, inject_link) from a module of this name.
sys.modules[pdf.EVENT_HOOK_MODULE] = pdf

# Served from the site itself so that search works from file:// without a request to a CDN.
# The path must contain "iframe-worker": the offline plugin then does not add its unpkg copy.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"


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
    for path, content in generated.generated_files(load_or_fail(PROJECT_DIR), atlas_dir, with_state_pages).items():
        files.append(File.generated(config, path, content=content))
    return files
