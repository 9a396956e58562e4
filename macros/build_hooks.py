"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): files the build adds to the site.

MkDocs loads this file by path, with only this folder on sys.path; the project root goes on it
so the hooks can use the `macros` package as the macros plugin does.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from mkdocs.structure.files import File, Files  # noqa: E402

from macros import generated  # noqa: E402
from macros.env import load_or_fail  # noqa: E402

# Served from the site itself so that search works from file:// without a request to a CDN.
# The path must contain "iframe-worker": the offline plugin then does not add its unpkg copy.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"


def on_files(files: Files, config) -> Files:
    shim = PROJECT_DIR / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.is_file():
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{shim.relative_to(PROJECT_DIR)} is missing: run `make setup` (npm ci) first")
    files.append(File.generated(config, IFRAME_WORKER_SHIM, abs_src_path=str(shim)))
    # State pages, map, growth chart and open data, from the same validated data as the pages.
    atlas_dir = PROJECT_DIR / "node_modules" / "world-atlas"
    with_state_pages = generated.state_pages_enabled(config.extra)
    for path, content in generated.generated_files(load_or_fail(PROJECT_DIR), atlas_dir, with_state_pages).items():
        files.append(File.generated(config, path, content=content))
    return files
