"""Renderers: data in, Markdown out — checked as Markdown and as the HTML it becomes."""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest

from macros.data.loader import load_manual
from macros.data.schema import PartialDate
from macros.markdown import render
from macros.words import ENGLISH

from .conftest import FIXTURE_DATA

SOURCES = "../sources.md"


@pytest.fixture(scope="module")
def manual():
    return load_manual(FIXTURE_DATA)


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "pymdownx.escapeall"])


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "{{ config }} {% if x %}",
        "*bold* _em_ `code` | pipe # hash",
    ],
)
def test_esc_shows_any_text_literally(payload):
    rendered = html(render.esc(payload))
    assert rendered == "<p>" + payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"


def test_esc_folds_line_breaks():
    assert render.esc("one\ntwo") == "one two"


def test_url_encodes_characters_that_end_a_link():
    assert render.url("https://example.org/a (b)") == "https://example.org/a%20%28b%29"


@pytest.mark.parametrize(
    "value, shown",
    [
        ("2013", "2013"),
        ("2013-06", "June 2013"),
        ("2013-06-11", "11 June 2013"),
        (None, "date not recorded"),
    ],
)
def test_dates_read_as_the_manual_writes_them(value, shown):
    assert ENGLISH.date(PartialDate(value) if value else None) == shown


def test_format_span():
    assert render.format_span(PartialDate("2011-05-17"), PartialDate("2011-05-18")) == "17–18 May 2011"
    assert render.format_span(PartialDate("2018-06-30"), PartialDate("2018-07-01")) == "30 June 2018 – 1 July 2018"
    assert render.format_span(PartialDate("2022"), None) == "2022"


def test_cite_links_each_source_to_its_bibliography_entry():
    assert html(render.cite(["book-2021", "page-2013"], SOURCES)) == (
        '<p>[<a href="../sources.md#source-book-2021">book-2021</a>] '
        '[<a href="../sources.md#source-page-2013">page-2013</a>]</p>'
    )


def test_bibliography_lists_every_source_with_an_anchor(manual):
    rendered = html(render.bibliography(manual))
    assert (
        '<li id="source-book-2021"><strong>book-2021</strong>: A. Author, <em>A Book About Focal Points</em>, '
        'A Journal, 1 June 2021. <a href="https://example.org/book">https://example.org/book</a>.</li>' in rendered
    )
    assert '<li id="source-page-2013">' in rendered and "July 2013" in rendered


def test_a_un_document_links_its_official_record_beside_the_copy_read(manual):
    report = manual.sources.sources[0].model_copy(
        update={
            "title": "Implementing the responsibility to protect (A/63/677)",
            "un_symbol": "A/63/677",
            "url": "https://copies.example.org/a-63-677",
        }
    )
    rendered = html(render.bibliography_entry(report))
    assert '<em>Implementing the responsibility to protect (<span class="un-symbol">A/63/677</span>)</em>' in rendered
    assert (
        '<a href="https://copies.example.org/a-63-677">https://copies.example.org/a-63-677</a>. '
        'Official record: <a href="https://undocs.org/A/63/677"><span class="un-symbol">A/63/677</span></a>.'
    ) in rendered


def test_every_un_symbol_in_a_title_is_kept_whole_and_the_rest_escaped():
    marked = render.with_un_symbols("Report  (A/67/929–S/2013/399) on <b>A/RES/60/1</b>")
    assert marked == (
        'Report \\(<span class="un-symbol">A\\/67\\/929</span>–<span class="un-symbol">S\\/2013\\/399'
        '</span>\\) on \\<b\\><span class="un-symbol">A\\/RES\\/60\\/1</span>\\<\\/b\\>'
    )
    assert render.with_un_symbols("No symbol, here.") == render.esc("No symbol, here.")


def test_a_note_follows_the_address_as_a_sentence_of_its_own(manual):
    source = manual.sources.sources[0].model_copy(update={"url": "https://example.org/copy", "note": "A copy."})
    assert '<a href="https://example.org/copy">https://example.org/copy</a>. A copy.' in html(
        render.bibliography_entry(source)
    )


def test_the_secretariat_is_the_first_contact_of_the_brief(manual):
    assert render.secretariat_url(manual) == str(manual.outreach.contacts[0].url)
    hostile = manual.outreach.contacts[0].model_copy(update={"url": "https://example.org/a b)c"})
    outreach = manual.outreach.model_copy(update={"contacts": [hostile]})
    assert render.secretariat_url(dataclasses.replace(manual, outreach=outreach)) == "https://example.org/a%20b%29c"


def test_members_link_to_their_profiles_when_the_build_makes_them(manual):
    plain = html(render.members_table(manual, "state", SOURCES, "meetings.md"))
    assert "<td>Denmark</td>" in plain
    linked = html(render.members_table(manual, "state", SOURCES, "meetings.md", {"Denmark": "../states/dnk.md"}))
    assert '<td><a href="../states/dnk.md">Denmark</a></td>' in linked
    assert "<td>Ghana</td>" in linked  # no profile given: plain text


