"""`make release`: dist/ holds the site as a zip that works unpacked, the PDFs, the open data and
SHA256SUMS, named by the edition; two runs give the same bytes."""

from __future__ import annotations

import hashlib
import zipfile

from macros.build import release
from macros.data.loader import load_manual

from .conftest import PROJECT_DIR


def test_the_release_is_complete_checksummed_and_reproducible(made_site, tmp_path):
    day = load_manual(PROJECT_DIR / "data").data_as_of().as_date()
    first = release.release(made_site, tmp_path / "one", day)
    second = release.release(made_site, tmp_path / "two", day)
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))
    stem = f"r2p-focal-points-manual-{day.isoformat()}"
    names = {p.name for p in first}
    assert {f"{stem}-site.zip", f"{stem}-open-data.zip", f"{stem}.pdf", f"{stem}.fr.pdf", f"{stem}.es.pdf"} <= names
    sums = (tmp_path / "one" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    for line in sums:
        digest, name = line.split("  ")
        assert hashlib.sha256((tmp_path / "one" / name).read_bytes()).hexdigest() == digest
    assert len(sums) == len(first) - 1


def test_the_site_zip_unpacks_into_a_site_that_opens_from_disk(made_site, tmp_path):
    day = load_manual(PROJECT_DIR / "data").data_as_of().as_date()
    files = release.release(made_site, tmp_path / "dist", day)
    site_zip = next(p for p in files if p.name.endswith("-site.zip"))
    with zipfile.ZipFile(site_zip) as archive:
        archive.extractall(tmp_path / "unpacked")
    root = tmp_path / "unpacked" / site_zip.stem
    for page in ("index.html", "fr/index.html", "es/index.html", "search/search_index.js", "fr/search/search_index.js"):
        assert (root / page).read_bytes() == (made_site / page).read_bytes(), page
    unpacked = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert unpacked == sorted(p.relative_to(made_site).as_posix() for p in made_site.rglob("*") if p.is_file())
