"""The whole manual as one PDF: the real site built with the PDF switched on, read back with pypdf and
poppler, plus the functions of macros/build/pdf.py that make it reproducible and print-ready."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load
from PIL import Image, ImageStat
from pypdf import PdfReader
from pypdf.generic import Destination

from macros.build import pdf
from macros.data.loader import load_manual
from macros.data.schema import PartialDate
from macros.words import ENGLISH

from .conftest import PROJECT_DIR, pdf_group, pdf_switch

MAX_BYTES = 2 * 1024 * 1024
CHAPTER_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")


def plugin_config() -> dict:
    return next(p["to-pdf"] for p in pdf_group()["plugins"] if isinstance(p, dict) and "to-pdf" in p)


# --- the built PDF -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(made_site) -> Path:
    """The real manual as `make build` makes it (conftest.py); test_reproducible.py builds it a second time
    in another folder and compares every file, the PDF included."""
    return made_site


@pytest.fixture(scope="session")
def pdf_file(site) -> Path:
    return site / plugin_config()["output_path"]


@pytest.fixture(scope="session")
def reader(pdf_file) -> PdfReader:
    return PdfReader(pdf_file)


@pytest.fixture(scope="session")
def text(reader) -> str:
    """The whole text layer, whitespace collapsed (table cells wrap names over lines)."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(scope="session")
def manual(site):
    return load_manual(site.parent / "data")


def outline_tree(reader: PdfReader, entries=None) -> list[tuple[str, list]]:
    """[(title without its chapter number, children)] of the PDF's bookmarks."""
    tree: list[tuple[str, list]] = []
    for entry in reader.outline if entries is None else entries:
        if isinstance(entry, list):
            tree[-1][1].extend(outline_tree(reader, entry))
        else:
            tree.append((CHAPTER_NUMBER.sub("", entry.title).strip(), []))
    return tree


def printed_page_title(site: Path, src_path: str) -> str:
    """The heading the PDF prints for a page: its front matter's pdf_title, or else the h1 it shows."""
    _, front_matter = get_data((site.parent / "docs" / src_path).read_text(encoding="utf-8"))
    if pdf.PDF_TITLE in front_matter:
        return front_matter[pdf.PDF_TITLE]
    html = (site / re.sub(r"\.md$", ".html", src_path)).read_text(encoding="utf-8")
    return " ".join(BeautifulSoup(html, "html.parser").select_one("article h1").get_text(" ").split()).rstrip("¶ ")


