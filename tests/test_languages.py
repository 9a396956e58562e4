"""The manual in French and Spanish: the data's translation files and the catalogues (unit), and the built
sites and PDFs of every language (the real manual as `make build` makes it)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.data.countries import unaccented
from macros.data.loader import DataError, load_manual
from macros.data.translations import facts_of
from macros.generated import state_pages
from macros.words import words_for

from .conftest import PROJECT_DIR

LANGUAGES = ("fr", "es")
MARK = " [EN]"


def marked(text: str) -> str:
    return text + MARK


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", target)
    return target


def rewrite(path: Path, change) -> None:
    """Apply `change` to the YAML of `path` and write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(data_dir: Path, language: str = "fr") -> list[str]:
    with pytest.raises(DataError) as caught:
        load_manual(data_dir, language=language)
    return caught.value.problems


# --- the data's translation files (macros/data/translations.py) ---------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_languages_translate_every_text_and_message(language):
    manual = load_manual(PROJECT_DIR / "data", language=language, mark_untranslated=marked)
    assert manual.untranslated == ()
    assert words_for(language).missing() == []


def test_a_missing_translation_falls_back_to_english_marked_and_counted(data_dir):
    english = load_manual(data_dir)
    first, second = english.principles.principles[:2]
    rewrite(data_dir / "fr" / "principles.yml", lambda d: d["principles"].pop(second.id))
    manual = load_manual(data_dir, language="fr", mark_untranslated=marked)
    translated = {p.id: p for p in manual.principles.principles}
    assert translated[second.id].title == second.title + MARK
    assert translated[second.id].statement == second.statement + MARK
    assert not translated[first.id].title.endswith(MARK) and translated[first.id].title != first.title
    assert set(manual.untranslated) == {
        f"principles.principles.{second.id}.title",
        f"principles.principles.{second.id}.statement",
    }
    # The facts stay the English file's.
    assert translated[second.id].sources == second.sources


def test_the_facts_stay_one_set_in_every_language():
    english = load_manual(PROJECT_DIR / "data")
    for language in LANGUAGES:
        manual = load_manual(PROJECT_DIR / "data", language=language)
        assert [(m.iso3, m.joined, m.listed_by, m.roles, m.sources) for m in manual.roster.members] == [
            (m.iso3, m.joined, m.listed_by, m.roles, m.sources) for m in english.roster.members
        ]
        assert [(m.id, m.start, m.end, m.country, m.sources) for m in manual.meetings.meetings] == [
            (m.id, m.start, m.end, m.country, m.sources) for m in english.meetings.meetings
        ]
        assert manual.sources.sources[0].title == english.sources.sources[0].title  # titles are not translated


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_an_entry_the_english_file_lacks_is_reported_with_file_line_and_key(data_dir):
    path = data_dir / "fr" / "principles.yml"
    rewrite(path, lambda d: d["principles"].update({"no-such-principle": {"title": "Titre"}}))
    assert problems(data_dir) == [
        f"data/fr/principles.yml:{line_of(path, 'no-such-principle')}: principles.no-such-principle: "
        "no entry with the key 'no-such-principle' in data/principles.yml"
    ]


def test_a_fact_in_a_translation_file_is_refused(data_dir):
    path = data_dir / "fr" / "roster.yml"
    rewrite(path, lambda d: d["members"]["DNK"].update({"joined": 2011}))
    (problem,) = problems(data_dir)
    assert problem.startswith(f"data/fr/roster.yml:{line_of(path, 'joined: 2011')}: members.DNK.joined: not a text")


def test_a_translation_that_changes_a_figure_is_refused(data_dir):
    path = data_dir / "fr" / "roster.yml"
    rewrite(path, lambda d: d["members"]["AUT"].update({"joined_note": "A annoncé son point focal le 11 avril 2013."}))
    (problem,) = problems(data_dir)
    assert problem.startswith("data/fr/roster.yml:") and "members.AUT.joined_note: expected the figures" in problem
    assert "10 2013" in problem and "11 2013" in problem


def test_a_list_of_another_length_is_refused(data_dir):
    path = data_dir / "fr" / "pillars.yml"
    rewrite(path, lambda d: d["pillars"][1]["measures"].pop())
    (problem,) = problems(data_dir)
    assert "pillars.1.measures: expected a list of" in problem


