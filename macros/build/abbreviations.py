"""Each abbreviation marked at its first use on a page only, as an editor spells one out at first mention.

The abbreviations (includes/abbreviations.md, appended to every page) mark every use of a term; the theme
makes each mark a tooltip as the page starts (`content.tooltips`). Sources repeats "R2P" and "UN" in nearly
every entry: 99 marks held a phone's main thread for a quarter of a second (Lighthouse's blocking time 240 ms
against 90 ms with the first uses only). The glossary still lists every term.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# After the abbreviations are marked (7) and the shared blocks put in place (0.5): a term first used in a
# shared block counts there.
PRIORITY = 0.4


class FirstUseOnly(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_KeepFirstUses(md), "abbreviations_first_use", PRIORITY)


class _KeepFirstUses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen = set()
        for mark in list(root.iter("abbr")):  # in the order the page reads
            term = (mark.text, mark.get("title"))
            if term not in seen:
                seen.add(term)
            elif len(mark) == 0:
                _unwrap(parents[mark], mark)


def _unwrap(parent: etree.Element, mark: etree.Element) -> None:
    """`mark` replaced by its text."""
    text = (mark.text or "") + (mark.tail or "")
    at = list(parent).index(mark)
    if at:
        before = parent[at - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(mark)


def with_first_uses_only(extensions: list) -> list:
    """The site's Markdown extensions with the first-use pass (once, whatever an earlier build added)."""
    return [*(e for e in extensions if not isinstance(e, FirstUseOnly)), FirstUseOnly()]