def test_the_outline_mirrors_the_navigation(site, reader):
    with (site.parent / "mkdocs.yml").open(encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    excluded = pdf.exclusion_patterns(plugin_config()["exclude_pages"])
    outline = dict(outline_tree(reader))
    for item in nav:
        ((title, target),) = item.items()
        if isinstance(target, str):
            assert printed_page_title(site, target) in outline, f"chapter {title!r} missing from the outline"
            continue
        assert title in outline, f"section {title!r} missing from the outline"
        children = [title for title, _ in outline[title]]
        for child in target:
            src = child if isinstance(child, str) else next(iter(child.values()))
            if isinstance(src, str) and pdf.is_in_book(re.sub(r"\.md$", ".html", src), excluded):
                assert printed_page_title(site, src) in children, f"{src} missing under {title!r}"


def test_the_home_page_prints_as_the_chapter_about_the_manual_and_keeps_its_web_heading(site, reader):
    outline = dict(outline_tree(reader))
    assert [title for title, _ in outline["Start here"]][0] == "About this manual"
    assert "R2P Focal Points Manual" not in [title for title, _ in outline["Start here"]]
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("article h1").get_text().rstrip("¶") == "R2P Focal Points Manual"


def test_the_text_has_every_member_and_principle(text, manual):
    for member in manual.roster.members:
        assert " ".join(member.name.split()) in text, member.name
    for principle in manual.principles.principles:
        assert " ".join(principle.title.split()) in text, principle.title


def test_state_and_organisation_profiles_are_left_out(reader):
    destinations = reader.named_destinations
    assert destinations, "the PDF has no named destinations at all"
    assert not [name for name in destinations if name.startswith(("states/", "organisations/"))]


def internal_links(reader: PdfReader) -> list[tuple[int, object]]:
    links = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link":
                links.append((number, annotation))
    return links


def test_every_internal_link_lands_on_a_page_of_the_document(reader):
    destinations = reader.named_destinations
    page_count = len(reader.pages)
    internal = 0
    for number, link in internal_links(reader):
        action = link.get("/A")
        if action is not None and action.get("/S") == "/URI":
            uri = str(action["/URI"])
            assert uri.startswith(("https://", "http://", "mailto:")), f"page {number}: link to {uri}"
            continue
        target = link.get("/Dest") if action is None else action.get("/D")
        assert target is not None, f"page {number}: a link with neither URI nor destination"
        if not isinstance(target, Destination):
            name = str(target)
            assert name in destinations, f"page {number}: link to missing destination {name!r}"
            target = destinations[name]
        assert 0 <= reader.get_destination_page_number(target) < page_count
        internal += 1
    chapters_and_sections = sum(1 + len(children) for _, children in outline_tree(reader))
    assert internal > chapters_and_sections, "fewer internal links than contents entries: the contents are not linked"


def test_citations_lead_to_the_bibliography(reader):
    sources_page = min(
        reader.get_destination_page_number(d)
        for name, d in reader.named_destinations.items()
        if name.startswith("sources/:")
    )
    citations = [
        link
        for number, link in internal_links(reader)
        if number < sources_page
        and str((link.get("/A") or {}).get("/D", link.get("/Dest", ""))).startswith("sources/:source-")
    ]
    assert citations, "no citation links to an entry of the Sources chapter"


def test_metadata(reader, manual):
    info = reader.metadata
    assert info.title == "R2P Focal Points Manual"
    assert info.author and info.subject
    assert "Responsibility to Protect" in info["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    as_of = manual.data_as_of().as_date()
    assert info.creation_date.date() == as_of == info.modification_date.date()


def test_the_pdf_is_tagged_for_screen_readers(reader):
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject, not the bool True)
    assert "/StructTreeRoot" in root


def test_page_one_is_the_cover(reader, manual):
    cover = " ".join(reader.pages[0].extract_text().split())
    assert cover.startswith("R2P Focal Points Manual")
    assert pdf.edition(manual.data_as_of(), manual.roster.as_of) in cover
    assert f"membership figures as of {ENGLISH.date(manual.roster.as_of)}" in cover
    assert "Published by" in cover
    assert "Contents" in reader.pages[1].extract_text()


def test_within_the_size_budget(pdf_file):
    assert pdf_file.stat().st_size <= MAX_BYTES


def test_the_site_links_to_the_pdf(site, pdf_file):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    target = plugin_config()["output_path"]
    home_link = home.select_one(f".manual-download a[href='{target}']")
    assert home_link is not None and home_link.find_parent("article") is None, "home page link missing or printed"
    for page in [site / "index.html", site / "network" / "members.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        footer_link = soup.select_one("footer .md-copyright a[href$='.pdf']")
        assert footer_link is not None, f"{page.name}: no PDF link in the footer"
        assert (page.parent / footer_link["href"]).resolve() == pdf_file.resolve()
    assert not list(site.glob("pdf/*.scss")) and not list(site.glob("pdf/*.j2")), "PDF templates published"


def test_first_pages_render(pdf_file, tmp_path):
    """Pages 1-3 as images (also for a look by eye): each has ink on it."""
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "3", str(pdf_file), str(tmp_path / "page")], check=True
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 3
    for image in images:
        assert ImageStat.Stat(Image.open(image).convert("L")).extrema[0][0] < 128, f"{image.name} is blank"


# --- tables --------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Word:
    page: int
    x_min: float
    x_max: float
    y_min: float
    text: str


BBOX_PAGE_OR_WORD = re.compile(
    r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)


@pytest.fixture(scope="session")
def words(pdf_file) -> list[Word]:
    """Every word of the PDF with its page and position (poppler's pdftotext -bbox)."""
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf_file), "-"], check=True, capture_output=True, text=True).stdout
    found, page = [], 0
    for match in BBOX_PAGE_OR_WORD.finditer(bbox):
        if match[1] is None:
            page += 1
        else:
            found.append(Word(page, float(match[1]), float(match[3]), float(match[2]), unescape(match[4])))
    return found


