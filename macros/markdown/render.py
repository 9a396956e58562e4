"""Pure rendering: validated data in, Markdown out.

Every value taken from data goes through `esc`, so text such as `<script>`, `[x](javascript:…)` or
`{{ x }}` reaches the reader as those characters, never as markup. Links to the bibliography are built
from a `sources_page` path relative to the page being rendered, which the caller supplies.
"""

from __future__ import annotations

import posixpath
import re
import string
import typing
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote

from macros.data.countries import name_order
from macros.data.manual import Manual
from macros.data.schema import Meeting, Member, OfficialCount, PartialDate, Source

# Where the pages that other pages link to live, relative to docs/.
SOURCES_PAGE = "sources.md"
MEETINGS_PAGE = "network/meetings.md"

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ROLE_LABELS = {
    "co-founder": "co-founder",
    "facilitating-group": "facilitating group",
    "steering-group": "steering group",
}
YEAR_NOT_RECORDED = "year not recorded"

# Every ASCII punctuation character, backslash-escaped: `pymdownx.escapeall` lets a backslash escape any.
_ESCAPE_PUNCTUATION = str.maketrans({char: "\\" + char for char in string.punctuation})


def esc(value: object) -> str:
    """Text from data as inert Markdown: punctuation backslash-escaped, line breaks folded."""
    return " ".join(str(value).split()).translate(_ESCAPE_PUNCTUATION)


def url(value: object) -> str:
    """A URL for a Markdown link target: characters that would end or break the target are encoded."""
    return quote(str(value), safe=":/?#[]@!$&'*+,;=%~-._")


def slug(text: str) -> str:
    """`text` as lower-case words joined by hyphens, for anchors and file names."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def relative(target: str, from_page: str) -> str:
    """`target` (relative to docs/) as linked from the page `from_page` (also relative to docs/)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def anchor(prefix: str, key: str) -> str:
    return f"{prefix}-{slug(key)}"


def styled_block(css_classes: str, markdown_text: str) -> str:
    """Markdown in a block with `css_classes`, for print styles that lay out one kind of table (md_in_html)."""
    return f'<div class="{css_classes}" markdown>\n\n{markdown_text}\n</div>\n'


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], right_aligned: Sequence[str] = ()) -> str:
    """A Markdown table. Cells are Markdown already: data goes through `esc` before it gets here."""
    header = "| " + " | ".join(columns) + " |"
    rule = "|" + "|".join("--:" if column in right_aligned else "---" for column in columns) + "|"
    return "\n".join([header, rule, *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)]) + "\n"


def format_date(value: PartialDate | None) -> str:
    if value is None:
        return "date not recorded"
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def format_span(start: PartialDate, end: PartialDate | None) -> str:
    if end is None or end == start:
        return format_date(start)
    if start.precision == end.precision == "day" and start[:7] == end[:7]:
        return f"{int(start[8:])}–{format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def join_words(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def linked(text: str, target: str | None) -> str:
    """`text` as a link to `target`, or as plain text when there is no target."""
    return f"[{esc(text)}]({target})" if target else esc(text)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


# --- citations and bibliography ------------------------------------------------------------------


def cite(source_ids: Iterable[str], sources_page: str) -> str:
    """Inline citation links, e.g. `[mennecke-2021]` pointing at its bibliography entry."""
    links = [f"[{esc(source_id)}]({sources_page}#{anchor('source', source_id)})" for source_id in source_ids]
    return " ".join(f"\\[{link}\\]" for link in links)


# The UN's resolver of document symbols, which leads to the official record in every language.
UN_DOCUMENTS = "https://undocs.org/"


def un_symbol(symbol: str) -> str:
    """A UN document symbol whose parts the PDF keeps whole (overrides/pdf/styles.scss), so that a line breaks
    only after the dash of a joint symbol: broken at a slash ("A/65/877–S/" over "2011/393") it reads as two
    documents. On screen the text has room enough."""
    return "–".join(f'<span class="un-symbol">{esc(part)}</span>' for part in symbol.split("–"))


def secretariat_url(manual: Manual) -> str:
    """Where to reach the network's secretariat: the first contact of the outreach brief."""
    return url(manual.outreach.contacts[0].url)


# A UN document symbol within a title, such as A/63/677 or A/RES/60/1.
_SYMBOL_IN_TEXT = re.compile(r"\b[AS](?:/[A-Za-z0-9.]*[A-Za-z0-9])+")


