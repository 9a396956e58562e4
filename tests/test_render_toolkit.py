"""Toolkit renderers (and the roster-role list): data in, Markdown out, checked as the HTML it becomes."""

from __future__ import annotations

import dataclasses

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.data.loader import load_manual
from macros.data.schema import Member, Question, SeeAlso
from macros.markdown import render, toolkit

from .conftest import FIXTURE_DATA

SOURCES = "../sources.md"
HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) {{ config }}"


@pytest.fixture(scope="module")
def manual():
    return load_manual(FIXTURE_DATA)


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "abbr", "md_in_html", "pymdownx.escapeall"])


def with_roster_roles(manual, roles_by_name: dict[str, list[str]]):
    members = [
        member.model_copy(update={"roles": roles_by_name.get(member.name, [])}) for member in manual.roster.members
    ]
    return dataclasses.replace(manual, roster=manual.roster.model_copy(update={"members": members}))


# --- members with a role ----------------------------------------------------------------------------


def test_members_with_role_lists_only_those_members_alphabetically(manual):
    changed = with_roster_roles(manual, {"Ghana": ["steering-group"], "Denmark": ["co-founder", "steering-group"]})
    assert render.members_with_role(changed, "steering-group") == "- Denmark\n- Ghana\n"
    assert render.members_with_role(changed, "co-founder") == "- Denmark\n"


def test_members_with_role_says_so_when_no_member_has_it(manual):
    assert render.members_with_role(with_roster_roles(manual, {}), "steering-group") == (
        "The sources used for this manual name no member of the steering group.\n"
    )


def test_members_with_role_rejects_an_unknown_role(manual):
    with pytest.raises(ValueError, match="unknown role 'steering group'"):
        render.members_with_role(manual, "steering group")


def test_members_with_role_escapes_names(manual):
    hostile = Member(
        name=HOSTILE, kind="regional-organisation", listed_by="2013", roles=["steering-group"], sources=["book-2021"]
    )
    changed = dataclasses.replace(manual, roster=manual.roster.model_copy(update={"members": [hostile]}))
    rendered = html(render.members_with_role(changed, "steering-group"))
    assert "<script>" not in rendered and "<a " not in rendered and "&lt;script&gt;" in rendered


# --- checklist, templates, self-assessment ------------------------------------------------------------


def test_checklist_groups_tasks_by_phase_with_a_tick_box_and_citation(manual):
    rendered = html(toolkit.checklist(manual, SOURCES))
    assert '<h2 id="phase-first-two-weeks">First two weeks</h2>' in rendered
    # An empty box on paper, which names its task for the script that makes it a remembered check box.
    first = manual.toolkit.checklist[0]
    assert f'<td><span class="checklist-box" data-item="{first.id}" data-task="{first.task}">☐</span></td>' in rendered
    assert '<p class="checklist-controls" hidden>' in rendered
    assert "<strong>Tell the secretariat you are the new focal point.</strong>" in rendered
    assert 'href="../sources.md#source-book-2021"' in rendered
    assert "Months two and three" not in rendered  # no fixture task in that phase: no empty table


def test_template_gives_each_prompt_an_empty_notes_cell(manual):
    rendered = html(toolkit.template(manual.toolkit.handover, SOURCES))
    assert '<h2 id="section-people">People and networks</h2>' in rendered
    assert "<td>Who supports the work?</td>\n<td></td>" in rendered


def test_self_assessment_has_one_row_per_mandate_item(manual):
    rendered = html(toolkit.self_assessment(manual, SOURCES))
    rows = rendered.count("<tr>") - 1
    assert rows == len(manual.mandate.functions)
    assert "<strong>National plan</strong> (at home)" in rendered
    assert "<strong>Promote the norm</strong> (abroad)" in rendered


def test_self_assessment_does_not_repeat_a_scope_the_title_names(manual):
    function = manual.mandate.functions[0].model_copy(
        update={"title": "Coordinate prevention at home", "scope": "domestic"}
    )
    mandate = manual.mandate.model_copy(update={"functions": [function]})
    rendered = html(toolkit.self_assessment(dataclasses.replace(manual, mandate=mandate), SOURCES))
    assert "<strong>Coordinate prevention at home</strong>:" in rendered and "(at home)" not in rendered


