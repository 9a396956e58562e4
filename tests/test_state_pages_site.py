"""The built site: 193 state pages, the outreach brief, the map, the open data, one A4 sheet per profile.

Built once from the real data/ (the `real_site` fixture in conftest.py), and once more without the
state pages to check the switch the benchmark uses.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.data.countries import un_member_states
from macros.data.loader import load_manual
from macros.data.schema import MeetingsFile, RosterFile
from macros.generated import state_pages
from tests.browser.browser_support import CHROMIUM_ARGS
from tests.conftest import PROJECT_DIR, build_project, chromium_or_skip

A4_POINTS = (595.3, 841.9)
# Chromium's command line prints without Playwright: headless, and without the page header and footer.
PRINT_ARGS = (*CHROMIUM_ARGS, "--headless", "--no-pdf-header-footer")


@pytest.fixture(scope="module")
def manual():
    return load_manual(PROJECT_DIR / "data")


@pytest.fixture(scope="module")
def members(manual):
    return {m.iso3: m for m in manual.roster.members if m.kind == "state"}


def text_of(html_file: Path) -> str:
    """The page's article text, tags removed."""
    html = html_file.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


def test_there_is_one_page_per_un_member_state(real_site):
    pages = {p.stem.upper() for p in (real_site / "states").glob("*.html")}
    assert pages == {s.iso3 for s in un_member_states().states}
    assert len(pages) == 193


def test_each_member_page_shows_its_year_or_that_it_is_not_recorded(real_site, members):
    for iso3, member in members.items():
        text = text_of(real_site / "states" / f"{iso3.lower()}.html")
        expected = f"member since {member.joined}" if member.joined is not None else "year not recorded"
        assert expected in text, f"{member.name}: {expected!r} missing"
        assert "Outreach brief" not in text
        assert ("Roles:" in text) == bool(member.roles), f"{member.name}: a Roles line without roles, or none"


def test_a_member_alone_in_its_sub_region_is_not_told_that_no_state_there_has_a_focal_point(real_site, members):
    countries = un_member_states()
    subregions = [countries.by_iso3[iso3].subregion for iso3 in members]
    alone = [iso3 for iso3 in members if subregions.count(countries.by_iso3[iso3].subregion) == 1]
    assert "KOR" in alone  # the only member in Eastern Asia
    for iso3 in alone:
        subregion = countries.by_iso3[iso3].subregion
        text = text_of(real_site / "states" / f"{iso3.lower()}.html")
        assert f"{subregion}: No other state in {subregion} has appointed a focal point yet" in text, iso3


def test_peers_without_a_year_show_the_year_they_were_listed_by(real_site):
    text = text_of(real_site / "states" / "cze.html")
    peers = text[text.index("Peers in the region") : text.index("All UN member states")]
    assert "year not recorded" not in peers
    assert "Poland (listed by July 2013)" in peers and "Denmark (2010)" in peers


def test_a_profile_is_searched_by_its_title_and_other_names_only(real_site):
    docs = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    profiles = {d["location"]: d["text"] for d in docs if d["location"].startswith(("states/", "organisations/"))}
    assert profiles["states/cze.html#czech-republic"] == "<p>Other names and spellings: Czechia</p>"
    assert profiles["states/tur.html#turkiye"] == (
        "<p>Other names and spellings: Republic of Türkiye, Turkiye, Republic of Turkiye</p>"
    )
    # Neither the brief nor the peer lists: whatever else a profile's entries hold is a line of names.
    assert {text for text in profiles.values() if not text.startswith("<p>Other names and spellings: ")} == {""}


def test_each_non_member_page_carries_the_outreach_brief(real_site, members, manual):
    objections = [o.objection for o in manual.outreach.objections]
    non_members = [s for s in un_member_states().states if s.iso3 not in members]
    assert len(non_members) == 193 - len(members)
    for state in non_members:
        html = (real_site / "states" / f"{state.iso3.lower()}.html").read_text(encoding="utf-8")
        text = text_of(real_site / "states" / f"{state.iso3.lower()}.html")
        assert 'id="outreach-brief"' in html, state.name
        # The brief's lists are in place, their citations checked and rewritten by MkDocs as every link.
        brief = html[html.index('id="outreach-brief"') :]
        assert "⟦shared:" not in html, state.name
        assert 'href="../sources.html#source-' in brief and ".md#" not in brief, state.name
        # The abbreviations apply to the whole page, shared blocks included: R2P is marked once, at its first use.
        assert html.count('<abbr title="Responsibility to Protect">R2P</abbr>') == 1, state.name
        assert text.count("R2P") > 3, state.name
        assert "not named as a member" in text and "has not yet appointed" not in text
        for objection in objections:
            assert objection in text, f"{state.name}: objection {objection!r} missing"
        assert "Global Centre for the Responsibility to Protect" in text
        assert text.index("Peers in the region") < text.index("Outreach brief"), state.name


