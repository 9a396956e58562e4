"""One page per UN member state and per member organisation, generated at build time from the data.

A diplomat preparing a bilateral meeting needs one page on the target state: its membership, roles and
meetings, its peers in the region and, when the sources do not name it as a member, the outreach brief
from data/outreach.yml. The functions here are pure: data in, the Markdown of a page out; the build hooks
add the pages to the site (see hooks.py).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from macros.data.countries import State, UNMemberStates, name_order, unaccented
from macros.data.manual import Manual
from macros.data.schema import Meeting, Member
from macros.generated import worldmap
from macros.markdown import render
from macros.markdown.render import MEETINGS_PAGE, SOURCES_PAGE, anchor, cite, esc, relative, table

STATES_INDEX_PAGE = "network/states.md"
STATES_DIR = "states"
ORGANISATIONS_DIR = "organisations"
# Search ranks a state's profile above the pages that merely mention the state.
SEARCH_BOOST = 4
# Only a profile's title and its line of other names go into the search index: the brief and the peer lists
# repeat on 193 pages and would otherwise bury every other page under them (Material skips elements and
# sections carrying this).
NOT_INDEXED = "data-search-exclude"
# An SVG shown as an image keeps its tooltips (each country's <title>) to itself; opened alone it shows them.
MAP_LINK_TEXT = "Opens the map on its own, where pointing at a country shows its name and status."
# The sources name only some of the members (see network/states.md), so a state missing from the roster is
# "not named", never "not a member".
NOT_A_MEMBER = "not named as a member"


def state_page_path(state: State) -> str:
    return _state_page_path(state.iso3)


def _state_page_path(iso3: str) -> str:
    return f"{STATES_DIR}/{iso3.lower()}.md"


def organisation_page_path(member: Member) -> str:
    return f"{ORGANISATIONS_DIR}/{render.slug(member.name)}.md"


def profile_path(member: Member) -> str:
    """The generated page of a member: its state's profile, or the organisation's page."""
    if member.kind == "state" and member.iso3:
        return _state_page_path(member.iso3)
    return organisation_page_path(member)


def host_profile_paths(manual: Manual, countries: UNMemberStates) -> dict[str, str]:
    """The page of each meeting host that has one: a member's profile (an organisation's body, such as the
    EEAS, leads to its organisation's), or any UN member state's."""
    members = {member.name: member for member in manual.roster.members}
    part_of = {organisation.id: organisation.part_of for organisation in manual.meetings.organisations}
    paths = {}
    for host in {host for meeting in manual.meetings.meetings for host in meeting.hosts}:
        member = members.get(host) or members.get(part_of.get(host) or "")
        if member is not None:
            paths[host] = profile_path(member)
        elif host in countries.by_name:
            paths[host] = state_page_path(countries.by_name[host])
    return paths


def region_phrase(region: str) -> str:
    """'Europe', but 'the Americas'."""
    return f"the {region}" if region == "Americas" else region


def display_name(state: State, member: Member | None) -> str:
    """The roster's spelling for members (it follows the sources), the package's for the others."""
    return member.name if member is not None else state.name


def other_names(state: State, member: Member | None) -> list[str]:
    """The names a reader may search a profile by besides its title: the country data's short and official
    names, the roster's, and each of them without its accents, as typed on most keyboards ("Turkiye")."""
    names = [state.name, state.official_name, *([member.name] if member is not None else [])]
    title = display_name(state, member)
    return [name for name in dict.fromkeys([*names, *map(unaccented, names)]) if name != title]


def membership_text(member: Member | None) -> str:
    if member is None:
        return NOT_A_MEMBER
    return f"member since {member.joined}" if member.joined is not None else f"member, {render.joined_text(member)}"


def peer_year_text(member: Member) -> str:
    """The year a peer joined or, when the sources do not record it, the date by which a source lists it,
    as the Members table gives it (`listed_by` is required: every member has one)."""
    return str(member.joined) if member.joined is not None else f"listed by {render.format_date(member.listed_by)}"


def meetings_hosted_by(manual: Manual, countries: UNMemberStates, state: State) -> list[Meeting]:
    """Meetings this state hosted or co-hosted (the loader holds hosts to the country data's names)."""
    return [
        meeting
        for meeting in sorted(manual.meetings.meetings, key=lambda m: m.start.as_date())
        if any(countries.by_name.get(host) == state for host in meeting.hosts)
    ]