@pytest.fixture(scope="session")
def layout_pages(pdf_file) -> list[str]:
    """Each page's text as printed: the columns of a table side by side, each cell's lines as it wraps them."""
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    return layout.split("\f")


# The start of a citation, "[" and a source id, cut off at a hyphen at the end of a line of its cell.
CITATION_CUT_AT_HYPHEN = re.compile(r"\[([a-z0-9][a-z0-9-]*-)(?=\s|$)", re.MULTILINE)
WHOLE_CITATION = re.compile(r"\[([a-z0-9][a-z0-9-]*)\]")


def test_citation_ids_are_never_broken_across_lines(layout_pages, manual):
    """A source id broken at a hyphen ("[gcr2p-fp-" over "page-2013]", as in the narrow Sources column of the
    Members table) reads as two ids."""
    ids = {source.id for source in manual.sources.sources}
    broken = [
        (number, fragment)
        for number, page in enumerate(layout_pages, start=1)
        for fragment in CITATION_CUT_AT_HYPHEN.findall(page)
        if any(i.startswith(fragment) for i in ids)
    ]
    assert not broken, f"citation ids broken at a line end (page, start of the id): {broken[:10]}"
    members_table = [page for page in layout_pages if re.search(r"Member +Joined +Roles", page)]
    assert members_table, "the Members table is not in the PDF"
    assert all(ids & set(WHOLE_CITATION.findall(page)) for page in members_table), "a Members page cites no id whole"


# The start of a UN document symbol cut at a slash at a line end: "A/", "A/RES/", "S/".
SYMBOL_CUT_AT_SLASH = re.compile(r"^[AS]/(?:[A-Z0-9.]+/)*$")


def test_un_symbols_break_only_after_the_dash_of_a_joint_symbol(words, manual):
    """Broken at a slash, "A/65/877–S/" over "2011/393" reads as two documents. Symbols come from the data
    (reports, bibliography) and from the prose (the un_symbol macro)."""
    symbols = [report.symbol for report in manual.sg_reports.reports if report.symbol]
    symbols += [source.un_symbol for source in manual.sources.sources if source.un_symbol]
    parts = {part for symbol in symbols for part in symbol.split("–")}
    assert any("–" in symbol for symbol in symbols), "no joint symbol in the data to test with"
    pieces = [(word.page, piece.lstrip("(")) for word in words for piece in re.split("[–-]", word.text)]
    cut = [(page, piece) for page, piece in pieces if SYMBOL_CUT_AT_SLASH.match(piece)]
    assert not cut, f"UN symbols broken at a slash (page, printed start): {cut[:10]}"
    assert parts <= {piece.rstrip(".,;)") for _, piece in pieces}, "a UN symbol is not printed whole"


# The page's right margin in macros/build/pdf_templates/styles.scss (@page margin: 22mm), in points.
RIGHT_MARGIN = 22 / 25.4 * 72


def test_no_text_crosses_the_right_margin(words, reader):
    """Citation ids do not wrap, so a narrow column must still grow to its longest id within the page."""
    over = [
        (word.page, word.text)
        for word in words
        if word.x_max > float(reader.pages[word.page - 1].mediabox.width) - RIGHT_MARGIN + 1
    ]
    assert not over, f"text in the right margin (page, word): {over[:10]}"


# Each kind of toolkit form (macros/markdown/toolkit.py) by the first word of each column's header.
FORM_COLUMNS = {
    "checklist": ("Done", "Task", "Why"),
    "template": ("Question", "Your"),
    "self-assessment": ("Mandate", "What", "What", "Next"),
}
# The kinds with several tables, whose columns can differ from table to table.
REPEATED_FORMS = ("checklist", "template")
MEMBERS_TABLE_COLUMNS = ("Member", "Joined", "Roles")


