"""The growth chart: official member counts over time as a static SVG, drawn at build time.

The official counts (data/roster.yml) are the only membership figures over time that the sources
give; the number of states the sources name individually is shown beside them, as of the roster date,
because the two differ and a reader should see by how much.
"""

from __future__ import annotations

import datetime as dt
import math
from xml.sax.saxutils import escape

from macros.data.schema import OfficialCount, RosterFile
from macros.markdown.render import esc
from macros.words import ENGLISH, Words

WIDTH, HEIGHT = 720.0, 340.0
LEFT, RIGHT, TOP, BOTTOM = 52.0, 24.0, 40.0, 74.0
LINE = "#08519c"
NAMED = "#e08214"
FIRST_YEAR = 2010  # the network was launched in September 2010


def year_fraction(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / (dt.date(day.year + 1, 1, 1) - start).days


def count_label(count: OfficialCount, words: Words = ENGLISH) -> str:
    return words("more than {count}", count=count.states) if count.qualifier == "more-than" else str(count.states)


def growth_chart_svg(roster: RosterFile, named_states: int, words: Words = ENGLISH) -> str:
    counts = sorted(roster.official_counts, key=lambda c: c.date.as_date())
    as_of = year_fraction(roster.as_of.as_date())
    last_year = math.floor(max(as_of, *(year_fraction(c.date.as_date()) for c in counts))) + 1
    top_value = max(10, math.ceil(max(named_states, *(c.states for c in counts)) / 10) * 10)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return LEFT + (year - FIRST_YEAR) / (last_year - FIRST_YEAR) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - value / top_value * plot_h

    title = words("Member states of the Global Network of R2P Focal Points over time, as officially reported")
    heading = words("Member states, official counts")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" width="{WIDTH:.0f}" '
        f'height="{HEIGHT:.0f}" role="img" aria-labelledby="t">',
        f'<title id="t">{escape(title)}</title>',
        "<style>text{font:12px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#222}"
        ".axis{stroke:#444;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}</style>",
        f'<rect width="{WIDTH:.0f}" height="{HEIGHT:.0f}" fill="#fff"/>',
        f'<text x="{LEFT:.0f}" y="20" style="font-weight:600">{escape(heading)}</text>',
    ]
    for value in range(0, top_value + 1, 10):
        parts.append(
            f'<line class="grid" x1="{LEFT:.0f}" x2="{WIDTH - RIGHT:.0f}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
            f'<text x="{LEFT - 8:.0f}" y="{y(value) + 4:.1f}" text-anchor="end">{value}</text>'
        )
    for year in range(FIRST_YEAR, last_year + 1):
        parts.append(
            f'<line class="axis" x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{y(0):.1f}" y2="{y(0) + 5:.1f}"/>'
            f'<text x="{x(year):.1f}" y="{y(0) + 19:.1f}" text-anchor="middle">{year}</text>'
        )
    parts.append(f'<line class="axis" x1="{LEFT:.0f}" x2="{WIDTH - RIGHT:.0f}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    points = [(x(year_fraction(c.date.as_date())), y(c.states), c) for c in counts]
    # A step line: a count holds until the next report, and the last one until the roster date.
    corners = []
    for index, (px, py, _) in enumerate(points):
        if index:
            corners.append((px, points[index - 1][1]))
        corners.append((px, py))
    corners.append((max(x(as_of), points[-1][0]), points[-1][1]))
    line = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in corners)
    parts.append(f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="2.5"/>')
    for px, py, count in points:
        label = count_label(count, words)
        point_title = words("{date}: {count} states", date=words.date(count.date), count=label)
        parts.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4.5" fill="{LINE}">'
            f"<title>{escape(point_title)}</title></circle>"
            f'<text x="{px - 6:.1f}" y="{py - 9:.1f}" text-anchor="end">{escape(label)}</text>'
        )
    nx, ny = x(as_of), y(named_states)
    named_title = words.plural(
        "{count} state named in the sources", "{count} states named in the sources", named_states
    )
    parts.append(
        f'<rect x="{nx - 5:.1f}" y="{ny - 5:.1f}" width="10" height="10" fill="{NAMED}" '
        f'transform="rotate(45 {nx:.1f} {ny:.1f})"><title>{escape(named_title)}</title></rect>'
        f'<text x="{nx - 10:.1f}" y="{ny + 18:.1f}" text-anchor="end">{named_states}</text>'
    )
    legend_y = HEIGHT - 22
    count_legend = words("official count of member states")
    named_legend = words("states named individually in the sources, as of {date}", date=words.date(roster.as_of))
    parts.append(
        f'<line x1="{LEFT:.0f}" x2="{LEFT + 24:.0f}" y1="{legend_y - 4:.0f}" y2="{legend_y - 4:.0f}" stroke="{LINE}" '
        f'stroke-width="2.5"/><text x="{LEFT + 30:.0f}" y="{legend_y:.0f}">{escape(count_legend)}</text>'
        f'<rect x="{LEFT + 265:.0f}" y="{legend_y - 9:.0f}" width="9" height="9" fill="{NAMED}" '
        f'transform="rotate(45 {LEFT + 269.5:.1f} {legend_y - 4.5:.1f})"/>'
        f'<text x="{LEFT + 282:.0f}" y="{legend_y:.0f}">{escape(named_legend)}</text>'
    )
    parts.append("</svg>\n")
    return "".join(parts)


def growth_chart_markdown(roster: RosterFile, named_states: int, image_link: str, words: Words = ENGLISH) -> str:
    """The chart as a Markdown image whose alt text states what it shows."""
    counts = sorted(roster.official_counts, key=lambda c: c.date.as_date())
    first, last = counts[0], counts[-1]
    alt = words(
        "Step chart of the official counts of member states: {first} in {first_date}, rising to {last} by "
        "{last_date}; {named} states are named individually in the sources. The table above gives every count.",
        first=count_label(first, words),
        first_date=words.date(first.date),
        last=count_label(last, words),
        last_date=words.date(last.date),
        named=named_states,
    )
    # Its size keeps the chart's place on the page before it loads.
    return f'![{esc(alt)}]({image_link}){{ .members-chart width="{WIDTH:.0f}" height="{HEIGHT:.0f}" }}\n'
