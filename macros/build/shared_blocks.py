"""Markdown that many pages share, converted once per build: the outreach brief's lists, the same on the
profile of every state without a focal point (about 150 pages; converting them on each made the build a
fifth slower). A page holds a marker paragraph where a block goes (`render.shared_block`); this Markdown
extension puts the block's elements in its place in the page's tree before MkDocs checks and rewrites the
page's links, so that a block's links are checked as any other and must be written as in the page's Markdown.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping, Sequence

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from macros.markdown.render import SHARED_BLOCK

# After the table of contents and MkDocs' list of anchors (5) and its title (1); before MkDocs checks and
# rewrites links (relpath, 0).
PRIORITY = 0.5
_MARKER = re.compile(SHARED_BLOCK.format(name="(.+)"))


def parsed_blocks(
    blocks: Mapping[str, str], extensions: Sequence, extension_configs: Mapping
) -> dict[str, list[etree.Element]]:
    """Each block's Markdown converted (with the site's extensions: abbreviations too) into its elements."""
    site_extensions = [e for e in extensions if not isinstance(e, SharedBlocks)]
    converter = markdown.Markdown(extensions=site_extensions, extension_configs=dict(extension_configs))
    parsed = {}
    for name, text in blocks.items():
        parsed[name] = list(etree.fromstring(f"<div>{converter.reset().convert(text)}</div>"))
    return parsed


class SharedBlocks(Extension):
    def __init__(self, blocks: Mapping[str, list[etree.Element]]):
        super().__init__()
        self.blocks = blocks

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_PutBlocks(md, self.blocks), "shared_blocks", PRIORITY)


class _PutBlocks(Treeprocessor):
    def __init__(self, md: markdown.Markdown, blocks: Mapping[str, list[etree.Element]]):
        super().__init__(md)
        self.blocks = blocks

    def run(self, root: etree.Element) -> None:
        markers = [
            (parent, child, match.group(1))
            for parent in root.iter()
            for child in parent
            if child.tag == "p" and len(child) == 0 and (match := _MARKER.fullmatch(child.text or ""))
        ]
        for parent, marker, name in markers:
            if name not in self.blocks:
                raise ValueError(f"no shared block {name!r} in this build (known: {', '.join(self.blocks)})")
            elements = [copy.deepcopy(element) for element in self.blocks[name]]
            if elements:
                elements[-1].tail = marker.tail
            at = list(parent).index(marker)
            parent.remove(marker)
            parent[at:at] = elements


def with_shared_blocks(extensions: list, blocks: Mapping[str, list[etree.Element]]) -> list:
    """The site's Markdown extensions with this build's shared blocks (a previous build's replaced)."""
    return [*(e for e in extensions if not isinstance(e, SharedBlocks)), SharedBlocks(blocks)]