def with_un_symbols(text: str) -> str:
    """`text` as `esc` gives it, each UN document symbol in it kept whole as `un_symbol` keeps it."""
    text = " ".join(text.split())
    marked, last = [], 0
    for symbol in _SYMBOL_IN_TEXT.finditer(text):
        marked += [text[last : symbol.start()].translate(_ESCAPE_PUNCTUATION), un_symbol(symbol[0])]
        last = symbol.end()
    return "".join(marked) + text[last:].translate(_ESCAPE_PUNCTUATION)


def bibliography_entry(source: Source) -> str:
    parts = [f"**{esc(source.id)}**: {esc(source.author)}, *{with_un_symbols(source.title)}*"]
    if source.publisher:
        parts.append(esc(source.publisher))
    parts.append(format_date(source.date) if source.date else "no date")
    sentences = [", ".join(parts), f"[{esc(source.url)}]({url(source.url)})"]
    if source.un_symbol:
        sentences.append(f"Official record: [{un_symbol(source.un_symbol)}]({url(UN_DOCUMENTS + source.un_symbol)})")
    text = ". ".join(sentences) + "."
    if source.note:
        text += f" {esc(source.note)}"
    return f"- {text}\n    {{ #{anchor('source', source.id)} }}"


def bibliography(manual: Manual) -> str:
    entries = sorted(manual.sources.sources, key=lambda s: s.id)
    return "\n".join(bibliography_entry(source) for source in entries) + "\n"


# --- pillars and crimes --------------------------------------------------------------------------


def pillars(manual: Manual, sources_page: str, heading_level: int = 3) -> str:
    hashes = "#" * heading_level
    blocks = []
    for pillar in sorted(manual.pillars.pillars, key=lambda p: p.number):
        measures = "\n".join(f"- {esc(m)}" for m in pillar.measures)
        blocks.append(
            f"{hashes} Pillar {pillar.number}: {esc(pillar.name)} {{ #{anchor('pillar', str(pillar.number))} }}\n\n"
            f"{esc(pillar.asks)} {cite(pillar.sources, sources_page)}\n\n"
            f"Typical measures:\n\n{measures}\n"
        )
    return "\n".join(blocks)


def crimes(manual: Manual, sources_page: str, heading_level: int = 3) -> str:
    hashes = "#" * heading_level
    return "\n".join(
        f"{hashes} {esc(crime.name)} {{ #{anchor('crime', crime.id)} }}\n\n"
        f"{esc(crime.explanation)}\n\n"
        f"Legal anchor: {esc(crime.legal_anchor)} {cite(crime.sources, sources_page)}\n"
        for crime in manual.pillars.crimes
    )


# --- mandate and principles ----------------------------------------------------------------------


def mandate_functions(manual: Manual, scope: str, sources_page: str) -> str:
    items = [f for f in manual.mandate.functions if f.scope == scope]
    return (
        "\n".join(
            f"- **{esc(f.title)}** ({f.year}): {esc(f.text)} {cite(f.sources, sources_page)}\n"
            f"    {{ #{anchor('function', f.id)} }}"
            for f in items
        )
        + "\n"
    )


def mandate_recommendations(manual: Manual, sources_page: str) -> str:
    rows = [
        (esc(r.topic.replace("-", " ")), f"**{esc(r.title)}**: {esc(r.text)}", r.year, cite(r.sources, sources_page))
        for r in manual.mandate.recommendations
    ]
    return table(("Topic", "Recommendation", "Year", "Sources"), rows)


def mandate_proposals(manual: Manual, sources_page: str, heading_level: int = 3) -> str:
    hashes = "#" * heading_level
    return "\n".join(
        f"{hashes} {esc(p.title)} {{ #{anchor('proposal', p.id)} }}\n\n"
        f"{esc(p.text)} Proposed by {esc(p.proposed_by)}, {p.year}. {cite(p.sources, sources_page)}\n"
        for p in manual.mandate.proposals
    )


def principles(manual: Manual, sources_page: str, heading_level: int = 3) -> str:
    hashes = "#" * heading_level
    return "\n".join(
        f"{hashes} {number}. {esc(p.title)} {{ #{anchor('principle', p.id)} }}\n\n"
        f"{esc(p.statement)} {cite(p.sources, sources_page)}\n"
        for number, p in enumerate(manual.principles.principles, start=1)
    )


# --- roster --------------------------------------------------------------------------------------


def members_of_kind(manual: Manual, kind: str | None = None) -> list[Member]:
    return [m for m in manual.roster.members if kind is None or m.kind == kind]


def member_count(manual: Manual, kind: str | None = None) -> int:
    return len(members_of_kind(manual, kind))


def members_named(manual: Manual) -> str:
    """'41 states and 2 regional organisations': the members the data names, counted."""
    return (
        f"{plural(member_count(manual, 'state'), 'state')} and "
        f"{plural(member_count(manual, 'regional-organisation'), 'regional organisation')}"
    )


