"""On a 375 px wide phone screen no page scrolls sideways."""

from __future__ import annotations

from browser_support import MOBILE, sample_pages


def test_no_page_scrolls_horizontally_on_a_phone(open_served_context, served_site, built_pages):
    context, _ = open_served_context(viewport=MOBILE, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = {}
    for path in sample_pages(built_pages):
        page.goto(served_site.url(path))
        scroll_width, client_width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll_width > client_width:
            too_wide[path] = f"{scroll_width} px wide in {client_width} px"
    assert too_wide == {}
