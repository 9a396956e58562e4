"""One page per UN member state and per member organisation, generated at build time from the data.

A diplomat preparing a bilateral meeting needs one page on the target state: its membership, roles and
meetings, its peers in the region and, when the sources do not name it as a member, the outreach brief
from data/outreach.yml. The functions here are pure: data in, the Markdown of a page out; the build hooks
add the pages to the site (see hooks.py).

Only a profile's title and its line of other names go into the search index (the rest is NOT_INDEXED): the
brief and the peer lists repeat on 193 pages and would otherwise bury every other page under them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from macros.data.countries import State, UNMemberStates, name_order, unaccented
from macros.data.manual import Manual
from macros.data.schema import Meeting, Member
from macros.generated import forms
from macros.markdown import render
from macros.markdown.render import (
    MEETINGS_PAGE,
    NOT_INDEXED,
    SHARED_BLOCK,
    SOURCES_PAGE,
    anchor,
    cite,
    esc,
    relative,
)
from macros.markdown.states import display_name, membership_text
from macros.markdown.toolkit import quoted
from macros.words import ENGLISH, N_, Words

STATES_INDEX_PAGE = "network/states.md"
STATES_DIR = "states"
ORGANISATIONS_DIR = "organisations"
# Search ranks a state's profile above the pages that merely mention the state.
SEARCH_BOOST = 4


# Each profile on one A4 page as a PDF (written after the pages by the build: macros/build/sheets.py).
SHEETS_DIR = "pdf"


def sheet_path(profile_page: str) -> str:
    """The one-page PDF of a profile, in the same language's site: states/afg.md → pdf/states/afg.pdf."""
    return f"{SHEETS_DIR}/{profile_page.rsplit('.', 1)[0]}.pdf"


def state_page_path(state: State) -> str:
    return _state_page_path(state.iso3)


def _state_page_path(iso3: str) -> str:
    return f"{STATES_DIR}/{iso3.lower()}.md"


def organisation_page_path(manual: Manual, member: Member) -> str:
    """Named after the English name in every language, so that each page has the same address in all."""
    return f"{ORGANISATIONS_DIR}/{render.slug(manual.english_name(member.name))}.md"


def profile_path(manual: Manual, member: Member) -> str:
    """The generated page of a member: its state's profile, or the organisation's page."""
    if member.kind == "state" and member.iso3:
        return _state_page_path(member.iso3)
    return organisation_page_path(manual, member)


def host_profile_paths(manual: Manual, countries: UNMemberStates) -> dict[str, str]:
    """The page of each meeting host that has one: a member's profile (an organisation's body, such as the
    EEAS, leads to its organisation's), or any UN member state's."""
    members = {member.name: member for member in manual.roster.members}
    part_of = {organisation.id: organisation.part_of for organisation in manual.meetings.organisations}
    paths = {}
    for host in {host for meeting in manual.meetings.meetings for host in meeting.hosts}:
        member = members.get(host) or members.get(part_of.get(host) or "")
        if member is not None:
            paths[host] = profile_path(manual, member)
        elif host in countries.by_name:
            paths[host] = state_page_path(countries.by_name[host])
    return paths


def region_phrase(region: str, words: Words = ENGLISH) -> str:
    """'Europe', but in English 'the Americas'."""
    return f"the {region}" if words.language == "en" and region == "Americas" else region


def other_names(state: State, member: Member | None) -> list[str]:
    """The names a reader may search a profile by besides its title: the country data's short and official
    names, the roster's, and each of them without its accents, as typed on most keyboards ("Turkiye")."""
    names = [state.name, state.official_name, *([member.name] if member is not None else [])]
    title = display_name(state, member)
    return [name for name in dict.fromkeys([*names, *map(unaccented, names)]) if name != title]


def peer_year_text(member: Member, words: Words = ENGLISH) -> str:
    """The year a peer joined or, when the sources do not record it, the date by which a source lists it,
    as the Members table gives it (`listed_by` is required: every member has one)."""
    if member.joined is not None:
        return str(member.joined)
    return words("listed by {date}", date=words.date(member.listed_by))


