"""A static SVG world map of the network's members, drawn at build time from Natural Earth data.

Shapes come from the npm package world-atlas (TopoJSON, ids = ISO 3166 numeric codes), projected with
the Equal Earth projection (Šavrič, Patterson and Jenny, 2018). No tiles, scripts or web requests: the
map is one SVG file that the page embeds as an image and the PDF keeps as vectors.

At 1:110m the smallest states have no shape at all, and others are a few pixels wide: every state
without a shape gets a circle marker, member or not, and so does a member whose shape is too small to
see. Their position comes from the finer 1:50m or 1:10m data, which is read only when needed.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from macros.data.countries import State, UNMemberStates
from macros.data.schema import Member
from macros.markdown.render import YEAR_NOT_RECORDED
from macros.markdown.states import NOT_NAMED, PERIODS, period_of
from macros.words import ENGLISH, Words

Point = tuple[float, float]
Ring = list[Point]

SHAPES_ATLAS = "countries-110m.json"
FINER_ATLASES = ("countries-50m.json", "countries-10m.json")
ANTARCTICA = "010"  # not a state; dropping it lets the map end at 58° S and use its height for the rest

WIDTH = 960.0
NORTH, SOUTH = 84.0, -58.0  # the latitudes the map shows
MARGIN = 4.0
# A member whose shape is smaller than this (in map units, largest side) also gets a marker.
TINY_SHAPE = 6.0
MARKER_RADIUS = 3.2

# The page shows the map at the width of its text column, which on a phone 375 px wide is 343 px: the
# legend's type is sized so that it is still 10 px there (the desktop page and the PDF show it larger).
PHONE_MAP_WIDTH = 343.0
LEGEND_FONT = math.ceil(10 * WIDTH / PHONE_MAP_WIDTH)
LEGEND_LINE = 1.5 * LEGEND_FONT
LEGEND_COLUMNS = 2
LEGEND_MARKER_RADIUS = 0.2 * LEGEND_FONT  # larger than on the map, to be seen next to type this size

OCEAN = "#eaf2f8"
NON_MEMBER = "#dedede"
NOT_UN = "#eeeeee"


# --- projection ----------------------------------------------------------------------------------

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> Point:
    """Equal Earth projection of a longitude and latitude in degrees, on a unit sphere (y up)."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


_X_MAX = equal_earth(180, 0)[0]
_Y_TOP = equal_earth(0, NORTH)[1]
_SCALE = (WIDTH - 2 * MARGIN) / (2 * _X_MAX)
MAP_HEIGHT = (_Y_TOP - equal_earth(0, SOUTH)[1]) * _SCALE + 2 * MARGIN


def to_svg(lon: float, lat: float) -> Point:
    x, y = equal_earth(lon, lat)
    return (x + _X_MAX) * _SCALE + MARGIN, (_Y_TOP - y) * _SCALE + MARGIN


# --- TopoJSON ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topology:
    objects: dict
    arcs: Arcs


@functools.cache
def load_topology(path: Path) -> Topology:
    """A TopoJSON file with its arcs left as text, each parsed on first use: the map needs a few dozen of
    the 1:10m file's 4,635 arcs, and parsing them all took longer than drawing the whole map."""
    text = path.read_text(encoding="utf-8")
    try:
        members, arcs_span = _read_topology(text)
        return Topology(members["objects"], Arcs(text, arcs_span, members["transform"], path.name))
    except (IndexError, KeyError, ValueError) as error:  # JSONDecodeError is a ValueError
        raise ValueError(f"malformed TopoJSON in {path.name}: {error}") from None


def _read_topology(text: str) -> tuple[dict, tuple[int, int]]:
    """The topology's members other than its arcs, parsed, and where its array of arcs begins and ends."""
    decoder = json.JSONDecoder()
    members: dict[str, object] = {}
    arcs_span = None
    position = _skip(text, _skip(text, 0, "{"))
    while text[position] != "}":
        key, position = decoder.raw_decode(text, position)
        position = _skip(text, _skip(text, position, ":"))
        if key == "arcs":
            # An array of arcs, each an array of [x, y] positions: "]]]" closes it and nothing else.
            end = _NO_ARCS.match(text, position) or _ARCS_END.search(text, position)
            if text[position] != "[" or end is None:
                raise ValueError(f"no array of arcs at character {position}")
            arcs_span, position = (position, end.end()), end.end()
        else:
            members[key], position = decoder.raw_decode(text, position)
        position = _skip(text, position)
        if text[position] != "}":
            position = _skip(text, _skip(text, position, ","))
    if arcs_span is None:
        raise ValueError("no arcs")
    return members, arcs_span