Lines = dict[tuple[int, float], list[Word]]


@pytest.fixture(scope="session")
def lines(words) -> Lines:
    """The words of each printed line, by page and top edge, from left to right."""
    found: Lines = {}
    for word in words:
        found.setdefault((word.page, round(word.y_min, 1)), []).append(word)
    return {key: sorted(line, key=lambda word: word.x_min) for key, line in found.items()}


def column_starts(line: list[Word], first_words: tuple[str, ...]) -> tuple[float, ...] | None:
    """Where each column starts, if `line` is a header row whose columns begin with `first_words`."""
    if not line or line[0].text != first_words[0]:
        return None
    starts, wanted = [], iter(first_words)
    expected = next(wanted)
    for word in line:
        if word.text == expected:
            starts.append(round(word.x_min, 1))
            expected = next(wanted, None)
    return tuple(starts) if len(starts) == len(first_words) else None


def header_rows(lines: Lines, first_words: tuple[str, ...]) -> list[tuple[int, tuple[float, ...]]]:
    """(page, where each column starts) for every header row of a kind of form."""
    found = [(page, column_starts(line, first_words)) for (page, _), line in lines.items()]
    return [(page, starts) for page, starts in found if starts is not None]


@pytest.mark.parametrize("kind", REPEATED_FORMS)
def test_every_form_of_a_kind_has_the_same_columns(lines, kind):
    """The answer columns start at the same place on every page, however long each table's questions are."""
    rows = header_rows(lines, FORM_COLUMNS[kind])
    assert rows, f"no {kind} form in the PDF"
    layouts = {columns for _, columns in rows}
    assert len(layouts) == 1, f"{kind} forms with different columns (page, header word starts): {rows}"


@pytest.mark.parametrize("kind", REPEATED_FORMS)
def test_the_forms_compared_are_several_tables(site, kind):
    """So that the test above compares tables, not one table with its header repeated on the next page."""
    tables = sum(
        page.read_text(encoding="utf-8").count(f'class="toolkit-form toolkit-form-{kind}"')
        for page in (site / "toolkit").glob("*.html")
    )
    assert tables >= 2


# Room to write by hand in the templates: each answer row at least this tall (macros/build/pdf_templates/styles.scss).
TEMPLATE_ROW_HEIGHT = 60


def test_template_answers_have_room_for_a_few_handwritten_lines(lines):
    """The templates ask for lists and summaries ("Open files, each with its next step and deadline"):
    one handwritten line per answer is not enough."""
    headers = header_rows(lines, FORM_COLUMNS["template"])
    question_column = {starts[0] for _, starts in headers}
    assert len(question_column) == 1
    column_x = question_column.pop()
    question_tops: dict[int, list[float]] = {}  # by page: the top of each line in the question column
    for (page, top), line in lines.items():
        if abs(line[0].x_min - column_x) < 1 and line[0].text != "Question":
            question_tops.setdefault(page, []).append(top)
    row_spacings = []
    for page in sorted({page for page, _ in headers}):
        tops = sorted(question_tops[page])
        row_tops = [tops[0]] + [top for above, top in zip(tops, tops[1:], strict=False) if top - above > 20]
        row_spacings += [below - above for above, below in zip(row_tops, row_tops[1:], strict=False)]
    assert len(row_spacings) >= 10
    assert min(row_spacings) >= TEMPLATE_ROW_HEIGHT, sorted(row_spacings)[:5]


@pytest.mark.parametrize("kind", FORM_COLUMNS)
def test_forms_line_up_with_the_other_tables(lines, kind):
    """A form starts at the left edge of the manual's other tables (the Members table), not indented twice."""
    members_first_column = {starts[0] for _, starts in header_rows(lines, MEMBERS_TABLE_COLUMNS)}
    assert len(members_first_column) == 1, f"the Members table's header, where found: {members_first_column}"
    forms_first_column = {starts[0] for _, starts in header_rows(lines, FORM_COLUMNS[kind])}
    assert forms_first_column == members_first_column