@pytest.mark.parametrize("iso3, meeting", [("chl", "2015 Madrid"), ("tls", "2016 Seoul")])
def test_a_host_the_roster_does_not_name_may_have_a_focal_point(real_site, members, iso3, meeting):
    assert iso3.upper() not in members
    text = text_of(real_site / "states" / f"{iso3}.html")
    assert re.search(
        rf"hosted or co-hosted a network meeting \( ?{meeting} ?\), so it may already have a focal point "
        "that the sources do not record",
        text,
    ), text[:1500]


def test_the_member_organisations_have_pages(real_site, manual):
    organisations = [m for m in manual.roster.members if m.kind == "regional-organisation"]
    assert organisations
    for organisation in organisations:
        page = state_pages.organisation_page_path(manual, organisation).replace(".md", ".html")
        assert organisation.name in text_of(real_site / page)


def test_the_european_union_hosted_the_meeting_its_bodies_hosted(real_site):
    # The 2019 hosts are the EEAS and the European Commission, organisations whose part_of is the EU.
    page = text_of(real_site / "organisations" / "european-union.html")
    assert "Meetings hosted or co-hosted: 2019 Brussels" in page
    members = (real_site / "network" / "members.html").read_text(encoding="utf-8")
    eu_row = members[members.index(">European Union</a></td>") :]
    assert "#meeting-ninth-annual-meeting-2019" in eu_row[: eu_row.index("</tr>")]


def test_the_meetings_page_links_each_host_that_has_a_profile(real_site, manual):
    page = (real_site / "network" / "meetings.html").read_text(encoding="utf-8")
    hosts = set(
        re.findall(
            r'<a href="\.\./(?:states|organisations)/([^"]+)\.html">([^<]+)</a>',
            "".join(re.findall(r"<strong>Hosts:</strong>(.*?)</li>", page)),
        )
    )
    assert {("gha", "Ghana"), ("chl", "Chile")} <= hosts  # a member, and a host the roster does not name
    assert ("european-union", "European External Action Service") in hosts  # a body of a member organisation


def test_the_meetings_page_lists_each_meetings_notes_after_its_themes(real_site, manual):
    text = re.sub(r"\s", "", text_of(real_site / "network" / "meetings.html"))  # tags such as <abbr> add spaces
    for meeting in manual.meetings.meetings:
        heading = text.index(re.sub(r"\s", "", f": {meeting.title}"))
        entry = text[heading : text.index("Sources:", heading)]
        if meeting.notes:
            assert re.sub(r"\s", "", "Notes: " + "; ".join(meeting.notes)) in entry, meeting.id
            assert not meeting.themes or entry.index("Themes:") < entry.index("Notes:"), meeting.id
        else:
            assert "Notes:" not in entry, meeting.id


def test_the_meetings_page_names_the_years_the_sources_record_no_meeting_in(real_site):
    text = text_of(real_site / "network" / "meetings.html")
    assert (
        "The sources used for this manual record no network meeting in 2020–2021 and 2023–2024, which does not "
        "mean that none took place."
    ) in text


def test_the_members_page_links_each_member_to_its_profile(real_site, manual):
    html = (real_site / "network" / "members.html").read_text(encoding="utf-8")
    for member in manual.roster.members:
        page = state_pages.profile_path(manual, member).replace(".md", ".html")
        assert f'href="../{page}"' in html, f"{member.name}: no link to {page}"


