"""Nothing on a page moves once it is shown (issue: no layout shift). Measured with the browser's own
layout-shift entries on every page template (the benchmark's) and on pages in French and Spanish, at a
phone's, a tablet's and a desktop's width, with the CPU slowed as on a phone so that the page is painted
before the theme's script runs and while the parser still has part of it to read.

What used to move, and what holds it still: the header's last controls and a long table's columns as more
of the page was parsed (the first paint waits for the content, overrides/main.html); the search controls
and the side columns when the theme's script started (docs/assets/stylesheets/extra.css)."""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, MOBILE

from tests.bench_lighthouse import ERROR_PAGE, TEMPLATES

PAGES = [
    *TEMPLATES.values(),
    *ERROR_PAGE.values(),
    "fr/index.html",
    "fr/states/usa.html",
    "es/network/members.html",
    "es/sources.html",
]
# Between the two: the contents column shows, the navigation is a drawer.
TABLET = {"width": 1024, "height": 768}
RECORD_SHIFTS = """
window.shifts = [];
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
        const moved = entry.sources.map(source => {
            const node = source.node;
            const name = node ? `${node.nodeName.toLowerCase()}.${node.className}` : "(removed)";
            const [was, is] = [source.previousRect, source.currentRect];
            return `${name} from (${was.x}, ${was.y}) to (${is.x}, ${is.y})`;
        });
        window.shifts.push(`${entry.value.toFixed(5)}: ${moved.join("; ")}`);
    }
}).observe({type: "layout-shift", buffered: true});
"""
PHONE_CPU_SLOWDOWN = 4
# A page is read twice: how the parser divides it between paints varies from one load to the next.
LOADS_PER_PAGE = 2


@pytest.mark.parametrize("viewport", [MOBILE, TABLET, DESKTOP], ids=["phone", "tablet", "desktop"])
def test_no_page_shifts_as_it_starts(open_served_context, served_site, viewport):
    context, guard = open_served_context(viewport=viewport)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    shifted = {}
    for path in PAGES:
        for _ in range(LOADS_PER_PAGE):
            page.goto(served_site.url(path))
            page.wait_for_timeout(300)
            if shifts := page.evaluate("window.shifts"):
                shifted[path] = shifts
    assert shifted == {}
    guard.assert_clean("layout shift")
