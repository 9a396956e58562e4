"""Browser fixtures: the real site built once, served on 127.0.0.1 and opened from disk, in Debian's Chromium.

Playwright cannot download its own browsers here, so the tests drive the system Chromium. Without it they
skip with a reason on a developer's machine, and fail under CI (CI=true), where nothing may be skipped.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_support import CHROMIUM_ARGS, NOT_FOUND_PAGE, Site, guarded_context, sample_pages, visit

from tests.conftest import chromium_or_skip


@pytest.fixture(scope="session")
def browser():
    executable = chromium_or_skip("the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_dir(made_site: Path) -> Path:
    """The manual as `make build` makes it: every language, each in its folder, and the PDFs."""
    return made_site


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that moves on to the next page drops the downloads it no longer needs.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server_url(site_dir: Path):
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def served_site(server_url: str) -> Site:
    return Site("served", server_url)


@pytest.fixture(scope="session")
def file_site(site_dir: Path) -> Site:
    return Site("file", site_dir.resolve().as_uri() + "/")


@pytest.fixture(scope="session", params=["served", "file"])
def site(request) -> Site:
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture(scope="session")
def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the build, as site-relative paths."""
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def site_pages(site, built_pages) -> list[str]:
    """The pages a reader can open on `site`, generated pages sampled (see `sample_pages`). The error page
    is one only when served: it links its assets from the server root, as it answers any missing address."""
    return [page for page in sample_pages(built_pages) if site.mode == "served" or page != NOT_FOUND_PAGE]


@contextlib.contextmanager
def context_factory(browser, site: Site):
    """A factory of guarded browser contexts for `site` (see `guarded_context`); each is closed on leaving,
    even when closing another one fails."""
    with contextlib.ExitStack() as contexts:

        def open_context(**options):
            context, guard = guarded_context(browser, site, **options)
            contexts.callback(context.close)
            return context, guard

        yield open_context


@pytest.fixture
def open_context(browser, site):
    """Guarded contexts for each way of reaching the site, closed after the test."""
    with context_factory(browser, site) as factory:
        yield factory


@pytest.fixture
def open_served_context(browser, served_site):
    """Guarded contexts for the served site only, closed after the test."""
    with context_factory(browser, served_site) as factory:
        yield factory


@pytest.fixture(scope="module")
def search_page(browser, site):
    """One page per way of reaching the site, with the search index loaded, shared by a module's queries;
    yields the page and its guard."""
    context, guard = guarded_context(browser, site)
    page = context.new_page()
    visit(page, site.url("index.html"))
    yield page, guard
    context.close()