def meetings_hosted(manual: Manual, member: Member) -> list[Meeting]:
    """Meetings the member hosted or co-hosted itself or through one of its bodies (an organisation's `part_of`)."""
    hosts = {member.name} | {o.id for o in manual.meetings.organisations if o.part_of == member.name}
    return [m for m in manual.meetings.meetings if hosts.intersection(m.hosts)]


def joined_text(member: Member) -> str:
    if member.joined is not None:
        return str(member.joined)
    return f"{YEAR_NOT_RECORDED} (listed by {format_date(member.listed_by)})"


MEMBER_KINDS = typing.get_args(Member.model_fields["kind"].annotation)


def members_table(
    manual: Manual, kind: str, sources_page: str, meetings_page: str, profile_links: Mapping[str, str] | None = None
) -> str:
    """Every member of one kind with its year, roles, meetings hosted and sources; `profile_links` maps a
    member's name to its profile page, when the build makes them. One table per kind: a column saying
    "state" 41 times took room the other columns need on a phone and on paper."""
    if kind not in MEMBER_KINDS:
        raise ValueError(f"unknown kind of member {kind!r}; expected one of {', '.join(MEMBER_KINDS)}")
    rows = []
    for member in sorted((m for m in manual.roster.members if m.kind == kind), key=lambda m: name_order(m.name)):
        hosted = ", ".join(
            f"[{esc(meeting_label(m))}]({meetings_page}#{anchor('meeting', m.id)})"
            for m in meetings_hosted(manual, member)
        )
        roles = ", ".join(ROLE_LABELS[r] for r in member.roles)
        name = linked(member.name, (profile_links or {}).get(member.name))
        rows.append(
            (name, esc(joined_text(member)), esc(roles) or "—", hosted or "—", cite(member.sources, sources_page))
        )
    columns = ("Member", "Joined", "Roles", "Meetings hosted or co-hosted", "Sources")
    return styled_block("members-table", table(columns, rows))


def count_text(count: OfficialCount) -> str:
    text = plural(count.states, "state")
    if count.organisations is not None:
        text += " and " + plural(count.organisations, "regional organisation")
    return ("more than " if count.qualifier == "more-than" else "") + text


def official_counts_table(manual: Manual, sources_page: str) -> str:
    rows = [
        (format_date(c.date), esc(count_text(c)), esc(c.note or ""), cite(c.sources, sources_page))
        for c in sorted(manual.roster.official_counts, key=lambda c: c.date.as_date())
    ]
    return table(("Date", "Reported membership", "Note", "Sources"), rows)


def latest_official_count(manual: Manual) -> OfficialCount:
    return max(manual.roster.official_counts, key=lambda c: c.date.as_date())


def count_gap(manual: Manual, sources_page: str) -> str:
    """A plain sentence comparing the latest official count with the members named in the data."""
    latest = latest_official_count(manual)
    states = member_count(manual, "state")
    named = members_named(manual)
    lead = (
        f"The latest official count found, from {format_date(latest.date)}, reports {esc(count_text(latest))} "
        f"{cite(latest.sources, sources_page)}. The sources used for this manual name {named}."
    )
    missing = latest.states - states
    if latest.qualifier == "more-than" and missing >= 0:
        # The count is a lower bound, so the unnamed members are too.
        others = f"More than {plural(missing, 'other member state')}" if missing else "Some member states"
        return (
            f"{lead} {others} {'has' if missing == 1 else 'have'} not been identified by name in those "
            "sources, so they are not listed here."
        )
    if missing > 0:
        return (
            f"{lead} The other {plural(missing, 'member state')} "
            f"{'has' if missing == 1 else 'have'} not been identified by name in those sources, "
            "so they are not listed here."
        )
    if missing < 0:
        return f"{lead} The data names more states than that count: it predates some of the joiners listed here."
    return f"{lead} Every state in that count is listed here."


# --- meetings ------------------------------------------------------------------------------------


def meeting_label(meeting: Meeting) -> str:
    place = meeting.city or "place not recorded"
    return f"{meeting.start.year} {place}"