def test_a_state_name_cldr_gives_already_is_refused(data_dir):
    path = data_dir / "fr" / "roster.yml"
    rewrite(path, lambda d: d["members"]["DNK"].update({"name": "Danemark"}))
    (problem,) = problems(data_dir)
    assert "members.DNK.name: CLDR names it 'Danemark' already" in problem


def test_a_file_of_no_dataset_is_refused(data_dir):
    (data_dir / "fr" / "rooster.yml").write_text("members: {}\n", encoding="utf-8")
    assert problems(data_dir) == ["data/fr/rooster.yml: expected the name of a file in data/"]


def test_states_take_cldr_names_or_the_uns_spelling_and_hosts_follow():
    manual = load_manual(PROJECT_DIR / "data", language="fr")
    names = {m.iso3: m.name for m in manual.roster.members if m.iso3}
    assert names["DNK"] == "Danemark"  # CLDR
    assert names["KOR"] == "République de Corée"  # the UN's spelling, where CLDR says "Corée du Sud"
    hosts = {host for meeting in manual.meetings.meetings for host in meeting.hosts}
    assert "Danemark" in hosts and "Denmark" not in hosts
    assert "République de Corée" in hosts


def test_an_organisation_keeps_its_english_page_address():
    manual = load_manual(PROJECT_DIR / "data", language="es")
    union = next(m for m in manual.roster.members if m.kind == "regional-organisation")
    assert union.name == "Unión Europea"
    assert state_pages.organisation_page_path(manual, union) == "organisations/european-union.md"


@pytest.mark.parametrize(
    ("english", "translated", "same"),
    [
        ("On 10 April 2013, 36 states (A/63/677).", "Le 10 avril 2013, 36 États (A/63/677).", True),
        ("The R2P network, 1,000 people.", "Le réseau de la R2P, 1 000 personnes.", False),
        ("The R2P network, 1,000 people.", "Le réseau de la R2P, 1.000 personnes.", True),
        ("In 2013.", "En 2014.", False),
        ("See A/63/677.", "Voir A/63/678.", False),
    ],
)
def test_the_facts_of_a_text(english, translated, same):
    assert (facts_of(english) == facts_of(translated)) is same


# --- the translated chapters -----------------------------------------------------------------------

MACRO = re.compile(r"\{\{.*?\}\}", re.S)
ATTRIBUTES = re.compile(r"\{[^}]*#[\w-]+[^}]*\}")


def english_pages() -> list[str]:
    docs = PROJECT_DIR / "docs"
    return sorted(
        p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.relative_to(docs).parts[0] not in LANGUAGES
    )


