"""On a 375 px wide phone screen no page scrolls sideways, and tables give their room to their text."""

from __future__ import annotations

import re

from browser_support import MOBILE, sample_pages


def test_no_page_scrolls_horizontally_on_a_phone(open_served_context, served_site, built_pages):
    context, _ = open_served_context(viewport=MOBILE, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = {}
    for path in sample_pages(built_pages):
        page.goto(served_site.url(path))
        scroll_width, client_width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll_width > client_width:
            too_wide[path] = f"{scroll_width} px wide in {client_width} px"
    assert too_wide == {}


def test_a_checklist_leaves_its_tick_box_column_narrow_on_a_phone(open_served_context, served_site):
    """The theme gives every header cell 5rem at least: a third of a phone's table for a box to tick."""
    context, _ = open_served_context(viewport=MOBILE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site.url("toolkit/first-100-days.html"))
    box_column, table = page.eval_on_selector(
        ".toolkit-form-checklist table", "table => [table.rows[0].cells[0].offsetWidth, table.offsetWidth]"
    )
    assert box_column < table / 5, f"tick-box column {box_column} px of {table} px"


def test_the_map_legend_is_at_least_10_px_tall_on_a_phone(open_served_context, served_site, site_dir):
    """The legend is drawn inside the map image, which a phone shows at the width of its text column."""
    context, _ = open_served_context(viewport=MOBILE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site.url("network/states.html"))
    shown_width = page.eval_on_selector("img.members-map", "image => image.getBoundingClientRect().width")
    svg = (site_dir / "assets" / "generated" / "members-map.svg").read_text(encoding="utf-8")
    view_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    font_size = float(re.search(r"text\{font:([\d.]+)px", svg).group(1))
    assert font_size * shown_width / view_width >= 10, f"legend type {font_size * shown_width / view_width:.1f} px"
