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
from macros.words import ENGLISH, N_, Words

# Where the pages that other pages link to live, relative to docs/.
SOURCES_PAGE = "sources.md"
MEETINGS_PAGE = "network/meetings.md"

ROLE_LABELS = {
    "co-founder": N_("co-founder"),
    "facilitating-group": N_("facilitating group"),
    "steering-group": N_("steering group"),
}
YEAR_NOT_RECORDED = N_("year not recorded")
# Material leaves elements and sections carrying this attribute out of the search index.
NOT_INDEXED = "data-search-exclude"
# A paragraph standing for a block of Markdown that many pages share, which the build converts once and puts
# in its place in each page (macros/build/shared_blocks.py).
SHARED_BLOCK = "⟦shared:{name}⟧"

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


def heading(level: int, title: str, anchor_id: str) -> str:
    """A Markdown heading with a fixed anchor, so that links to it survive a change of wording or language."""
    return f"{'#' * level} {title} {{ #{anchor_id} }}"


def section(level: int, title: str, anchor_id: str, *paragraphs: str) -> str:
    """A heading and its paragraphs, each cited where its facts come from."""
    return heading(level, title, anchor_id) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], right_aligned: Sequence[str] = ()) -> str:
    """A Markdown table. Cells are Markdown already: data goes through `esc` before it gets here."""
    header = "| " + " | ".join(columns) + " |"
    rule = "|" + "|".join("--:" if column in right_aligned else "---" for column in columns) + "|"
    return "\n".join([header, rule, *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)]) + "\n"


def format_span(start: PartialDate, end: PartialDate | None, words: Words = ENGLISH) -> str:
    if end is None or end == start:
        return words.date(start)
    if start.precision == end.precision == "day" and start[:7] == end[:7]:
        return words("{first_day}–{last_date}", first_day=int(start[8:]), last_date=words.date(end))
    return f"{words.date(start)} – {words.date(end)}"