def _meeting_links(meetings: Iterable[Meeting], page: str) -> str:
    meetings_page = relative(MEETINGS_PAGE, page)
    links = [f"[{esc(render.meeting_label(m))}]({meetings_page}#{anchor('meeting', m.id)})" for m in meetings]
    return ", ".join(links) or "none recorded"


def _front_matter(title: str, description: str) -> str:
    # The theme puts title and description into the HTML unescaped (<title>, header, meta tag), so they
    # are HTML-escaped here. Macros are not rendered in generated pages: their text is escaped already.
    return (
        "---\n"
        f"title: {_yaml_string(_html_text(title))}\n"
        f"description: {_yaml_string(_html_text(description))}\n"
        "render_macros: false\n"
        f"search:\n  boost: {SEARCH_BOOST}\n"
        "---\n\n"
    )


def _html_text(text: str) -> str:
    """Text safe in an element and in a double-quoted attribute; apostrophes stay readable."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Peer:
    state: State
    member: Member


def peers(manual: Manual, countries: UNMemberStates, state: State) -> tuple[list[Peer], list[Peer]]:
    """Members in the state's sub-region, then members elsewhere in its region (the state itself excluded)."""
    members = manual.members_by_iso3()
    same_subregion, same_region = [], []
    for other in countries.states:
        member = members.get(other.iso3)
        if member is None or other.iso3 == state.iso3 or other.region != state.region:
            continue
        (same_subregion if other.subregion == state.subregion else same_region).append(Peer(other, member))
    return same_subregion, same_region


def _peer_list(peer_list: list[Peer], page: str, area: str, member_in_area: bool) -> str:
    """The peers, linked; `member_in_area` when the page's own state is a member within `area`, where
    "no state" would deny its own membership."""
    if not peer_list:
        nobody = "No other state" if member_in_area else "No state"
        return f"{nobody} in {esc(area)} has appointed a focal point yet, as far as the sources show."
    return (
        ", ".join(
            f"[{esc(p.member.name)}]({relative(state_page_path(p.state), page)}) ({esc(peer_year_text(p.member))})"
            for p in sorted(peer_list, key=lambda p: name_order(p.member.name))
        )
        + "."
    )


# The brief's lists are the same on every non-member page, so their Markdown is converted once per build
# (generated.rendered_brief_lists) and each page carries a marker in its place, which the build fills in
# (hooks.on_page_content). Converting them on each of the ~150 pages took a quarter of the build.
BRIEF_SECTIONS = {
    "why": "Why appoint a focal point",
    "steps": "What appointing involves",
    "offers": "What the network offers",
    "objections": "Answers to the usual objections",
    "contacts": "Whom to contact",
}


BRIEF_MARKER_START = "<!-- outreach-brief:"


def brief_marker(section: str) -> str:
    return f"{BRIEF_MARKER_START}{section} -->"


def brief_lists(manual: Manual, sources_link: str) -> dict[str, str]:
    """The Markdown of each list of the outreach brief, by section; `sources_link` points at the sources page."""
    brief = manual.outreach
    lists = {
        "why": [f"- {esc(p.text)} {cite(p.sources, sources_link)}" for p in brief.why],
        "steps": [f"{i}. {esc(p.text)} {cite(p.sources, sources_link)}" for i, p in enumerate(brief.steps, start=1)],
        "offers": [f"- {esc(p.text)} {cite(p.sources, sources_link)}" for p in brief.offers],
        "objections": [
            f"- **“{esc(o.objection)}”** {esc(o.answer)} {cite(o.sources, sources_link)}" for o in brief.objections
        ],
        "contacts": [
            *(
                f"- [{esc(c.name)}]({render.url(c.url)}), {esc(c.role)}. {esc(c.text)} {cite(c.sources, sources_link)}"
                for c in brief.contacts
            ),
            "- The focal points of the peers listed on this page.",
        ],
    }
    return {section: "\n".join(items) + "\n" for section, items in lists.items()}


def fill_in_brief(page_html: str, rendered_lists: dict[str, str]) -> str:
    """A page's HTML with each brief marker replaced by that list's HTML; a marker left over is an error."""
    for section, list_html in rendered_lists.items():
        page_html = page_html.replace(brief_marker(section), list_html)
    if BRIEF_MARKER_START in page_html:
        left = page_html[page_html.index(BRIEF_MARKER_START) :].split("-->", 1)[0] + "-->"
        raise ValueError(f"an outreach brief list was not filled in: {left}")
    return page_html


