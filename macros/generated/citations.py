"""The bibliography to download, for reference managers (Zotero, JabRef, EndNote): BibTeX, written with
pybtex, and CSL-JSON, the Citation Style Language's data format (plain JSON, so the standard library),
both from data/sources.yml; and how to cite the manual itself.
"""

from __future__ import annotations

import json

from macros.data.manual import Manual
from macros.data.schema import Source
from macros.words import ENGLISH, Words

BIBLIOGRAPHY_DIR = "bibliography"
BIBTEX_FILE = f"{BIBLIOGRAPHY_DIR}/r2p-focal-points-manual-sources.bib"
CSL_JSON_FILE = f"{BIBLIOGRAPHY_DIR}/r2p-focal-points-manual-sources.json"

# Each kind of source in data/sources.yml as BibTeX and CSL name it.
BIBTEX_TYPES = {"article": "article", "book": "book", "report": "techreport", "policy-brief": "techreport"}
CSL_TYPES = {
    "article": "article-journal",
    "slides": "speech",
    "web-page": "webpage",
    "policy-brief": "report",
    "meeting-summary": "report",
    "statement": "speech",
    "press-release": "article",
    "un-document": "report",
    "government": "webpage",
    "news": "article-newspaper",
    "report": "report",
    "book": "book",
}


def _date_parts(source: Source) -> list[int]:
    return [int(part) for part in source.date.split("-")]


def bibtex(manual: Manual) -> str:
    from pybtex.database import BibliographyData, Entry

    entries = {}
    for source in sorted(manual.sources.sources, key=lambda s: s.id):
        # The author in braces: an organisation's name is not split into given and family names.
        fields = {"author": "{" + source.author + "}", "title": source.title, "url": str(source.url)}
        if source.publisher:
            fields["publisher" if source.kind == "book" else "organization"] = source.publisher
        if source.date:
            parts = _date_parts(source)
            fields["year"] = str(parts[0])
            if len(parts) > 1:
                fields["month"] = str(parts[1])
            fields["date"] = str(source.date)
        if source.un_symbol:
            fields["number"] = source.un_symbol
        if source.note:
            fields["note"] = source.note
        entries[source.id] = Entry(BIBTEX_TYPES.get(source.kind, "misc"), fields=fields)
    return BibliographyData(entries).to_string("bibtex")


def csl_json(manual: Manual) -> str:
    items = []
    for source in sorted(manual.sources.sources, key=lambda s: s.id):
        item = {
            "id": source.id,
            "type": CSL_TYPES[source.kind],
            "author": [{"literal": source.author}],
            "title": source.title,
            "URL": str(source.url),
        }
        if source.publisher:
            item["publisher"] = source.publisher
        if source.date:
            item["issued"] = {"date-parts": [_date_parts(source)]}
        if source.un_symbol:
            item["number"] = source.un_symbol
        if source.note:
            item["note"] = source.note
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def bibliography_files(manual: Manual) -> dict[str, str]:
    return {BIBTEX_FILE: bibtex(manual), CSL_JSON_FILE: csl_json(manual)}


def citation(manual: Manual, site_name: str, author: str, site_url: str | None, words: Words = ENGLISH) -> str:
    """How to cite the manual: its editors, name, edition and address (plain text; the page puts it in a
    quotation block)."""
    edition = words("edition of {date}", date=words.date(manual.data_as_of()))
    address = site_url or words("the address where you read it")
    # The author's name opens the reference: capitalised, as the French and Spanish names are written for
    # the middle of a sentence ("Publié par les rédacteurs…").
    return f"{author[:1].upper()}{author[1:]}, *{site_name}*, {edition}, {address}."
