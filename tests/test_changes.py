"""What's new and its feed: computed from the data (Manual.changes), listed on a page and the home page,
and published as Atom in every language."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

from macros.data.loader import load_manual
from macros.generated import feed
from macros.markdown import changes
from macros.words import words_for

from .conftest import FIXTURE_DATA, PROJECT_DIR

ATOM = "{http://www.w3.org/2005/Atom}"
LINKS = changes.ChangeLinks("sources.md", "network/meetings.md", "network/members.md")


@pytest.fixture(scope="module")
def manual():
    return load_manual(PROJECT_DIR / "data")


def test_every_dated_fact_is_a_change_the_newest_first(manual):
    listed = manual.changes()
    dated_sources = [s for s in manual.sources.sources if s.date is not None]
    expected = (
        len(manual.roster.members)
        + len(manual.roster.official_counts)
        + len(manual.meetings.meetings)
        + len(dated_sources)
    )
    assert len(listed) == expected
    days = [change.date.as_date() for change in listed]
    assert days == sorted(days, reverse=True)
    assert len({(change.kind, change.key) for change in listed}) == len(listed)
    newest = max(
        [m.listed_by for m in manual.roster.members]
        + [c.date for c in manual.roster.official_counts]
        + [m.start for m in manual.meetings.meetings]
        + [s.date for s in dated_sources],
        key=lambda date: date.as_date(),
    )
    assert listed[0].date.as_date() == newest.as_date()


def test_a_new_member_in_the_data_is_a_change_at_its_listed_by_date():
    fixture = load_manual(FIXTURE_DATA)
    members = [c for c in fixture.changes() if c.kind == "member"]
    assert [(c.key, c.date) for c in members] == sorted(
        ((m.iso3 or m.name, m.listed_by) for m in fixture.roster.members),
        key=lambda pair: (-pair[1].as_date().toordinal(), pair[0]),
    )
    assert all(c.sources == list(c.subject.sources) for c in members)


def test_the_page_lists_each_change_with_its_date_link_and_citation(manual):
    markdown = changes.whats_new(manual, LINKS)
    lines = markdown.strip().splitlines()
    assert len(lines) == len(manual.changes())
    newest = manual.changes()[0]
    assert lines[0].startswith(f"- **{words_for('en').date(newest.date)}**: [")
    assert f"(sources.md#source-{newest.sources[0]})" in lines[0]  # the citation
    meeting_line = next(line for line, c in zip(lines, manual.changes(), strict=True) if c.kind == "meeting")
    assert "](network/meetings.md#meeting-" in meeting_line
    assert len(changes.whats_new(manual, LINKS, 3).strip().splitlines()) == 3


def parsed_feed(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text.encode("utf-8"))


def test_the_feed_has_an_entry_per_change_with_a_stable_id(manual):
    text = feed.atom_feed(manual, "Manual: what's new", "Editors", "whats-new.html", None)
    root = parsed_feed(text)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(manual.changes())
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [changes.change_text(c) for c in manual.changes()]
    assert root.findtext(f"{ATOM}updated") == manual.data_as_of().as_date().isoformat() + "T00:00:00Z"
    assert entries[0].find(f"{ATOM}link").get("href") == "whats-new.html"


def test_with_a_site_address_the_feed_links_are_absolute(manual):
    root = parsed_feed(feed.atom_feed(manual, "t", "a", "whats-new.html", "https://example.org/manual/"))
    hrefs = {link.get("href") for link in root.iter(f"{ATOM}link")}
    assert hrefs == {"https://example.org/manual/whats-new.html", "https://example.org/manual/feed.xml"}


# --- the built site --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["", "fr", "es"])
def test_the_site_lists_the_changes_links_the_feed_and_shows_the_latest_three(made_site, manual, language):
    root = made_site / language
    page = BeautifulSoup((root / "whats-new.html").read_text(encoding="utf-8"), "html.parser")
    items = page.select("article ul > li")
    assert len(items) == len(manual.changes())
    feed_links = [a for a in page.select("article a[href]") if a["href"].endswith("feed.xml")]
    assert len(feed_links) == 1 and (root / "whats-new.html").parent.joinpath(feed_links[0]["href"]).is_file()
    atom = parsed_feed((root / "feed.xml").read_text(encoding="utf-8"))
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == (language or "en")
    assert len(atom.findall(f"{ATOM}entry")) == len(manual.changes())
    home = BeautifulSoup((root / "index.html").read_text(encoding="utf-8"), "html.parser")
    latest = home.select_one("#latest-changes").find_next("ul").select("li")
    assert [li.get_text(" ", strip=True) for li in latest] == [li.get_text(" ", strip=True) for li in items[:3]]
    for link in home.select_one("#latest-changes").find_next("ul").select("a[href]"):
        target = link["href"].split("#")[0]
        assert (root / target).is_file(), target