def test_pillars_in_order_with_measures_and_sources(manual):
    rendered = html(render.pillars(manual, SOURCES))
    assert rendered.index('id="pillar-1"') < rendered.index('id="pillar-2"') < rendered.index('id="pillar-3"')
    assert '<h3 id="pillar-1">Pillar 1: Protection by the state</h3>' in rendered
    assert "<li>Ratify treaties</li>" in rendered and "#source-book-2021" in rendered


def test_crimes_show_explanation_and_legal_anchor(manual):
    rendered = html(render.crimes(manual, SOURCES, heading_level=2))
    for name in ("Genocide", "War crimes", "Ethnic cleansing", "Crimes against humanity"):
        assert f">{name}</h2>" in rendered
    assert "Legal anchor: Rome Statute article 7" in rendered


def test_mandate_functions_by_scope(manual):
    domestic = html(render.mandate_functions(manual, "domestic", SOURCES))
    assert "National plan" in domestic and "Promote the norm" not in domestic
    assert 'id="function-national-plan"' in domestic


def test_mandate_recommendations_table(manual):
    rendered = html(render.mandate_recommendations(manual, SOURCES))
    assert "<td>convening authority</td>" in rendered and "<strong>Authority to convene</strong>" in rendered


def test_mandate_proposals(manual):
    rendered = html(render.mandate_proposals(manual, SOURCES))
    assert 'id="proposal-annual-reports"' in rendered and "Proposed by A. Author, 2021." in rendered


def test_principles_numbered(manual):
    rendered = html(render.principles(manual, SOURCES))
    assert '<h3 id="principle-universal-risk">1. Risk is universal</h3>' in rendered


def test_members_table_shows_year_or_not_recorded_and_hosting(manual):
    rendered = html(render.members_table(manual, "state", SOURCES, "meetings.md"))
    assert "<td>Denmark</td>\n<td>2010</td>\n<td>co-founder</td>" in rendered
    assert "<td>year not recorded (listed by July 2013)</td>" in rendered
    assert '<a href="meetings.md#meeting-annual-01">2011 New York</a>' in rendered


def test_members_tables_hold_one_kind_of_member_each(manual):
    states = html(render.members_table(manual, "state", SOURCES, "meetings.md"))
    organisations = html(render.members_table(manual, "regional-organisation", SOURCES, "meetings.md"))
    assert "Denmark" in states and "Ghana" in states and "European Union" not in states
    assert "European Union" in organisations and "Denmark" not in organisations
    assert "<th>Member</th>\n<th>Joined</th>" in states  # no column repeating the kind on every row
    with pytest.raises(ValueError, match="unknown kind of member 'states'"):
        render.members_table(manual, "states", SOURCES, "meetings.md")


def test_members_table_sorts_by_name_as_a_reader_expects(manual):
    """Plain code-point order would put "Côte d'Ivoire" after "Czech Republic"."""
    state = next(m for m in manual.roster.members if m.kind == "state")
    renamed = [state.model_copy(update={"name": name}) for name in ("Czech Republic", "Côte d'Ivoire", "denmark")]
    roster = manual.roster.model_copy(update={"members": renamed})
    rendered = html(render.members_table(dataclasses.replace(manual, roster=roster), "state", SOURCES, "meetings.md"))
    names = re.findall(r"<tr>\n<td>([^<]+)</td>", rendered)
    assert names == ["Côte d'Ivoire", "Czech Republic", "denmark"]


def test_a_meeting_hosted_by_a_body_of_a_member_counts_as_the_members(manual):
    european_union = next(m for m in manual.roster.members if m.name == "European Union")
    assert render.meetings_hosted(manual, european_union) == []
    organisations = [o.model_copy(update={"part_of": "European Union"}) for o in manual.meetings.organisations]
    meetings = manual.meetings.model_copy(update={"organisations": organisations})
    with_body = dataclasses.replace(manual, meetings=meetings)
    assert [m.id for m in render.meetings_hosted(with_body, european_union)] == ["annual-01"]
    rendered = html(render.members_table(with_body, "regional-organisation", SOURCES, "meetings.md"))
    eu_row = rendered[rendered.index("<td>European Union</td>") :]
    assert '<a href="meetings.md#meeting-annual-01">2011 New York</a>' in eu_row[: eu_row.index("</tr>")]


def test_member_counts_are_computed(manual):
    assert render.member_count(manual) == 3
    assert render.member_count(manual, "state") == 2
    assert render.members_named(manual) == "2 states and 1 regional organisation"


def test_official_counts_table_sorted_by_date(manual):
    rendered = html(render.official_counts_table(manual, SOURCES))
    assert rendered.index("July 2013") < rendered.index("11 May 2021")
    assert "4 states and 1 regional organisation" in rendered


def test_count_gap_says_how_many_are_not_named(manual):
    sentence = html(render.count_gap(manual, SOURCES))
    assert "reports 4 states and 1 regional organisation" in sentence
    assert "name 2 states and 1 regional organisation" in sentence
    assert "The other 2 member states have not been identified by name" in sentence


