"""Built sites: a tiny fixture site, the real manual, and what a failed build leaves behind."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data.loader import load_manual

from .conftest import FIXTURE_DATA, PROJECT_DIR, copy_fixture_project, copy_project, run_mkdocs_build


def page_text(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article").get_text(" ", strip=True)


def all_article_text(site: Path) -> str:
    return "\n".join(
        BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text(" ", strip=True)
        for p in site.rglob("*.html")
        if p.name != "404.html"
    )


# --- the fixture site: tiny data, real pages and configuration -------------------------------------


def test_fixture_site_renders_data_on_each_page(fixture_site):
    assert "Pillar 2: International assistance" in page_text(fixture_site, "pillars-and-crimes.html")
    assert "Authority to convene" in page_text(fixture_site, "mandate.html")
    assert "1. Risk is universal" in page_text(fixture_site, "network/principles.html")
    members = page_text(fixture_site, "network/members.html")
    assert "name 2 states and 1 regional organisation" in members
    assert "Ghana year not recorded (listed by July 2013)" in members
    assert "17–18 May 2011: First annual meeting" in page_text(fixture_site, "network/meetings.html")


def test_fixture_site_citations_resolve_to_bibliography_entries(fixture_site):
    soup = BeautifulSoup((fixture_site / "network/members.html").read_text(encoding="utf-8"), "html.parser")
    targets = {a["href"] for a in soup.select("article a[href*='sources.html#']")}
    assert targets == {"../sources.html#source-page-2013", "../sources.html#source-book-2021"}
    bibliography = BeautifulSoup((fixture_site / "sources.html").read_text(encoding="utf-8"), "html.parser")
    for target in targets:
        assert bibliography.find(id=target.split("#")[1]) is not None


def test_a_data_error_fails_the_build_with_the_promised_message(tmp_path):
    data = tmp_path / "data-source"
    shutil.copytree(FIXTURE_DATA, data)
    roster = data / "roster.yml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("joined: 2010", "joined: 1850"), encoding="utf-8")
    project = copy_project(tmp_path / "project", data)
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "data/roster.yml:" in result.stderr
    assert "members[0].joined: expected a year from 2005 to" in result.stderr and "got 1850" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_leaves_previous_output_exactly_as_it_was(tmp_path):
    project = copy_fixture_project(tmp_path / "project")
    published = project / "site"
    (published / "network").mkdir(parents=True)
    (published / "index.html").write_text("previous edition", encoding="utf-8")
    (published / "network" / "members.html").write_text("previous members", encoding="utf-8")
    before = tree_digest(published)
    roster = project / "data" / "roster.yml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("iso3: GHA", "iso3: GHX"), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "macros.build", "--site-dir", "site"], cwd=project, capture_output=True, text=True
    )

    assert result.returncode == 1
    assert "data/roster.yml:" in result.stderr and "members[1].iso3" in result.stderr
    assert tree_digest(published) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]


def test_successful_build_replaces_previous_output(tmp_path):
    project = copy_fixture_project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros.build", "--site-dir", "site"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (project / "site" / "stale.html").exists()
    assert "2 states and 1 regional organisation" in page_text(project / "site", "network/members.html")


# --- the real manual ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def manual():
    return load_manual(PROJECT_DIR / "data")


@pytest.fixture(scope="module")
def site_text(real_site) -> str:
    return all_article_text(real_site)


def test_every_pillar_and_crime_appears(manual, site_text):
    for pillar in manual.pillars.pillars:
        assert f"Pillar {pillar.number}: {pillar.name}" in site_text
    for crime in manual.pillars.crimes:
        assert crime.name in site_text


def test_every_mandate_item_appears(manual, site_text):
    for item in [*manual.mandate.functions, *manual.mandate.recommendations, *manual.mandate.proposals]:
        assert item.title in site_text, item.id


def test_every_principle_appears(manual, site_text):
    for principle in manual.principles.principles:
        assert principle.title in site_text


def test_every_member_appears_on_the_members_page(manual, real_site):
    members = page_text(real_site, "network/members.html")
    for member in manual.roster.members:
        assert member.name in members
    assert f"name {len([m for m in manual.roster.members if m.kind == 'state'])} states" in members


def test_every_meeting_appears(manual, real_site):
    meetings = page_text(real_site, "network/meetings.html")
    for meeting in manual.meetings.meetings:
        assert meeting.title in meetings


def test_every_source_is_in_the_bibliography(manual, real_site):
    soup = BeautifulSoup((real_site / "sources.html").read_text(encoding="utf-8"), "html.parser")
    for source in manual.sources.sources:
        assert soup.find(id=f"source-{source.id}") is not None, source.id
