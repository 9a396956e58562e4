"""Two builds of the same sources, in two different folders, are byte-identical: every file of the site, the
sitemap's gzip file, the search index and the PDF (when the PDF plugin is configured, it is built too)."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path

import pytest

from macros.data.loader import load_manual

from .conftest import PROJECT_DIR, build_as_make_does, pdf_switch


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def two_builds(made_site, tmp_path_factory) -> tuple[Path, Path]:
    """The session's `make build` site and a second build of the same sources as a fresh clone elsewhere would
    make it: another depth, a folder name with a space and accents, its own copy of node_modules (the first
    build links the project's). It is copied from the first copy, not from the working tree, which may have
    changed since, and with the first build's .cache/: the second build takes its data and generated files
    from there, so the two also compare a build from the cache with one that made everything."""
    second = tmp_path_factory.mktemp("reproducible") / "Mes documents" / "Manuel é" / "manual"
    shutil.copytree(made_site.parent, second, symlinks=False, ignore=shutil.ignore_patterns("site", "__pycache__"))
    assert not (second / "node_modules").is_symlink()
    return made_site, build_as_make_does(second)


def test_two_builds_in_different_folders_are_byte_identical(two_builds):
    first, second = (files_of(site) for site in two_builds)
    assert "search/search_index.json" in first and "sitemap.xml.gz" in first
    if pdf_switch():
        assert any(name.endswith(".pdf") for name in first), "the PDF plugin is configured but wrote no PDF"
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} files differ between the builds, e.g. {differing[:10]}"


def test_the_second_build_took_every_result_from_the_first_build_s_cache(two_builds):
    """A cache key that held the folder would make the second build compute everything again (a new entry
    beside the copied one), and the comparison above would no longer see the cache."""
    first, second = (site.parent / ".cache" for site in two_builds)
    for kind in ("manual", "generated"):
        entries = sorted(path.name for path in (first / kind).glob("*.pickle"))
        assert entries, f"the first build kept no {kind} entry"
        assert sorted(path.name for path in (second / kind).glob("*.pickle")) == entries, kind


def test_the_build_clock_is_the_data_as_of_date(two_builds):
    site = two_builds[0]
    as_of = load_manual(PROJECT_DIR / "data").data_as_of().as_date()
    with gzip.open(site / "sitemap.xml.gz") as sitemap:
        sitemap.read()
        stamped = dt.datetime.fromtimestamp(sitemap.mtime, dt.UTC).date()
    assert stamped == as_of
    today = dt.date.today().isoformat()
    if today != as_of.isoformat():  # otherwise the as-of date is today's, rightly written
        leaking = [name for name, data in files_of(site).items() if today.encode() in data]
        assert leaking == [], f"today's date ({today}) is written into {leaking[:10]}"
