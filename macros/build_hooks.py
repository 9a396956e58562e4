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

# Served from the site itself so that search works from file:// without a request to a CDN.
# The path must contain "iframe-worker": the offline plugin then does not add its unpkg copy.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"


def on_files(files: Files, config) -> Files:
    shim = PROJECT_DIR / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.is_file():
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{shim.relative_to(PROJECT_DIR)} is missing: run `make setup` (npm ci) first")
    files.append(File.generated(config, IFRAME_WORKER_SHIM, abs_src_path=str(shim)))
    return files
