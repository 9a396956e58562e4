"""Lighthouse (mobile) on one page of each template, in every language, and on a stock Material page, with
the site served compressed as a static host serves it. Part of `make bench`; alone:
`python -m tests.bench_lighthouse [SITE]` (default: site/, as `make build` leaves it). It prints; it fails
nothing.

Lighthouse comes from package-lock.json (npm `lighthouse`) and drives Debian's Chromium (CHROME_PATH). Each
page is scored BENCH_LIGHTHOUSE_RUNS times (default 3) and the run of median performance is printed: on a busy
machine one run's simulated blocking time varies by a hundred milliseconds, two or three points of the score.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import PROJECT_DIR

LIGHTHOUSE = PROJECT_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
TEMPLATES = {
    "home": "index.html",
    "chapter": "understanding-r2p/origins.html",
    "Members": "network/members.html",
    "Meetings": "network/meetings.html",
    "state profile": "states/usa.html",
    "organisation": "organisations/european-union.html",
    "states index": "network/states.html",
    "toolkit form": "toolkit/first-100-days.html",
    "Sources": "sources.html",
}
# The site's one error page, at its root: a static host answers every missing address with it.
ERROR_PAGE = {"404": "404.html"}
LANGUAGE_FOLDERS = {"en": "", "fr": "fr/", "es": "es/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "3"))
TARGETS = {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}
TARGET_TRANSFER = 120 * 1024
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class CompressingHandler(SimpleHTTPRequestHandler):
    """Serves files as a static host does: text compressed (gzip) for a browser that accepts it."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        content_type = self.guess_type(str(path))
        if not path.is_file() or not content_type.startswith(COMPRESSED_TYPES):
            return super().send_head()
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def lighthouse(url: str) -> dict:
    """Scores (0–100) by category, bytes transferred and cumulative layout shift of `url`."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags=--headless=new --no-sandbox --user-data-dir={profile}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            check=True,
        )
    report = json.loads(result.stdout)
    scores = {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}
    audits = report["audits"]
    return {
        **scores,
        "transfer": audits["total-byte-weight"]["numericValue"],
        "layout shift": audits["cumulative-layout-shift"]["numericValue"],
        "largest paint": audits["largest-contentful-paint"]["numericValue"] / 1000,
    }


def median_run(url: str) -> dict:
    """Of RUNS runs of Lighthouse on `url`, the one of median performance (its figures belong together)."""
    runs = sorted((lighthouse(url) for _ in range(RUNS)), key=lambda figures: figures["performance"])
    return runs[len(runs) // 2]


def missed(figures: dict) -> list[str]:
    misses = [f"{name} {figures[name]}" for name, target in TARGETS.items() if figures[name] < target]
    if figures["transfer"] > TARGET_TRANSFER:
        misses.append(f"transfer {figures['transfer'] / 1024:.0f} KB")
    if figures["layout shift"] > 0:
        misses.append(f"layout shift {figures['layout shift']:.3f}")
    return misses


def line(label: str, figures: dict) -> str:
    scores = " ".join(f"{figures[name]:>4}" for name in CATEGORIES)
    misses = missed(figures)
    return (
        f"  {label:<28} {scores}  {figures['transfer'] / 1024:6.0f} KB  {figures['layout shift']:.3f}"
        f"  {figures['largest paint']:4.1f} s  {'misses: ' + ', '.join(misses) if misses else 'meets'}"
    )


def stock_material_page(folder: Path) -> Path:
    """A stock Material site of one page of plain text, built: the reference page."""
    from tests.benchmark import stock_material_project

    project = stock_material_project(folder / "stock", pages=1, words_per_page=400)
    quiet = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=quiet, check=True)
    return project / "site"


def report(site: Path) -> None:
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        print(f"\nLighthouse: not run ({LIGHTHOUSE.name} or {CHROMIUM} missing; run `make setup system-packages`)")
        return
    print(
        f"\nLighthouse, mobile, served compressed, the median of {RUNS} run(s) by performance (targets: performance "
        ">= 99, the others 100, <= 120 KB, no shift):"
    )
    print(f"  {'page':<28} {'perf':>4} {'a11y':>4} {'best':>4} {' seo':>4}  transfer  shift  largest paint")
    with tempfile.TemporaryDirectory() as temporary:
        stock_server, stock_url = serve(stock_material_page(Path(temporary)))
        print(line("stock Material, one page", median_run(stock_url + "index.html")), flush=True)
        stock_server.shutdown()
    server, url = serve(site)
    try:
        for language, folder in LANGUAGE_FOLDERS.items():
            for template, page in {**TEMPLATES, **(ERROR_PAGE if not folder else {})}.items():
                label = f"{language} {template}"
                try:
                    print(line(label, median_run(url + folder + page)), flush=True)
                except subprocess.CalledProcessError as error:
                    print(f"  {label:<28} Lighthouse failed: {error.stderr.strip().splitlines()[-1:]}", flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    report(Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_DIR / "site")
