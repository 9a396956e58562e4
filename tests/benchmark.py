"""Speed, size and memory of the manual's build: `make bench` (python -m tests.benchmark). Not a test.

Every build runs in a fresh copy of the project, in its own process, as `mkdocs build --strict` does, and
is timed from process start to exit; figures are medians of BENCH_RUNS runs (default 3). The builds take
turns (one run of each, then the next round), so that a slow spell of a noisy machine touches all of them
and the ratios stay fair; ratios are taken within each round, and their median is printed. Every build
records its start-up (process start to the first page); inside the manual's builds the macros plugin, the
data loader and the generation of pages from data are timed, to give their share. Then `mkdocs serve`
runs as `make serve` does and a data file is edited BENCH_RUNS times, to time the live reload.

The references are stock Material builds (search plugin only; no macros, hooks, overrides or data):
plain pages, as many as the manual has and as many as it has without the generated state pages, and the
manual's own Markdown with the macros already expanded, which shows what the content costs by itself.

Last, Lighthouse scores one page of each template in every language, as `make build` makes the site
(tests/bench_lighthouse.py).

Environment: BENCH_RUNS=3, BENCH_PDF=1 (0 skips the PDF builds), BENCH_SCALES=10,100, BENCH_LIGHTHOUSE=1,
BENCH_LIGHTHOUSE_RUNS=3 (tests/bench_lighthouse.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
import os
import posixpath
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import get_yaml_loader
from pypdf import PdfReader

from macros.build import release
from macros.data.countries import un_member_states
from macros.generated import MAP_FILE
from macros.generated.open_data import OPEN_DATA_DIR
from tests import bench_lighthouse
from tests.conftest import PROJECT_DIR, build_as_make_does, copy_project, pdf_switch

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
WITH_PDF = os.environ.get("BENCH_PDF", "1") != "0"
WITH_LIGHTHOUSE = os.environ.get("BENCH_LIGHTHOUSE", "1") != "0"
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "10,100").split(",") if s]
# The switch mkdocs.yml reads to leave out the 193 generated state pages (macros/generated/__init__.py).
WITHOUT_STATE_PAGES = {"STATE_PAGES": "false"}
GZIP_LEVEL = 6  # what web servers commonly use

TARGET_DATA_AND_MACROS_SHARE = 0.10
TARGET_ONE_MORE_PAGE_RATIO = 1.0  # one more page of the manual against one more stock page
TARGET_STARTUP_EXTRA = 0.3  # seconds of start-up before the first page, above stock Material's
TARGET_LIVE_RELOAD = 2.0  # seconds from saving a data file to the served page showing the change
# Site and PDFs in English, French and Spanish against the English site and PDF (issue: languages).
TARGET_LANGUAGES_RATIO = 3.2
LANGUAGE_CONFIGS = {"fr": "mkdocs.fr.yml", "es": "mkdocs.es.yml"}

# Runs `mkdocs build` in this process and writes timings as JSON to the path in argv[1]; the rest of argv
# goes to mkdocs. Every build records when its first page starts (the end of start-up: config, plugins,
# imports, data, generated files, navigation); the manual's builds (BENCH_MANUAL_TIMERS) also time the work
# the manual adds to a stock build.
INSTRUMENTED_BUILD = r"""
import json, os, sys, time
sys.path.insert(0, ".")
import mkdocs.commands.build
from mkdocs.__main__ import cli

timings = {}
populate_page = mkdocs.commands.build._populate_page
def first_page_probe(*args, **kwargs):
    timings.setdefault("first page at", time.time())
    return populate_page(*args, **kwargs)
mkdocs.commands.build._populate_page = first_page_probe

