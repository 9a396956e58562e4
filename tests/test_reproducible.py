"""Two builds of the same sources, in two different folders, are byte-identical: every file of the site, the
sitemap's gzip file, the search index and the PDF (when the PDF plugin is configured, it is built too)."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.loader import load_manual

from .conftest import PROJECT_DIR, copy_project


def pdf_switch() -> dict[str, str]:
    """The environment variable that turns on the to-pdf plugin in mkdocs.yml, set; empty if there is none."""
    with (PROJECT_DIR / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "to-pdf" in plugin:
            variable = (plugin["to-pdf"] or {}).get("enabled_if_env")
            return {variable: "1"} if variable else {}
    return {}


def build_as_make_does(project: Path) -> Path:
    """`make build`'s command in `project`, with the clock left to the build (no SOURCE_DATE_EPOCH given)."""
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    environment |= {"NO_MKDOCS_2_WARNING": "1", **pdf_switch()}
    result = subprocess.run([sys.executable, "-m", "macros.build", "--site-dir", "site"], cwd=project,
                            env=environment, capture_output=True, text=True)
    assert result.returncode == 0, f"build failed:\n{result.stderr[-5000:]}"
    return project / "site"


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("reproducible")
    return (build_as_make_does(copy_project(root / "one" / "project")),
            build_as_make_does(copy_project(root / "two" / "deeper" / "manual")))


def test_two_builds_in_different_folders_are_byte_identical(two_builds):
    first, second = (files_of(site) for site in two_builds)
    assert "search/search_index.json" in first and "sitemap.xml.gz" in first
    if pdf_switch():
        assert any(name.endswith(".pdf") for name in first), "the PDF plugin is configured but wrote no PDF"
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} files differ between the builds, e.g. {differing[:10]}"


def test_the_build_clock_is_the_data_as_of_date(two_builds):
    site = two_builds[0]
    as_of = load_manual(PROJECT_DIR / "data").roster.as_of.as_date()
    with gzip.open(site / "sitemap.xml.gz") as sitemap:
        sitemap.read()
        stamped = dt.datetime.fromtimestamp(sitemap.mtime, dt.timezone.utc).date()
    assert stamped == as_of
    today = dt.date.today().isoformat()
    if today != as_of.isoformat():  # otherwise the as-of date is today's, rightly written
        leaking = [name for name, data in files_of(site).items() if today.encode() in data]
        assert leaking == [], f"today's date ({today}) is written into {leaking[:10]}"
