"""The pure functions behind the state pages, the map, the growth chart and the open data files."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest

from macros import generated
from macros.data.countries import un_member_states
from macros.data.loader import load_manual
from macros.data.schema import MeetingsFile, Member, RosterFile
from macros.generated import charts, open_data, state_pages, worldmap
from macros.markdown import states
from macros.markdown.render import NOT_INDEXED, SHARED_BLOCK, relative

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURE_DATA = PROJECT_DIR / "tests" / "fixtures" / "data"
ATLAS_DIR = PROJECT_DIR / "node_modules" / "world-atlas"


@pytest.fixture(scope="module")
def manual():
    return load_manual(FIXTURE_DATA)


@pytest.fixture(scope="module")
def countries():
    return un_member_states()


def member(name: str, iso3: str, joined: int | None) -> Member:
    return Member(name=name, kind="state", iso3=iso3, joined=joined, listed_by="2021", sources=["page-2013"])


# --- state pages ---------------------------------------------------------------------------------


def test_a_member_page_shows_its_year_roles_meetings_and_sources(manual, countries):
    page = state_pages.state_page(manual, countries, countries.by_iso3["DNK"])
    assert "# Denmark" in page
    assert "member since 2010" in page
    assert "co\\-founder" in page
    assert "[2011 New York](../network/meetings.md#meeting-annual-01)" in page
    assert "(../sources.md#source-page-2013)" in page
    assert "Outreach brief" not in page


def test_a_member_without_a_year_says_so(manual, countries):
    page = state_pages.state_page(manual, countries, countries.by_iso3["GHA"])
    assert "member, year not recorded (listed by July 2013)" in page
    assert "[2013 Ljubljana](../network/meetings.md#meeting-europe-2013)" in page


def test_a_member_without_roles_has_no_roles_line(manual, countries):
    assert "Roles" not in state_pages.state_page(manual, countries, countries.by_iso3["GHA"])
    assert "Roles" not in state_pages.organisation_page(manual, manual.roster.members[2])
    assert "- **Roles:** co\\-founder" in state_pages.state_page(manual, countries, countries.by_iso3["DNK"])


@pytest.mark.parametrize(
    ("iso3", "roster_name", "other_names"),
    [
        ("CZE", "Czech Republic", ["Czechia"]),  # the roster's name is the package's official one
        ("RUS", None, ["Russian Federation"]),
        ("CIV", "Côte d'Ivoire", ["Republic of Côte d'Ivoire", "Cote d'Ivoire", "Republic of Cote d'Ivoire"]),
        ("TUR", None, ["Republic of Türkiye", "Turkiye", "Republic of Turkiye"]),
        ("KOR", "Republic of Korea", ["South Korea"]),
        ("JPN", None, []),  # short and official name alike, without accents
    ],
)
def test_other_names_are_the_datas_names_and_their_unaccented_forms(countries, iso3, roster_name, other_names):
    state = countries.by_iso3[iso3]
    roster_member = member(roster_name, iso3, 2013) if roster_name else None
    assert state_pages.other_names(state, roster_member) == other_names


def test_the_other_names_line_is_shown_and_left_in_the_search_index(manual, countries):
    roster = manual.roster.model_copy(update={"members": [member("Czech Republic", "CZE", 2013)]})
    page = state_pages.state_page(dataclasses.replace(manual, roster=roster), countries, countries.by_iso3["CZE"])
    title, rest = page.split("# Czech Republic\n\n", 1)[1].split(f"<div markdown {NOT_INDEXED}>", 1)
    assert title == "Other names and spellings: Czechia\n\n"
    assert "*Eastern Europe, Europe · ISO CZE*" in rest
    japan = state_pages.state_page(manual, countries, countries.by_iso3["JPN"])
    assert "Other names and spellings" not in japan


def test_a_non_member_page_carries_the_whole_outreach_brief(manual, countries):
    page = state_pages.state_page(manual, countries, countries.by_iso3["KEN"])
    assert "not named as a member (roster as of 11 May 2021)" in page
    assert "## Outreach brief { #outreach-brief data-search-exclude }" in page
    assert (
        "The sources used for this manual do not name Kenya as a member of the network (roster as of 11 May "
        "2021). If Kenya has no focal point yet, this brief sums up the case for appointing one; the secretariat "
        "can confirm."
    ) in page
    assert "has not yet appointed" not in page
    # The brief's "Whom to contact" names the peers, which come first.
    assert page.index("## Peers in the region") < page.index("## Outreach brief")
    for section, heading in (
        ("why", "Why appoint a focal point"),
        ("steps", "What appointing involves"),
        ("offers", "What the network offers"),
        ("objections", "Answers to the usual objections"),
        ("contacts", "Whom to contact"),
    ):
        assert f"### {heading} {{ data-search-exclude .brief-{section} }}" in page
    # Each list is a block shared by all such pages, converted once per build (build/shared_blocks.py).
    blocks = state_pages.brief_blocks(manual)
    assert [SHARED_BLOCK.format(name=name) in page for name in blocks] == [True] * 5
    assert "](../sources.md#source-page-2013)" in blocks["outreach-brief-why"]


def test_the_brief_lists_hold_every_item_with_its_sources(manual):
    lists = state_pages.brief_lists(manual, "../sources.html")
    assert set(lists) == set(state_pages.BRIEF_SECTIONS)
    assert "1. Choose a senior official\\." in lists["steps"] and "2. Tell the secretariat\\." in lists["steps"]
    assert "R2P is a pretext for intervention\\." in lists["objections"]
    assert f"[The Secretariat]({manual.outreach.contacts[0].url})" in lists["contacts"]
    assert "(../sources.html#source-book-2021)" in lists["why"] + lists["steps"] + lists["offers"]


def test_a_non_member_host_is_found_under_its_common_name(manual, countries):
    # Chile co-hosted the 2011 meeting in the fixture without being a member.
    page = state_pages.state_page(manual, countries, countries.by_iso3["CHL"])
    assert "[2011 New York](../network/meetings.md#meeting-annual-01)" in page
    assert "Outreach brief" in page
    assert (
        "Chile hosted or co-hosted a network meeting ([2011 New York](../network/meetings.md#meeting-annual-01)), "
        "so it may already have a focal point that the sources do not record."
    ) in page


def test_the_brief_introduction_counts_the_meetings_a_state_hosted(manual):
    meetings = manual.meetings.meetings
    introduction = state_pages.brief_introduction("Chile", "11 May 2021", list(meetings), "states/chl.md")
    assert "Chile hosted or co-hosted network meetings ([2011 New York]" in introduction
    assert "[2013 Ljubljana](../network/meetings.md#meeting-europe-2013)), so it may" in introduction
    alone = state_pages.brief_introduction("Chile", "11 May 2021", [], "states/chl.md")
    assert "hosted" not in alone and alone.startswith("The sources used for this manual do not name Chile")


def test_peers_are_split_into_sub_region_and_rest_of_region(manual, countries):
    roster = manual.roster.model_copy(
        update={
            "members": [member("Denmark", "DNK", 2010), member("Sweden", "SWE", None), member("France", "FRA", 2013)]
        }
    )
    with_peers = dataclasses.replace(manual, roster=roster)
    page = state_pages.state_page(with_peers, countries, countries.by_iso3["NOR"])
    # Sweden's year is not recorded: the date by which a source lists it stands in (listed_by 2021).
    assert ("**Northern Europe:** [Denmark](dnk.md) (2010), [Sweden](swe.md) (listed by 2021).") in page
    assert "**Elsewhere in Europe:** [France](fra.md) (2013)." in page
    kenya = state_pages.state_page(with_peers, countries, countries.by_iso3["KEN"])
    assert "No state in Eastern Africa has appointed a focal point yet" in kenya


def test_a_member_alone_in_its_sub_region_is_not_denied_its_membership(manual, countries):
    roster = manual.roster.model_copy(update={"members": [member("Republic of Korea", "KOR", 2013)]})
    page = state_pages.state_page(dataclasses.replace(manual, roster=roster), countries, countries.by_iso3["KOR"])
    assert "**Eastern Asia:** No other state in Eastern Asia has appointed a focal point yet" in page
    assert "**Elsewhere in Asia:** No state in the rest of Asia has appointed a focal point yet" in page


def test_peers_are_sorted_by_their_names_accents_ignored(manual, countries):
    roster = manual.roster.model_copy(
        update={
            "members": [
                member("Turkmenistan", "TKM", 2014),
                member("Türkiye", "TUR", 2012),
                member("Qatar", "QAT", 2013),
            ]
        }
    )
    page = state_pages.state_page(dataclasses.replace(manual, roster=roster), countries, countries.by_iso3["JPN"])
    assert (
        "**Elsewhere in Asia:** [Qatar](qat.md) (2013), [Türkiye](tur.md) (2012), [Turkmenistan](tkm.md) (2014)."
    ) in page


def test_text_from_data_is_escaped(manual, countries):
    roster = manual.roster.model_copy(
        update={
            "members": [member("Denmark", "DNK", 2010).model_copy(update={"joined_note": "<script>x</script> {{ y }}"})]
        }
    )
    page = state_pages.state_page(dataclasses.replace(manual, roster=roster), countries, countries.by_iso3["DNK"])
    assert "<script>" not in page and "{{" not in page
    assert "\\<script\\>" in page


def test_front_matter_boosts_search_and_skips_macros(manual, countries):
    page = state_pages.state_page(manual, countries, countries.by_iso3["CIV"])
    front = page.split("---\n")[1]
    assert 'title: "Côte d\'Ivoire"\n' in front
    assert f"search:\n  boost: {state_pages.SEARCH_BOOST}" in front
    assert "render_macros: false" in front


def test_every_state_and_member_organisation_gets_a_page(manual, countries):
    pages = state_pages.generated_pages(manual, countries)
    assert len([p for p in pages if p.startswith("states/")]) == 193
    assert {p for p in pages if p.startswith("organisations/")} == {"organisations/european-union.md"}
    assert "member since 2016" in pages["organisations/european-union.md"]


STATES_INDEX = "network/states.md"


def state_profiles(countries) -> dict[str, str]:
    """The profile links the macros give the states index (env.py)."""
    return {s.iso3: relative(state_pages.state_page_path(s), STATES_INDEX) for s in countries.states}


def member_profiles(manual) -> dict[str, str]:
    return {m.name: relative(state_pages.profile_path(manual, m), STATES_INDEX) for m in manual.roster.members}


def test_coverage_counts_members_against_un_members(manual, countries):
    table = states.coverage_table(manual, countries)
    assert "| **Europe** | 1 / 43 | 2 % |" in table
    assert "| Northern Europe | 1 / 10 | 10 % |" in table
    assert "| Western Africa | 1 / 16 | 6 % |" in table
    assert "| **All UN member states** | 2 / 193 | 1 % |" in table


def test_states_index_lists_all_193_and_links_only_when_pages_are_built(manual, countries):
    linked = states.states_index(manual, countries, state_profiles(countries), member_profiles(manual))
    plain = states.states_index(manual, countries, {}, {})
    assert len(re.findall(r"\]\(\.\./states/[a-z]{3}\.md\)", linked)) == 193
    # Members in bold, the others not.
    assert "| **[Denmark](../states/dnk.md)** | Northern Europe | member since 2010 |" in linked
    assert "| [Norway](../states/nor.md) | Northern Europe | not named as a member |" in linked
    assert "../states/" not in plain and "| **Denmark** | Northern Europe | member since 2010 |" in plain
    assert "[European Union](../organisations/european-union.md) (member since 2016)" in linked


def test_states_index_sorts_by_the_name_shown(manual, countries):
    # A roster name that sorts elsewhere than the package's ("South Korea") takes its own place.
    roster = manual.roster.model_copy(update={"members": [member("Korea", "KOR", 2013)]})
    index = states.states_index(dataclasses.replace(manual, roster=roster), countries, {}, {})
    eastern_asia = re.findall(r"^\| (.+?) \| Eastern Asia \|", index, flags=re.MULTILINE)
    assert eastern_asia == ["China", "Japan", "**Korea**", "Mongolia", "North Korea"]


def test_the_state_pages_switch_reads_the_config():
    assert generated.state_pages_enabled({}) is True
    assert generated.state_pages_enabled({"state_pages": False}) is False


def test_map_figure_lists_the_members_by_period(manual, countries):
    figure = states.map_figure(
        manual, countries, "../assets/generated/members-map.svg", (960, 578), state_profiles(countries)
    )
    assert figure.startswith("[![World map of the 2 member states")
    assert "| 2010–2012 | 1 | [Denmark](../states/dnk.md) (2010) |" in figure
    assert "| year not recorded | 1 | [Ghana](../states/gha.md) |" in figure


def test_the_map_links_to_its_file_and_says_so(manual, countries):
    figure = states.map_figure(
        manual, countries, "../assets/generated/members-map.svg", (960, 578), state_profiles(countries)
    )
    image, link = re.fullmatch(
        r"\[!\[(.+?)\]\(\.\./assets/generated/members-map\.svg\)"
        r'\{ \.members-map width="960" height="578" \}\]\((.+?)\)',
        figure.splitlines()[0],
    ).groups()
    assert link.startswith("../assets/generated/members-map.svg ")
    assert image.endswith("Opens the map on its own\\, where pointing at a country shows its name and status\\.")


def test_the_map_table_sorts_the_members_by_the_names_shown(manual, countries):
    roster = manual.roster.model_copy(
        update={
            "members": [
                member("Spain", "ESP", 2013),
                member("Republic of Korea", "KOR", 2013),
                member("Slovenia", "SVN", 2013),
            ]
        }
    )
    with_members = dataclasses.replace(manual, roster=roster)
    figure = states.map_figure(with_members, countries, "map.svg", (960, 578), {})
    assert "| 2013–2015 | 3 | Republic of Korea (2013), Slovenia (2013), Spain (2013) |" in figure


# --- world map -----------------------------------------------------------------------------------


def test_equal_earth_matches_the_published_projection():
    assert worldmap.equal_earth(0, 0) == (0.0, 0.0)
    x, _ = worldmap.equal_earth(180, 0)
    _, y = worldmap.equal_earth(0, 90)
    assert x == pytest.approx(2.70663, abs=1e-4)
    assert y == pytest.approx(1.31736, abs=1e-4)
    assert x / y == pytest.approx(2.05, abs=0.01)  # the aspect ratio the projection's authors give
    assert worldmap.equal_earth(-90, -45) == pytest.approx(tuple(-v for v in worldmap.equal_earth(90, 45)))


def test_a_ring_across_the_antimeridian_is_split_without_long_edges():
    ring = [(170.0, -10.0), (-170.0, -10.0), (-170.0, -20.0), (170.0, -20.0)]
    pieces = worldmap.split_at_antimeridian(ring)
    assert len(pieces) == 2
    for piece in pieces:
        assert all(-180 <= lon <= 180 for lon, _ in piece)
        assert all(abs(a[0] - b[0]) <= 180 for a, b in zip(piece, piece[1:] + piece[:1], strict=False))


def _decoded_arc(topology: dict, index: int) -> list[tuple[float, float]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in topology["arcs"][index]:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points


@pytest.mark.parametrize("atlas", ["countries-110m.json", "countries-10m.json"])
def test_arcs_read_on_demand_equal_those_of_a_full_parse(atlas):
    path = ATLAS_DIR / atlas
    full = json.loads(path.read_text(encoding="utf-8"))
    lazy = worldmap.load_topology(path)
    assert lazy.objects == full["objects"]
    assert len(lazy.arcs) == len(full["arcs"])
    for index in sorted({0, 1, len(full["arcs"]) // 2, len(full["arcs"]) - 1}):
        assert lazy.arcs[index] == _decoded_arc(full, index)


def test_a_topology_in_any_key_order_and_spacing_is_read(tmp_path):
    text = """ {"arcs": [ [[0, 0], [1, 2]] ,\n [ [5,5],[-1,-1] , [0, 3]] ] ,
      "transform": {"scale": [0.5, 2], "translate": [10, -10]},
      "objects": {"countries": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0, 1]]}]}},
      "type": "Topology"} """
    (tmp_path / "t.json").write_text(text, encoding="utf-8")
    topology = worldmap.load_topology(tmp_path / "t.json")
    assert topology.objects["countries"]["geometries"][0]["arcs"] == [[0, 1]]
    assert len(topology.arcs) == 2
    assert topology.arcs[0] == _decoded_arc(json.loads(text), 0) == [(10.0, -10.0), (10.5, -6.0)]
    assert topology.arcs[1] == _decoded_arc(json.loads(text), 1)


def test_a_topology_without_arcs_has_none(tmp_path):
    (tmp_path / "t.json").write_text(
        '{"type": "Topology", "arcs": [ ], "objects": {"countries": {}}, '
        '"transform": {"scale": [1, 1], "translate": [0, 0]}}',
        encoding="utf-8",
    )
    assert len(worldmap.load_topology(tmp_path / "t.json").arcs) == 0


def test_a_malformed_arc_is_refused_with_the_files_name_when_read(tmp_path):
    (tmp_path / "t.json").write_text(
        '{"arcs": [[[0, 0], [1, 1]], [[0, 0], [1, x]]], "objects": {}, '
        '"transform": {"scale": [1, 1], "translate": [0, 0]}}',
        encoding="utf-8",
    )
    arcs = worldmap.load_topology(tmp_path / "t.json").arcs
    assert arcs[0] == [(0, 0), (1, 1)]
    with pytest.raises(ValueError, match="malformed TopoJSON in t.json: arc 1: "):
        arcs[1]


@pytest.mark.parametrize(
    "text",
    [
        '{"type": "Topology" "arcs": []}',  # no comma
        '{"type": "Topology", "objects": {}, "transform": {"scale": [1, 1], "translate": [0, 0]}}',  # no arcs
        '{"arcs": [[[0, 0], [1, 1]]], "transform": {"scale": [1, 1], "translate": [0, 0]}}',  # no objects
        '{"type": "Topology", "arcs": [[[0, 0], [1, 1',  # cut short
    ],
)
def test_a_malformed_topology_is_refused_with_the_files_name(tmp_path, text):
    (tmp_path / "t.json").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="malformed TopoJSON in t.json: "):
        worldmap.load_topology(tmp_path / "t.json")


def test_periods_cover_every_year_and_the_unknown_year():
    assert states.period_of(member("Denmark", "DNK", 2010)).label == "2010–2012"
    assert states.period_of(member("Austria", "AUT", 2013)).label == "2013–2015"
    assert states.period_of(member("Mexico", "MEX", 2024)).label == "2016 onwards"
    assert states.period_of(member("Ghana", "GHA", None)).label == "year not recorded"


SVG_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def worldmap_rings(path_data: str) -> list[list[tuple[float, float]]]:
    """The points of each ring of a map path as `worldmap.path_data` writes it: M x y, l and steps, z."""
    rings = []
    for start, steps in re.findall(r"M([^l]*)l([^z]*)z", path_data):
        x, y = map(float, SVG_NUMBER.findall(start))
        ring = [(x, y)]
        numbers = [float(n) for n in SVG_NUMBER.findall(steps)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = round(x + dx, 1), round(y + dy, 1)
            ring.append((x, y))
        rings.append(ring)
    return rings


def test_a_map_path_holds_each_ring_point_by_point_to_a_tenth():
    ring = [(-10.0, 50.0), (-10.0, 51.0), (-9.0, 51.0), (-9.0, 50.0), (-9.0, 50.0001)]
    expected = [tuple(round(v, 1) for v in worldmap.to_svg(lon, lat)) for lon, lat in ring[:4]]
    data = worldmap.path_data([ring, ring[:2]])
    assert worldmap_rings(data) == [expected]  # the repeated point once; a ring of two points not at all
    assert re.fullmatch(r"M[\d. ]+l[-\d. ]+z", data)
    assert worldmap._numbers([12, 10, 5, -5, 0, -10, -123, 7]) == "1.2 1 .5-.5 0-1-12.3 .7"


def _svg_segments(path_data: str):
    for ring in worldmap_rings(path_data):
        yield from zip(ring, ring[1:] + ring[:1], strict=False)


@pytest.fixture(scope="module")
def map_svg(countries):
    members = {
        m.iso3: m
        for m in (
            member("Liechtenstein", "LIE", 2013),
            member("Fiji", "FJI", None),
            member("Russia", "RUS", 2016),
            member("Tuvalu", "TUV", 2013),
            member("Denmark", "DNK", 2010),
        )
    }
    return worldmap.world_map_svg(countries, members, ATLAS_DIR)


def test_every_un_member_state_has_a_shape_or_a_marker_with_a_title(map_svg, countries):
    shown = set(re.findall(r'data-iso3="([A-Z]{3})"', map_svg))
    assert shown == {s.iso3 for s in countries.states}
    assert re.search(
        r'<circle class="m member" data-iso3="LIE"[^>]*><title>Liechtenstein: member since 2013</title>', map_svg
    )
    assert re.search(r'<circle class="m member" data-iso3="TUV"', map_svg)  # only in the 1:10m data
    assert re.search(r'data-iso3="DNK" d="[^"]+"><title>Denmark: member since 2010</title>', map_svg)


def test_no_shape_streaks_across_the_map(map_svg):
    for iso3 in ("FJI", "RUS"):
        data = re.search(rf'data-iso3="{iso3}" d="([^"]+)"', map_svg).group(1)
        longest = max(abs(a[0] - b[0]) for a, b in _svg_segments(data))
        assert longest < worldmap.WIDTH / 4, f"{iso3} has an edge {longest:.0f} wide"


def test_the_legend_names_each_period_in_use_with_its_count(map_svg):
    assert "2010–2012 (1)" in map_svg and "2013–2015 (2)" in map_svg and "year not recorded (1)" in map_svg
    assert "not named as a member" in map_svg and "not yet a member" not in map_svg


def test_members_markers_are_drawn_after_the_other_states_markers(map_svg):
    """Where small states sit close together (the Caribbean, the Pacific), a member's circle stays on top."""
    markers = re.search(r'<g class="markers">(.*?)</g>', map_svg).group(1)
    kinds = re.findall(r'<circle class="m (member|other)"', markers)
    assert "member" in kinds and "other" in kinds
    assert kinds == sorted(kinds, key=lambda kind: kind == "member"), "a non-member's circle is drawn over a member's"


