"""The toolkit's forms as editable documents, Word (.docx) and OpenDocument (.odt), from the same data as
their pages: the first-100-days checklist, the handover note, the annual report with its self-assessment,
and the outreach brief of every UN member state the sources do not name as a member.

A form is first a plain description (`Form`: headings, paragraphs, lists, tables with tick boxes and
answer space), then written by a library for each format: python-docx and odfpy, rather than pandoc,
because both are Python packages the build already pins (no system binary) and both write every file the
same way from the same input; the zip entries' timestamps, the one thing that varies, are fixed afterwards.
Citations are short ids in brackets, as on paper; each document ends with the sources it cites.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from macros.data.countries import State
from macros.data.manual import Manual
from macros.data.schema import Source
from macros.markdown import toolkit
from macros.words import ENGLISH, N_, Words

FORMS_DIR = "forms"
BRIEFS_DIR = f"{FORMS_DIR}/briefs"
FORMAT_LABELS = {"docx": N_("Word (.docx)"), "odt": N_("OpenDocument (.odt)")}
TICK_BOX = toolkit.EMPTY_BOX
# The zip entries' date in every document (the earliest a zip file can hold): the same bytes in every build.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    answer_space: bool = False  # rows tall enough to write in


@dataclass(frozen=True)
class Block:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    numbered: bool = False
    table: Table | None = None


@dataclass(frozen=True)
class Form:
    slug: str
    title: str
    language: str
    date: dt.date
    introduction: tuple[str, ...]
    blocks: tuple[Block, ...]
    sources: tuple[Source, ...] = field(default=())
    sources_heading: str = "Sources"


def cited(text: str, source_ids: Sequence[str]) -> str:
    return f"{text} [{', '.join(source_ids)}]"


def _sources(manual: Manual, blocks_source_ids: Iterable[Sequence[str]]) -> tuple[Source, ...]:
    wanted = {source_id for ids in blocks_source_ids for source_id in ids}
    return tuple(sorted((s for s in manual.sources.sources if s.id in wanted), key=lambda s: s.id))


def source_line(source: Source, words: Words = ENGLISH) -> str:
    """A bibliography entry as plain text: id, author, title, publisher, date and address."""
    parts = [source.author, source.title, *([source.publisher] if source.publisher else [])]
    parts.append(words.date(source.date) if source.date else words("no date"))
    return f"{source.id}: {', '.join(parts)}. {source.url}"


def _form(manual: Manual, slug: str, title: str, words: Words, introduction, blocks, cited_ids) -> Form:
    return Form(
        slug=slug,
        title=title,
        language=words.language,
        date=manual.data_as_of().as_date(),
        introduction=tuple(introduction),
        blocks=tuple(blocks),
        sources=_sources(manual, cited_ids),
        sources_heading=words("Sources"),
    )


def checklist_form(manual: Manual, words: Words = ENGLISH) -> Form:
    """The first-100-days checklist: a table per phase, a tick box on every task."""
    columns = (words("Done"), words("Task"), words("Why"))
    blocks = []
    for phase, label in toolkit.CHECKLIST_PHASES.items():
        items = [item for item in manual.toolkit.checklist if item.phase == phase]
        if items:
            rows = tuple((TICK_BOX, item.task, cited(item.why, item.sources)) for item in items)
            blocks.append(Block(words(label), table=Table(columns, rows)))
    introduction = [words("Tick each task when it is done; the page of the manual explains each one.")]
    ids = [item.sources for item in manual.toolkit.checklist]
    return _form(manual, "first-100-days", words("First 100 days"), words, introduction, blocks, ids)


def _template_blocks(sections, words: Words) -> list[Block]:
    columns = (words("Question"), words("Your notes"))
    return [
        Block(
            part.title,
            paragraphs=(cited(words("Based on the sources:"), part.sources),),
            table=Table(columns, tuple((prompt, "") for prompt in part.prompts), answer_space=True),
        )
        for part in sections
    ]


def handover_form(manual: Manual, words: Words = ENGLISH) -> Form:
    sections = manual.toolkit.handover
    introduction = [words("Fill this in before you leave the post, and give it to your successor.")]
    blocks = _template_blocks(sections, words)
    return _form(
        manual, "handover-note", words("Handover note"), words, introduction, blocks, [s.sources for s in sections]
    )


def annual_report_form(manual: Manual, words: Words = ENGLISH) -> Form:
    """The annual report's sections, then the self-assessment: a row per item of the mandate."""
    sections = manual.toolkit.annual_report
    blocks = _template_blocks(sections, words)
    columns = (words("Mandate item"), words("What I did this year"), words("What shows it"), words("Next step"))
    rows = tuple(
        (cited(f"{function.title}{toolkit.scope_note(function, words)}: {function.text}", function.sources), "", "", "")
        for function in manual.mandate.functions
    )
    blocks.append(Block(words("Self-assessment"), table=Table(columns, rows, answer_space=True)))
    introduction = [words("One report a year: what you did, what shows it, and what comes next.")]
    ids = [*(s.sources for s in sections), *(f.sources for f in manual.mandate.functions)]
    title = words("Annual report and self-assessment")
    return _form(manual, "annual-report", title, words, introduction, blocks, ids)