_NO_ARCS = re.compile(r"\[\s*\]")
_ARCS_END = re.compile(r"\]\s*\]\s*\]")
_BETWEEN_ARCS = re.compile(r"(\]\s*\])\s*,\s*(\[\s*\[)")


def _skip(text: str, position: int, expected: str = "") -> int:
    """The position after any whitespace and, if given, the `expected` character."""
    while text[position].isspace():
        position += 1
    if expected:
        if text[position] != expected:
            raise ValueError(f"expected {expected!r} at character {position}")
        position += 1
    return position


class Arcs:
    """A topology's arcs as lists of (lon, lat), each parsed and decoded on first use."""

    def __init__(self, text: str, span: tuple[int, int], transform: dict, file_name: str):
        start, end = span  # the array's "[" and the position after its "]"
        self._text = text
        self._file_name = file_name
        # Arc i is text[starts[i]:ends[i]]: the array is split at each "]],[[" between two arcs.
        between = [(m.end(1), m.start(2)) for m in _BETWEEN_ARCS.finditer(text, start, end)]
        empty = _NO_ARCS.fullmatch(text, start, end) is not None
        self._starts = [] if empty else [start + 1] + [b for _, b in between]
        self._ends = [] if empty else [a for a, _ in between] + [end - 1]
        self._scale = transform["scale"]
        self._translate = transform["translate"]
        self._decoded: dict[int, Ring] = {}

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index: int) -> Ring:
        if index not in self._decoded:
            (sx, sy), (tx, ty) = self._scale, self._translate
            x = y = 0
            points = []
            try:
                deltas = json.loads(self._text[self._starts[index] : self._ends[index]])
            except ValueError as error:
                raise ValueError(f"malformed TopoJSON in {self._file_name}: arc {index}: {error}") from None
            for dx, dy, *_ in deltas:  # quantized deltas
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
            self._decoded[index] = points
        return self._decoded[index]


def ring_from_arcs(indexes: Sequence[int], arcs: Arcs) -> Ring:
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)  # consecutive arcs share their end point
    return ring


