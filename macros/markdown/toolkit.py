"""Pure rendering of the practical tools: checklist, templates, self-assessment, talking points,
objections, FAQ, glossary and the Framework of Analysis risk factors.

Like `render`, every value from data goes through `esc`, and citations link to `sources_page`.
Templates print well: blank answer cells are left for the reader's pen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from macros.data.manual import Manual
from macros.data.schema import Function, RiskFactor, TemplateSection
from macros.markdown.render import anchor, cite, esc, heading, section, styled_block, table
from macros.words import ENGLISH, N_, Words

CHECKLIST_PHASES = {
    "first-two-weeks": N_("First two weeks"),
    "first-month": N_("First month"),
    "months-two-and-three": N_("Months two and three"),
    "by-day-100": N_("By day 100"),
}
RISK_FACTOR_GROUPS = {
    "common": N_("all atrocity crimes"),
    "genocide": N_("genocide"),
    "crimes-against-humanity": N_("crimes against humanity"),
    "war-crimes": N_("war crimes"),
}
# One mark in the table and one note under it: the note repeated in each row read as an unfinished draft.
NOT_VERIFIED_MARK = "†"
NOT_VERIFIED = N_(
    "{mark} Name not verified against the Framework's text: the research for this "
    "manual could not read it in a text that lists the factors, and it follows the Framework's "
    "standard numbering. Check it against the Framework itself before quoting it."
)
SCOPES = {"domestic": N_("at home"), "international": N_("abroad")}
EMPTY_BOX = "☐"

# `*[R2P]: Responsibility to Protect`, the syntax of the Markdown `abbr` extension.
_ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>\S.*?)\s*$")


def tick_box(item_id: str, task: str) -> str:
    """An empty box to tick on paper, which the page's script turns into a check box that remembers
    (docs/assets/javascripts/checklist.js)."""
    attributes = f'data-item="{html.escape(item_id)}" data-task="{html.escape(task)}"'
    return f'<span class="checklist-box" {attributes}>{EMPTY_BOX}</span>'


def checklist_controls(words: Words = ENGLISH) -> str:
    """The buttons of the remembered checklist, shown by its script (hidden without it, and on paper)."""
    clear, print_progress = words("Clear my ticks"), words("Print my progress")
    note = words("Your ticks stay in this browser only.")
    return (
        '<p class="checklist-controls" hidden>'
        f'<button type="button" data-action="clear">{clear}</button> '
        f'<button type="button" data-action="print">{print_progress}</button> {note}</p>'
    )


def checklist(manual: Manual, sources_page: str, heading_level: int = 2, words: Words = ENGLISH) -> str:
    """The first-100-days checklist: one table per phase, a tick box on every task."""
    columns = (words("Done"), words("Task"), words("Why"))
    blocks = [checklist_controls(words) + "\n"]
    for phase, label in CHECKLIST_PHASES.items():
        items = [item for item in manual.toolkit.checklist if item.phase == phase]
        if not items:
            continue
        rows = [
            (
                tick_box(item.id, item.task),
                f"**{esc(item.task)}**",
                f"{esc(item.why)} {cite(item.sources, sources_page)}",
            )
            for item in items
        ]
        blocks.append(
            heading(heading_level, words(label), anchor("phase", phase))
            + "\n\n"
            + form("checklist", table(columns, rows))
        )
    return "\n".join(blocks)


def template(
    sections: Sequence[TemplateSection], sources_page: str, heading_level: int = 2, words: Words = ENGLISH
) -> str:
    """A fill-in template: each section a heading and a table of prompts with an empty notes column."""
    columns = (words("Question"), words("Your notes"))
    return "\n".join(
        heading(heading_level, esc(part.title), anchor("section", part.id))
        + "\n\n"
        + form(
            "template",
            words("Based on {citation}.", citation=cite(part.sources, sources_page))
            + "\n\n"
            + table(columns, ((esc(prompt), "") for prompt in part.prompts)),
        )
        for part in sections
    )


def self_assessment(manual: Manual, sources_page: str, words: Words = ENGLISH) -> str:
    """One row per mandate item, with empty columns for the year's record."""
    rows = [
        (
            f"**{esc(function.title)}**{scope_note(function, words)}: {esc(function.text)} "
            f"{cite(function.sources, sources_page)}",
            "",
            "",
            "",
        )
        for function in manual.mandate.functions
    ]
    columns = (words("Mandate item"), words("What I did this year"), words("What shows it"), words("Next step"))
    return form("self-assessment", table(columns, rows))