def brief_form(
    manual: Manual, state: State, peers: Sequence[str], headings: dict[str, str], words: Words = ENGLISH
) -> Form:
    """The outreach brief of a state the sources do not name, to adapt and send: the profile's sections
    (`headings`, by section) and the names of its regional peers that are members."""
    brief = manual.outreach
    introduction = [
        words(
            "The sources used for this manual do not name {name} as a member of the network (roster as of {date}).",
            name=state.name,
            date=words.date(manual.roster.as_of),
        ),
        words(
            "If {name} has no focal point yet, this brief sums up the case for appointing one; "
            "the secretariat can confirm.",
            name=state.name,
        ),
    ]
    objections = tuple(cited(f"{toolkit.quoted(o.objection, words)} {o.answer}", o.sources) for o in brief.objections)
    contacts = (
        *(cited(f"{c.name} ({c.url}), {c.role}. {c.text}", c.sources) for c in brief.contacts),
        words("The focal points of the peers listed on this page."),
    )
    blocks = [
        Block(headings["why"], items=tuple(cited(p.text, p.sources) for p in brief.why)),
        Block(headings["steps"], items=tuple(cited(p.text, p.sources) for p in brief.steps), numbered=True),
        Block(headings["offers"], items=tuple(cited(p.text, p.sources) for p in brief.offers)),
        Block(headings["objections"], items=objections),
        Block(headings["contacts"], items=contacts),
        Block(words("Peers in the region"), paragraphs=(", ".join(peers) if peers else words("none recorded"),)),
    ]
    ids = [p.sources for p in (*brief.why, *brief.steps, *brief.offers, *brief.objections, *brief.contacts)]
    title = words("Outreach brief: {name}", name=state.name)
    return _form(manual, state.iso3.lower(), title, words, introduction, blocks, ids)


# --- Word ----------------------------------------------------------------------------------------


def to_docx(form: Form) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    properties = document.core_properties
    when = dt.datetime.combine(form.date, dt.time())
    properties.title, properties.language, properties.author = form.title, form.language, ""
    properties.created = properties.modified = when
    properties.last_modified_by, properties.revision = "", 1
    # The text's language, for spelling and hyphenation in the word processor.
    run_properties = document.styles["Normal"].element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), form.language)
    run_properties.append(language)

    document.add_heading(form.title, level=0)
    for text in form.introduction:
        document.add_paragraph(text)
    for block in form.blocks:
        document.add_heading(block.heading, level=1)
        for text in block.paragraphs:
            document.add_paragraph(text)
        for text in block.items:
            document.add_paragraph(text, style="List Number" if block.numbered else "List Bullet")
        if block.table is not None:
            table = document.add_table(rows=1, cols=len(block.table.columns))
            table.style = "Table Grid"
            for cell, column in zip(table.rows[0].cells, block.table.columns, strict=True):
                cell.paragraphs[0].add_run(column).bold = True
            for values in block.table.rows:
                row = table.add_row()
                if block.table.answer_space:
                    row.height = Cm(2.5)
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    if form.sources:
        document.add_heading(form.sources_heading, level=1)
        for source in form.sources:
            document.add_paragraph(source_line(source), style="List Bullet")
    _drop_optional_parts(document)
    output = io.BytesIO()
    document.save(output)
    return fixed_zip(output.getvalue())