FORMS = {
    "checklist": lambda manual: toolkit.checklist(manual, SOURCES),
    "template": lambda manual: toolkit.template(manual.toolkit.handover, SOURCES),
    "self-assessment": lambda manual: toolkit.self_assessment(manual, SOURCES),
}


@pytest.mark.parametrize("kind", FORMS)
def test_each_form_table_sits_in_a_block_named_after_its_kind(manual, kind):
    """The print styles give every form of a kind the same columns by these classes."""
    tables = BeautifulSoup(html(FORMS[kind](manual)), "html.parser").find_all("table")
    assert tables
    assert all(
        table.parent.name == "div" and table.parent["class"] == ["toolkit-form", f"toolkit-form-{kind}"]
        for table in tables
    )


# --- talking points, objections, FAQ ----------------------------------------------------------------


def test_objections_are_quoted_headings_with_stable_anchors(manual):
    rendered = html(toolkit.objections(manual, SOURCES))
    objection = manual.outreach.objections[0]
    assert f'<h3 id="objection-{objection.id}">“' in rendered


def test_talking_points_cite_their_sources(manual):
    rendered = html(toolkit.talking_points(manual, SOURCES))
    assert "<li>All states agreed R2P in 2005." in rendered and "source-book-2021" in rendered


def test_faq_links_each_see_also_relative_to_the_page(manual):
    rendered = html(toolkit.faq(manual, SOURCES, lambda target: "../" + target))
    assert '<h2 id="question-hand-over">How do I hand over to my successor?</h2>' in rendered
    assert '<a href="../toolkit/handover.md">Handover note template</a>' in rendered


def test_faq_escapes_questions_and_answers(manual):
    hostile = Question(
        id="hostile",
        question=HOSTILE,
        answer=HOSTILE,
        sources=["book-2021"],
        see=SeeAlso(page="toolkit/faq.md", label=HOSTILE),
    )
    hostile_toolkit = manual.toolkit.model_copy(update={"faq": [hostile]})
    rendered = html(toolkit.faq(dataclasses.replace(manual, toolkit=hostile_toolkit), SOURCES, lambda t: t))
    assert "<script>" not in rendered
    assert rendered.count("<a ") == 2  # the citation and the see-also link; none made from the text


# --- risk factors -----------------------------------------------------------------------------------


def test_risk_factors_mark_names_not_verified_and_explain_the_mark_once(manual):
    rendered = html(toolkit.risk_factors_table(manual, SOURCES))
    assert "<td>Situations of armed conflict or other forms of instability</td>" in rendered
    assert "<td>Signs of an intent to destroy in whole or in part a protected group †</td>" in rendered
    assert rendered.count("Name not verified against the Framework's text") == 1
    assert rendered.index("</table>") < rendered.index("<p>† Name not verified")
    assert "<td>all atrocity crimes</td>" in rendered and "<td>genocide</td>" in rendered


# --- glossary ---------------------------------------------------------------------------------------

ABBREVIATIONS = """*[R2P]: Responsibility to Protect
*[EEAS]:   European External Action Service
not an abbreviation line
*[UN]: United Nations
"""


def test_parse_abbreviations_reads_only_abbreviation_lines():
    assert toolkit.parse_abbreviations(ABBREVIATIONS) == [
        ("R2P", "Responsibility to Protect"),
        ("EEAS", "European External Action Service"),
        ("UN", "United Nations"),
    ]


def test_glossary_lists_terms_alphabetically_and_each_becomes_an_abbreviation():
    text = toolkit.glossary(toolkit.parse_abbreviations(ABBREVIATIONS)) + "\n" + ABBREVIATIONS
    rendered = html(text)
    assert rendered.index(">EEAS<") < rendered.index(">R2P<") < rendered.index(">UN<")
    assert '<abbr title="European External Action Service">EEAS</abbr>' in rendered


def test_glossary_escapes_meanings():
    rendered = html(toolkit.glossary([("X", HOSTILE)]))
    assert "<script>" not in rendered and "<a " not in rendered