def test_glossary_terms_line_up_with_the_paragraphs(lines):
    """A definition list's terms stood out to the left of the text around them."""

    def left_edge(first_words: tuple[str, ...]) -> set[tuple[int, float]]:
        return {
            (page, line[0].x_min)
            for (page, _), line in lines.items()
            if tuple(word.text for word in line[: len(first_words)]) == first_words
        }

    ((term_page, term_x),) = left_edge(("Atrocity", "crimes"))
    paragraph = left_edge(("The", "manual's", "key", "terms,"))
    assert paragraph and all(page == term_page for page, _ in paragraph)
    assert [x for _, x in paragraph] == [pytest.approx(term_x, abs=1)]


# --- macros/build/pdf.py -----------------------------------------------------------------------------


def test_document_date_is_the_as_of_date_unless_source_date_epoch_is_set():
    assert pdf.document_date(PartialDate("2021-05-11"), None) == dt.datetime(2021, 5, 11, tzinfo=dt.UTC)
    assert pdf.document_date(PartialDate("2021-05"), "") == dt.datetime(2021, 5, 1, tzinfo=dt.UTC)
    assert pdf.document_date(PartialDate("2021"), "86400") == dt.datetime(1970, 1, 2, tzinfo=dt.UTC)


def test_edition_names_the_data_as_of_date_and_the_rosters_when_older():
    assert pdf.edition(PartialDate("2021-05-11"), PartialDate("2021-05-11")) == "Edition of 11 May 2021"
    assert (
        pdf.edition(PartialDate("2025-05-16"), PartialDate("2021-05-11"))
        == "Edition of 16 May 2025 · membership figures as of 11 May 2021"
    )


def test_the_data_as_of_date_is_the_newest_of_the_roster_and_the_meetings():
    fixture = load_manual(PROJECT_DIR / "tests" / "fixtures" / "data")  # roster as of 11 May 2021
    assert fixture.data_as_of() == "2021-05-11"
    later = fixture.meetings.meetings[0].model_copy(
        update={"start": PartialDate("2025-05-15"), "end": PartialDate("2025-05-16")}
    )
    with_later_meeting = dataclasses.replace(
        fixture, meetings=fixture.meetings.model_copy(update={"meetings": [later]})
    )
    assert with_later_meeting.data_as_of() == "2025-05-16"


SETTINGS = pdf.PrintSettings(title="The Manual", language="en", created=dt.datetime(2021, 5, 11, tzinfo=dt.UTC))


def test_prepare_for_print(tmp_path):
    picture = tmp_path / "chart.png"
    picture.write_bytes(b"\x89PNG fake")
    soup = BeautifulSoup(
        '<html><head><title>Home</title><meta name="dcterms.created" content="2026-01-01T10:00:00+00:00"></head>'
        f'<body><details><summary>More</summary><p>Hidden</p></details><img src="{picture.as_uri()}">'
        '<img src="https://example.org/x.png"></body></html>',
        "html.parser",
    )
    pdf.prepare_for_print(soup, SETTINGS)
    assert soup.html["lang"] == "en"
    assert soup.head.title.string == "The Manual"
    assert [m["content"] for m in soup.find_all("meta", attrs={"name": "dcterms.created"})] == [
        "2021-05-11T00:00:00+00:00"
    ]
    assert soup.find("meta", attrs={"name": "dcterms.modified"})["content"] == "2021-05-11T00:00:00+00:00"
    assert soup.details.has_attr("open")
    local, remote = soup.find_all("img")
    assert local["src"].startswith("data:image/png;base64,") and str(tmp_path) not in str(soup)
    assert remote["src"] == "https://example.org/x.png"


def test_pre_pdf_render_needs_configuring_first():
    pdf.configure(None)
    with pytest.raises(RuntimeError):
        pdf.pre_pdf_render(BeautifulSoup("<html><head></head><body></body></html>", "html.parser"), None)
    pdf.configure(SETTINGS)
    rendered = pdf.pre_pdf_render(BeautifulSoup("<html><head></head><body></body></html>", "html.parser"), None)
    assert rendered.html["lang"] == "en"


EXCLUDED = pdf.exclusion_patterns(["states/", "organisations/"])


