"""Speed, size and memory of the manual's build: `make bench` (python -m tests.benchmark). Not a test.

Every build runs in a fresh copy of the project, in its own process, as `mkdocs build --strict` does, and
is timed from process start to exit; figures are medians of BENCH_RUNS runs (default 3). Inside each build
the macros plugin, the data loader and the generation of pages from data are timed, to give their share.

Environment: BENCH_RUNS=3, BENCH_PDF=1 (0 skips the PDF builds), BENCH_SCALES=10,100.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.countries import un_member_states
from tests.conftest import PROJECT_DIR, copy_project, pdf_switch

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
WITH_PDF = os.environ.get("BENCH_PDF", "1") != "0"
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "10,100").split(",") if s]
# The switch mkdocs.yml reads to leave out the 193 generated state pages (macros/generated.py).
WITHOUT_STATE_PAGES = {"STATE_PAGES": "false"}
GZIP_LEVEL = 6  # what web servers commonly use

TARGET_DATA_AND_MACROS_SHARE = 0.10

# Runs `mkdocs build` in this process with timers around the work the manual adds to a stock build, then
# writes the timings as JSON to the path in argv[1]; the rest of argv goes to mkdocs.
INSTRUMENTED_BUILD = r"""
import json, sys, time
sys.path.insert(0, ".")
import macros.generated, macros.loader
from mkdocs.__main__ import cli
from mkdocs_macros.plugin import MacrosPlugin

timings = {"data": 0.0, "macros": 0.0, "generated": 0.0, "data and macros": 0.0, "manual total": 0.0}
depth = [0]

def timed(owner, name, key):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        depth[0] += 1
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start
            timings[key] += spent
            depth[0] -= 1
            if depth[0] == 0:
                timings["manual total"] += spent
                if key in ("data", "macros"):
                    timings["data and macros"] += spent
    setattr(owner, name, wrapper)

timed(macros.loader, "load_manual", "data")
timed(MacrosPlugin, "on_config", "macros")
timed(MacrosPlugin, "on_page_markdown", "macros")
timed(macros.generated, "generated_files", "generated")
output, arguments = sys.argv[1], sys.argv[2:]
try:
    cli(arguments, standalone_mode=False)
finally:
    with open(output, "w") as file:
        json.dump(timings, file)
"""


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    timings: dict[str, float]


@dataclass
class Series:
    label: str
    runs: list[Run] = field(default_factory=list)
    site: Path | None = None

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_bytes(self) -> int:
        return int(statistics.median(r.peak_bytes for r in self.runs))

    def share(self, key: str) -> float:
        return statistics.median(r.timings[key] / r.seconds for r in self.runs)


def build_once(project: Path, site: Path, extra_env: dict[str, str], instrumented: bool) -> Run:
    timings_file = project / "build-timings.json"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    runner = ["-c", INSTRUMENTED_BUILD, str(timings_file)] if instrumented else ["-m", "mkdocs"]
    command = [sys.executable, *runner, "build", "--strict", "--quiet", "--site-dir", str(site)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=environment, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"build failed in {project}:\n{stderr[-3000:]}")
    timings = json.loads(timings_file.read_text()) if instrumented else {}
    return Run(seconds, usage.ru_maxrss * 1024, timings)


def series(label: str, project: Path, extra_env: dict[str, str] | None = None, instrumented: bool = True) -> Series:
    """RUNS builds of `project`; `instrumented` times the manual's own code (not for a stock site)."""
    result = Series(label)
    for number in range(RUNS):
        site = project / "site"
        result.runs.append(build_once(project, site, extra_env or {}, instrumented))
        print(f"  {label}: run {number + 1}/{RUNS} {result.runs[-1].seconds:.1f} s", file=sys.stderr, flush=True)
    result.site = project / "site"
    return result


# --- synthetic data ------------------------------------------------------------------------------