def scope_note(function: Function, words: Words = ENGLISH) -> str:
    """ " (at home)" or " (abroad)" after a mandate item's title, unless the title says it already."""
    scope = words(SCOPES[function.scope])
    return "" if function.title.endswith(scope) else f" ({scope})"


def form(kind: str, table_markdown: str) -> str:
    """A table to fill in by hand, in a block whose classes let the print styles give every form of a kind
    the same columns (left to themselves, table columns take the width of their text, table by table)."""
    return styled_block(f"toolkit-form toolkit-form-{kind}", table_markdown)


def talking_points(manual: Manual, sources_page: str) -> str:
    return (
        "\n".join(f"- {esc(point.text)} {cite(point.sources, sources_page)}" for point in manual.toolkit.talking_points)
        + "\n"
    )


def objections(manual: Manual, sources_page: str, heading_level: int = 3, words: Words = ENGLISH) -> str:
    """Each usual objection as a quoted heading, followed by its answer."""
    return "\n".join(
        section(
            heading_level,
            quoted(esc(item.objection), words),
            anchor("objection", item.id),
            f"{esc(item.answer)} {cite(item.sources, sources_page)}",
        )
        for item in manual.outreach.objections
    )


def quoted(text: str, words: Words = ENGLISH) -> str:
    # TRANSLATORS: the quotation marks of your language around an objection, such as «{text}».
    return words("“{text}”", text=text)


def faq(
    manual: Manual, sources_page: str, link: Callable[[str], str], heading_level: int = 2, words: Words = ENGLISH
) -> str:
    """Questions and answers; `link` turns a docs-relative page path into one relative to the page."""
    blocks = []
    for item in manual.toolkit.faq:
        paragraphs = [f"{esc(item.answer)} {cite(item.sources, sources_page)}"]
        if item.see is not None:
            paragraphs.append(words("See: {link}", link=f"[{esc(item.see.label)}]({link(item.see.page)})"))
        blocks.append(section(heading_level, esc(item.question), anchor("question", item.id), *paragraphs))
    return "\n".join(blocks)


def risk_factors_table(manual: Manual, sources_page: str, words: Words = ENGLISH) -> str:
    """The Framework of Analysis risk factors, in number order, unverified names marked and explained once."""
    factors = sorted(manual.risk_factors.factors, key=lambda f: f.number)
    rows = [
        (
            factor.number,
            risk_factor_name(factor),
            words(RISK_FACTOR_GROUPS[factor.group]),
            cite(factor.sources, sources_page),
        )
        for factor in factors
    ]
    rendered = table((words("No."), words("Risk factor"), words("Applies to"), words("Sources")), rows)
    if not all(factor.verified for factor in factors):
        rendered += f"\n{esc(words(NOT_VERIFIED, mark=NOT_VERIFIED_MARK))}\n"
    return rendered


def risk_factor_name(factor: RiskFactor) -> str:
    name = esc(factor.name)
    return name if factor.verified else f"{name} {NOT_VERIFIED_MARK}"


def parse_abbreviations(text: str) -> list[tuple[str, str]]:
    """The (term, meaning) pairs of an abbreviations file; other lines are ignored."""
    pairs = []
    for line in text.splitlines():
        match = _ABBREVIATION.match(line.strip())
        if match:
            pairs.append((match["term"], match["meaning"]))
    return pairs


def glossary(abbreviations: Sequence[tuple[str, str]], words: Words = ENGLISH) -> str:
    """Every abbreviation with its meaning, alphabetically; the page's `abbr` pass marks each term up."""
    rows = [(esc(term), esc(meaning)) for term, meaning in sorted(abbreviations, key=lambda a: a[0].lower())]
    return table((words("Abbreviation"), words("Meaning")), rows)
