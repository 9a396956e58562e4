"""Blocks of Markdown many pages share, converted once and put into each page's tree before MkDocs checks
and rewrites its links (macros/build/shared_blocks.py): the page reads as if the block were written in it,
and a block's broken link fails a strict build as any page's would."""

from __future__ import annotations

import markdown
import pytest

from macros.build import shared_blocks
from macros.markdown.render import SHARED_BLOCK

from .conftest import PROJECT_DIR, run_mkdocs_build

EXTENSIONS = ["abbr", "md_in_html"]


def converted(page: str, blocks: dict[str, str]) -> str:
    parsed = shared_blocks.parsed_blocks(blocks, EXTENSIONS, {})
    return markdown.markdown(page, extensions=shared_blocks.with_shared_blocks(EXTENSIONS, parsed))


def test_a_marker_becomes_its_block_as_if_written_there():
    block = "- one *item*\n- two\n\n*[UN]: United Nations\n\nThe UN said so.\n"
    page = f'# Title\n\n<div class="box" markdown>\n\n{SHARED_BLOCK.format(name="list")}\n\n</div>\n\nAfter.\n'
    written_in = page.replace(SHARED_BLOCK.format(name="list"), block)
    assert converted(page, {"list": block}) == markdown.markdown(written_in, extensions=EXTENSIONS)
    assert '<abbr title="United Nations">UN</abbr>' in converted(page, {"list": block})


def test_a_marker_without_its_block_stops_the_conversion():
    with pytest.raises(ValueError, match="no shared block 'other'"):
        converted(SHARED_BLOCK.format(name="other") + "\n", {"list": "- one\n"})


def test_a_previous_builds_blocks_are_replaced():
    first = shared_blocks.with_shared_blocks(EXTENSIONS, {})
    again = shared_blocks.with_shared_blocks(first, {})
    assert [type(e) for e in again] == [str, str, shared_blocks.SharedBlocks]


HOOK = """
from macros.build import shared_blocks

def on_config(config):
    parsed = shared_blocks.parsed_blocks({{"links": "- [the other page]({target})\\n"}}, [], {{}})
    config.markdown_extensions = shared_blocks.with_shared_blocks(config.markdown_extensions, parsed)
    return config
"""


def tiny_site(folder, target: str):
    (folder / "docs" / "section").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (folder / "docs" / "section" / "page.md").write_text(
        "# Page\n\n" + SHARED_BLOCK.format(name="links") + "\n", encoding="utf-8"
    )
    (folder / "hook.py").write_text(HOOK.format(target=target), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Tiny\nuse_directory_urls: false\nhooks: [hook.py]\nvalidation:\n  links:\n    not_found: warn\n",
        encoding="utf-8",
    )
    return folder


def test_a_blocks_links_are_checked_and_rewritten_by_mkdocs(tmp_path):
    site = tiny_site(tmp_path / "good", "../index.md")
    result = run_mkdocs_build(site, extra_env={"PYTHONPATH": str(PROJECT_DIR)})
    assert result.returncode == 0, result.stderr
    assert '<a href="../index.html">the other page</a>' in (site / "site" / "section" / "page.html").read_text()
    broken = tiny_site(tmp_path / "broken", "../missing.md")
    result = run_mkdocs_build(broken, extra_env={"PYTHONPATH": str(PROJECT_DIR)})
    assert result.returncode != 0
    assert "section/page.md" in result.stderr and "missing.md" in result.stderr