def scaled_data(source: Path, target: Path, factor: int) -> None:
    """The data with `factor` times the roster members and meetings, still valid: real states first, then
    every other UN member state, then numbered regional organisations; meetings cloned with new ids."""
    shutil.copytree(source, target)
    roster = yaml.safe_load((source / "roster.yml").read_text(encoding="utf-8"))
    members = roster["members"]
    wanted = len(members) * factor
    used = {m.get("iso3") for m in members}
    state_template = next(m for m in members if m["kind"] == "state")
    organisation_template = next((m for m in members if m["kind"] == "regional-organisation"), state_template)
    for state in un_member_states().states:
        if len(members) >= wanted:
            break
        if state.iso3 not in used:
            members.append({**copy.deepcopy(state_template), "name": state.name, "iso3": state.iso3, "roles": []})
    number = 0
    while len(members) < wanted:
        number += 1
        clone = {**copy.deepcopy(organisation_template), "kind": "regional-organisation",
                 "name": f"Synthetic Regional Organisation {number:05d}", "roles": []}
        clone.pop("iso3", None)
        members.append(clone)
    (target / "roster.yml").write_text(yaml.safe_dump(roster, allow_unicode=True, sort_keys=False), encoding="utf-8")

    meetings = yaml.safe_load((source / "meetings.yml").read_text(encoding="utf-8"))
    originals = meetings["meetings"]
    clones = []
    for copy_number in range(1, factor):
        for meeting in originals:
            clone = {**copy.deepcopy(meeting), "id": f"{meeting['id']}-copy-{copy_number}"}
            if clone.get("number") is not None:
                clone["number"] = meeting["number"] + 1000 * copy_number
            clones.append(clone)
    meetings["meetings"] = originals + clones
    (target / "meetings.yml").write_text(yaml.safe_dump(meetings, allow_unicode=True, sort_keys=False),
                                         encoding="utf-8")


