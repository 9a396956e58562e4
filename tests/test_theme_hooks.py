"""The theme filters: navigation sections named (their effect on built pages is checked by axe in tests/browser).
Links to other sites and the pages' policy: tests/test_page_policy.py."""

from __future__ import annotations

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