def meetings_timeline(
    manual: Manual,
    sources_page: str,
    kind: str | None = None,
    heading_level: int = 3,
    profile_links: Mapping[str, str] | None = None,
) -> str:
    """Each meeting under its own heading; `profile_links` maps a host's name to its profile page, when the
    build makes them."""
    hashes = "#" * heading_level
    blocks = []
    for meeting in sorted(manual.meetings.meetings, key=lambda m: m.start.as_date()):
        if kind is not None and meeting.kind != kind:
            continue
        lines = [
            f"{hashes} {format_span(meeting.start, meeting.end)}: {esc(meeting.title)} "
            f"{{ #{anchor('meeting', meeting.id)} }}",
            "",
            f"- **Where:** {esc(meeting.city or 'city not recorded')}",
        ]
        if meeting.hosts:
            hosts = [linked(host_name(manual, host), (profile_links or {}).get(host)) for host in meeting.hosts]
            lines.append(f"- **Hosts:** {join_words(hosts)}")
        if meeting.attendance:
            lines.append(f"- **Attendance:** {esc(meeting.attendance)}")
        if meeting.themes:
            lines.append(f"- **Themes:** {esc('; '.join(meeting.themes))}")
        if meeting.notes:
            lines.append(f"- **Notes:** {esc('; '.join(meeting.notes))}")
        lines.append(f"- **Sources:** {cite(meeting.sources, sources_page)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def years_without_meetings(manual: Manual) -> list[int]:
    """Years between the first and the latest recorded meeting in which no meeting of any kind is recorded."""
    years = {year for m in manual.meetings.meetings for year in range(m.start.year, (m.end or m.start).year + 1)}
    return [year for year in range(min(years), max(years)) if year not in years]


def year_ranges(years: Sequence[int]) -> list[str]:
    """Sorted years with consecutive runs joined: [2014, 2020, 2021] -> ['2014', '2020–2021']."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]


def years_without_meetings_sentence(manual: Manual) -> str:
    gaps = years_without_meetings(manual)
    if not gaps:
        years = [m.start.year for m in manual.meetings.meetings]
        return (
            f"The sources used for this manual record at least one network meeting in every year from "
            f"{min(years)} to {max(years)}."
        )
    # A gap in the sources, not proof that the network did not meet.
    return (
        f"The sources used for this manual record no network meeting in {join_words(year_ranges(gaps))}, "
        "which does not mean that none took place."
    )


def host_name(manual: Manual, host: str) -> str:
    organisation = next((o for o in manual.meetings.organisations if o.id == host), None)
    return organisation.name if organisation else host


def meeting_count(manual: Manual, kind: str = "annual") -> int:
    return sum(1 for m in manual.meetings.meetings if m.kind == kind)


def latest_meeting(manual: Manual, kind: str = "annual") -> Meeting:
    return max((m for m in manual.meetings.meetings if m.kind == kind), key=lambda m: m.start.as_date())


# A title's first word as an ordinal: "First", "Eleventh", "Twenty-second".
ORDINAL_WORD = re.compile(r"(?:[a-z]+-)?[a-z]*(?:first|second|third|th)\b", re.IGNORECASE)


def latest_meeting_sentence(manual: Manual, sources_page: str, meetings_page: str) -> str:
    meeting = latest_meeting(manual)
    title = meeting.title
    # An annual meeting's title is a heading, "Eleventh meeting"; inside a sentence it reads "the eleventh
    # meeting". A title that starts with a name ("European regional meeting") keeps its capital.
    if ORDINAL_WORD.match(title):
        title = title[:1].lower() + title[1:]
    return (
        f"The most recent annual meeting recorded here is the [{esc(title)}]"
        f"({meetings_page}#{anchor('meeting', meeting.id)}), {format_span(meeting.start, meeting.end)}, "
        f"in {esc(meeting.city or 'a city not recorded')} {cite(meeting.sources, sources_page)}."
    )


# --- the Secretary-General's reports -------------------------------------------------------------

SYMBOL_NOT_FOUND = "not found in the sources used"


def sg_reports_table(manual: Manual, sources_page: str) -> str:
    """The Secretary-General's R2P reports, oldest first, one row each."""
    rows = [
        (
            report.year,
            f"*{esc(report.title)}*",
            un_symbol(report.symbol) if report.symbol else esc(SYMBOL_NOT_FOUND),
            cite(report.sources, sources_page),
        )
        for report in sorted(manual.sg_reports.reports, key=lambda r: r.year)
    ]
    return table(("Year", "Title", "UN document", "Sources"), rows)


# --- roles in the network ------------------------------------------------------------------------


def members_with_role(manual: Manual, role: str) -> str:
    """A bulleted list of the members whose roles include `role`, alphabetically."""
    if role not in ROLE_LABELS:
        raise ValueError(f"unknown role {role!r}; expected one of {', '.join(ROLE_LABELS)}")
    names = sorted((member.name for member in manual.roster.members if role in member.roles), key=name_order)
    if not names:
        return f"The sources used for this manual name no member of the {ROLE_LABELS[role]}.\n"
    return "\n".join(f"- {esc(name)}" for name in names) + "\n"