if os.environ.get("BENCH_MANUAL_TIMERS"):
    import macros.generated, macros.data.loader
    from mkdocs_macros.plugin import MacrosPlugin
    timings.update({"data": 0.0, "macros": 0.0, "generated": 0.0, "data and macros": 0.0, "manual total": 0.0})
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

    timed(macros.data.loader, "load_manual", "data")
    timed(MacrosPlugin, "on_config", "macros")
    timed(MacrosPlugin, "on_page_markdown", "macros")
    timed(macros.generated, "generated_files", "generated")

    # With the PDF: the manual's rendering, and the pieces to send (chapters after it; the one-page profiles
    # in worker processes meanwhile, so the build only waits for what is left of them when the PDF is done).
    # Only in a PDF build: importing the PDF stack to time it would add a second to an HTML build's start-up.
    if os.environ.get("BENCH_PDF_TIMERS"):
        def timed_alone(owner, name, key):
            original = getattr(owner, name)
            def wrapper(*args, **kwargs):
                start = time.perf_counter()
                try:
                    return original(*args, **kwargs)
                finally:
                    timings[key] = timings.get(key, 0.0) + time.perf_counter() - start
            setattr(owner, name, wrapper)

        import macros.build.chapters, macros.build.sheets
        from mkdocs_to_pdf.generator import Generator
        timed_alone(Generator, "on_post_build", "manual pdf")
        timed_alone(macros.build.chapters, "write_chapters", "chapters")
        timed_alone(macros.build.sheets.SheetWriters, "__init__", "sheets started")
        timed_alone(macros.build.sheets.SheetWriters, "written", "sheets waited")

    freeze_to = os.environ.get("BENCH_FREEZE_TO")
    if freeze_to:  # keep each page's Markdown as the macros leave it, for the stock build of the same content
        import pathlib, yaml
        expand = MacrosPlugin.on_page_markdown
        def on_page_markdown(self, markdown, *args, page, **kwargs):
            expanded = expand(self, markdown, *args, page=page, **kwargs)
            target = pathlib.Path(freeze_to, page.file.src_uri)
            target.parent.mkdir(parents=True, exist_ok=True)
            front = "---\n" + yaml.safe_dump(page.meta, allow_unicode=True) + "---\n\n" if page.meta else ""
            target.write_text(front + expanded, encoding="utf-8")
            return expanded
        MacrosPlugin.on_page_markdown = on_page_markdown
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
    startup: float  # from process start to the first page
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

    @property
    def startup(self) -> float:
        return statistics.median(r.startup for r in self.runs)

    def share(self, key: str) -> float:
        return statistics.median(r.timings[key] / r.seconds for r in self.runs)


def median_over_rounds(combine, *series: Series) -> tuple[float, float, float]:
    """`combine` applied to each round's runs of `series` (the runs of one round ran back to back, so a
    slow spell of the machine touches them alike): (median, lowest, highest) over the rounds."""
    values = [combine(*runs) for runs in zip(*(s.runs for s in series), strict=False)]
    return statistics.median(values), min(values), max(values)


def build_once(
    project: Path, site: Path, extra_env: dict[str, str], instrumented: bool, config_file: str = "mkdocs.yml"
) -> Run:
    timings_file = project / "build-timings.json"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    if instrumented:
        environment["BENCH_MANUAL_TIMERS"] = "1"
        switch = pdf_switch()
        if switch and switch.items() <= extra_env.items():
            environment["BENCH_PDF_TIMERS"] = "1"
    command = [
        sys.executable,
        "-c",
        INSTRUMENTED_BUILD,
        str(timings_file),
        "build",
        "--strict",
        "--quiet",
        "--config-file",
        config_file,
        "--site-dir",
        str(site),
    ]
    started_at = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=environment, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"build failed in {project}:\n{stderr[-3000:]}")
    timings = json.loads(timings_file.read_text())
    return Run(seconds, timings.pop("first page at") - started_at, usage.ru_maxrss * 1024, timings)


@dataclass
class Job:
    label: str
    project: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    instrumented: bool = True  # times the manual's own code (not for a stock site; start-up is timed for all)
    config_file: str = "mkdocs.yml"  # another language: mkdocs.<language>.yml
    result: Series | None = None