# --- growth chart --------------------------------------------------------------------------------


def test_growth_chart_plots_each_official_count_and_the_named_count(manual):
    roster = manual.roster.model_copy(
        update={
            "official_counts": [
                *manual.roster.official_counts,
                manual.roster.official_counts[-1].model_copy(update={"states": 3, "qualifier": "more-than"}),
            ]
        }
    )
    svg = charts.growth_chart_svg(roster, named_states=2)
    assert svg.count("<circle") == 3
    assert "<title>July 2013: 2 states</title>" in svg
    assert ">more than 3</text>" in svg
    assert "<title>2 states named in the sources</title>" in svg


def test_growth_chart_line_steps_at_each_count_and_holds_until_the_roster_date(manual):
    """A count holds until the next report: the line runs flat, then rises straight up at the next count's date,
    and the last count holds until the roster's as-of date."""
    svg = charts.growth_chart_svg(manual.roster, named_states=2)
    corners = [
        tuple(map(float, point.split(","))) for point in re.search(r'<polyline points="([^"]+)"', svg)[1].split()
    ]
    points = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)]
    # A count reported on the roster date holds for no time: its last segment has no length.
    segments = [(a, b) for a, b in zip(corners, corners[1:], strict=False) if a != b]
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in segments), "a sloping segment: not a step line"
    horizontal = [(a, b) for a, b in segments if a[1] == b[1]]
    vertical = [(a, b) for a, b in segments if a[0] == b[0]]
    assert [b[0] for a, b in vertical] == [x for x, _ in points[1:]], "the line does not rise at each later count"
    assert len(horizontal) >= len(points) - 1, "each count holds until the next one"
    assert corners[-1][0] >= points[-1][0] and corners[-1][1] == points[-1][1]


