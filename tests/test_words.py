"""The words layer: messages in each language, dates as each language writes them, a catalogue in step."""

from __future__ import annotations

import gettext

import pytest

from macros.data.countries import un_member_states
from macros.data.loader import load_manual
from macros.data.schema import PartialDate
from macros.generated import state_pages
from macros.markdown import render
from macros.words import CATALOGUE_TEMPLATE, ENGLISH, LOCALES_DIR, Words, words_for
from macros.words.catalogue import extracted, template_text, updated_text

from .conftest import FIXTURE_DATA

PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
)


@pytest.fixture
def catalogue(tmp_path, monkeypatch):
    """Words of a language from a catalogue written for the test: `catalogue(language, po_entries)`."""
    monkeypatch.setattr("macros.words.LOCALES_DIR", tmp_path)

    def words_of(language: str, entries: str) -> Words:
        po = tmp_path / language / "LC_MESSAGES" / "messages.po"
        po.parent.mkdir(parents=True)
        po.write_text(PO_HEADER + entries, encoding="utf-8")
        return words_for(language)

    words_for.cache_clear()
    yield words_of
    words_for.cache_clear()


def test_english_is_the_code_s_own_text_with_its_placeholders_filled():
    assert ENGLISH("Legal anchor: {anchor}", anchor="Article II") == "Legal anchor: Article II"
    assert ENGLISH.plural("{count} state", "{count} states", 1) == "1 state"
    assert ENGLISH.plural("{count} state", "{count} states", 41) == "41 states"


def test_dates_keep_their_precision_and_follow_the_language():
    assert [ENGLISH.date(PartialDate(d)) for d in ("2013", "2015-08", "2015-08-27")] == [
        "2013",
        "August 2015",
        "27 August 2015",
    ]
    assert ENGLISH.date(None) == "date not recorded"
    french = Words("fr", gettext.NullTranslations())
    assert french.date(PartialDate("2015-08-27")) == "27 août 2015"
    assert french.date(PartialDate("2011-05-01")) == "1er mai 2011"  # the first of the month is an ordinal
    spanish = Words("es", gettext.NullTranslations())
    assert spanish.date(PartialDate("2015-08")) == "agosto de 2015"


def test_a_catalogue_translates_messages_and_plurals(catalogue):
    words = catalogue(
        "xx",
        'msgid "Legal anchor: {anchor}"\nmsgstr "Fondement juridique : {anchor}"\n\n'
        'msgid "{count} state"\nmsgid_plural "{count} states"\nmsgstr[0] "{count} État"\nmsgstr[1] "{count} États"\n',
    )
    assert words("Legal anchor: {anchor}", anchor="art. II") == "Fondement juridique : art. II"
    assert [words.plural("{count} state", "{count} states", n) for n in (1, 2)] == ["1 État", "2 États"]
    # Not translated yet: the English stays, and says so (in English too while that is not translated).
    assert words("Sources") == "Sources (not yet translated)"
    assert words.missing() and "Sources" in words.missing()


@pytest.mark.parametrize("po_file", sorted(LOCALES_DIR.glob("*/LC_MESSAGES/messages.po")), ids=lambda p: p.parts[-3])
def test_each_language_s_catalogue_is_merged_with_the_template(po_file):
    assert po_file.read_text(encoding="utf-8") == updated_text(po_file, extracted()), (
        f"{po_file.parts[-3]}'s catalogue is not merged with the template: run `make messages`"
    )


def test_the_catalogue_template_holds_every_message_of_the_code():
    current = template_text(extracted())
    assert CATALOGUE_TEMPLATE.read_text(encoding="utf-8") == current, (
        "macros/words/locales/messages.pot is out of date: run `make messages`"
    )
    assert 'msgid "Legal anchor: {anchor}"' in current and 'msgid_plural "{count} states"' in current


def test_a_renderer_writes_the_reader_s_words(catalogue):
    """What the catalogue translates reaches the page, the rest stays English, dates follow the language."""
    words = catalogue("fr", 'msgid "Reported membership"\nmsgstr "Composition annoncée"\n')
    table = render.official_counts_table(load_manual(FIXTURE_DATA), "sources.md", words)
    assert table.splitlines()[0].startswith("| Date (not yet translated) | Composition annoncée |")
    french_months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                     "octobre", "novembre", "décembre")  # fmt: skip
    assert any(month in table for month in french_months)


def test_a_generated_state_page_writes_the_reader_s_words(catalogue):
    """The profiles are made from the same catalogue: a translated heading keeps its English anchor."""
    words = catalogue(
        "fr",
        'msgid "Peers in the region"\nmsgstr "Pairs de la région"\n\n'
        'msgid "Outreach brief"\nmsgstr "Note de sensibilisation"\n',
    )
    countries = un_member_states()
    page = state_pages.state_page(load_manual(FIXTURE_DATA), countries, countries.by_iso3["CHL"], words)
    assert "## Pairs de la région { #peers data-search-exclude }" in page
    assert "## Note de sensibilisation { #outreach-brief data-search-exclude }" in page
    assert "Whom to contact (not yet translated)" in page  # not in this catalogue: the English stays, marked
