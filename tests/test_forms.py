"""The toolkit's forms as editable documents (macros/generated/forms.py): read back with python-docx and
odfpy, their headings and rows match the data; the same data gives the same bytes; LibreOffice opens them;
the built site links them in every language."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from odf import opendocument
from odf import table as odf_table
from odf import text as odf_text
from odf.element import Element

from macros.data.countries import un_member_states
from macros.data.loader import load_manual
from macros.generated import forms, state_pages
from macros.markdown import toolkit
from macros.words import words_for

from .conftest import PROJECT_DIR, soffice_or_skip


@pytest.fixture(scope="module")
def manual():
    return load_manual(PROJECT_DIR / "data")


def docx_of(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def docx_headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def odt_of(data: bytes):
    return opendocument.load(io.BytesIO(data))


def odt_text(element: Element) -> str:
    return "".join(str(node) if node.nodeType == node.TEXT_NODE else odt_text(node) for node in element.childNodes)


def odt_headings(document) -> list[str]:
    title = odt_text(document.text.getElementsByType(odf_text.P)[0])
    return [title, *(odt_text(h) for h in document.text.getElementsByType(odf_text.H))]


def test_the_checklist_has_a_table_per_phase_and_a_tick_box_on_every_task(manual):
    form = forms.checklist_form(manual)
    phases = [p for p in toolkit.CHECKLIST_PHASES if any(i.phase == p for i in manual.toolkit.checklist)]
    document = docx_of(forms.to_docx(form))
    assert docx_headings(document) == ["First 100 days", *(toolkit.CHECKLIST_PHASES[p] for p in phases), "Sources"]
    tables = document.tables
    assert len(tables) == len(phases)
    for phase, table in zip(phases, tables, strict=True):
        tasks = [item.task for item in manual.toolkit.checklist if item.phase == phase]
        assert [row.cells[1].text for row in table.rows[1:]] == tasks
        assert {row.cells[0].text for row in table.rows[1:]} == {forms.TICK_BOX}
    odt = odt_of(forms.to_odt(form))
    assert odt_headings(odt) == docx_headings(document)
    rows = [len(t.getElementsByType(odf_table.TableRow)) for t in odt.text.getElementsByType(odf_table.Table)]
    assert rows == [len(t.rows) for t in tables]


def test_the_templates_have_a_row_with_room_to_write_for_every_prompt(manual):
    for form, sections in (
        (forms.handover_form(manual), manual.toolkit.handover),
        (forms.annual_report_form(manual), manual.toolkit.annual_report),
    ):
        document = docx_of(forms.to_docx(form))
        headings = docx_headings(document)
        assert headings[1 : 1 + len(sections)] == [s.title for s in sections]
        for section, table in zip(sections, document.tables, strict=False):
            assert [row.cells[0].text for row in table.rows[1:]] == section.prompts
            assert all(row.cells[1].text == "" and row.height.cm > 2.49 for row in table.rows[1:])


def test_the_annual_report_ends_with_a_self_assessment_row_per_mandate_item(manual):
    document = docx_of(forms.to_docx(forms.annual_report_form(manual)))
    assert docx_headings(document)[-2:] == ["Self-assessment", "Sources"]
    rows = document.tables[-1].rows[1:]
    assert len(rows) == len(manual.mandate.functions)
    for row, function in zip(rows, manual.mandate.functions, strict=True):
        assert row.cells[0].text.startswith(function.title) and function.sources[0] in row.cells[0].text


def test_each_document_ends_with_the_sources_it_cites(manual):
    form = forms.handover_form(manual)
    cited = {source_id for section in manual.toolkit.handover for source_id in section.sources}
    assert {source.id for source in form.sources} == cited
    document = docx_of(forms.to_docx(form))
    listed = [p.text.split(":")[0] for p in document.paragraphs if p.style.name == "List Bullet"]
    assert listed[-len(cited) :] == sorted(cited)


def test_the_same_data_gives_the_same_bytes_whatever_was_written_before(manual):
    form = forms.checklist_form(manual)
    first_docx, first_odt = forms.to_docx(form), forms.to_odt(form)
    forms.to_odt(forms.annual_report_form(manual))
    assert forms.to_docx(form) == first_docx and forms.to_odt(form) == first_odt
    for data in (first_docx, first_odt):
        assert {entry.date_time for entry in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {forms.ZIP_DATE}
    first = zipfile.ZipFile(io.BytesIO(first_odt)).infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)  # as OpenDocument requires


def test_a_brief_has_the_profile_s_sections_and_peers(manual):
    countries = un_member_states()
    china = countries.by_iso3["CHN"]
    same_subregion, same_region = state_pages.peers(manual, countries, china)
    peers = [p.member.name for p in (*same_subregion, *same_region)]
    headings = {section: label for section, label in state_pages.BRIEF_SECTIONS.items()}
    document = docx_of(forms.to_docx(forms.brief_form(manual, china, peers, headings)))
    assert docx_headings(document) == [
        "Outreach brief: China",
        *state_pages.BRIEF_SECTIONS.values(),
        "Peers in the region",
        "Sources",
    ]
    assert peers and ", ".join(peers) in [p.text for p in document.paragraphs]
    steps = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert len(steps) == len(manual.outreach.steps)


def test_a_french_form_is_in_french(manual):
    french = load_manual(PROJECT_DIR / "data", language="fr")
    document = docx_of(forms.to_docx(forms.checklist_form(french, words_for("fr"))))
    assert docx_headings(document)[0] == "Les 100 premiers jours"
    assert document.core_properties.language == "fr"
    assert document.tables[0].rows[1].cells[1].text == french.toolkit.checklist[0].task


@pytest.mark.parametrize("extension", forms.WRITERS)
def test_libreoffice_opens_each_format(manual, tmp_path, extension):
    soffice = soffice_or_skip("opening the editable forms in a word processor")
    document = tmp_path / f"handover-note.{extension}"
    document.write_bytes(forms.WRITERS[extension](forms.handover_form(manual)))
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "txt:Text", "--outdir",
         str(tmp_path / "out"), str(document)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    converted = tmp_path / "out" / "handover-note.txt"
    assert converted.is_file(), result.stderr
    text = converted.read_text(encoding="utf-8-sig")
    assert text.startswith("Handover note")
    for section in manual.toolkit.handover:
        assert section.title in text and section.prompts[0] in text


# --- the built site --------------------------------------------------------------------------------


def links(page: Path) -> dict[str, Path]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return {
        a.get_text(strip=True): (page.parent / a["href"]).resolve()
        for a in soup.select("article a[href]")
        if a["href"].endswith((".docx", ".odt"))
    }


@pytest.mark.parametrize("language", ["", "fr", "es"])
@pytest.mark.parametrize(
    ("page", "slug"),
    [("first-100-days", "first-100-days"), ("handover", "handover-note"), ("annual-report", "annual-report")],
)
def test_each_form_page_links_its_documents_in_its_language(made_site, language, page, slug):
    root = made_site / language
    found = links(root / "toolkit" / f"{page}.html")
    words = words_for(language or "en")
    assert set(found) == {words(label) for label in forms.FORMAT_LABELS.values()}
    for target in found.values():
        assert target.is_file() and target.parent == (root / "forms").resolve() and target.stem == slug
    heading = docx_headings(docx_of((root / "forms" / f"{slug}.docx").read_bytes()))[0]
    english_titles = {"first-100-days": "First 100 days", "handover-note": "Handover note",
                      "annual-report": "Annual report and self-assessment"}  # fmt: skip
    assert heading == words(english_titles[slug])


def test_every_state_without_a_focal_point_has_its_brief_as_documents(made_site, manual):
    members = manual.members_by_iso3()
    for state in un_member_states().states:
        documents = {path.suffix for path in (made_site / "forms" / "briefs").glob(f"{state.iso3.lower()}.*")}
        profile_links = links(made_site / "states" / f"{state.iso3.lower()}.html")
        if state.iso3 in members:
            assert documents == set() and profile_links == {}
        else:
            assert documents == {".docx", ".odt"}
            assert {target.suffix for target in profile_links.values()} == {".docx", ".odt"}
            assert all(target.is_file() for target in profile_links.values())
