"""The words layer: every sentence and label the manual shows, in the reader's language.

The English text is written in the code as gettext messages (`words("…")`, `words.plural(…)`), which
translators' tools (Poedit, Weblate, Lokalize) read from `locales/messages.pot`; a language is a
`locales/<language>/LC_MESSAGES/messages.po` file. Gettext, not a YAML of keys, because its tools show
each message in its English context, track changed English as "fuzzy" and handle each language's plural
rules. Dates come from Babel's CLDR data, so month names and order follow the language.
"""

from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from macros.data.schema import PartialDate

LOCALES_DIR = Path(__file__).parent / "locales"
CATALOGUE_TEMPLATE = LOCALES_DIR / "messages.pot"
SOURCE_LANGUAGE = "en"
# The CLDR locale of each language's dates: the manual writes British English, as the UN does.
DATE_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}


def N_(message: str) -> str:
    """Marks `message` for the catalogue where it is defined; it is translated where it is shown."""
    return message


DATE_NOT_RECORDED = N_("date not recorded")
# TRANSLATORS: after English text shown on a page of another language, for want of a translation.
NOT_YET_TRANSLATED = N_("not yet translated")


@dataclass(frozen=True)
class Words:
    """The manual's messages and dates in one language."""

    language: str
    translations: gettext.NullTranslations
    # The messages the catalogue translates; any other falls back to English, marked as such.
    translated: frozenset[str] = frozenset()

    def __call__(self, message: str, /, **values: object) -> str:
        """`message` in this language, its {placeholders} filled with `values`."""
        text = self._marked(message, self.translations.gettext(message))
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The form of the message for `count` ({count} in it is the number), placeholders filled."""
        text = self._marked(singular, self.translations.ngettext(singular, plural, count))
        return text.format(count=count, **values)

    def _marked(self, message: str, text: str) -> str:
        if self.language == SOURCE_LANGUAGE or message in self.translated:
            return text
        return self.untranslated(text)

    def untranslated(self, english: str) -> str:
        """`english`, shown in this language for want of a translation, and saying so."""
        if self.language == SOURCE_LANGUAGE:
            return english
        note = (
            self.translations.gettext(NOT_YET_TRANSLATED)
            if NOT_YET_TRANSLATED in self.translated
            else NOT_YET_TRANSLATED
        )
        return f"{english} ({note})"

    def missing(self, template: Path | None = None) -> list[str]:
        """The messages of the catalogue template that this language does not translate yet."""
        if self.language == SOURCE_LANGUAGE:
            return []
        with (template or CATALOGUE_TEMPLATE).open("rb") as pot:
            return [_id(m) for m in read_po(pot) if m.id and _id(m) not in self.translated]

    def date(self, value: PartialDate | None) -> str:
        """A partial date as this language writes it: '2013', 'August 2015', '27 August 2015'."""
        if value is None:
            return self(DATE_NOT_RECORDED)
        if value.precision == "year":
            return value
        locale = Locale.parse(DATE_LOCALES.get(self.language, self.language))
        if value.precision == "month":
            return format_skeleton("yMMMM", value.as_date(), locale=locale)
        text = babel_format_date(value.as_date(), "long", locale=locale)
        # French writes the first of the month as an ordinal, "1er mai 2011"; CLDR's pattern cannot say so.
        if self.language == "fr" and value.as_date().day == 1:
            text = text.replace("1", "1er", 1)
        return text


def reader_language(config) -> str:
    """The language a build writes, as the theme's `language` setting names it."""
    return config["theme"]["language"] or SOURCE_LANGUAGE


def catalogue_file(language: str) -> Path:
    return LOCALES_DIR / language / "LC_MESSAGES" / "messages.po"


@functools.cache
def words_for(language: str) -> Words:
    """The words of `language`: its catalogue's translations, or the English written in the code."""
    if language == SOURCE_LANGUAGE or not catalogue_file(language).is_file():
        return Words(language, gettext.NullTranslations())
    with catalogue_file(language).open("rb") as po:
        catalogue = read_po(po, locale=language)
    # Compiled in memory: there is no .mo file to keep in step with the .po translators edit.
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    translations = gettext.GNUTranslations(compiled)
    translated = frozenset(_id(m) for m in catalogue if m.id and _is_translated(m))
    return Words(language, translations, translated)


def _id(message) -> str:
    """A message's key: its English text (the singular, for a plural message)."""
    return message.id if isinstance(message.id, str) else message.id[0]


def _is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not message.fuzzy and all(strings)


ENGLISH = words_for(SOURCE_LANGUAGE)
