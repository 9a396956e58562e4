"""The UN member states as the manual's pages show them: a state's name and status, the periods of joining,
and the sections of the states index (network/states.md): all states by region, the coverage by region,
and the map with its text alternative.

Links to the generated profiles come in from the macros (env.py), keyed by ISO3 code for the states and by
member name for the organisations, and empty when the profiles are not built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from macros.data.countries import State, UNMemberStates, name_order
from macros.data.manual import Manual
from macros.data.schema import Member
from macros.markdown import render
from macros.markdown.render import NOT_INDEXED, YEAR_NOT_RECORDED, anchor, esc, table
from macros.words import ENGLISH, N_, Words

# The sources name only some of the members (see network/states.md), so a state missing from the roster is
# "not named", never "not a member".
NOT_NAMED = N_("not named as a member")
# An SVG shown as an image keeps its tooltips (each country's <title>) to itself; opened alone it shows them.
MAP_LINK_TEXT = N_("Opens the map on its own, where pointing at a country shows its name and status.")


@dataclass(frozen=True)
class Period:
    label: str
    first: int | None  # None: the sources give no year
    last: int | None
    colour: str


# One family of blues, so that members read together against the grey of the other states. The known
# periods step from dark to light (the first two 3:1 apart, the last still clear of the grey); a member
# whose year is not recorded gets a muted slate blue, lighter and less saturated than the periods the
# roster uses, so that the least-known members are not the ones the map stresses, yet 2.5:1 off the grey
# (five classes cannot all be 3:1 apart: the table under the map gives the same facts as text).
PERIODS = (
    Period(N_("2010–2012"), 2010, 2012, "#081d4a"),
    Period(N_("2013–2015"), 2013, 2015, "#2a72b8"),
    Period(N_("2016 onwards"), 2016, None, "#6baed6"),
    Period(YEAR_NOT_RECORDED, None, None, "#6b8bb0"),
)


def period_of(member: Member) -> Period:
    for period in PERIODS:
        if member.joined is None:
            if period.first is None:
                return period
        elif (
            period.first is not None
            and member.joined >= period.first
            and (period.last is None or member.joined <= period.last)
        ):
            return period
    raise ValueError(f"no period for the year {member.joined}")


def display_name(state: State, member: Member | None) -> str:
    """The roster's spelling for members (it follows the sources), the package's for the others."""
    return member.name if member is not None else state.name


def membership_text(member: Member | None, words: Words = ENGLISH) -> str:
    if member is None:
        return words(NOT_NAMED)
    if member.joined is not None:
        return words("member since {year}", year=member.joined)
    return words("member, {year_not_recorded}", year_not_recorded=render.joined_text(member, words))


def states_index(
    manual: Manual,
    countries: UNMemberStates,
    state_profiles: Mapping[str, str],
    member_profiles: Mapping[str, str],
    words: Words = ENGLISH,
) -> str:
    """All UN member states by region with their status, members in bold, each linked to its profile in
    `state_profiles` (by ISO3 code); then the member organisations, linked by `member_profiles` (by name)."""
    members = manual.members_by_iso3()
    columns = (words("State"), words("Sub-region"), words("Global Network"))
    blocks = []
    for region in sorted({s.region for s in countries.states}):
        rows = []
        in_region = [(s, members.get(s.iso3)) for s in countries.states if s.region == region]
        for state, member in sorted(in_region, key=lambda pair: (pair[0].subregion, name_order(display_name(*pair)))):
            cell = render.linked(display_name(state, member), state_profiles.get(state.iso3))
            rows.append(
                (
                    f"**{cell}**" if member is not None else cell,
                    esc(state.subregion),
                    esc(membership_text(member, words)),
                )
            )
        blocks.append(
            render.heading(2, esc(region), f"{anchor('region', region)} {NOT_INDEXED}") + "\n\n" + table(columns, rows)
        )
    organisations = [m for m in manual.roster.members if m.kind == "regional-organisation"]
    if organisations:
        items = [
            render.linked(m.name, member_profiles.get(m.name)) + f" ({esc(membership_text(m, words))})"
            for m in sorted(organisations, key=lambda m: name_order(m.name))
        ]
        blocks.append(
            render.heading(2, words("Regional organisations"), f"regional-organisations {NOT_INDEXED}")
            + "\n\n"
            + "\n".join(f"- {i}" for i in items)
            + "\n"
        )
    # The lists name every state, which search should lead to the state's own page instead.
    return f"<div markdown {NOT_INDEXED}>\n\n" + "\n".join(blocks) + "\n</div>\n"


def coverage_table(manual: Manual, countries: UNMemberStates, words: Words = ENGLISH) -> str:
    """For each region and sub-region: members named in the data / UN member states, and the share."""
    members = manual.members_by_iso3()

    def row(label: str, states: list[State]) -> tuple[str, str, str]:
        count = sum(1 for s in states if s.iso3 in members)
        return label, f"{count} / {len(states)}", f"{round(100 * count / len(states))} %"

    rows = []
    for region in sorted({s.region for s in countries.states}):
        in_region = [s for s in countries.states if s.region == region]
        rows.append(row(f"**{esc(region)}**", in_region))
        for subregion in sorted({s.subregion for s in in_region}):
            rows.append(row(f"{esc(subregion)}", [s for s in in_region if s.subregion == subregion]))
    rows.append(row("**" + words("All UN member states") + "**", list(countries.states)))
    columns = (words("Region and sub-region"), words("Members / UN member states"), words("Share"))
    return table(columns, rows, right_aligned=columns[1:])


def map_figure(
    manual: Manual,
    countries: UNMemberStates,
    image_link: str,
    image_size: tuple[int, int],
    state_profiles: Mapping[str, str],
    words: Words = ENGLISH,
) -> str:
    """The map as a Markdown image linked to the map file, then its text alternative: the members by period of
    joining, each linked to its profile in `state_profiles`. The image carries the map's `image_size`, so
    that the page keeps its place before it loads. The image shows the map without its tooltips:
    only the file opened on its own names each country under the pointer."""
    members = manual.members_by_iso3()
    by_period: dict[str, list[str]] = {p.label: [] for p in PERIODS}
    member_states = [(state, members[state.iso3]) for state in countries.states if state.iso3 in members]
    for state, member in sorted(member_states, key=lambda pair: name_order(pair[1].name)):
        entry = render.linked(member.name, state_profiles.get(state.iso3))
        by_period[period_of(member).label].append(entry + (f" ({member.joined})" if member.joined is not None else ""))
    # The image is the link's only content, so its text alternative also says where the link leads.
    link_text = words(MAP_LINK_TEXT)
    alt = words(
        "World map of the {count} member states of the Global Network of R2P Focal Points, coloured by period of "
        "joining; small states are marked by circles. The table below lists the same states. {link_text}",
        count=len(members),
        link_text=link_text,
    )
    rows = [(esc(words(label)), len(names), ", ".join(names)) for label, names in by_period.items() if names]
    width, height = image_size
    columns = (words("Period of joining"), words("States"), words("Member states"))
    return (
        f'[![{esc(alt)}]({image_link}){{ .members-map width="{width}" height="{height}" }}]'
        f'({image_link} "{esc(link_text)}")'
        f"\n\n<div markdown {NOT_INDEXED}>\n\n" + table(columns, rows, right_aligned=columns[1:2]) + "\n</div>\n"
    )
