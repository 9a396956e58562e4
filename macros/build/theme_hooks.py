"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): Jinja filters used by the theme overrides in overrides/."""

from __future__ import annotations

import re

# Material labels each navigation section by the toggle next to its title; when the section has an index
# page (navigation.indexes) that toggle is an empty icon, so several navigation landmarks end up with no
# name (axe rule landmark-unique). Every section also carries a title label with its name: label by that.
_SECTION_TITLE = re.compile(r'<label class="md-nav__title" for="(__nav\w*)">')
_SECTION_LABELLED_BY = re.compile(r'aria-labelledby="(__nav\w*)_label"')


def name_nav_sections(html: str) -> str:
    """`html` of the site navigation with every section landmark labelled by its section title."""
    html = _SECTION_TITLE.sub(r'<label class="md-nav__title" for="\1" id="\1_title">', html)
    return _SECTION_LABELLED_BY.sub(r'aria-labelledby="\1_title"', html)


_LANGUAGE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_language_links(html: str) -> str:
    """`html` of the page's head without the theme's links to the other languages (see overrides/main.html)."""
    return _LANGUAGE_LINK.sub("", html)


def on_env(env, config, files):
    env.filters["name_nav_sections"] = name_nav_sections
    env.filters["drop_language_links"] = drop_language_links
    return env