def brief_introduction(name: str, roster_as_of: str, hosted: list[Meeting], page: str) -> str:
    """What the sources say about the state and what the brief is for; `hosted`: the meetings it hosted."""
    sentences = [
        f"The sources used for this manual do not name {esc(name)} as a member of the network "
        f"(roster as of {esc(roster_as_of)})."
    ]
    if hosted:
        # A state that hosted the network may well have a focal point that the sources do not record.
        meetings = "a network meeting" if len(hosted) == 1 else "network meetings"
        sentences.append(
            f"{esc(name)} hosted or co-hosted {meetings} ({_meeting_links(hosted, page)}), so it may "
            "already have a focal point that the sources do not record."
        )
    sentences.append(
        f"If {esc(name)} has no focal point yet, this brief sums up the case for appointing one; "
        "the secretariat can confirm."
    )
    return " ".join(sentences)


def outreach_brief(introduction: str) -> str:
    """The brief for a state the sources do not name: why, how, what for, objections, whom to contact."""
    lines = [
        f"## Outreach brief {{ #outreach-brief {NOT_INDEXED} }}",
        "",
        introduction,
        "",
        '<div class="outreach-brief" markdown>',
        "",
    ]
    for section, heading in BRIEF_SECTIONS.items():
        lines += [f"### {heading} {{ {NOT_INDEXED} }}", "", brief_marker(section), ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def state_page(manual: Manual, countries: UNMemberStates, state: State) -> str:
    page = state_page_path(state)
    member = manual.members_by_iso3().get(state.iso3)
    name = display_name(state, member)
    sources_page = relative(SOURCES_PAGE, page)
    status = membership_text(member)
    lines = [
        _front_matter(name, f"{name}: {status} of the Global Network of R2P Focal Points."),
        '<div class="state-profile" markdown>',
        "",
        f"# {esc(name)}",
        "",
        *_other_names_line(state, member),
        f"<div markdown {NOT_INDEXED}>",
        "",
        f"*{esc(state.subregion)}, {esc(state.region)} · ISO {esc(state.iso3)}*",
        "",
        f"- **Global Network of R2P Focal Points:** {esc(status)}"
        + (f" (roster as of {render.format_date(manual.roster.as_of)})" if member is None else ""),
    ]
    if member is not None:
        lines += _roles_and_note(member)
    hosted = meetings_hosted_by(manual, countries, state)
    lines.append(f"- **Meetings hosted or co-hosted:** {_meeting_links(hosted, page)}")
    if member is not None:
        lines.append(f"- **Sources:** {cite(member.sources, sources_page)}")
    lines.append("")
    # The peers come before the brief, whose "Whom to contact" points to them.
    same_subregion, same_region = peers(manual, countries, state)
    lines += [
        f"## Peers in the region {{ #peers {NOT_INDEXED} }}",
        "",
        f"**{esc(state.subregion)}:** {_peer_list(same_subregion, page, state.subregion, member is not None)}",
        "",
        f"**Elsewhere in {esc(region_phrase(state.region))}:** "
        f"{_peer_list(same_region, page, 'the rest of ' + region_phrase(state.region), False)}",
        "",
    ]
    if member is None:
        lines.append(outreach_brief(brief_introduction(name, render.format_date(manual.roster.as_of), hosted, page)))
    lines += _profile_end(page)
    return "\n".join(lines)


def _other_names_line(state: State, member: Member | None) -> list[str]:
    """The profile's other names, outside the unindexed block: search finds the page by any of them."""
    names = other_names(state, member)
    return [f"Other names and spellings: {esc(', '.join(names))}", ""] if names else []


def _roles_and_note(member: Member) -> list[str]:
    """A member's roles and note, each line only when the data holds one."""
    lines = []
    if member.roles:
        lines.append(f"- **Roles:** {esc(', '.join(render.ROLE_LABELS[r] for r in member.roles))}")
    if member.joined_note:
        lines.append(f"- **Note:** {esc(member.joined_note)}")
    return lines


def _profile_end(page: str) -> list[str]:
    """The way back to the index, and the close of the two blocks every profile opens."""
    return [f"[All UN member states]({relative(STATES_INDEX_PAGE, page)})", "", "</div>", "", "</div>", ""]


def organisation_page(manual: Manual, member: Member) -> str:
    page = organisation_page_path(member)
    sources_page = relative(SOURCES_PAGE, page)
    hosted = sorted(render.meetings_hosted(manual, member), key=lambda m: m.start.as_date())
    status = membership_text(member)
    lines = [
        _front_matter(member.name, f"{member.name}: {status} of the Global Network of R2P Focal Points."),
        '<div class="state-profile" markdown>',
        "",
        f"# {esc(member.name)}",
        "",
        f"<div markdown {NOT_INDEXED}>",
        "",
        "*Regional organisation*",
        "",
        f"- **Global Network of R2P Focal Points:** {esc(status)}",
        *_roles_and_note(member),
        f"- **Meetings hosted or co-hosted:** {_meeting_links(hosted, page)}",
        f"- **Sources:** {cite(member.sources, sources_page)}",
        "",
        *_profile_end(page),
    ]
    return "\n".join(lines)


def generated_pages(manual: Manual, countries: UNMemberStates) -> dict[str, str]:
    """Every generated page: its path relative to docs/ and its Markdown."""
    pages = {state_page_path(state): state_page(manual, countries, state) for state in countries.states}
    for member in manual.roster.members:
        if member.kind == "regional-organisation":
            pages[organisation_page_path(member)] = organisation_page(manual, member)
    return pages


def states_index(manual: Manual, countries: UNMemberStates, page: str, linked: bool) -> str:
    """All UN member states by region with their status, members in bold; `linked` when the state pages are
    built."""
    members = manual.members_by_iso3()
    blocks = []
    for region in sorted({s.region for s in countries.states}):
        rows = []
        in_region = [(s, members.get(s.iso3)) for s in countries.states if s.region == region]
        for state, member in sorted(in_region, key=lambda pair: (pair[0].subregion, name_order(display_name(*pair)))):
            profile = relative(state_page_path(state), page) if linked else None
            cell = render.linked(display_name(state, member), profile)
            rows.append(
                (f"**{cell}**" if member is not None else cell, esc(state.subregion), esc(membership_text(member)))
            )
        blocks.append(
            f"## {esc(region)} {{ #{anchor('region', region)} {NOT_INDEXED} }}\n\n"
            + table(("State", "Sub-region", "Global Network"), rows)
        )
    organisations = [m for m in manual.roster.members if m.kind == "regional-organisation"]
    if organisations:
        items = [
            render.linked(m.name, relative(organisation_page_path(m), page) if linked else None)
            + f" ({esc(membership_text(m))})"
            for m in sorted(organisations, key=lambda m: name_order(m.name))
        ]
        blocks.append(
            f"## Regional organisations {{ #regional-organisations {NOT_INDEXED} }}\n\n"
            + "\n".join(f"- {i}" for i in items)
            + "\n"
        )
    # The lists name every state, which search should lead to the state's own page instead.
    return f"<div markdown {NOT_INDEXED}>\n\n" + "\n".join(blocks) + "\n</div>\n"


def coverage_table(manual: Manual, countries: UNMemberStates) -> str:
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
    rows.append(row("**All UN member states**", list(countries.states)))
    columns = ("Region and sub-region", "Members / UN member states", "Share")
    return table(columns, rows, right_aligned=columns[1:])


def map_figure(manual: Manual, countries: UNMemberStates, image_link: str, page: str, linked: bool) -> str:
    """The map as a Markdown image linked to the map file, then its text alternative: the members by period of
    joining. The image shows the map without its tooltips: only the file opened on its own names each country
    under the pointer."""
    members = manual.members_by_iso3()
    by_period: dict[str, list[str]] = {p.label: [] for p in worldmap.PERIODS}
    member_states = [(state, members[state.iso3]) for state in countries.states if state.iso3 in members]
    for state, member in sorted(member_states, key=lambda pair: name_order(pair[1].name)):
        entry = render.linked(member.name, relative(state_page_path(state), page) if linked else None)
        by_period[worldmap.period_of(member).label].append(
            entry + (f" ({member.joined})" if member.joined is not None else "")
        )
    # The image is the link's only content, so its text alternative also says where the link leads.
    alt = (
        f"World map of the {len(members)} member states of the Global Network of R2P Focal Points, coloured "
        "by period of joining; small states are marked by circles. The table below lists the same states. "
        f"{MAP_LINK_TEXT}"
    )
    rows = [(esc(label), len(names), ", ".join(names)) for label, names in by_period.items() if names]
    return (
        f'[![{esc(alt)}]({image_link}){{ .members-map }}]({image_link} "{esc(MAP_LINK_TEXT)}")'
        f"\n\n<div markdown {NOT_INDEXED}>\n\n"
        + table(("Period of joining", "States", "Member states"), rows, right_aligned=("States",))
        + "\n</div>\n"
    )