def measure(jobs: list[Job]) -> None:
    """RUNS rounds of one build per job, in turns, after one untimed build of each: every job then finds its
    build cache (.cache/) as a rebuild of unchanged data does, whatever order the jobs were made in."""
    for job in jobs:
        job.result = Series(job.label, site=job.project / "site")
        build_once(job.project, job.project / "site", job.extra_env, job.instrumented, job.config_file)
    for number in range(RUNS):
        for job in jobs:
            job.result.runs.append(
                build_once(job.project, job.project / "site", job.extra_env, job.instrumented, job.config_file)
            )
            print(
                f"  round {number + 1}/{RUNS}: {job.label}: {job.result.runs[-1].seconds:.1f} s",
                file=sys.stderr,
                flush=True,
            )


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
        clone = {
            **copy.deepcopy(organisation_template),
            "kind": "regional-organisation",
            "name": f"Synthetic Regional Organisation {number:05d}",
            "roles": [],
        }
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
    (target / "meetings.yml").write_text(
        yaml.safe_dump(meetings, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def stock_material_project(target: Path, pages: int, words_per_page: int) -> Path:
    """A stock Material site (search plugin only, no macros, no hooks) of `pages` plain pages."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    paragraph = (
        "The Responsibility to Protect asks every state to protect its population from genocide, war "
        "crimes, ethnic cleansing and crimes against humanity. "
    )
    words = len(paragraph.split())
    for number in range(pages):
        body = "\n\n".join([paragraph * 4] * max(1, words_per_page // (4 * words)))
        name = "index.md" if number == 0 else f"page-{number:04d}.md"
        (docs / name).write_text(f"# Page {number}\n\n## Section\n\n{body}\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Stock Material\ntheme:\n  name: material\nplugins:\n  - search\n", encoding="utf-8"
    )
    return target


def stock_material_with_manual_content(target: Path, real_project: Path) -> Path:
    """Stock Material building the manual's pages as the macros leave them (frozen by a build with
    BENCH_FREEZE_TO): the same Markdown extensions and navigation, no macros, hooks, overrides or data.
    The outreach brief's lists, shared blocks the manual puts into each page, stay markers here."""
    docs, built = target / "docs", target / "built-by-the-manual"
    build_once(real_project, built, {"BENCH_FREEZE_TO": str(docs)}, instrumented=True)
    shutil.copytree(real_project / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    for generated_files in (posixpath.dirname(MAP_FILE), OPEN_DATA_DIR):  # files the pages link to
        shutil.copytree(built / generated_files, docs / generated_files)
    shutil.rmtree(built)
    shutil.copytree(real_project / "includes", target / "includes")
    config = yaml.load((real_project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    stock = {
        "site_name": config["site_name"],
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": config["markdown_extensions"],
        "nav": config["nav"],
        "not_in_nav": config["not_in_nav"],
        "extra_css": config["extra_css"],
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(stock, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


# --- live reload ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, timeout: float, what: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if server.poll() is not None or time.perf_counter() > deadline:
            sys.exit(f"live reload: {what} did not happen:\n{log.read_text()[-3000:]}")
        time.sleep(0.02)


def live_reload_seconds(project: Path, built_site: Path) -> list[float]:
    """As the secretariat edits: `mkdocs serve` as `make serve` runs it, one member's note in
    data/roster.yml changed and saved, timed until the served state page shows it (RUNS edits)."""
    roster = project / "data" / "roster.yml"
    original = roster.read_text(encoding="utf-8")
    # A state's note written on one line, so that the edit is a plain replacement of that line's text.
    one_line_notes = set(re.findall(r"^ +joined_note: (.+)$", original, flags=re.MULTILINE))
    note = next(
        member["joined_note"]
        for member in yaml.safe_load(original)["members"]
        if member.get("iso3") and member.get("joined_note") in one_line_notes
    )
    page = next(
        path.relative_to(built_site).as_posix()
        for path in (built_site / "states").glob("*.html")
        if note in path.read_text(encoding="utf-8")
    )
    port = free_port()
    log = project / "serve.log"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MANUAL_PDF_FROM": str(built_site)}
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/{page}"
    seconds = []
    try:
        wait_for(lambda: note in (fetch_text(url) or ""), 300, "the first serve", server, log)
        for number in range(RUNS):
            marked = f"{note[:-1]} (edit {number + 1})."
            saved = time.perf_counter()
            roster.write_text(original.replace(f"joined_note: {note}\n", f"joined_note: {marked}\n"), encoding="utf-8")
            wait_for(lambda marked=marked: marked in (fetch_text(url) or ""), 120, "the reload", server, log)
            seconds.append(time.perf_counter() - saved)
            print(f"  live reload {number + 1}/{RUNS}: {seconds[-1]:.2f} s", file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait()
        roster.write_text(original, encoding="utf-8")
    return seconds


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
    words = sum(
        len(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").article.get_text().split())
        for p in pages
        if "<article" in p.read_text(encoding="utf-8")
    )
    return words // max(1, len(pages))


# --- report --------------------------------------------------------------------------------------


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MiB"


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def verdict(ok: bool) -> str:
    return "meets the target" if ok else "MISSES the target"


def main() -> int:
    print(
        f"Benchmark of the R2P Focal Points Manual, {dt.datetime.now():%Y-%m-%d %H:%M}, median of {RUNS} "
        f"run(s), {os.cpu_count()} CPU(s)\n",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="manual-bench-") as temporary:
        root = Path(temporary)
        real_project = copy_project(root / "real")
        # One build first, not in the rounds: the stock references take their size from it. Its copy has an
        # empty .cache/, as after a data edit: its figures show what the rounds' rebuilds take from the cache.
        first_build = build_once(real_project, real_project / "site", {}, instrumented=True)
        pages = html_pages(real_project / "site")
        without_states_project = copy_project(root / "no-states")
        build_once(without_states_project, without_states_project / "site", WITHOUT_STATE_PAGES, instrumented=True)
        pages_without_states = html_pages(without_states_project / "site")
        words = words_per_page(real_project / "site")

        real = Job("HTML build", real_project)
        without_states = Job("HTML build without state pages", without_states_project, WITHOUT_STATE_PAGES)
        jobs = [real, without_states]
        pdf = None
        if WITH_PDF and pdf_switch():
            pdf = Job("HTML + PDF build", copy_project(root / "pdf"), pdf_switch())
            jobs.append(pdf)
        # The other languages, each as `make build` builds it: its own configuration, in a copy of its own.
        languages = {
            language: Job(f"HTML build, {language}", copy_project(root / f"html-{language}"), {}, True, config)
            for language, config in LANGUAGE_CONFIGS.items()
        }
        jobs += languages.values()
        language_pdfs = {}
        if pdf is not None:
            language_pdfs = {
                language: Job(
                    f"HTML + PDF, {language}", copy_project(root / f"pdf-{language}"), pdf_switch(), True, config
                )
                for language, config in LANGUAGE_CONFIGS.items()
            }
            jobs += language_pdfs.values()
        scaled = {}
        for factor in SCALES:
            scaled_data(PROJECT_DIR / "data", root / f"data-x{factor}", factor)
            scaled[factor] = Job(f"data x{factor}", copy_project(root / f"x{factor}", root / f"data-x{factor}"))
            jobs.append(scaled[factor])
        stock = Job(
            f"stock Material, {pages} plain pages",
            stock_material_project(root / "stock", pages, words),
            instrumented=False,
        )
        stock_small = Job(
            f"stock Material, {pages_without_states} plain pages",
            stock_material_project(root / "stock-small", pages_without_states, words),
            instrumented=False,
        )
        stock_same_content = Job(
            "stock Material, the manual's Markdown",
            stock_material_with_manual_content(root / "stock-same", real_project),
            instrumented=False,
        )
        jobs += [stock, stock_small, stock_same_content]
        measure(jobs)
        reloads = live_reload_seconds(copy_project(root / "serve"), real_project / "site")
        report(
            real.result,
            without_states.result,
            pdf.result if pdf else None,
            {factor: job.result for factor, job in scaled.items()},
            stock.result,
            stock_small.result,
            stock_same_content.result,
            reloads,
            first_build,
        )
        report_languages(
            real.result,
            pdf.result if pdf else None,
            {language: job.result for language, job in languages.items()},
            {language: job.result for language, job in language_pdfs.items()},
        )
        if WITH_LIGHTHOUSE:
            bench_lighthouse.report(build_as_make_does(copy_project(root / "published")))
    return 0


def report_languages(
    english: Series, english_pdf: Series | None, languages: dict[str, Series], pdfs: dict[str, Series]
) -> None:
    print()
    print("Languages (each built by its own configuration, as `make build` builds them one after another):")
    ratios = {}
    for language, series in languages.items():
        ratio, low, high = median_over_rounds(lambda e, t: t.seconds / e.seconds, english, series)
        ratios[language] = ratio
        index = series.site / "search" / "search_index.json"
        print(
            f"  {language}: HTML build {series.seconds:6.2f} s = {ratio:4.2f} x the English ({low:.2f}-{high:.2f} "
            f"over the rounds); search index {kib(index.stat().st_size)} ({kib(gzipped(index))} gzip)"
        )
    english_index = english.site / "search" / "search_index.json"
    print(f"  en: search index {kib(english_index.stat().st_size)} ({kib(gzipped(english_index))} gzip)")
    print(
        f"  no language costs more than the English build (median of per-round ratios <= 1.0): "
        f"{verdict(max(ratios.values(), default=0) <= 1.0)}"
    )
    if english_pdf is None or not pdfs:
        print("  site + PDFs in every language: not measured (BENCH_PDF=0)")
        return
    all_languages = [english_pdf, *pdfs.values()]
    total, low, high = median_over_rounds(
        lambda en, *others: sum(r.seconds for r in (en, *others)) / en.seconds, *all_languages
    )
    print(
        f"  site + PDFs in {len(all_languages)} languages: {sum(s.seconds for s in all_languages):6.2f} s = "
        f"{total:4.2f} x the English site + PDF ({low:.2f}-{high:.2f}); target <= {TARGET_LANGUAGES_RATIO}: "
        f"{verdict(total <= TARGET_LANGUAGES_RATIO)}"
    )
    for language, series in pdfs.items():
        pdf_file = series.site.parent / "pdf" / f"r2p-focal-points-manual.{language}.pdf"
        print(f"  {language}: PDF {mib(pdf_file.stat().st_size)}, {len(PdfReader(pdf_file).pages)} pages")


def report_pieces(pdf: Series) -> None:
    """What the one-page profiles and the chapters' PDFs cost the build with the PDF, and the release's sizes."""
    rendering = statistics.median(r.timings["manual pdf"] for r in pdf.runs)
    added = [r.timings["chapters"] + r.timings["sheets started"] + r.timings["sheets waited"] for r in pdf.runs]
    ratios = [extra / r.timings["manual pdf"] for extra, r in zip(added, pdf.runs, strict=True)]
    sheets = sorted((pdf.site / "pdf").glob("*/*.pdf"))
    profiles = [p for p in sheets if p.parent.name != "chapters"]
    chapter_files = [p for p in sheets if p.parent.name == "chapters"]
    one_page = sum(len(PdfReader(p).pages) == 1 for p in profiles)
    profiles_size, chapters_size = (mib(sum(p.stat().st_size for p in group)) for group in (profiles, chapter_files))
    print(
        f"Pieces to send: {len(profiles)} one-page profiles ({one_page} of one page; {profiles_size}) "
        f"and {len(chapter_files)} chapters ({chapters_size})"
    )
    print(
        f"  they add {statistics.median(added):.2f} s to the build (chapters "
        f"{statistics.median(r.timings['chapters'] for r in pdf.runs):.2f} s, waiting for the profiles "
        f"{statistics.median(r.timings['sheets waited'] for r in pdf.runs):.2f} s, written meanwhile in worker "
        f"processes) against {rendering:.2f} s for the manual's PDF: {statistics.median(ratios):.2f} x; "
        f"target <= 1.0 x: {verdict(statistics.median(ratios) <= 1.0)}"
    )
    with tempfile.TemporaryDirectory() as dist:
        files = release.release(pdf.site, Path(dist), release.edition(PROJECT_DIR))
        sizes = ", ".join(f"{path.name} {mib(path.stat().st_size)}" for path in files if path.suffix != "")
        print(f"  release of this (English) site: {sizes}")


def report(
    real: Series,
    without_states: Series,
    pdf: Series | None,
    scaled: dict[int, Series],
    stock: Series,
    stock_small: Series,
    stock_same_content: Series,
    reloads: list[float],
    first_build: Run,
) -> None:
    pages, pages_without_states = html_pages(real.site), html_pages(without_states.site)
    print()
    print(f"HTML build (real data, {pages} pages):   {real.seconds:6.2f} s")
    print(
        f"  without the per-state pages ({pages_without_states} pages): "
        f"{without_states.seconds:6.2f} s  (state pages cost {real.seconds - without_states.seconds:+.2f} s)"
    )
    if pdf:
        pdf_file = pdf.site / "pdf" / f"{release.NAME}.pdf"
        print(
            f"HTML + PDF build:                       {pdf.seconds:6.2f} s  "
            f"(the PDF adds {pdf.seconds - real.seconds:+.2f} s)"
        )
        print(f"PDF: {mib(pdf_file.stat().st_size)}, {len(PdfReader(pdf_file).pages)} pages")
        report_pieces(pdf)
    else:
        print("PDF: not built (BENCH_PDF=0, or mkdocs.yml has no to-pdf group switched by a variable)")
    print()
    data_share, macros_share = real.share("data"), real.share("macros")
    generated_share, total_share = real.share("generated"), real.share("manual total")
    data_and_macros_share = real.share("data and macros")
    print("Share of the HTML build spent in the manual's own code (in a rebuild, unchanged data and the files")
    print("made from it come from .cache/; the first build of a fresh copy shows what a data edit costs):")
    print(f"  loading and validating data:          {data_share:6.1%}")
    print(f"  macros plugin (config + page render): {macros_share:6.1%}  (includes the first data load)")
    print(
        f"  data + macros (overlaps counted once): {data_and_macros_share:5.1%}  target <= "
        f"{TARGET_DATA_AND_MACROS_SHARE:.0%}: {verdict(data_and_macros_share <= TARGET_DATA_AND_MACROS_SHARE)}"
    )
    print(f"  pages and files generated from data:  {generated_share:6.1%}  (state pages, map, chart, open data)")
    print(f"  all of the manual's own code:         {total_share:6.1%}")
    first = first_build.timings
    print(
        f"  first build of a fresh copy (empty .cache/): {first_build.seconds:.2f} s; loading and validating "
        f"data {first['data'] / first_build.seconds:.1%}, pages and files generated from data "
        f"{first['generated'] / first_build.seconds:.1%}"
    )
    print()
    print(
        f"Peak memory of the build process:       {mib(real.peak_bytes)}"
        + (f" (with PDF: {mib(pdf.peak_bytes)})" if pdf else "")
    )
    raw, transferred, files = home_page_weight(real.site)
    print(
        f"Site size:                              {mib(size_of(real.site))} "
        f"in {sum(1 for p in real.site.rglob('*') if p.is_file())} files"
    )
    print(
        f"Home page weight:                       {kib(transferred)} gzip-compressed "
        f"({kib(raw)} raw, index.html + {files - 1} CSS/JS files)"
    )
    index = real.site / "search" / "search_index.json"
    print(f"Search index:                           {kib(index.stat().st_size)} ({kib(gzipped(index))} gzip)")
    print()
    print(
        "Scaling (roster members and meetings multiplied):" + ("" if scaled else " not measured (BENCH_SCALES empty)")
    )
    for factor, result in scaled.items():
        ratio = result.seconds / real.seconds
        print(
            f"  x{factor:<4} {result.seconds:7.2f} s = {ratio:5.2f} x the normal build, "
            f"{html_pages(result.site)} pages, share of manual code {result.share('manual total'):.1%}, "
            f"peak {mib(result.peak_bytes)}; no worse than linear: {verdict(ratio <= factor)}"
        )
    print()
    generated = pages - pages_without_states
    per_page, stock_per_page = real.seconds / pages, stock.seconds / pages

    def one_more_page_ratio(real_run, without_run, stock_run, stock_small_run):
        return (real_run.seconds - without_run.seconds) / (stock_run.seconds - stock_small_run.seconds)

    ratio, lowest, highest = median_over_rounds(one_more_page_ratio, real, without_states, stock, stock_small)
    one_more = (real.seconds - without_states.seconds) / generated
    stock_one_more = (stock.seconds - stock_small.seconds) / generated
    print("Per-page cost against stock Material (search plugin only; no macros, hooks, overrides or data):")
    print(
        f"  stock Material, {pages} plain pages: {stock.seconds:6.2f} s; {pages_without_states} plain pages: "
        f"{stock_small.seconds:6.2f} s"
    )
    print(
        f"  one more page ({generated} generated pages: the build with them minus the build without them; "
        f"stock: {pages} minus {pages_without_states} plain pages): manual {one_more * 1000:.1f} ms, "
        f"stock {stock_one_more * 1000:.1f} ms; ratio, median of the rounds' ratios {ratio:.2f} x "
        f"(rounds {lowest:.2f}-{highest:.2f}); target <= {TARGET_ONE_MORE_PAGE_RATIO:.1f} x: "
        f"{verdict(ratio <= TARGET_ONE_MORE_PAGE_RATIO)}"
    )
    print(
        f"  for information, the whole build divided by its pages: manual {per_page * 1000:.1f} ms, "
        f"stock {stock_per_page * 1000:.1f} ms = {per_page / stock_per_page:.2f} x"
    )
    extra, lowest, highest = median_over_rounds(lambda manual, plain: manual.startup - plain.startup, real, stock)
    print(
        f"  start-up before the first page: manual {real.startup:.2f} s, stock {stock.startup:.2f} s; "
        f"the manual's extra, median of the rounds {extra:+.2f} s (rounds {lowest:+.2f} to {highest:+.2f}); "
        f"target <= +{TARGET_STARTUP_EXTRA:.1f} s: {verdict(extra <= TARGET_STARTUP_EXTRA)}"
    )
    print(
        f"  stock Material building the manual's own Markdown (macros expanded, same extensions): "
        f"{stock_same_content.seconds:6.2f} s; all the manual adds to stock Material (macros, hooks, offline "
        f"plugin, theme overrides) costs "
        f"{real.seconds - stock_same_content.seconds:+.2f} s ({real.seconds / stock_same_content.seconds - 1:+.0%}), "
        f"the rest is what its richer pages cost any MkDocs build"
    )

    print()
    reload = statistics.median(reloads)
    print(
        f"Live reload (`make serve`, one note in data/roster.yml saved, until the served page shows it): "
        f"median {reload:.2f} s of {len(reloads)} ({min(reloads):.2f}-{max(reloads):.2f} s), including the "
        f"server's 0.5 s polling of the files; target <= {TARGET_LIVE_RELOAD:.0f} s: "
        f"{verdict(reload <= TARGET_LIVE_RELOAD)}"
    )


if __name__ == "__main__":
    sys.exit(main())