def macro_calls(text: str) -> list[str]:
    # A link's words are translated; the rest of every macro call stays as in English.
    return sorted(re.sub(r'secretariat_link\(".*?"\)', "secretariat_link(…)", call) for call in MACRO.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", english_pages())
def test_a_translated_chapter_keeps_every_macro_citation_and_figure(language, page):
    english = (PROJECT_DIR / "docs" / page).read_text(encoding="utf-8")
    translated_file = PROJECT_DIR / "docs" / language / page
    assert translated_file.is_file(), f"docs/{language}/{page} is missing"
    translated = translated_file.read_text(encoding="utf-8")
    assert macro_calls(translated) == macro_calls(english)
    assert re.findall(r'cite\("[^)]*"\)', translated) == re.findall(r'cite\("[^)]*"\)', english)

    def facts(text: str):
        return facts_of(ATTRIBUTES.sub(" ", MACRO.sub(" ", text)))

    assert facts(translated) == facts(english)


# --- the built sites and PDFs -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(made_site) -> Path:
    return made_site


def html_pages(root: Path) -> list[str]:
    """The pages of one language (the error page is the English build's alone: languages.py says why)."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if p.relative_to(root).parts[0] not in LANGUAGES and p.name != "404.html"
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_exists_in_every_language_at_the_same_address(site, language):
    english = html_pages(site)
    assert len(english) > 230
    assert html_pages(site / language) == english


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_falls_back_to_english(site, language):
    marker = words_for(language).untranslated("")
    assert marker.strip()
    shown = [
        path.relative_to(site).as_posix()
        for path in (site / language).rglob("*")
        if path.suffix in {".html", ".svg", ".csv", ".json", ".js"}
        and marker.strip() in path.read_text(encoding="utf-8")
    ]
    assert shown == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_declare_their_language_and_keep_the_english_anchors(site, language):
    for page in ["index.html", "network/members.html", "understanding-r2p/what-r2p-is-not.html", "states/deu.html"]:
        english, translated = soup(site / page), soup(site / language / page)
        assert translated.html["lang"] == language
        ids = [h["id"] for h in english.select("article h2[id], article h3[id]")]
        assert ids and [h["id"] for h in translated.select("article h2[id], article h3[id]")] == ids, page


@pytest.mark.parametrize("language", ["", *LANGUAGES])
def test_the_language_selector_leads_to_the_same_page_in_each_language(site, language):
    root = site / language
    for page in ["index.html", "network/members.html", "states/gha.html", "organisations/european-union.html"]:
        links = soup(root / page).select("a.md-select__link")
        assert [link["hreflang"] for link in links] == ["en", *LANGUAGES]
        for link in links:
            target = (root / page).parent / link["href"]
            other = site / ("" if link["hreflang"] == "en" else link["hreflang"]) / page
            assert target.resolve() == other.resolve() and other.is_file(), (language, page, link["href"])


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("fr", {"deu": ["Allemagne", "juillet 2013", "Europe de l'Ouest :"], "chn": ["Chine", "au 11 mai 2021"]}),
        ("es", {"deu": ["Alemania", "julio de 2013", "Europa occidental:"], "chn": ["China", "11 de mayo de 2021"]}),
    ],
)
def test_state_profiles_speak_the_language(site, language, texts):
    for state, expected in texts.items():
        profile = " ".join(soup(site / language / "states" / f"{state}.html").select_one("article").get_text().split())
        for text in expected:
            assert text in profile, (state, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_search_index_with_accents_folded(site, language):
    script = (site / language / "search" / "search_index.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("var __index = "))
    assert index["config"]["lang"] == [language]
    docs = {doc["location"]: doc for doc in index["docs"]}
    pillars = docs["understanding-r2p/pillars-and-crimes.html"]
    accented = {"fr": "génocide", "es": "crímenes"}[language]
    assert accented in pillars["text"] and unaccented(accented) in pillars["folded"].split()


class _Names(yaml.SafeLoader):
    """Reads a language's configuration, its `!ENV` tags left unresolved."""


_Names.add_multi_constructor("!", lambda loader, suffix, node: None)


@pytest.fixture(scope="session")
def pdfs(site) -> dict[str, PdfReader]:
    return {language: PdfReader(site / "pdf" / f"r2p-focal-points-manual.{language}.pdf") for language in LANGUAGES}


def nav_sections(language: str) -> list[str]:
    text = (PROJECT_DIR / f"mkdocs.{language}.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(text[text.index("\nnav:") :])["nav"]
    return [next(iter(item)) for item in nav if isinstance(next(iter(item.values())), list)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_pdf_with_cover_contents_and_bookmarks_in_it(site, pdfs, language):
    reader = pdfs[language]
    outline = [re.sub(r"^\d+\.?\s+", "", entry.title) for entry in reader.outline if not isinstance(entry, list)]
    assert outline[: len(nav_sections(language))] == nav_sections(language)
    cover = reader.pages[0].extract_text()
    site_name = yaml.load((PROJECT_DIR / f"mkdocs.{language}.yml").read_text(encoding="utf-8"), Loader=_Names)[
        "site_name"
    ]
    assert site_name in " ".join(cover.split())
    contents = " ".join(reader.pages[1].extract_text().split())
    assert {"fr": "Table des matières", "es": "Índice"}[language] in contents
    assert reader.metadata.title.startswith(site_name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_languages_pages_link_its_pdf(site, language):
    page = site / language / "network" / "members.html"
    (link,) = [a for a in soup(page).select(".md-copyright a[download]")]
    assert (page.parent / link["href"]).resolve() == (
        site / "pdf" / f"r2p-focal-points-manual.{language}.pdf"
    ).resolve()
    assert link.get_text(strip=True) == words_for(language)("Download the whole manual (PDF)")