def join_words(items: Sequence[str], words: Words = ENGLISH) -> str:
    if len(items) <= 1:
        return "".join(items)
    return words("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def linked(text: str, target: str | None) -> str:
    """`text` as a link to `target`, or as plain text when there is no target."""
    return f"[{esc(text)}]({target})" if target else esc(text)


# --- citations and bibliography ------------------------------------------------------------------


def cite(source_ids: Iterable[str], sources_page: str) -> str:
    """Inline citation links, e.g. `[mennecke-2021]` pointing at its bibliography entry."""
    links = [f"[{esc(source_id)}]({sources_page}#{anchor('source', source_id)})" for source_id in source_ids]
    return " ".join(f"\\[{link}\\]" for link in links)


# The UN's resolver of document symbols, which leads to the official record in every language.
UN_DOCUMENTS = "https://undocs.org/"


def un_symbol(symbol: str) -> str:
    """A UN document symbol whose parts the PDF keeps whole (macros/build/pdf_templates/styles.scss), so that
    a line breaks only after the dash of a joint symbol: broken at a slash ("A/65/877–S/" over "2011/393") it
    reads as two documents. On screen the text has room enough."""
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


def bibliography_entry(source: Source, words: Words = ENGLISH) -> str:
    parts = [f"**{esc(source.id)}**: {esc(source.author)}, *{with_un_symbols(source.title)}*"]
    if source.publisher:
        parts.append(esc(source.publisher))
    parts.append(words.date(source.date) if source.date else words("no date"))
    sentences = [", ".join(parts), f"[{esc(source.url)}]({url(source.url)})"]
    if source.un_symbol:
        record = f"[{un_symbol(source.un_symbol)}]({url(UN_DOCUMENTS + source.un_symbol)})"
        sentences.append(words("Official record: {record}", record=record))
    text = ". ".join(sentences) + "."
    if source.note:
        text += f" {esc(source.note)}"
    return f"- {text}\n    {{ #{anchor('source', source.id)} }}"


def bibliography(manual: Manual, words: Words = ENGLISH) -> str:
    entries = sorted(manual.sources.sources, key=lambda s: s.id)
    return "\n".join(bibliography_entry(source, words) for source in entries) + "\n"


# --- pillars and crimes --------------------------------------------------------------------------


def pillars(manual: Manual, sources_page: str, heading_level: int = 3, words: Words = ENGLISH) -> str:
    measures_label = words("Typical measures:")
    return "\n".join(
        section(
            heading_level,
            words("Pillar {number}: {name}", number=pillar.number, name=esc(pillar.name)),
            anchor("pillar", str(pillar.number)),
            f"{esc(pillar.asks)} {cite(pillar.sources, sources_page)}",
            measures_label,
            "\n".join(f"- {esc(measure)}" for measure in pillar.measures),
        )
        for pillar in sorted(manual.pillars.pillars, key=lambda p: p.number)
    )


def crimes(manual: Manual, sources_page: str, heading_level: int = 3, words: Words = ENGLISH) -> str:
    return "\n".join(
        section(
            heading_level,
            esc(crime.name),
            anchor("crime", crime.id),
            esc(crime.explanation),
            words("Legal anchor: {anchor}", anchor=esc(crime.legal_anchor)) + " " + cite(crime.sources, sources_page),
        )
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


def mandate_recommendations(manual: Manual, sources_page: str, words: Words = ENGLISH) -> str:
    rows = [
        (esc(r.topic.replace("-", " ")), f"**{esc(r.title)}**: {esc(r.text)}", r.year, cite(r.sources, sources_page))
        for r in manual.mandate.recommendations
    ]
    return table((words("Topic"), words("Recommendation"), words("Year"), words("Sources")), rows)


def mandate_proposals(manual: Manual, sources_page: str, heading_level: int = 3, words: Words = ENGLISH) -> str:
    return "\n".join(
        section(
            heading_level,
            esc(p.title),
            anchor("proposal", p.id),
            " ".join(
                (
                    esc(p.text),
                    words("Proposed by {who}, {year}.", who=esc(p.proposed_by), year=p.year),
                    cite(p.sources, sources_page),
                )
            ),
        )
        for p in manual.mandate.proposals
    )


def principles(manual: Manual, sources_page: str, heading_level: int = 3) -> str:
    return "\n".join(
        section(
            heading_level,
            f"{number}. {esc(p.title)}",
            anchor("principle", p.id),
            f"{esc(p.statement)} {cite(p.sources, sources_page)}",
        )
        for number, p in enumerate(manual.principles.principles, start=1)
    )


# --- roster --------------------------------------------------------------------------------------


def members_of_kind(manual: Manual, kind: str | None = None) -> list[Member]:
    return [m for m in manual.roster.members if kind is None or m.kind == kind]


def member_count(manual: Manual, kind: str | None = None) -> int:
    return len(members_of_kind(manual, kind))


def members_named(manual: Manual, words: Words = ENGLISH) -> str:
    """'41 states and 2 regional organisations': the members the data names, counted."""
    return join_words(
        [
            states_text(member_count(manual, "state"), words),
            organisations_text(member_count(manual, "regional-organisation"), words),
        ],
        words,
    )


def states_text(count: int, words: Words = ENGLISH) -> str:
    return words.plural("{count} state", "{count} states", count)


def organisations_text(count: int, words: Words = ENGLISH) -> str:
    return words.plural("{count} regional organisation", "{count} regional organisations", count)


def meetings_hosted(manual: Manual, member: Member) -> list[Meeting]:
    """Meetings the member hosted or co-hosted itself or through one of its bodies (an organisation's `part_of`)."""
    hosts = {member.name} | {o.id for o in manual.meetings.organisations if o.part_of == member.name}
    return [m for m in manual.meetings.meetings if hosts.intersection(m.hosts)]


def joined_text(member: Member, words: Words = ENGLISH) -> str:
    if member.joined is not None:
        return str(member.joined)
    return words(
        "{year_not_recorded} (listed by {date})",
        year_not_recorded=words(YEAR_NOT_RECORDED),
        date=words.date(member.listed_by),
    )


MEMBER_KINDS = typing.get_args(Member.model_fields["kind"].annotation)


def members_table(
    manual: Manual,
    kind: str,
    sources_page: str,
    meetings_page: str,
    profile_links: Mapping[str, str] | None = None,
    words: Words = ENGLISH,
) -> str:
    """Every member of one kind with its year, roles, meetings hosted and sources; `profile_links` maps a
    member's name to its profile page, when the build makes them. One table per kind: a column saying
    "state" 41 times took room the other columns need on a phone and on paper."""
    if kind not in MEMBER_KINDS:
        raise ValueError(f"unknown kind of member {kind!r}; expected one of {', '.join(MEMBER_KINDS)}")
    rows = []
    for member in sorted((m for m in manual.roster.members if m.kind == kind), key=lambda m: name_order(m.name)):
        hosted = ", ".join(
            f"[{esc(meeting_label(m, words))}]({meetings_page}#{anchor('meeting', m.id)})"
            for m in meetings_hosted(manual, member)
        )
        roles = ", ".join(words(ROLE_LABELS[r]) for r in member.roles)
        name = linked(member.name, (profile_links or {}).get(member.name))
        rows.append(
            (
                name,
                esc(joined_text(member, words)),
                esc(roles) or "—",
                hosted or "—",
                cite(member.sources, sources_page),
            )
        )
    columns = (
        words("Member"),
        words("Joined"),
        words("Roles"),
        words("Meetings hosted or co-hosted"),
        words("Sources"),
    )
    return styled_block("members-table", table(columns, rows))


def count_text(count: OfficialCount, words: Words = ENGLISH) -> str:
    text = states_text(count.states, words)
    if count.organisations is not None:
        text = join_words([text, organisations_text(count.organisations, words)], words)
    return words("more than {count}", count=text) if count.qualifier == "more-than" else text


def official_counts_table(manual: Manual, sources_page: str, words: Words = ENGLISH) -> str:
    rows = [
        (words.date(c.date), esc(count_text(c, words)), esc(c.note or ""), cite(c.sources, sources_page))
        for c in sorted(manual.roster.official_counts, key=lambda c: c.date.as_date())
    ]
    return table((words("Date"), words("Reported membership"), words("Note"), words("Sources")), rows)


def latest_official_count(manual: Manual) -> OfficialCount:
    return max(manual.roster.official_counts, key=lambda c: c.date.as_date())


def count_gap(manual: Manual, sources_page: str, words: Words = ENGLISH) -> str:
    """A plain sentence comparing the latest official count with the members named in the data."""
    latest = latest_official_count(manual)
    states = member_count(manual, "state")
    lead = words(
        "The latest official count found, from {date}, reports {count} {citation}. "
        "The sources used for this manual name {named}.",
        date=words.date(latest.date),
        count=esc(count_text(latest, words)),
        citation=cite(latest.sources, sources_page),
        named=members_named(manual, words),
    )
    missing = latest.states - states
    if latest.qualifier == "more-than" and missing >= 0:
        # The count is a lower bound, so the unnamed members are too.
        if missing:
            others = words.plural(
                "More than {count} other member state has not been identified by name in those sources, "
                "so they are not listed here.",
                "More than {count} other member states have not been identified by name in those sources, "
                "so they are not listed here.",
                missing,
            )
        else:
            others = words(
                "Some member states have not been identified by name in those sources, so they are not listed here."
            )
        return f"{lead} {others}"
    if missing > 0:
        others = words.plural(
            "The other {count} member state has not been identified by name in those sources, "
            "so they are not listed here.",
            "The other {count} member states have not been identified by name in those sources, "
            "so they are not listed here.",
            missing,
        )
        return f"{lead} {others}"
    if missing < 0:
        return f"{lead} " + words(
            "The data names more states than that count: it predates some of the joiners listed here."
        )
    return f"{lead} " + words("Every state in that count is listed here.")


# --- meetings ------------------------------------------------------------------------------------


def meeting_label(meeting: Meeting, words: Words = ENGLISH) -> str:
    place = meeting.city or words("place not recorded")
    # TRANSLATORS: a meeting named by its year and city, as in a list of meetings ("2013 Accra").
    return words("{year} {city}", year=meeting.start.year, city=place)


def meetings_timeline(
    manual: Manual,
    sources_page: str,
    kind: str | None = None,
    heading_level: int = 3,
    profile_links: Mapping[str, str] | None = None,
    words: Words = ENGLISH,
) -> str:
    """Each meeting under its own heading; `profile_links` maps a host's name to its profile page, when the
    build makes them."""
    label = {
        "where": words("Where:"),
        "hosts": words("Hosts:"),
        "attendance": words("Attendance:"),
        "themes": words("Themes:"),
        "notes": words("Notes:"),
        "sources": words("Sources:"),
        "city not recorded": words("city not recorded"),
    }
    blocks = []
    for meeting in sorted(manual.meetings.meetings, key=lambda m: m.start.as_date()):
        if kind is not None and meeting.kind != kind:
            continue
        lines = [
            heading(
                heading_level,
                words(
                    "{dates}: {title}", dates=format_span(meeting.start, meeting.end, words), title=esc(meeting.title)
                ),
                anchor("meeting", meeting.id),
            ),
            "",
            f"- **{label['where']}** {esc(meeting.city or label['city not recorded'])}",
        ]
        if meeting.hosts:
            hosts = [linked(host_name(manual, host), (profile_links or {}).get(host)) for host in meeting.hosts]
            lines.append(f"- **{label['hosts']}** {join_words(hosts, words)}")
        if meeting.attendance:
            lines.append(f"- **{label['attendance']}** {esc(meeting.attendance)}")
        if meeting.themes:
            lines.append(f"- **{label['themes']}** {esc('; '.join(meeting.themes))}")
        if meeting.notes:
            lines.append(f"- **{label['notes']}** {esc('; '.join(meeting.notes))}")
        lines.append(f"- **{label['sources']}** {cite(meeting.sources, sources_page)}")
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


def years_without_meetings_sentence(manual: Manual, words: Words = ENGLISH) -> str:
    gaps = years_without_meetings(manual)
    if not gaps:
        years = [m.start.year for m in manual.meetings.meetings]
        return words(
            "The sources used for this manual record at least one network meeting in every year from "
            "{first} to {last}.",
            first=min(years),
            last=max(years),
        )
    # A gap in the sources, not proof that the network did not meet.
    return words(
        "The sources used for this manual record no network meeting in {years}, "
        "which does not mean that none took place.",
        years=join_words(year_ranges(gaps), words),
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


def latest_meeting_sentence(manual: Manual, sources_page: str, meetings_page: str, words: Words = ENGLISH) -> str:
    meeting = latest_meeting(manual)
    title = meeting.title
    # An annual meeting's title is a heading, "Eleventh meeting"; inside a sentence it reads "the eleventh
    # meeting". A title that starts with a name ("European regional meeting") keeps its capital.
    if ORDINAL_WORD.match(title):
        title = title[:1].lower() + title[1:]
    # Made before the sentence: Babel's extractor misses a words() call inside another's arguments.
    city = meeting.city or words("a city not recorded")
    return words(
        "The most recent annual meeting recorded here is the {meeting}, {dates}, in {city} {citation}.",
        meeting=f"[{esc(title)}]({meetings_page}#{anchor('meeting', meeting.id)})",
        dates=format_span(meeting.start, meeting.end, words),
        city=esc(city),
        citation=cite(meeting.sources, sources_page),
    )


# --- the Secretary-General's reports -------------------------------------------------------------

SYMBOL_NOT_FOUND = N_("not found in the sources used")


def sg_reports_table(manual: Manual, sources_page: str, words: Words = ENGLISH) -> str:
    """The Secretary-General's R2P reports, oldest first, one row each."""
    rows = [
        (
            report.year,
            f"*{esc(report.title)}*",
            un_symbol(report.symbol) if report.symbol else esc(words(SYMBOL_NOT_FOUND)),
            cite(report.sources, sources_page),
        )
        for report in sorted(manual.sg_reports.reports, key=lambda r: r.year)
    ]
    return table((words("Year"), words("Title"), words("UN document"), words("Sources")), rows)


# --- roles in the network ------------------------------------------------------------------------


def members_with_role(manual: Manual, role: str, words: Words = ENGLISH) -> str:
    """A bulleted list of the members whose roles include `role`, alphabetically."""
    if role not in ROLE_LABELS:
        raise ValueError(f"unknown role {role!r}; expected one of {', '.join(ROLE_LABELS)}")
    names = sorted((member.name for member in manual.roster.members if role in member.roles), key=name_order)
    if not names:
        return (
            words("The sources used for this manual name no member of the {role}.", role=words(ROLE_LABELS[role]))
            + "\n"
        )
    return "\n".join(f"- {esc(name)}" for name in names) + "\n"