def polygons(geometry: dict, arcs: Arcs) -> list[list[Ring]]:
    """A geometry's polygons, each a list of rings (the outer ring, then its holes)."""
    if geometry["type"] == "Polygon":
        return [[ring_from_arcs(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_from_arcs(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def geometries_by_id(topology: Topology) -> dict[str, dict]:
    return {g["id"]: g for g in topology.objects["countries"]["geometries"] if "id" in g}


# --- the antimeridian ----------------------------------------------------------------------------


def unwrap(ring: Ring) -> Ring:
    """Longitudes made continuous: a ring that crosses 180° goes on past it instead of jumping back."""
    out: Ring = []
    offset = 0.0
    for lon, lat in ring:
        if out:
            previous = out[-1][0]
            while lon + offset - previous > 180:
                offset -= 360
            while lon + offset - previous < -180:
                offset += 360
        out.append((lon + offset, lat))
    return out


def _clip(ring: Ring, inside, cross) -> Ring:
    """One Sutherland–Hodgman step: the part of `ring` on the inner side of a line."""
    out: Ring = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(cross(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(cross(previous, current))
    return out


def _at_longitude(lon: float):
    def cross(a: Point, b: Point) -> Point:
        t = (lon - a[0]) / (b[0] - a[0])
        return lon, a[1] + t * (b[1] - a[1])

    return cross


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """The ring cut into pieces that each lie within -180..180°, so no edge streaks across the map."""
    ring = unwrap(ring)
    low, high = min(p[0] for p in ring), max(p[0] for p in ring)
    if low >= -180 and high <= 180:
        return [ring]
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        shifted = [(lon + shift, lat) for lon, lat in ring]
        piece = _clip(shifted, lambda p: p[0] <= 180, _at_longitude(180))
        piece = _clip(piece, lambda p: p[0] >= -180, _at_longitude(-180)) if piece else piece
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


# --- drawing -------------------------------------------------------------------------------------


def path_data(rings: Iterable[Ring]) -> str:
    """The rings as an SVG path: each ring's first point, then the steps to the next ones (relative
    lines, a tenth of a unit apart at finest), which is about half the size of absolute points."""
    parts = []
    for ring in rings:
        points = []
        for lon, lat in ring:
            x, y = to_svg(lon, max(SOUTH - 2, lat))
            point = (round(x * 10), round(y * 10))
            if not points or points[-1] != point:
                points.append(point)
        if len(points) >= 3:
            steps = [(x - before_x, y - before_y) for (before_x, before_y), (x, y) in itertools.pairwise(points)]
            parts.append("M" + _numbers(points[0]) + "l" + _numbers(n for step in steps for n in step) + "z")
    return "".join(parts)


def _numbers(tenths: Iterable[int]) -> str:
    """Numbers given in tenths, written as SVG reads them at their shortest: 12 as "1.2", 10 as "1", 5 as
    ".5", separated by a space, or by nothing before a minus sign."""
    text = ""
    for value in tenths:
        whole, tenth = divmod(abs(value), 10)
        sign = "-" if value < 0 else ""
        number = sign + (str(whole) if whole or not tenth else "") + (f".{tenth}" if tenth else "")
        text += number if not text or number.startswith("-") else " " + number
    return text


def projected_size(rings: Iterable[Ring]) -> float:
    points = [to_svg(lon, lat) for ring in rings for lon, lat in ring]
    if not points:
        return 0.0
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _area(ring: Ring) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=False))) / 2


def marker_position(pieces: list[Ring]) -> Point:
    """The centre of the largest piece's bounding box, in map units."""
    largest = max(pieces, key=_area)
    lons, lats = [p[0] for p in largest], [p[1] for p in largest]
    return to_svg((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)


def _pieces(geometry: dict, arcs: Arcs) -> list[Ring]:
    return [piece for polygon in polygons(geometry, arcs) for ring in polygon for piece in split_at_antimeridian(ring)]


def _finer_position(atlas_dir: Path, iso_numeric: str) -> Point | None:
    for name in FINER_ATLASES:
        topology = load_topology(atlas_dir / name)
        geometry = geometries_by_id(topology).get(iso_numeric)
        if geometry is not None:
            pieces = _pieces(geometry, topology.arcs)
            if pieces:
                return marker_position(pieces)
    return None


@dataclass(frozen=True)
class MapState:
    """A UN member state as the map shows it: fill colour and tooltip."""

    state: State
    name: str
    colour: str
    label: str
    member: bool
    title: str  # the tooltip: "Ghana: member since 2010"


def map_states(countries: UNMemberStates, members: dict[str, Member], words: Words = ENGLISH) -> dict[str, MapState]:
    """Each UN member state by its zero-padded ISO numeric code, as the atlas names it."""
    result = {}
    for state in countries.states:
        member = members.get(state.iso3)
        if member is None:
            label = words(NOT_NAMED)
            title = words("{name}: {status}", name=state.name, status=label)
            result[f"{state.iso_numeric:03d}"] = MapState(state, state.name, NON_MEMBER, label, False, title)
        else:
            period = period_of(member)
            if member.joined is not None:
                label = words("member since {year}", year=member.joined)
            else:
                label = words("member, {year_not_recorded}", year_not_recorded=words(YEAR_NOT_RECORDED))
            title = words("{name}: {status}", name=member.name, status=label)
            result[f"{state.iso_numeric:03d}"] = MapState(state, member.name, period.colour, label, True, title)
    return result


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def world_map_svg(
    countries: UNMemberStates, members: dict[str, Member], atlas_dir: Path, words: Words = ENGLISH
) -> str:
    """The SVG document: ocean, country shapes with titles, markers for small states, legend."""
    topology = load_topology(atlas_dir / SHAPES_ATLAS)
    arcs = topology.arcs
    states = map_states(countries, members, words)
    shapes, markers = [], []
    drawn = set()
    for geometry in topology.objects["countries"]["geometries"]:
        code = geometry.get("id")
        if code == ANTARCTICA:
            continue
        pieces = _pieces(geometry, arcs)
        data = path_data(pieces)
        if not data:
            continue
        shown = states.get(code)
        if shown is None:
            name = geometry.get("properties", {}).get("name", "Territory")
            not_un = words("{name}: not a UN member state", name=name)
            shapes.append(f'<path fill="{NOT_UN}" d="{data}">{_title(not_un)}</path>')
            continue
        drawn.add(code)
        shapes.append(
            f'<path fill="{shown.colour}" data-iso3="{shown.state.iso3}" d="{data}">{_title(shown.title)}</path>'
        )
        if shown.member and projected_size(pieces) < TINY_SHAPE:
            markers.append((True, _marker(shown, marker_position(pieces))))
    for code, shown in sorted(states.items()):
        if code in drawn:
            continue
        position = _finer_position(atlas_dir, code)
        if position is not None:
            markers.append((shown.member, _marker(shown, position)))
    # Non-members first, so that members' markers are drawn on top where small states are close.
    markers.sort(key=lambda marker: marker[0])
    return _document(shapes, [svg for _, svg in markers], members, words)


def _marker(shown: MapState, position: Point) -> str:
    kind = "member" if shown.member else "other"
    radius = MARKER_RADIUS if shown.member else MARKER_RADIUS * 0.7
    return (
        f'<circle class="m {kind}" data-iso3="{shown.state.iso3}" cx="{position[0]:.1f}" cy="{position[1]:.1f}" '
        f'r="{radius}" fill="{shown.colour}">{_title(shown.title)}</circle>'
    )


def _outline() -> str:
    east = [to_svg(180, lat) for lat in range(int(NORTH), int(SOUTH) - 1, -2)]
    west = [to_svg(-180, lat) for lat in range(int(SOUTH), int(NORTH) + 1, 2)]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in east + west) + "Z"


def _legend_entries(members: dict[str, Member], words: Words = ENGLISH) -> list[tuple[str, str]]:
    """Each colour the map uses for a state, with its words: the periods in use, then the other states."""
    counts = {p.label: 0 for p in PERIODS}
    for member in members.values():
        counts[period_of(member).label] += 1
    entries = [
        (
            p.colour,
            words("joined {period} ({count})", period=words(p.label), count=counts[p.label])
            if p.first is not None
            else words("{period} ({count})", period=words(p.label), count=counts[p.label]),
        )
        for p in PERIODS
        if counts[p.label]
    ]
    entries.append((NON_MEMBER, words(NOT_NAMED)))
    return entries


def _legend_height(members: dict[str, Member]) -> float:
    rows = math.ceil(len(_legend_entries(members)) / LEGEND_COLUMNS) + 1  # and the row about circles
    return rows * LEGEND_LINE + LEGEND_FONT


def _legend(members: dict[str, Member], top: float, words: Words = ENGLISH) -> str:
    """Swatches in columns below the map, then what the circles mean: below rather than beside the map, so
    that the type can be large enough for a phone without covering any land."""
    swatch = 0.8 * LEGEND_FONT
    left, indent = MARGIN + 8, swatch + 10
    column_width = (WIDTH - 2 * MARGIN) / LEGEND_COLUMNS
    items = []
    entries = _legend_entries(members, words)
    for index, (colour, text) in enumerate(entries):
        x = left + (index % LEGEND_COLUMNS) * column_width
        baseline = top + (index // LEGEND_COLUMNS + 1) * LEGEND_LINE
        items.append(
            f'<rect x="{x:.0f}" y="{baseline - swatch:.0f}" width="{swatch:.0f}" height="{swatch:.0f}" '
            f'fill="{colour}" stroke="#666" stroke-width=".5"/>'
            f'<text x="{x + indent:.0f}" y="{baseline:.0f}">{escape(text)}</text>'
        )
    # Small states get circles whether or not they are members: one circle of each kind explains both.
    baseline = top + (math.ceil(len(entries) / LEGEND_COLUMNS) + 1) * LEGEND_LINE
    for index, (kind, colour) in enumerate((("member", PERIODS[1].colour), ("other", NON_MEMBER))):
        centre_x = left + (1 + 2.2 * index) * LEGEND_MARKER_RADIUS
        items.append(
            f'<circle class="m {kind}" cx="{centre_x:.1f}" cy="{baseline - 0.35 * LEGEND_FONT:.1f}" '
            f'r="{LEGEND_MARKER_RADIUS:.1f}" fill="{colour}"/>'
        )
    circles = words("Circles mark states too small to see at this scale.")
    items.append(f'<text x="{left + indent:.0f}" y="{baseline:.0f}">{escape(circles)}</text>')
    return '<g class="legend">' + "".join(items) + "</g>"


def map_size(members: dict[str, Member]) -> tuple[int, int]:
    """The map's width and height in its own units: the page's image reserves its place by them."""
    return round(WIDTH), round(MAP_HEIGHT + _legend_height(members))


def _document(shapes: list[str], markers: list[str], members: dict[str, Member], words: Words = ENGLISH) -> str:
    width, height = map_size(members)
    title = words("Member states of the Global Network of R2P Focal Points, by period of joining")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="t">'
        f'<title id="t">{escape(title)}</title>'
        "<style>path{stroke:#fff;stroke-width:.4;stroke-linejoin:round}.ocean{stroke:none}"
        ".m{stroke:#fff;stroke-width:.8}.m.other{stroke:#999;stroke-width:.4}"
        f"text{{font:{LEGEND_FONT}px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#222}}</style>"
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
        f'<path class="ocean" d="{_outline()}" fill="{OCEAN}"/>'
        '<g class="countries">' + "".join(shapes) + "</g>"
        '<g class="markers">' + "".join(markers) + "</g>" + _legend(members, MAP_HEIGHT, words) + "</svg>\n"
    )