def _drop_optional_parts(document) -> None:
    """Leave out the parts of python-docx's template that a form does not need and word processors do not
    ask for: Word 2010's copy of the styles with effects and the thumbnail (a third of every file)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    styles_with_effects = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
    optional = {styles_with_effects, RELATIONSHIP_TYPE.THUMBNAIL}
    for relationships in (document.part.rels, document.part.package.rels):
        for key in [key for key, relationship in relationships.items() if relationship.reltype in optional]:
            del relationships[key]


# --- OpenDocument --------------------------------------------------------------------------------


def to_odt(form: Form) -> bytes:
    from odf import dc, meta
    from odf.element import Element
    from odf.opendocument import OpenDocumentText
    from odf.style import (
        ListLevelProperties,
        ParagraphProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TableProperties,
        TableRowProperties,
        TextProperties,
    )
    from odf.table import Table as OdfTable
    from odf.table import TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P

    # odfpy declares in every file each namespace any document of the process used so far (a class-level
    # dict): emptied first, a document declares the ones it uses, whatever was written before it.
    Element.namespaces.clear()
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=form.title))
    document.meta.addElement(dc.Language(text=form.language))
    document.meta.addElement(meta.CreationDate(text=dt.datetime.combine(form.date, dt.time()).isoformat()))

    def style(name: str, family: str, *properties) -> Style:
        made = Style(name=name, family=family)
        for item in properties:
            made.addElement(item)
        document.automaticstyles.addElement(made)
        return made

    body_text = {"language": form.language[:2], "country": "none"}
    title = style("Title", "paragraph", TextProperties(fontsize="20pt", fontweight="bold", **body_text))
    heading = style(
        "Heading1", "paragraph", TextProperties(fontsize="14pt", fontweight="bold", **body_text),
        ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm", keepwithnext="always"),
    )  # fmt: skip
    body = style("Body", "paragraph", TextProperties(**body_text), ParagraphProperties(marginbottom="0.2cm"))
    bold = style("HeaderCell", "paragraph", TextProperties(fontweight="bold", **body_text))
    cell_style = style("Cell", "table-cell", TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    answer_row = style("AnswerRow", "table-row", TableRowProperties(minrowheight="2.5cm"))
    table_style = style("Form", "table", TableProperties(width="17cm", align="left"))
    bullets, numbers = ListStyle(name="Bullets"), ListStyle(name="Numbers")
    bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
    numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    for list_style in (bullets, numbers):
        list_style.childNodes[0].addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.6cm"))
        document.automaticstyles.addElement(list_style)

    def add_list(items: Sequence[str], numbered: bool) -> None:
        made = List(stylename=numbers if numbered else bullets)
        for text in items:
            entry = ListItem()
            entry.addElement(P(stylename=body, text=text))
            made.addElement(entry)
        document.text.addElement(made)

    document.text.addElement(P(stylename=title, text=form.title))
    for text in form.introduction:
        document.text.addElement(P(stylename=body, text=text))
    for number, block in enumerate(form.blocks):
        document.text.addElement(H(outlinelevel=1, stylename=heading, text=block.heading))
        for text in block.paragraphs:
            document.text.addElement(P(stylename=body, text=text))
        if block.items:
            add_list(block.items, block.numbered)
        if block.table is not None:
            columns = len(block.table.columns)
            table = OdfTable(name=f"Table{number + 1}", stylename=table_style)
            column_style = style(
                f"Column{number + 1}", "table-column", TableColumnProperties(columnwidth=f"{17 / columns:.2f}cm")
            )
            table.addElement(TableColumn(numbercolumnsrepeated=columns, stylename=column_style))
            header = TableRow()
            for column in block.table.columns:
                cell = TableCell(stylename=cell_style, valuetype="string")
                cell.addElement(P(stylename=bold, text=column))
                header.addElement(cell)
            table.addElement(header)
            for values in block.table.rows:
                row = TableRow(stylename=answer_row) if block.table.answer_space else TableRow()
                for value in values:
                    cell = TableCell(stylename=cell_style, valuetype="string")
                    cell.addElement(P(stylename=body, text=value))
                    row.addElement(cell)
                table.addElement(row)
            document.text.addElement(table)
    if form.sources:
        document.text.addElement(H(outlinelevel=1, stylename=heading, text=form.sources_heading))
        add_list([source_line(source) for source in form.sources], numbered=False)
    output = io.BytesIO()
    document.write(output)
    return fixed_zip(output.getvalue())


def fixed_zip(document: bytes) -> bytes:
    """`document` (a zip) with every entry dated ZIP_DATE, in the same order and with the same compression
    (an OpenDocument's `mimetype` stays first and stored): the same bytes from the same content."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            fixed.compress_type = entry.compress_type
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return output.getvalue()


# --- the files -----------------------------------------------------------------------------------

TOOLKIT_FORMS = {"first-100-days": checklist_form, "handover-note": handover_form, "annual-report": annual_report_form}


def form_path(slug: str, extension: str) -> str:
    return f"{FORMS_DIR}/{slug}.{extension}"


def downloads_line(slug: str, link, words: Words = ENGLISH) -> str:
    """Markdown: the form `slug` to download, each format linked through `link` (a path relative to docs/
    as seen from the page)."""
    links = {
        extension: f"[{words(label)}]({link(form_path(slug, extension))})" for extension, label in FORMAT_LABELS.items()
    }
    return words("Download this form to fill in on your computer: {docx} · {odt}", **links)


def brief_path(state: State, extension: str) -> str:
    return f"{BRIEFS_DIR}/{state.iso3.lower()}.{extension}"


WRITERS = {"docx": to_docx, "odt": to_odt}


def toolkit_form_files(manual: Manual, words: Words = ENGLISH) -> dict[str, bytes]:
    """Each toolkit form's documents: path in the site and bytes."""
    files = {}
    for slug, make in TOOLKIT_FORMS.items():
        form = make(manual, words)
        for extension, write in WRITERS.items():
            files[form_path(slug, extension)] = write(form)
    return files


def brief_files(form: Form, state: State) -> dict[str, bytes]:
    return {brief_path(state, extension): write(form) for extension, write in WRITERS.items()}