def meetings_hosted_by(manual: Manual, countries: UNMemberStates, state: State) -> list[Meeting]:
    """Meetings this state hosted or co-hosted (the loader holds hosts to the roster's or the country data's
    names; in another language a member may be spelt otherwise than the country data spells its state)."""
    member = manual.members_by_iso3().get(state.iso3)
    names = {member.name} if member is not None else set()
    return [
        meeting
        for meeting in sorted(manual.meetings.meetings, key=lambda m: m.start.as_date())
        if any(host in names or countries.by_name.get(host) == state for host in meeting.hosts)
    ]


def _meeting_links(meetings: Iterable[Meeting], page: str, words: Words = ENGLISH) -> str:
    meetings_page = relative(MEETINGS_PAGE, page)
    links = [f"[{esc(render.meeting_label(m, words))}]({meetings_page}#{anchor('meeting', m.id)})" for m in meetings]
    return ", ".join(links) or words("none recorded")


# Compact on screen and one A4 sheet on paper; only the profiles load it (overrides/main.html).
PROFILE_STYLESHEET = "assets/stylesheets/state-profile.css"


def _front_matter(title: str, description: str) -> str:
    # The theme puts title and description into the HTML unescaped (<title>, header, meta tag), so they
    # are HTML-escaped here. Macros are not rendered in generated pages: their text is escaped already.
    return (
        "---\n"
        f"title: {_yaml_string(_html_text(title))}\n"
        f"description: {_yaml_string(_html_text(description))}\n"
        "render_macros: false\n"
        f"search:\n  boost: {SEARCH_BOOST}\n"
        f"stylesheet: {PROFILE_STYLESHEET}\n"
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


def _peer_list(peer_list: list[Peer], page: str, area: str, member_in_area: bool, words: Words = ENGLISH) -> str:
    """The peers, linked; `member_in_area` when the page's own state is a member within `area`, where
    "no state" would deny its own membership."""
    if not peer_list:
        if member_in_area:
            return words(
                "No other state in {area} has appointed a focal point yet, as far as the sources show.", area=esc(area)
            )
        return words("No state in {area} has appointed a focal point yet, as far as the sources show.", area=esc(area))
    return (
        ", ".join(
            f"{render.linked(p.member.name, relative(state_page_path(p.state), page))} "
            f"({esc(peer_year_text(p.member, words))})"
            for p in sorted(peer_list, key=lambda p: name_order(p.member.name))
        )
        + "."
    )


BRIEF_SECTIONS = {
    "why": N_("Why appoint a focal point"),
    "steps": N_("What appointing involves"),
    "offers": N_("What the network offers"),
    "objections": N_("Answers to the usual objections"),
    "contacts": N_("Whom to contact"),
}


def _brief_block(section: str) -> str:
    return SHARED_BLOCK.format(name=f"outreach-brief-{section}")


def brief_blocks(manual: Manual, words: Words = ENGLISH) -> dict[str, str]:
    """The outreach brief's lists as the shared blocks of the state pages, their links written as from any of
    them (they share one folder)."""
    lists = brief_lists(manual, relative(SOURCES_PAGE, f"{STATES_DIR}/any-state.md"), words)
    return {f"outreach-brief-{section}": text for section, text in lists.items()}


def brief_lists(manual: Manual, sources_link: str, words: Words = ENGLISH) -> dict[str, str]:
    """The Markdown of each list of the outreach brief, by section; `sources_link` leads to the sources page."""
    brief = manual.outreach
    lists = {
        "why": [f"- {esc(p.text)} {cite(p.sources, sources_link)}" for p in brief.why],
        "steps": [f"{i}. {esc(p.text)} {cite(p.sources, sources_link)}" for i, p in enumerate(brief.steps, start=1)],
        "offers": [f"- {esc(p.text)} {cite(p.sources, sources_link)}" for p in brief.offers],
        "objections": [
            f"- **{quoted(esc(o.objection), words)}** {esc(o.answer)} {cite(o.sources, sources_link)}"
            for o in brief.objections
        ],
        "contacts": [
            *(
                f"- [{esc(c.name)}]({render.url(c.url)}), {esc(c.role)}. {esc(c.text)} {cite(c.sources, sources_link)}"
                for c in brief.contacts
            ),
            "- " + words("The focal points of the peers listed on this page."),
        ],
    }
    return {section: "\n".join(items) + "\n" for section, items in lists.items()}


def brief_introduction(name: str, roster_as_of: str, hosted: list[Meeting], page: str, words: Words = ENGLISH) -> str:
    """What the sources say about the state and what the brief is for; `hosted`: the meetings it hosted."""
    sentences = [
        words(
            "The sources used for this manual do not name {name} as a member of the network (roster as of {date}).",
            name=esc(name),
            date=esc(roster_as_of),
        )
    ]
    if hosted:
        # A state that hosted the network may well have a focal point that the sources do not record.
        # (The links are made first: Babel's extractor takes a `words` argument inside the call for a new call.)
        meetings = _meeting_links(hosted, page, words)
        sentences.append(
            words.plural(
                "{name} hosted or co-hosted a network meeting ({meetings}), so it may already have a focal point "
                "that the sources do not record.",
                "{name} hosted or co-hosted network meetings ({meetings}), so it may already have a focal point "
                "that the sources do not record.",
                len(hosted),
                name=esc(name),
                meetings=meetings,
            )
        )
    sentences.append(
        words(
            "If {name} has no focal point yet, this brief sums up the case for appointing one; "
            "the secretariat can confirm.",
            name=esc(name),
        )
    )
    return " ".join(sentences)


def documents_line(state: State, page: str, words: Words = ENGLISH) -> str:
    """Where to download the brief as a document to adapt and send."""
    links = {
        extension: f"[{words(label)}]({relative(forms.brief_path(state, extension), page)})"
        for extension, label in forms.FORMAT_LABELS.items()
    }
    return words("This brief as a document to adapt and send: {docx} · {odt}", **links)


def outreach_brief(introduction: str, documents: str, words: Words = ENGLISH) -> str:
    """The brief for a state the sources do not name: why, how, what for, objections, whom to contact (each
    list a shared block, the same on every such page: `brief_blocks`)."""
    lines = [
        render.heading(2, words("Outreach brief"), f"outreach-brief {NOT_INDEXED}"),
        "",
        introduction,
        "",
        documents,
        "{: .screen-only }",  # on paper the brief is the page itself (state-profile.css)
        "",
        '<div class="outreach-brief" markdown>',
        "",
    ]
    for section, heading in BRIEF_SECTIONS.items():
        lines += [f"### {words(heading)} {{ {NOT_INDEXED} .brief-{section} }}", "", _brief_block(section), ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def state_page(manual: Manual, countries: UNMemberStates, state: State, words: Words = ENGLISH) -> str:
    page = state_page_path(state)
    member = manual.members_by_iso3().get(state.iso3)
    name = display_name(state, member)
    sources_page = relative(SOURCES_PAGE, page)
    status = membership_text(member, words)
    labels = _profile_labels(words)
    lines = [
        _front_matter(
            name, words("{name}: {status} of the Global Network of R2P Focal Points.", name=name, status=status)
        ),
        '<div class="state-profile" markdown>',
        "",
        f"# {esc(name)}",
        "",
        *_other_names_line(state, member, words),
        f"<div markdown {NOT_INDEXED}>",
        "",
        f"*{esc(state.subregion)}, {esc(state.region)} · ISO {esc(state.iso3)}*",
        "",
        f"- **{labels['network']}** {esc(status)}"
        + (" " + words("(roster as of {date})", date=words.date(manual.roster.as_of)) if member is None else ""),
    ]
    if member is not None:
        lines += _roles_and_note(member, words)
    hosted = meetings_hosted_by(manual, countries, state)
    lines.append(f"- **{labels['hosted']}** {_meeting_links(hosted, page, words)}")
    if member is not None:
        lines.append(f"- **{labels['sources']}** {cite(member.sources, sources_page)}")
    lines.append("")
    # The peers come before the brief, whose "Whom to contact" points to them.
    same_subregion, same_region = peers(manual, countries, state)
    region = region_phrase(state.region, words)
    # TRANSLATORS: a sub-region's name as the label of the list of its members ("Western Europe:").
    subregion_label = words("{area}:", area=esc(state.subregion))
    lines += [
        render.heading(2, words("Peers in the region"), f"peers {NOT_INDEXED}"),
        "",
        f"**{subregion_label}** {_peer_list(same_subregion, page, state.subregion, member is not None, words)}",
        "",
        "**"
        + words("Elsewhere in {region}:", region=esc(region))
        + "** "
        + _peer_list(same_region, page, words("the rest of {region}", region=region), False, words),
        "",
    ]
    if member is None:
        introduction = brief_introduction(name, words.date(manual.roster.as_of), hosted, page, words)
        lines.append(outreach_brief(introduction, documents_line(state, page, words), words))
    lines += _profile_end(page, words)
    return "\n".join(lines)


def _profile_labels(words: Words = ENGLISH) -> dict[str, str]:
    """The labels of a profile's facts, the same on every profile."""
    return {
        "network": words("Global Network of R2P Focal Points:"),
        "hosted": words("Meetings hosted or co-hosted:"),
        "sources": words("Sources:"),
        "roles": words("Roles:"),
        "note": words("Note:"),
    }


def _other_names_line(state: State, member: Member | None, words: Words = ENGLISH) -> list[str]:
    """The profile's other names, outside the unindexed block: search finds the page by any of them."""
    names = other_names(state, member)
    if not names:
        return []
    return [words("Other names and spellings: {names}", names=esc(", ".join(names))), ""]


def _roles_and_note(member: Member, words: Words = ENGLISH) -> list[str]:
    """A member's roles and note, each line only when the data holds one."""
    labels = _profile_labels(words)
    lines = []
    if member.roles:
        roles = ", ".join(words(render.ROLE_LABELS[r]) for r in member.roles)
        lines.append(f"- **{labels['roles']}** {esc(roles)}")
    if member.joined_note:
        lines.append(f"- **{labels['note']}** {esc(member.joined_note)}")
    return lines


def _profile_end(page: str, words: Words = ENGLISH) -> list[str]:
    """The profile as a one-page PDF, the way back to the index, and the close of the two blocks every
    profile opens."""
    back = render.linked(words("All UN member states"), relative(STATES_INDEX_PAGE, page))
    # HTML, not a Markdown link: the sheet is written after the pages, so MkDocs' link check cannot see it
    # (tests/test_sheets.py checks that every profile's sheet is there).
    label = words("PDF, one A4 page")
    sheet = f'<a href="{relative(sheet_path(page), page)}" type="application/pdf">{esc(label)}</a>'
    offer = words("This profile to print or attach: {pdf}", pdf=sheet)
    # Neither is of use on paper, where the profile is the sheet itself.
    return [offer, "{: .screen-only .sheet-offer }", "", back, "{: .screen-only }", "", "</div>", "", "</div>", ""]


def organisation_page(manual: Manual, member: Member, words: Words = ENGLISH) -> str:
    page = organisation_page_path(manual, member)
    sources_page = relative(SOURCES_PAGE, page)
    hosted = sorted(render.meetings_hosted(manual, member), key=lambda m: m.start.as_date())
    status = membership_text(member, words)
    labels = _profile_labels(words)
    description = words("{name}: {status} of the Global Network of R2P Focal Points.", name=member.name, status=status)
    lines = [
        _front_matter(member.name, description),
        '<div class="state-profile" markdown>',
        "",
        f"# {esc(member.name)}",
        "",
        f"<div markdown {NOT_INDEXED}>",
        "",
        "*" + words("Regional organisation") + "*",
        "",
        f"- **{labels['network']}** {esc(status)}",
        *_roles_and_note(member, words),
        f"- **{labels['hosted']}** {_meeting_links(hosted, page, words)}",
        f"- **{labels['sources']}** {cite(member.sources, sources_page)}",
        "",
        *_profile_end(page, words),
    ]
    return "\n".join(lines)


def brief_documents(manual: Manual, countries: UNMemberStates, words: Words = ENGLISH) -> dict[str, bytes]:
    """The outreach brief of every state the sources do not name, as editable documents."""
    members = manual.members_by_iso3()
    headings = {section: words(label) for section, label in BRIEF_SECTIONS.items()}
    files: dict[str, bytes] = {}
    for state in countries.states:
        if state.iso3 not in members:
            same_subregion, same_region = peers(manual, countries, state)
            names = [peer.member.name for peer in (*same_subregion, *same_region)]
            files |= forms.brief_files(forms.brief_form(manual, state, names, headings, words), state)
    return files


def generated_pages(manual: Manual, countries: UNMemberStates, words: Words = ENGLISH) -> dict[str, str]:
    """Every generated page: its path relative to docs/ and its Markdown."""
    pages = {state_page_path(state): state_page(manual, countries, state, words) for state in countries.states}
    for member in manual.roster.members:
        if member.kind == "regional-organisation":
            pages[organisation_page_path(manual, member)] = organisation_page(manual, member, words)
    return pages