def test_the_states_index_links_every_state_page(real_site, members):
    html = (real_site / "network" / "states.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="\.\./states/([a-z]{3})\.html"', html))
    assert len(linked) == 193
    index = html[html.index('id="region-africa"') :]  # the tables, after the map's list of members
    bold = set(re.findall(r'<td><strong><a href="\.\./states/([A-Za-z]{3})\.html"', index))
    assert {iso3.upper() for iso3 in bold} == set(members)
    assert "every one of the 193 member states of the United Nations has a profile page" in text_of(
        real_site / "network" / "states.html"
    )


def test_the_map_has_a_shape_or_marker_for_every_member_state(real_site, members):
    svg = (real_site / "assets" / "generated" / "members-map.svg").read_text(encoding="utf-8")
    shown = set(re.findall(r'data-iso3="([A-Z]{3})"', svg))
    assert set(members) <= shown
    assert len(shown) == 193
    page = (real_site / "network" / "states.html").read_text(encoding="utf-8")
    # The image links to the map file, where each country's tooltip works, and keeps its place by its size.
    assert re.search(
        r'<a href="\.\./assets/generated/members-map\.svg"[^>]*><img alt="World map of the \d+ member '
        r'states[^"]*Opens the map on its own[^"]*" class="members-map" height="\d+" '
        r'src="\.\./assets/generated/members-map\.svg" width="960"',
        page,
    )


def test_every_image_keeps_its_place_with_the_size_of_the_file_it_shows(real_site):
    """An image without its size takes no room until it loads, and what follows it moves (a layout shift)."""
    images = 0
    for page in real_site.rglob("*.html"):
        for tag in re.findall(r"<img [^>]*>", page.read_text(encoding="utf-8")):
            images += 1
            source = page.parent / re.search(r'src="([^"]+)"', tag).group(1)
            file_size = re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', source.read_text(encoding="utf-8"))
            page_size = re.search(r'height="(\d+)"', tag), re.search(r'width="(\d+)"', tag)
            assert all(page_size), f"{page.relative_to(real_site)}: {tag[:80]}… has no size"
            assert (page_size[1].group(1), page_size[0].group(1)) == file_size.groups(), page.relative_to(real_site)
    assert images >= 2  # the map and the chart


def test_the_members_page_embeds_the_growth_chart_and_links_the_open_data(real_site):
    page = (real_site / "network" / "members.html").read_text(encoding="utf-8")
    assert re.search(
        r'<img alt="Step chart of the official counts[^"]*" class="members-chart" height="340" '
        r'src="\.\./assets/generated/members-growth\.svg" width="720"',
        page,
    )
    for name in ("roster.csv", "roster.json", "meetings.csv", "meetings.json", "states.csv"):
        assert f'href="../open-data/{name}"' in page
        assert (real_site / "open-data" / name).is_file()


def test_open_data_reads_back_equal_to_the_data(real_site, manual):
    folder = real_site / "open-data"
    assert RosterFile.model_validate(json.loads((folder / "roster.json").read_text("utf-8"))) == manual.roster
    assert MeetingsFile.model_validate(json.loads((folder / "meetings.json").read_text("utf-8"))) == manual.meetings
    for name in ("roster.csv", "meetings.csv", "states.csv"):  # a byte-order mark first, for spreadsheets
        assert (folder / name).read_bytes().startswith(b"\xef\xbb\xbf")
    with (folder / "roster.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [
        (r["name"], r["iso3"] or None, int(r["joined"]) if r["joined"] else None, r["listed_by"]) for r in rows
    ] == [(m.name, m.iso3, m.joined, str(m.listed_by)) for m in manual.roster.members]
    with (folder / "meetings.csv").open(encoding="utf-8-sig", newline="") as handle:
        meetings = list(csv.DictReader(handle))
    assert [(r["id"], r["title"], r["start"], r["hosts"].splitlines(), r["notes"].splitlines()) for r in meetings] == [
        (m.id, m.title, str(m.start), m.hosts, m.notes) for m in manual.meetings.meetings
    ]


def _longest_pages(real_site: Path, members, member: bool) -> Path:
    pages = [p for p in (real_site / "states").glob("*.html") if (p.stem.upper() in members) == member]
    return max(pages, key=lambda p: len(text_of(p)))


def _print_to_pdf(page: Path, pdf: Path) -> None:
    chromium = chromium_or_skip("printing a state page")
    subprocess.run(
        [chromium, *PRINT_ARGS, f"--print-to-pdf={pdf}", page.resolve().as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize("member", [False, True], ids=["non-member", "member"])
def test_the_longest_state_page_prints_on_one_a4_sheet(real_site, members, manual, tmp_path, member):
    page = _longest_pages(real_site, members, member)
    pdf = tmp_path / f"{page.stem}.pdf"
    _print_to_pdf(page, pdf)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1, f"{page.name} prints on {len(reader.pages)} pages"
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1)
    printed = reader.pages[0].extract_text()
    assert page.stem.upper() in printed  # the ISO code line: the profile itself, not an empty page
    if not member:  # the brief's contacts print with their addresses, since paper cannot follow a link
        on_one_line = re.sub(r"\s+", "", printed)
        for contact in manual.outreach.contacts:
            assert f"({contact.url})" in on_one_line, f"{contact.url} not printed"


def test_state_pages_can_be_switched_off(tmp_path_factory):
    site = build_project(tmp_path_factory.mktemp("no-states") / "project", extra_env={"STATE_PAGES": "false"})
    assert not (site / "states").exists()
    assert not (site / "organisations").exists()
    index = (site / "network" / "states.html").read_text(encoding="utf-8")
    assert "../states/" not in index
    assert (site / "assets" / "generated" / "members-map.svg").is_file()