def test_retitled_replaces_the_articles_heading_and_its_permalink():
    html = (
        '<h1>Site</h1><article><h1 id="x">R2P Focal Points Manual<a class="headerlink" href="#x">¶</a></h1>'
        "<p>Text</p></article>"
    )
    assert pdf.retitled(html, "About this manual") == (
        '<h1>Site</h1><article><h1 id="x">About this manual</h1><p>Text</p></article>'
    )
    with pytest.raises(ValueError, match="pdf_title"):
        pdf.retitled("<article><p>No heading</p></article>", "Title")


def test_unlink_outside_book_keeps_links_between_printed_pages():
    html = (
        '<html><body><nav><a href="../states/dnk.html">nav</a></nav><article>'
        '<a href="members.html#x">Members</a> <a href="#here">here</a> <a href="https://un.org">UN</a> '
        '<a href="../states/dnk.html">Denmark</a> <a href="../data/roster.csv">CSV</a></article></body></html>'
    )
    soup = BeautifulSoup(pdf.unlink_outside_book(html, "network/states.html", EXCLUDED), "html.parser")
    assert [a["href"] for a in soup.article.find_all("a")] == ["members.html#x", "#here", "https://un.org"]
    assert "Denmark" in soup.article.get_text() and "CSV" in soup.article.get_text()
    assert soup.nav.a["href"] == "../states/dnk.html", "only the article is printed"


def test_with_a_site_address_links_out_of_the_book_lead_to_the_published_site():
    html = (
        '<html><body><article><a href="members.html">Members</a> <a href="../states/dnk.html#peers">Denmark</a> '
        '<a href="../open-data/roster.csv">CSV</a></article></body></html>'
    )
    printed = pdf.unlink_outside_book(html, "network/states.html", EXCLUDED, "https://example.org/manual/fr/")
    links = [a["href"] for a in BeautifulSoup(printed, "html.parser").article.find_all("a")]
    assert links == [
        "members.html",
        "https://example.org/manual/fr/states/dnk.html#peers",
        "https://example.org/manual/fr/open-data/roster.csv",
    ]


def test_unlink_outside_book_returns_the_page_itself_when_nothing_changes():
    html = '<html><body><article><a href="members.html">Members</a></article></body></html>'
    assert pdf.unlink_outside_book(html, "network/index.html", EXCLUDED) is html


def test_is_in_book():
    assert pdf.is_in_book("network/members.html", EXCLUDED)
    assert not pdf.is_in_book("states/dnk.html", EXCLUDED)
    assert not pdf.is_in_book("assets/map.svg", EXCLUDED)


def test_previously_built_pdf(tmp_path):
    config = MkDocsConfig()
    (tmp_path / "docs").mkdir()
    config.load_dict({"site_name": "Test", "site_dir": str(tmp_path / "serve"), "docs_dir": str(tmp_path / "docs")})
    errors, _ = config.validate()
    assert not errors
    published = tmp_path / "site"
    assert pdf.previously_built_pdf(config, "pdf/manual.pdf", published) is None
    (published / "pdf").mkdir(parents=True)
    (published / "pdf" / "manual.pdf").write_bytes(b"%PDF-1.7")
    served = pdf.previously_built_pdf(config, "pdf/manual.pdf", published)
    assert served.dest_uri == "pdf/manual.pdf" and served.abs_src_path == str(published / "pdf" / "manual.pdf")


def test_without_the_switch_the_plugin_is_not_loaded_but_its_settings_are_read(monkeypatch):
    monkeypatch.delenv(next(iter(pdf_switch())), raising=False)
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    config.plugins.on_config(config)
    assert pdf.PLUGIN_NAME not in config.plugins and not pdf.writes_pdf(config)
    assert pdf.plugin_settings(config)["output_path"] == plugin_config()["output_path"]


def test_with_the_switch_the_plugin_is_loaded(monkeypatch):
    monkeypatch.setenv(*next(iter(pdf_switch().items())))
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    config.plugins.on_config(config)
    assert pdf.writes_pdf(config)
    assert pdf.plugin_settings(config)["output_path"] == plugin_config()["output_path"]
