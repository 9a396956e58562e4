"""The Atom feed of What's new (`feed.xml` in each language's site), from the same changes as the page.

Entry ids are tag URIs built from each change's stable key, so a feed reader shows an entry once however
often the site is rebuilt or moved. Links are absolute when `site_url` is set (mkdocs.yml, SITE_URL), as
feed readers need; without it they are relative to the feed, which works for a copy opened from disk.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from macros.data.manual import Change, Manual
from macros.markdown import changes
from macros.words import ENGLISH, Words

FEED_FILE = "feed.xml"
TAG_AUTHORITY = "tag:r2p-focal-points-manual,2010"


def _timestamp(change_or_day) -> str:
    day = change_or_day.date.as_date() if isinstance(change_or_day, Change) else change_or_day
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")


def atom_feed(
    manual: Manual, title: str, author: str, page_link: str, site_url: str | None, words: Words = ENGLISH
) -> str:
    """The feed's XML. `page_link` is the What's new page relative to the site (its entries' link)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    listed = manual.changes()
    updated = _timestamp(manual.data_as_of().as_date())
    entries = []
    for change in listed:
        summary = words("Sources: {ids}", ids=", ".join(change.sources))
        entries.append(
            "  <entry>\n"
            f"    <id>{TAG_AUTHORITY}:{words.language}/{change.kind}/{escape(change.key)}</id>\n"
            f"    <title>{escape(changes.change_text(change, words))}</title>\n"
            f"    <updated>{_timestamp(change)}</updated>\n"
            f"    <link href={quoteattr(base + page_link)}/>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{words.language}">\n'
        f"  <id>{TAG_AUTHORITY}:{words.language}/whats-new</id>\n"
        f"  <title>{escape(title)}</title>\n"
        f"  <updated>{updated}</updated>\n"
        f'  <link rel="alternate" href={quoteattr(base + page_link)}/>\n'
        f'  <link rel="self" href={quoteattr(base + FEED_FILE)}/>\n'
        f"  <author><name>{escape(author)}</name></author>\n" + "".join(entries) + "</feed>\n"
    )
