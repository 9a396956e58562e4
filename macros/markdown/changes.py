"""What's new: the data's history as a dated list (the page, the home page's latest three, the feed).

The changes come from `Manual.changes()`, computed from the data itself (a member's `listed_by`, an
official count's date, a meeting's start, a source's date), so the list cannot disagree with the rest of
the manual and needs no upkeep of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.data.manual import Change, Manual
from macros.markdown.render import anchor, cite, count_text, esc, with_un_symbols
from macros.words import ENGLISH, Words

MEMBERS_PAGE = "network/members.md"
COUNTS_ANCHOR = "official-counts-over-time"


@dataclass(frozen=True)
class ChangeLinks:
    """Where a change leads, as seen from the page that lists it."""

    sources: str
    meetings: str
    members: str
    profiles: dict[str, str] = field(default_factory=dict)  # a member's name: its profile page


def change_text(change: Change, words: Words = ENGLISH) -> str:
    """The change in one plain sentence (the feed's entry titles)."""
    subject = change.subject
    if change.kind == "member":
        return words("{name} named as a member of the network", name=subject.name)
    if change.kind == "count":
        return words("Official count: {count}", count=count_text(subject, words))
    if change.kind == "meeting":
        place = subject.city or words("place not recorded")
        return words("Meeting: {title}, {city}", title=subject.title, city=place)
    return words("Source published: {title}", title=subject.title)


def change_target(change: Change, links: ChangeLinks) -> str | None:
    """The page (and anchor) that tells more about the change; none for a source, whose citation after it
    leads to its entry already (and a title linked there would print as one unbreakable citation)."""
    if change.kind == "member":
        return links.profiles.get(change.subject.name, links.members)
    if change.kind == "count":
        return f"{links.members}#{COUNTS_ANCHOR}"
    if change.kind == "meeting":
        return f"{links.meetings}#{anchor('meeting', change.subject.id)}"
    return None


def change_item(change: Change, links: ChangeLinks, words: Words = ENGLISH) -> str:
    target = change_target(change, links)
    text = with_un_symbols(change_text(change, words))
    text = f"[{text}]({target})" if target else text
    return f"- **{esc(words.date(change.date))}**: {text} {cite(change.sources, links.sources)}"


def whats_new(manual: Manual, links: ChangeLinks, limit: int | None = None, words: Words = ENGLISH) -> str:
    """The changes, newest first; `limit` the newest only."""
    changes = manual.changes()[:limit]
    return "\n".join(change_item(change, links, words) for change in changes) + "\n"