def test_growth_chart_alt_text_states_the_range(manual):
    text = charts.growth_chart_markdown(manual.roster, 2, "../assets/generated/members-growth.svg")
    unescaped = re.sub(r"\\(.)", r"\1", text)
    assert unescaped.startswith(
        "![Step chart of the official counts of member states: 2 in July 2013, rising to 4 by "
        "11 May 2021; 2 states are named individually in the sources."
    )
    assert text.rstrip().endswith('(../assets/generated/members-growth.svg){ .members-chart width="720" height="340" }')


# --- open data -----------------------------------------------------------------------------------


def test_open_data_links_name_their_files_so_that_print_says_which_file():
    listed = open_data.open_data_list("../open-data")
    for name in ("roster.csv", "roster.json", "meetings.csv", "meetings.json", "states.csv"):
        assert f"[{name}](../open-data/{name})" in listed


def test_open_data_reads_back_equal_to_the_data(manual, countries):
    files = open_data.open_data_files(manual, countries)
    assert RosterFile.model_validate(json.loads(files["open-data/roster.json"])) == manual.roster
    assert MeetingsFile.model_validate(json.loads(files["open-data/meetings.json"])) == manual.meetings
    mark = open_data.BYTE_ORDER_MARK
    assert files["open-data/roster.csv"].startswith(mark + "name,kind,")
    rows = list(csv.DictReader(io.StringIO(files["open-data/roster.csv"].removeprefix(mark))))
    assert [r["name"] for r in rows] == [m.name for m in manual.roster.members]
    assert rows[0] == {
        "name": "Denmark",
        "kind": "state",
        "iso3": "DNK",
        "joined": "2010",
        "joined_note": "",
        "listed_by": "2013-07",
        "roles": "co-founder",
        "sources": "page-2013",
    }
    assert files["open-data/meetings.csv"].startswith(mark + "id,")
    meetings = list(csv.DictReader(io.StringIO(files["open-data/meetings.csv"].removeprefix(mark))))
    assert meetings[0]["hosts"].split(open_data.LIST_SEPARATOR) == ["Denmark", "Chile", "secretariat"]
    assert meetings[1]["end"] == "" and meetings[1]["number"] == ""


