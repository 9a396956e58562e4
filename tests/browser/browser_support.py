"""Helpers shared by the browser tests (the fixtures that use them are in conftest.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
# The narrowest common phone: the site must not scroll sideways at this width.
MOBILE = {"width": 375, "height": 812}
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class Site:
    """The built site reached one way: `served` (http on 127.0.0.1) or `file` (opened from disk)."""

    mode: str
    root_url: str

    def url(self, page: str) -> str:
        """The address of `page`, a path relative to the site root such as 'network/members.html'."""
        return self.root_url + page

    def page_of(self, url: str) -> str:
        """The inverse of `url`: the site-relative path of a page address (query and fragment dropped)."""
        path = unquote(urlsplit(url).path)
        root = unquote(urlsplit(self.root_url).path)
        assert path.startswith(root), f"{url} is not a page of this site"
        return path[len(root) :]

    def foreign_urls(self) -> re.Pattern:
        """Every address outside the site (inline data: and blob: addresses are part of the page)."""
        return re.compile(rf"^(?!{re.escape(self.root_url)}|data:|blob:|about:)")


@dataclass
class Guard:
    """What a browser context did that the site promises it never does."""

    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def assert_clean(self, where: str) -> None:
        assert not self.foreign_requests, f"{where}: requests to other hosts: {self.foreign_requests}"
        assert not self.console_errors, f"{where}: console errors: {self.console_errors}"


def guarded_context(browser, site: Site, **options):
    """A browser context (desktop size unless `viewport` says otherwise) that aborts and records every
    request leaving `site` and records console errors; returns (context, guard)."""
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    guard = Guard()

    def abort(route):
        guard.foreign_requests.append(route.request.url)
        route.abort()

    def watch(page):
        page.on(
            "console",
            lambda message: message.type == "error" and guard.console_errors.append(f"{page.url}: {message.text}"),
        )
        page.on("pageerror", lambda error: guard.console_errors.append(f"{page.url}: {error}"))

    # The browser matches the pattern itself: only requests that leave the site come back to Python.
    context.route(site.foreign_urls(), abort)
    context.on("page", watch)
    return context, guard


# A folder with more pages than this holds generated pages of one template (one page per UN member
# state): walking an even sample of them keeps the suite fast without missing a template.
SAMPLE_PER_FOLDER = 10


def sample_pages(pages: list[str]) -> list[str]:
    """All pages, except that a folder holding more than SAMPLE_PER_FOLDER pages is represented by an
    evenly spaced sample of them (first and last included)."""
    by_folder: dict[str, list[str]] = {}
    for page in sorted(pages):
        by_folder.setdefault(page.rpartition("/")[0], []).append(page)
    chosen = []
    for folder_pages in by_folder.values():
        if len(folder_pages) <= SAMPLE_PER_FOLDER:
            chosen += folder_pages
        else:
            step = (len(folder_pages) - 1) / (SAMPLE_PER_FOLDER - 1)
            chosen += [folder_pages[round(i * step)] for i in range(SAMPLE_PER_FOLDER)]
    return sorted(chosen)


SEARCH_BOX = "input.md-search__input"
RESULT = ".md-search-result__item"


def search(page, query: str) -> list[str]:
    """Type `query` into the search box; return the addresses of the result pages, best first."""
    # The theme searches on key-up: the query goes in whole and its last key is pressed, so that the
    # results read are those of the whole query, not of a prefix typed on the way.
    box = page.locator(SEARCH_BOX)
    box.press("Control+A")
    box.press("Backspace")
    page.locator(RESULT).first.wait_for(state="detached")
    box.fill(query[:-1])
    box.press(query[-1])
    page.locator(RESULT).first.wait_for()
    # Each result item is one page; its first link goes to the page itself, the others to its sections.
    return page.locator(RESULT).evaluate_all("items => items.map(item => item.querySelector('a').href)")


SEARCH_INDEX = "/search/search_index."


def visit(page, url: str) -> None:
    """Open `url` and wait until the page has loaded all it loads by itself. From disk, the last of it is the
    search index (a script); served, the index waits for the reader to reach for search, and `goto` waits
    for the page's load."""
    if url.startswith("file:"):
        with page.expect_request_finished(lambda request: SEARCH_INDEX in request.url):
            page.goto(url)
    else:
        page.goto(url)