def stock_material_project(target: Path, pages: int, words_per_page: int) -> Path:
    """A stock Material site (search plugin only, no macros, no hooks) of `pages` plain pages."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    paragraph = ("The Responsibility to Protect asks every state to protect its population from genocide, war "
                 "crimes, ethnic cleansing and crimes against humanity. ")
    words = len(paragraph.split())
    for number in range(pages):
        body = "\n\n".join([paragraph * 4] * max(1, words_per_page // (4 * words)))
        name = "index.md" if number == 0 else f"page-{number:04d}.md"
        (docs / name).write_text(f"# Page {number}\n\n## Section\n\n{body}\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Stock Material\ntheme:\n  name: material\nplugins:\n  - search\n", encoding="utf-8")
    return target


# --- measurements of a built site ---------------------------------------------------------------

def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0))


def home_page_weight(site: Path) -> tuple[int, int, int]:
    """(raw bytes, gzip bytes, files) of index.html with the stylesheets and scripts it loads from the site."""
    home = site / "index.html"
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    assets = [link["href"] for link in soup.find_all("link", rel="stylesheet", href=True)]
    assets += [script["src"] for script in soup.find_all("script", src=True)]
    files = [home] + [site / a.split("#")[0].split("?")[0] for a in assets if "://" not in a]
    files = [f for f in files if f.is_file()]
    return sum(f.stat().st_size for f in files), sum(gzipped(f) for f in files), len(files)


def html_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def words_per_page(site: Path) -> int:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    words = sum(len(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").article.get_text().split())
                for p in pages if "<article" in p.read_text(encoding="utf-8"))
    return words // max(1, len(pages))


# --- report --------------------------------------------------------------------------------------

def mib(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MiB"


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def verdict(ok: bool) -> str:
    return "meets the target" if ok else "MISSES the target"


def main() -> int:
    print(f"Benchmark of the R2P Focal Points Manual, {dt.datetime.now():%Y-%m-%d %H:%M}, median of {RUNS} "
          f"run(s), {os.cpu_count()} CPU(s)\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="manual-bench-") as temporary:
        root = Path(temporary)
        real = series("HTML build", copy_project(root / "real"))
        without_states = series("HTML build without state pages",
                                copy_project(root / "no-states"), WITHOUT_STATE_PAGES)
        pdf = None
        if WITH_PDF and pdf_switch():
            pdf = series("HTML + PDF build", copy_project(root / "pdf"), pdf_switch())
        scaled = {}
        for factor in SCALES:
            scaled_data(PROJECT_DIR / "data", root / f"data-x{factor}", factor)
            scaled[factor] = series(f"data x{factor}", copy_project(root / f"x{factor}", root / f"data-x{factor}"))
        pages = html_pages(real.site)
        stock = series(f"stock Material, {pages} plain pages",
                       stock_material_project(root / "stock", pages, words_per_page(real.site)), instrumented=False)

        print()
        print(f"HTML build (real data, {pages} pages):   {real.seconds:6.2f} s")
        print(f"  without the per-state pages ({html_pages(without_states.site)} pages): "
              f"{without_states.seconds:6.2f} s  (state pages cost {real.seconds - without_states.seconds:+.2f} s)")
        if pdf:
            pdf_file = next(pdf.site.rglob("*.pdf"))
            print(f"HTML + PDF build:                       {pdf.seconds:6.2f} s  "
                  f"(the PDF adds {pdf.seconds - real.seconds:+.2f} s)")
            print(f"PDF: {mib(pdf_file.stat().st_size)}, {len(PdfReader(pdf_file).pages)} pages")
        else:
            print("PDF: not built (BENCH_PDF=0, or mkdocs.yml has no to-pdf group switched by a variable)")
        print()
        data_share, macros_share = real.share("data"), real.share("macros")
        generated_share, total_share = real.share("generated"), real.share("manual total")
        data_and_macros_share = real.share("data and macros")
        print("Share of the HTML build spent in the manual's own code:")
        print(f"  loading and validating data:          {data_share:6.1%}")
        print(f"  macros plugin (config + page render): {macros_share:6.1%}  (includes the first data load)")
        print(f"  data + macros (overlaps counted once): {data_and_macros_share:5.1%}  target <= "
              f"{TARGET_DATA_AND_MACROS_SHARE:.0%}: {verdict(data_and_macros_share <= TARGET_DATA_AND_MACROS_SHARE)}")
        print(f"  pages and files generated from data:  {generated_share:6.1%}  (state pages, map, chart, open data)")
        print(f"  all of the manual's own code:         {total_share:6.1%}")
        print()
        print(f"Peak memory of the build process:       {mib(real.peak_bytes)}"
              + (f" (with PDF: {mib(pdf.peak_bytes)})" if pdf else ""))
        raw, transferred, files = home_page_weight(real.site)
        print(f"Site size:                              {mib(size_of(real.site))} "
              f"in {sum(1 for p in real.site.rglob('*') if p.is_file())} files")
        print(f"Home page weight:                       {kib(transferred)} gzip-compressed "
              f"({kib(raw)} raw, index.html + {files - 1} CSS/JS files)")
        index = real.site / "search" / "search_index.json"
        print(f"Search index:                           {kib(index.stat().st_size)} ({kib(gzipped(index))} gzip)")
        print()
        print("Scaling (roster members and meetings multiplied):")
        for factor, result in scaled.items():
            ratio = result.seconds / real.seconds
            print(f"  x{factor:<4} {result.seconds:7.2f} s = {ratio:5.2f} x the normal build, "
                  f"{html_pages(result.site)} pages, share of manual code {result.share('manual total'):.1%}, "
                  f"peak {mib(result.peak_bytes)}; no worse than linear: {verdict(ratio <= factor)}")
        print()
        ratio = real.seconds / stock.seconds
        print(f"Stock Material, same {pages} pages, no macros: {stock.seconds:6.2f} s; the manual takes {ratio:.2f} x")
        per_page, stock_per_page = real.seconds / pages, stock.seconds / pages
        print(f"  per page: manual {per_page * 1000:.1f} ms, stock {stock_per_page * 1000:.1f} ms; "
              f"no worse than stock: {verdict(per_page <= stock_per_page)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
