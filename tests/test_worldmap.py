"""The world map's legend and colours: what the circles mean, colours told apart, the legend inside the image
(its size on a phone: tests/browser/test_mobile.py)."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import pytest

from macros.data.countries import un_member_states
from macros.data.schema import Member
from macros.generated import worldmap
from macros.markdown import states

ATLAS_DIR = Path(__file__).resolve().parent.parent / "node_modules" / "world-atlas"
PERIOD = {p.label: p for p in states.PERIODS}
KNOWN_PERIODS = [p for p in states.PERIODS if p.first is not None]


def member(name: str, iso3: str, joined: int | None) -> Member:
    return Member(name=name, kind="state", iso3=iso3, joined=joined, listed_by="2021", sources=["page-2013"])


@pytest.fixture(scope="module")
def map_svg():
    members = [
        member("Liechtenstein", "LIE", 2013),
        member("Denmark", "DNK", 2010),
        member("Mexico", "MEX", 2016),
        member("Ghana", "GHA", None),
    ]
    return worldmap.world_map_svg(un_member_states(), {m.iso3: m for m in members}, ATLAS_DIR)


def _luminance(colour: str) -> float:
    """Relative luminance as WCAG 2 defines it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    darker, lighter = sorted((_luminance(a), _luminance(b)))
    return (lighter + 0.05) / (darker + 0.05)


def _hue_and_saturation(colour: str) -> tuple[float, float]:
    hue, _, saturation = colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    return hue * 360, saturation


def test_the_legend_says_circles_mark_small_states_members_or_not(map_svg):
    legend = re.search(r'<g class="legend">(.*?)</g>', map_svg).group(1)
    assert ">Circles mark states too small to see at this scale.</text>" in legend
    assert "mark members" not in map_svg
    # Both kinds of circle are on the map (Malta is not a member here), and the legend shows both.
    assert re.search(r'<circle class="m other" data-iso3="MLT"', map_svg)
    assert re.search(r'<circle class="m member" data-iso3="LIE"', map_svg)
    assert re.search(rf'<circle class="m member" [^>]*fill="{KNOWN_PERIODS[1].colour}"', legend)
    assert re.search(rf'<circle class="m other" [^>]*fill="{worldmap.NON_MEMBER}"', legend)


def test_the_legend_names_each_period_with_its_count_and_says_what_the_years_are(map_svg):
    texts = re.findall(r"<text [^>]*>([^<]*)</text>", map_svg)
    assert texts[:5] == [
        "joined 2010–2012 (1)",
        "joined 2013–2015 (1)",
        "joined 2016 onwards (1)",
        "year not recorded (1)",
        "not named as a member",
    ]


def test_every_colour_in_the_legend_is_distinct_and_members_are_one_family_apart_from_grey():
    fills = [p.colour for p in states.PERIODS] + [worldmap.NON_MEMBER, worldmap.NOT_UN]
    assert len({f.lower() for f in fills}) == len(fills)
    for period in states.PERIODS:
        hue, saturation = _hue_and_saturation(period.colour)
        assert 195 <= hue <= 230 and saturation > 0.2, f"{period.label}: {period.colour} is not one of the blues"
    for grey in (worldmap.NON_MEMBER, worldmap.NOT_UN):
        assert _hue_and_saturation(grey)[1] == 0, f"{grey} is not a neutral grey"


def test_known_periods_step_apart_and_every_member_colour_stands_off_the_grey():
    first, second, latest = KNOWN_PERIODS
    assert contrast(first.colour, second.colour) >= 3
    assert contrast(second.colour, latest.colour) >= 2
    for period in KNOWN_PERIODS[:2]:
        assert contrast(period.colour, worldmap.NON_MEMBER) >= 3
    assert contrast(latest.colour, worldmap.NON_MEMBER) >= 1.8
    assert contrast(PERIOD["year not recorded"].colour, worldmap.NON_MEMBER) >= 2.5


def test_members_whose_year_is_unknown_are_not_the_ones_the_map_stresses():
    unknown = PERIOD["year not recorded"]
    for period in KNOWN_PERIODS[:2]:  # the two periods every version of the roster has used
        assert contrast(unknown.colour, "#ffffff") < contrast(period.colour, "#ffffff")
        assert _hue_and_saturation(unknown.colour)[1] < _hue_and_saturation(period.colour)[1]


def test_the_legend_fits_below_the_map_inside_the_image(map_svg):
    height = float(re.search(r'viewBox="0 0 \d+ (\d+)"', map_svg).group(1))
    column_width = (worldmap.WIDTH - 2 * worldmap.MARGIN) / worldmap.LEGEND_COLUMNS
    wide_glyph = 0.62 * worldmap.LEGEND_FONT  # wider than the average letter of common sans-serif faces
    for x, y, text in re.findall(r'<text x="([\d.]+)" y="([\d.]+)">([^<]*)</text>', map_svg):
        assert worldmap.MAP_HEIGHT < float(y) <= height - worldmap.LEGEND_FONT / 3, text
        room = (
            worldmap.WIDTH - float(x) if text.startswith("Circles") else column_width - 0.8 * worldmap.LEGEND_FONT - 18
        )
        assert len(text) * wide_glyph <= room, f"{text!r} may run past its column"


def test_the_size_the_page_reserves_is_the_map_files_own():
    members = {m.iso3: m for m in [member("Denmark", "DNK", 2010), member("Mexico", "MEX", 2016)]}
    svg = worldmap.world_map_svg(un_member_states(), members, ATLAS_DIR)
    width, height = worldmap.map_size(members)
    assert re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', svg).groups() == (str(width), str(height))
    assert f'viewBox="0 0 {width} {height}"' in svg
