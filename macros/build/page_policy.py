"""What every built page allows itself: a Content-Security-Policy the build writes into the page, and links
to other sites that give them no hold on the page.

A static host may send no headers, so the policy is a `<meta http-equiv>` before the first script. Scripts
run only from the site itself or, inline, when the theme's templates wrote them: each inline script of a
page must be one of the templates' `<script>` blocks (their `{{ … }}` filled with an address) and is
allowed by its hash. Any other inline script, such as one slipped into the data past the escaping, stops
the build here and would be refused by the browser anyway. Opened from disk, the search runs in the
iframe-worker shim's frame, whose inline bootstrap script is hashed too (`shim_bootstrap`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_SCRIPT_ELEMENT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_SCRIPT_SOURCE = re.compile(r"\bsrc=")
# A data block, which the browser does not run (the theme's settings).
_DATA_BLOCK = re.compile(r'\btype="application/json"')
_TEMPLATE_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_TEMPLATE_STATEMENT = re.compile(r"\{%.*?%\}", re.S)
# What a template's {{ … }} inside a script may stand for: an address such as "../.." or "../assets/x.js".
_ADDRESS = r"[\w./:%-]*"

# Markdown tables align their columns with style attributes; no other inline style is allowed.
TABLE_ALIGNMENTS = ("text-align: left;", "text-align: right;", "text-align: center;")


def template_scripts(template_sources: Iterable[str]) -> list[re.Pattern]:
    """The inline scripts the theme's templates can write, as patterns: their text, with each {{ … }}
    standing for an address."""
    patterns = []
    for source in template_sources:
        for script in _INLINE_SCRIPT.findall(source):
            if _TEMPLATE_STATEMENT.search(script):
                raise PluginError(f"a theme template's inline script holds a template statement: {script[:80]}")
            parts = _TEMPLATE_EXPRESSION.split(script)
            patterns.append(re.compile(_ADDRESS.join(re.escape(part) for part in parts), re.S))
    return patterns


_SHIM_BOOTSTRAP = re.compile(r"document\.write\(`<html><body><script>(.*?)<\\/script>")
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
# Where the worker's address goes in the shim's bootstrap script (see `shim_bootstrap`).
WORKER_SLOT = "\0worker\0"


def shim_bootstrap(shim_source: str) -> str:
    """The inline script the iframe-worker shim writes into its frame, with WORKER_SLOT for the worker's
    address: the shim fills in the source text of two of its own functions, then the address."""
    found = _SHIM_BOOTSTRAP.search(shim_source)
    names = _PLACEHOLDER.findall(found.group(1)) if found else []
    if len(names) != 3:
        raise PluginError("the iframe-worker shim no longer writes the bootstrap script this build hashes")
    *functions, address = names
    bootstrap = found.group(1)
    for name in functions:
        bootstrap = bootstrap.replace(f"${{{name}}}", _function_source(shim_source, name))
    return bootstrap.replace(f"${{{address}}}", WORKER_SLOT)


def _function_source(source: str, name: str) -> str:
    """The source text of `function name(…){…}` in `source` (braces counted; the shim's functions hold
    no brace inside a string)."""
    start = source.find(f"function {name}(")
    if start < 0:
        raise PluginError(f"the iframe-worker shim has no function {name}")
    depth = 0
    for end in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[end], 0)
        if depth == 0:
            return source[start : end + 1]
    raise PluginError(f"the iframe-worker shim's function {name} does not end")


def source_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(script_hashes: Iterable[str]) -> str:
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    styles = " ".join(["'unsafe-hashes'", *(source_hash(style) for style in TABLE_ALIGNMENTS)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            f"style-src-attr {styles}",
            # The theme's icons are data: images in its stylesheet.
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


_CHARSET = '<meta charset="utf-8">'
_WORKER = re.compile(r'"search":\s*"([^"]+)"')


@dataclass(frozen=True)
class PagePolicy:
    """The theme's inline scripts (`template_scripts`) and the shim's bootstrap (`shim_bootstrap`)."""

    theme_scripts: list[re.Pattern]
    shim_bootstrap: str

    def applied(self, page_html: str, page: str) -> str:
        """`page_html` with its policy in the head; a PluginError naming `page` if it holds an inline script
        no template wrote."""
        hashes = []
        for attributes, script in _SCRIPT_ELEMENT.findall(page_html):
            if _SCRIPT_SOURCE.search(attributes) or _DATA_BLOCK.search(attributes):
                continue
            if attributes or not any(pattern.fullmatch(script) for pattern in self.theme_scripts):
                raise PluginError(f"{page}: an inline script the theme did not write: {script[:80]!r}")
            hashes.append(source_hash(script))
        worker = _WORKER.search(page_html)
        if worker:
            hashes.append(source_hash(self.shim_bootstrap.replace(WORKER_SLOT, worker.group(1))))
        if _CHARSET not in page_html:
            raise PluginError(f"{page}: no {_CHARSET} to put the Content-Security-Policy after")
        policy = html.escape(content_security_policy(hashes), quote=False)
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        return page_html.replace(_CHARSET, _CHARSET + meta, 1)


_LINK_TO_ANOTHER_SITE = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="(?:https?:)?//[^"]*")')


def mark_links_to_other_sites(page_html: str) -> str:
    """`page_html` with every link to another site marked rel="noopener noreferrer": the site it opens gets
    no hold on this window and no address of this page."""
    return _LINK_TO_ANOTHER_SITE.sub(r'<a rel="noopener noreferrer" \1', page_html)
