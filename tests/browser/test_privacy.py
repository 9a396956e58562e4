"""Built pages, served and from disk, load without a request to another host and without a console error."""

from __future__ import annotations

from browser_support import visit


def test_pages_load_with_no_foreign_request_and_no_console_error(open_context, site, site_pages):
    context, guard = open_context()
    page = context.new_page()
    for path in site_pages:
        visit(page, site.url(path))
        assert page.locator("article.md-content__inner h1").count() == 1, f"{path}: no page title"
        guard.assert_clean(f"{site.mode} {path}")


def test_the_guard_catches_a_request_to_another_host(open_context, site):
    """The check above can fail: a page that asks another host for an image is caught."""
    context, guard = open_context()
    page = context.new_page()
    visit(page, site.url("index.html"))
    page.evaluate("new Image().src = 'https://unpkg.com/pixel.png'")
    page.wait_for_timeout(200)
    assert guard.foreign_requests == ["https://unpkg.com/pixel.png"]