@pytest.mark.parametrize(
    "states, gap",
    [
        (4, "More than 2 other member states have not been identified by name"),
        (3, "More than 1 other member state has not been identified by name"),
        (2, "Some member states have not been identified by name"),
    ],
)
def test_count_gap_under_a_more_than_count_is_a_lower_bound(manual, states, gap):
    latest = render.latest_official_count(manual)
    counts = [
        count.model_copy(update={"states": states, "qualifier": "more-than"}) if count is latest else count
        for count in manual.roster.official_counts
    ]
    roster = manual.roster.model_copy(update={"official_counts": counts})
    sentence = html(render.count_gap(dataclasses.replace(manual, roster=roster), SOURCES))
    assert f"reports more than {states} states" in sentence
    assert gap in sentence and "The other" not in sentence and "Every state" not in sentence


def test_meetings_timeline_by_kind(manual):
    annual = html(render.meetings_timeline(manual, SOURCES, "annual"))
    assert '<h3 id="meeting-annual-01">17–18 May 2011: First annual meeting</h3>' in annual
    assert "Denmark, Chile and The Secretariat" in annual and "Ljubljana" not in annual


def test_the_latest_meeting_keeps_the_capital_of_a_title_that_starts_with_a_name(manual):
    meetings = manual.meetings.model_copy(
        update={
            "meetings": [
                m.model_copy(update={"title": "European focal points meeting"}) for m in manual.meetings.meetings
            ]
        }
    )
    sentence = render.latest_meeting_sentence(dataclasses.replace(manual, meetings=meetings), SOURCES, "m.md")
    assert "is the [European focal points meeting]" in sentence


def test_meetings_timeline_links_the_hosts_that_have_a_profile(manual):
    annual = html(
        render.meetings_timeline(
            manual, SOURCES, "annual", profile_links={"Denmark": "states/dnk.md", "Chile": "states/chl.md"}
        )
    )
    assert (
        '<strong>Hosts:</strong> <a href="states/dnk.md">Denmark</a>, <a href="states/chl.md">Chile</a> '
        "and The Secretariat</li>"
    ) in annual


def test_meetings_timeline_lists_notes_below_themes_only_when_there_are_some(manual):
    first, regional = manual.meetings.meetings
    noted = first.model_copy(update={"notes": ["Opened by a minister", "An outcome <document> was published"]})
    meetings = manual.meetings.model_copy(update={"meetings": [noted, regional]})
    rendered = html(render.meetings_timeline(dataclasses.replace(manual, meetings=meetings), SOURCES))
    themes = "<li><strong>Themes:</strong> The role of a focal point</li>"
    notes = "<li><strong>Notes:</strong> Opened by a minister; An outcome &lt;document&gt; was published</li>"
    assert themes in rendered and notes in rendered
    assert rendered.index(themes) < rendered.index(notes) < rendered.index("Ljubljana")
    assert rendered.count("<strong>Notes:</strong>") == 1


def test_years_without_a_recorded_meeting_are_the_gaps_between_the_first_and_the_latest(manual):
    # The fixture records meetings in 2011 and 2013 only.
    assert render.years_without_meetings(manual) == [2012]
    assert render.years_without_meetings_sentence(manual) == (
        "The sources used for this manual record no network meeting in 2012, which does not mean that none took place."
    )
    first, regional = manual.meetings.meetings
    in_2012 = first.model_copy(update={"id": "annual-02", "start": PartialDate("2012"), "end": None})
    every_year = [first, in_2012, regional]
    meetings = manual.meetings.model_copy(update={"meetings": every_year})
    assert render.years_without_meetings_sentence(dataclasses.replace(manual, meetings=meetings)) == (
        "The sources used for this manual record at least one network meeting in every year from 2011 to 2013."
    )


@pytest.mark.parametrize(
    "years, ranges",
    [
        ([], []),
        ([2014], ["2014"]),
        ([2014, 2020, 2021], ["2014", "2020–2021"]),
        ([2020, 2021, 2023, 2024], ["2020–2021", "2023–2024"]),
    ],
)
def test_year_ranges_join_consecutive_years(years, ranges):
    assert render.year_ranges(years) == ranges


def test_meeting_count_and_latest(manual):
    assert render.meeting_count(manual, "annual") == 1
    assert render.latest_meeting(manual, "regional").city == "Ljubljana"
    assert render.latest_meeting_sentence(manual, SOURCES, "meetings.md").startswith(
        "The most recent annual meeting recorded here is the [first annual meeting](meetings.md#meeting-"
    )


def test_table_aligns_the_named_columns_and_keeps_empty_cells():
    assert render.table(("Name", "Count"), [("a", 1), ("b", "")], right_aligned=("Count",)) == (
        "| Name | Count |\n|---|--:|\n| a | 1 |\n| b |  |\n"
    )
    assert '<td style="text-align: right;">1</td>' in html(render.table(("N", "C"), [("a", 1)], right_aligned=("C",)))
