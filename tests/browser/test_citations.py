"""Citations read as whole source ids on screen, as in the PDF (tests/test_pdf.py)."""

from __future__ import annotations

CITATION_LINKS = "a[href*='#source-']"


def test_citation_ids_stay_on_one_line_in_the_members_table(open_served_context, served_site):
    """In the narrow Sources column an id broken at a hyphen ("gcr2p-fp-page-" over "2013") reads as two ids."""
    context, _ = open_served_context()
    page = context.new_page()
    page.goto(served_site.url("network/members.html"))
    lines_per_citation = page.eval_on_selector_all(
        f".members-table {CITATION_LINKS}",
        "links => links.map(link => [link.textContent, link.getClientRects().length])",
    )
    assert len(lines_per_citation) > 40
    assert [text for text, lines in lines_per_citation if lines != 1] == []
