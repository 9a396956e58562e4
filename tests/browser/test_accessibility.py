"""Accessibility: axe-core finds nothing on any page template, light or dark; the keyboard reaches what matters."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import search, visit

# The pages readers rely on most; with one page of every folder they cover every page template.
KEY_PAGES = [
    "index.html",
    "understanding-r2p/pillars-and-crimes.html",
    "focal-point-role/mandate.html",
    "network/principles.html",
    "network/members.html",
    "network/meetings.html",
    "sources.html",
    "404.html",
    *(f"{language}/{page}" for language in ("fr", "es") for page in ("index.html", "network/members.html")),
]
ALL_RULES = {"resultTypes": ["violations"]}
# The dark palette changes colours only, so it is checked by the colour rules.
COLOUR_RULES = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
SCHEMES = {"light": ("default", ALL_RULES), "dark": ("slate", COLOUR_RULES)}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module")
def checked_pages(built_pages) -> list[str]:
    """The key pages and the first page of every folder."""
    missing = [page for page in KEY_PAGES if page not in built_pages]
    assert not missing, f"key pages missing from the build: {missing}"
    first_of_each_folder = {}
    for page in built_pages:
        first_of_each_folder.setdefault(page.rpartition("/")[0], page)
    return sorted(set(KEY_PAGES) | set(first_of_each_folder.values()))


def violations(axe: Axe, page, rules: dict) -> list[str]:
    result = axe.run(page, options=rules)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:5]}"
        for violation in result.response["violations"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_the_key_pages_and_every_template(
    open_served_context, served_site, checked_pages, axe, scheme
):
    palette, rules = SCHEMES[scheme]
    context, guard = open_served_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in checked_pages:
        page.goto(served_site.url(path))
        assert page.locator("body").get_attribute("data-md-color-scheme") == palette
        found[path] = violations(axe, page, rules)
    assert {path: found for path, found in found.items() if found} == {}
    guard.assert_clean("axe")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_in_search_results(open_served_context, served_site, axe, scheme):
    _, rules = SCHEMES[scheme]
    context, _ = open_served_context(color_scheme=scheme)
    page = context.new_page()
    visit(page, served_site.url("index.html"))
    assert search(page, "focal point")
    # The search overlay fades in: axe must read the colours it ends with, not those of the transition.
    page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")
    found = violations(axe, page, rules)
    assert found == []


def test_skip_link_moves_to_the_content(open_served_context, served_site):
    context, _ = open_served_context()
    page = context.new_page()
    visit(page, served_site.url("network/members.html"))
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("link => link === document.activeElement"), "the first Tab does not reach the skip link"
    assert skip.is_visible()
    target = skip.get_attribute("href").split("#", 1)[1]
    page.keyboard.press("Enter")
    page.wait_for_function("target => location.hash === '#' + target", arg=target)
    assert page.locator(f"article.md-content__inner [id='{target}']").count() == 1


def test_search_is_reachable_and_usable_from_the_keyboard(open_served_context, served_site):
    context, _ = open_served_context()
    page = context.new_page()
    visit(page, served_site.url("index.html"))
    box = page.locator("input.md-search__input")
    for _ in range(10):
        page.keyboard.press("Tab")
        if box.evaluate("input => input === document.activeElement"):
            break
    else:
        pytest.fail("ten presses of Tab do not reach the search box")
    page.keyboard.type("Gaborone")
    page.locator(".md-search-result__item a").first.wait_for()
    page.keyboard.press("ArrowDown")
    # The result the keyboard selected, read after the key press: results for the first letters typed
    # may still be replaced by those for the whole word until then.
    selected = page.evaluate(
        "() => document.activeElement.closest('.md-search-result__item') ? document.activeElement.href : null"
    )
    assert selected, "ArrowDown does not move into the search results"
    page.keyboard.press("Enter")
    page.wait_for_function("address => location.href.split('?')[0] === address", arg=selected.split("?")[0])


def test_search_opens_with_its_keyboard_shortcut(open_served_context, served_site):
    context, _ = open_served_context()
    page = context.new_page()
    visit(page, served_site.url("index.html"))
    page.keyboard.press("/")
    assert page.locator("input.md-search__input").evaluate("input => input === document.activeElement")