def test_the_states_file_lists_every_un_member_state_with_its_status(manual, countries):
    text = open_data.open_data_files(manual, countries)["open-data/states.csv"]
    assert text.startswith(open_data.BYTE_ORDER_MARK)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(open_data.BYTE_ORDER_MARK))))
    assert len(rows) == 193 and {row["iso3"] for row in rows} == {state.iso3 for state in countries.states}
    by_iso3 = {row["iso3"]: row for row in rows}
    assert by_iso3["DNK"] == {
        "iso3": "DNK",
        "name": "Denmark",
        "official_name": "Kingdom of Denmark",
        "region": "Europe",
        "subregion": "Northern Europe",
        "status": "member",
        "joined": "2010",
        "listed_by": "2013-07",
    }
    assert by_iso3["BRA"]["status"] == states.NOT_NAMED and by_iso3["BRA"]["joined"] == ""
    names = [row["name"] for row in rows]
    assert names.index("Côte d'Ivoire") < names.index("Croatia")  # sorted as a reader expects


def test_meeting_hosts_lead_to_their_profiles(manual, countries):
    """A member or any UN member state leads to its page; a member's body (here the secretariat, made part
    of the European Union) to its organisation's page."""
    organisations = [o.model_copy(update={"part_of": "European Union"}) for o in manual.meetings.organisations]
    meetings = manual.meetings.model_copy(update={"organisations": organisations})
    paths = state_pages.host_profile_paths(dataclasses.replace(manual, meetings=meetings), countries)
    assert paths == {
        "Denmark": "states/dnk.md",
        "Chile": "states/chl.md",
        "Ghana": "states/gha.md",
        "secretariat": "organisations/european-union.md",
    }
    assert "secretariat" not in state_pages.host_profile_paths(manual, countries)
