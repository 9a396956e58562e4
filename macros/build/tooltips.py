"""Tooltips only where a reader needs them. The theme makes a tooltip of every element of a page's content that
has a title (`content.tooltips`), each mounted by its script as the page starts:

- an abbreviation is marked at its first use on a page only, as an editor spells one out at first mention
  (the glossary lists every term). Sources repeats "R2P" and "UN" in nearly every entry: its 99 marks held a
  phone's main thread for a quarter of a second (Lighthouse's blocking time 240 ms, 90 ms with first uses);
- a heading's permanent link is named for screen readers (`aria-label`, which they read instead of "¶")
  rather than titled, so no heading carries a tooltip.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# After the abbreviations are marked (7), the permanent links added (toc, 5) and the shared blocks put in
# place (0.5): a term first used in a shared block counts there.
PRIORITY = 0.4
PERMALINK_CLASS = "headerlink"  # the toc extension's, as the theme styles it


class FewerTooltips(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_FewerTooltips(md), "fewer_tooltips", PRIORITY)


class _FewerTooltips(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen = set()
        for mark in list(root.iter("abbr")):  # in the order the page reads
            term = (mark.text, mark.get("title"))
            if term not in seen:
                seen.add(term)
            elif len(mark) == 0:
                _unwrap(parents[mark], mark)
        for link in root.iter("a"):
            if link.get("class") == PERMALINK_CLASS and "title" in link.attrib:
                link.set("aria-label", link.attrib.pop("title"))


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


def with_fewer_tooltips(extensions: list) -> list:
    """The site's Markdown extensions with this pass (once, whatever an earlier build added)."""
    return [*(e for e in extensions if not isinstance(e, FewerTooltips)), FewerTooltips()]
