"""The theme filters and page hooks: navigation sections named (their effect on built pages is checked by axe in
tests/browser), links to other sites marked noopener noreferrer."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.build import theme_hooks
from macros.build.theme_hooks import name_nav_sections

SECTION_WITH_INDEX_PAGE = """
<div class="md-nav__link md-nav__container">
  <a href="network/index.html" class="md-nav__link">The Global Network</a>
  <label class="md-nav__link " for="__nav_4" id="__nav_4_label" tabindex="">
    <span class="md-nav__icon md-icon"></span></label>
</div>
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_4_label" aria-expanded="true">
  <label class="md-nav__title" for="__nav_4"><span class="md-nav__icon md-icon"></span>The Global Network</label>
  <nav class="md-nav" data-md-level="2" aria-labelledby="__nav_4_2_label" aria-expanded="false">
    <label class="md-nav__title" for="__nav_4_2"><span class="md-nav__icon md-icon"></span>Members</label>
  </nav>
</nav>
"""


def test_each_section_is_labelled_by_its_own_title():
    html = name_nav_sections(SECTION_WITH_INDEX_PAGE)
    assert 'aria-labelledby="__nav_4_title"' in html
    assert '<label class="md-nav__title" for="__nav_4" id="__nav_4_title">' in html
    assert 'aria-labelledby="__nav_4_2_title"' in html
    assert '<label class="md-nav__title" for="__nav_4_2" id="__nav_4_2_title">' in html
    assert '_label" aria-expanded' not in html


def test_the_toggles_keep_their_ids_and_the_primary_navigation_is_untouched():
    primary = '<nav class="md-nav md-nav--primary" aria-label="Navigation"><label class="md-nav__title" for="__drawer">'
    html = name_nav_sections(primary + SECTION_WITH_INDEX_PAGE)
    assert html.startswith(primary)
    assert 'id="__nav_4_label"' in html


def test_links_to_other_sites_say_noopener_noreferrer():
    html = '<a href="https://un.org">UN</a> <a href="../x.html">x</a> <a rel="me" href="https://a.org">a</a>'
    assert theme_hooks.mark_links_to_other_sites(html) == (
        '<a rel="noopener noreferrer" href="https://un.org">UN</a> <a href="../x.html">x</a> '
        '<a rel="me" href="https://a.org">a</a>'
    )


def test_no_built_page_links_another_site_without_noopener_or_sends_a_referrer(real_site):
    for page in ("sources.html", "network/organisation.html", "index.html"):
        soup = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser")
        external = [a for a in soup.select("a[href]") if a["href"].startswith(("http://", "https://", "//"))]
        assert external or page == "index.html"
        assert all(set(a.get("rel", [])) >= {"noopener", "noreferrer"} for a in external), page
        assert soup.select_one('meta[name="referrer"]')["content"] == "same-origin"
