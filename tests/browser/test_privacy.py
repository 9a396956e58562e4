"""Built pages, served and from disk, load without a request to another host and without a console error."""

from __future__ import annotations

from browser_support import visit

# Chromium refuses script requests (XMLHttpRequest, fetch) to file: addresses with a console error, so a
# theme feature that fetches the sitemap, a page or a stylesheet breaks the site opened from disk. Served,
# the only one is the search index of each language; from disk the index comes as a script instead.
SCRIPT_REQUESTS_ALLOWED = {
    "served": {f"{folder}search/search_index.json" for folder in ("", "fr/", "es/")},
    "file": set(),
}


def test_pages_load_with_no_foreign_request_and_no_console_error(open_context, site, site_pages):
    context, guard = open_context()
    script_requests = set()
    context.on(
        "request",
        lambda request: request.resource_type in ("xhr", "fetch") and script_requests.add(site.page_of(request.url)),
    )
    page = context.new_page()
    for path in site_pages:
        visit(page, site.url(path))
        assert page.locator("article.md-content__inner h1").count() == 1, f"{path}: no page title"
        guard.assert_clean(f"{site.mode} {path}")
    assert script_requests <= SCRIPT_REQUESTS_ALLOWED[site.mode]
    walked_languages = {path.split("/")[0] if path.split("/")[0] in ("fr", "es") else "en" for path in site_pages}
    assert walked_languages == {"en", "fr", "es"}


def test_the_guard_catches_a_request_to_another_host(open_context, site):
    """The check above can fail: a page that asks another host for an image is caught, here with the
    page's Content-Security-Policy set aside; with it, the policy refuses the request (a console error)."""
    context, guard = open_context(bypass_csp=True)
    page = context.new_page()
    visit(page, site.url("index.html"))
    page.evaluate("new Image().src = 'https://unpkg.com/pixel.png'")
    page.wait_for_timeout(200)
    assert guard.foreign_requests == ["https://unpkg.com/pixel.png"]
    context, guard = open_context()
    page = context.new_page()
    visit(page, site.url("index.html"))
    page.evaluate("new Image().src = 'https://unpkg.com/pixel.png'")
    page.wait_for_timeout(200)
    assert guard.foreign_requests == []
    assert any("Content Security Policy" in error for error in guard.console_errors)
