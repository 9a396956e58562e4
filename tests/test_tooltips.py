"""Tooltips only where a reader needs them: each abbreviation marked at its first use on a page (the text reads
the same), each heading's permanent link named for screen readers rather than titled."""

from __future__ import annotations

from collections import Counter

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.build.tooltips import FewerTooltips

DEFINITIONS = "\n\n*[UN]: United Nations\n*[R2P]: Responsibility to Protect\n"


def converted(text: str) -> BeautifulSoup:
    html = markdown.markdown(text + DEFINITIONS, extensions=["abbr", "toc", FewerTooltips()])
    return BeautifulSoup(html, "html.parser")


def test_only_the_first_use_of_each_term_is_marked_and_the_text_is_kept():
    page = converted("The UN and R2P.\n\nThe UN again, R2P again, and the UN once more.")
    assert [(mark.text, mark["title"]) for mark in page.find_all("abbr")] == [
        ("UN", "United Nations"),
        ("R2P", "Responsibility to Protect"),
    ]
    assert "The UN again, R2P again, and the UN once more." in page.get_text()


def test_first_means_first_as_the_page_reads_even_inside_other_elements():
    page = converted("**The UN** comes first, then the UN.")
    assert page.find("strong").find("abbr") is not None
    assert len(page.find_all("abbr")) == 1
    assert page.find("p").get_text() == "The UN comes first, then the UN."


def test_a_term_first_marked_at_the_start_of_an_element_keeps_its_neighbours():
    page = converted("UN, UN *UN* and UN.")
    assert page.find("p").get_text() == "UN, UN UN and UN."
    assert len(page.find_all("abbr")) == 1


def test_a_permanent_link_is_named_not_titled():
    link = BeautifulSoup(
        markdown.markdown(
            "## The UN", extensions=["toc", FewerTooltips()], extension_configs={"toc": {"permalink": True}}
        ),
        "html.parser",
    ).find("a", class_="headerlink")
    assert link["aria-label"] == "Permanent link"
    assert not link.has_attr("title")


@pytest.mark.parametrize("page", ["sources.html", "network/meetings.html", "fr/sources.html", "es/index.html"])
def test_a_page_s_content_titles_only_the_first_use_of_each_term(made_site, page):
    """What the theme makes tooltips of: in the article, only first uses of abbreviations carry a title."""
    article = BeautifulSoup((made_site / page).read_text(encoding="utf-8"), "html.parser").select_one("article")
    titled = article.select("[title]")
    assert all(element.name == "abbr" for element in titled), [str(e)[:80] for e in titled if e.name != "abbr"]
    terms = Counter((element.get_text(), element["title"]) for element in titled)
    assert terms and max(terms.values()) == 1, terms.most_common(3)
    assert article.select("a.headerlink[aria-label]")
