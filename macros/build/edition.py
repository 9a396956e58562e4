"""The edition the PDFs other than the manual's belong to (the one-page profiles, sheets.py; the chapters,
chapters.py): read from the build's settings once, and the HTML frame WeasyPrint lays each of them out in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    manual: str  # the manual's name
    line: str  # the cover's edition line
    author: str
    language: str
    created: str  # the PDFs' date, ISO 8601
    site_url: str | None

    def document(self, stylesheet: str, body: str) -> str:
        """An HTML document in the edition's language, dated by the edition, so that WeasyPrint writes the
        same bytes from the same sources (it takes the PDF's dates from these two meta tags)."""
        from markupsafe import escape

        return (
            f'<!DOCTYPE html><html lang="{escape(self.language)}"><head><meta charset="utf-8">'
            f'<meta name="dcterms.created" content="{escape(self.created)}">'
            f'<meta name="dcterms.modified" content="{escape(self.created)}">'
            f"<style>{stylesheet}</style></head><body>{body}</body></html>"
        )
