"""The Content-Security-Policy each page carries (macros/build/page_policy.py) refuses nothing the manual
does, over http and from disk, in every language, and refuses a script that got into a page."""

from __future__ import annotations

import shutil

import pytest
from browser_support import NOT_FOUND_PAGE, Site, guarded_context, search, visit

# One page of each template: home, a chapter, Members, Meetings, a member's and a non-member's profile, an
# organisation, the states index, a toolkit form, Sources and the error page.
TEMPLATE_PAGES = [
    "index.html",
    "understanding-r2p/origins.html",
    "network/members.html",
    "network/meetings.html",
    "states/dnk.html",
    "states/usa.html",
    "organisations/european-union.html",
    "network/states.html",
    "toolkit/first-100-days.html",
    "sources.html",
    NOT_FOUND_PAGE,
]
LANGUAGE_FOLDERS = ["", "fr/", "es/"]

# Every refusal the policy makes, as the page saw it (the console shows them too, which the guard records).
RECORD_REFUSALS = """
window.refusals = [];
document.addEventListener("securitypolicyviolation",
    event => window.refusals.push(`${event.effectiveDirective} ${event.blockedURI}`));
"""


def refusals(page) -> list[str]:
    return page.evaluate("window.refusals")


def found_pages(page, query: str) -> list[str]:
    """The pages the search finds for `query` (without the highlighting query the results add)."""
    return [url.partition("?")[0] for url in search(page, query)]


@pytest.mark.parametrize("language", LANGUAGE_FOLDERS, ids=["en", "fr", "es"])
def test_no_page_template_has_anything_refused(open_context, site, language):
    context, guard = open_context()
    context.add_init_script(RECORD_REFUSALS)
    page = context.new_page()
    for template in TEMPLATE_PAGES:
        if template == NOT_FOUND_PAGE and (site.mode == "file" or language):
            continue  # the site's one error page links its assets from the server root, as it answers any address
        visit(page, site.url(language + template))
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, template
        assert refusals(page) == [], f"{site.mode} {language}{template}"
        guard.assert_clean(f"{site.mode} {language}{template}")


def test_search_palette_and_map_work_under_the_policy(open_context, site):
    context, guard = open_context()
    context.add_init_script(RECORD_REFUSALS)
    page = context.new_page()
    visit(page, site.url("index.html"))
    page.locator('label[for="__palette_1"]').click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    # From disk the search runs in the shim's frame, whose bootstrap script the policy allows by its hash.
    assert site.url("states/dnk.html") in found_pages(page, "Denmark")
    visit(page, site.url("network/states.html"))
    page.locator('a[href$="members-map.svg"]').click()
    page.wait_for_url("**/members-map.svg")
    assert page.locator("svg path").count() > 150
    guard.assert_clean(site.mode)


@pytest.fixture(scope="module")
def tampered_site(site_dir, tmp_path_factory) -> Site:
    """A copy of the site in which a member's name on the Members page is a script, as it would be if the
    data's escaping failed (tests/test_injection.py shows it does not)."""
    root = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(site_dir, root, ignore=shutil.ignore_patterns("*.pdf", "*.docx", "*.odt"))
    members = root / "network" / "members.html"
    html = members.read_text(encoding="utf-8")
    assert ">Denmark</a>" in html
    injected = html.replace(">Denmark</a>", "><script>window.injected = true</script></a>", 1)
    members.write_text(injected, encoding="utf-8")
    return Site("file", root.resolve().as_uri() + "/")


def test_a_script_that_got_into_a_page_is_refused(browser, tampered_site):
    context, guard = guarded_context(browser, tampered_site)
    context.add_init_script(RECORD_REFUSALS)
    try:
        page = context.new_page()
        visit(page, tampered_site.url("network/members.html"))
        assert page.evaluate("window.injected") is None
        assert refusals(page) == ["script-src-elem inline"]
        assert any("Content Security Policy" in error for error in guard.console_errors)
        # The rest of the page still works: the search answers.
        assert tampered_site.url("states/dnk.html") in found_pages(page, "Denmark")
    finally:
        context.close()
