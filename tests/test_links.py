"""Every internal link of the built site resolves: the file exists and, for `#anchor` links, an element with
that id exists in it. MkDocs' own validation (mkdocs.yml) checks the Markdown; this checks what it produced,
macro output, theme templates and generated pages included. External links are listed, never fetched.
"""

from __future__ import annotations

import json
import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "use": "href",
    "image": "href",
    "form": "action",
}
# Schemes a browser opens outside the site; anything else with a scheme is a mistake.
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}


def links_of(soup: BeautifulSoup) -> list[str]:
    found = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            value = element.get(attribute) or element.get(f"xlink:{attribute}")
            if value is not None:
                found.append(value.strip())
    return found


class Site:
    def __init__(self, root: Path):
        self.root = root
        self.pages = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*.html"))}

    @cache  # noqa: B019 (one Site per session: the cache lives as long as the site it reads)
    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.pages[page].read_text(encoding="utf-8"), "html.parser")

    @cache  # noqa: B019 (as above)
    def ids(self, page: str) -> frozenset[str]:
        soup = self.soup(page)
        return frozenset(e["id"] for e in soup.find_all(id=True)) | frozenset(
            e["name"] for e in soup.find_all("a", attrs={"name": True})
        )

    def problem(self, page: str, link: str) -> str | None:
        """Why `link` on `page` does not resolve, or None when it does."""
        parts = urlsplit(link)
        target = posixpath.dirname(page)
        if parts.path.startswith("/"):
            # A web server shows 404.html for any missing path, so its links must start at the site root;
            # anywhere else they would break the site opened from disk (file://).
            if page != "404.html":
                return "root-absolute: breaks the site opened from disk"
            target = "."
        if parts.path:
            target = posixpath.normpath(posixpath.join(target, unquote(parts.path).lstrip("/")))
            if target.startswith("../") or target == "..":
                return "points outside the site"
            if parts.path.endswith("/"):
                target = posixpath.join(target, "index.html")
        else:
            target = page
        path = self.root / target
        if path.is_dir():
            path, target = path / "index.html", posixpath.join(target, "index.html")
        if not path.is_file():
            return f"no file {target}"
        fragment = unquote(parts.fragment)
        if fragment and target.endswith(".html") and fragment not in self.ids(target):
            return f"no element with id {fragment!r} in {target}"
        return None


@pytest.fixture(scope="module")
def site(made_site) -> Site:
    return Site(made_site)


def classify(link: str) -> str:
    scheme = urlsplit(link).scheme.lower()
    if not scheme:
        return "internal"
    if link.startswith("//"):
        return "protocol-relative"
    return "external" if scheme in EXTERNAL_SCHEMES else ("inline" if scheme == "data" else f"scheme {scheme}")


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    checked = 0
    for page in site.pages:
        for link in links_of(site.soup(page)):
            if classify(link) == "internal" and link:
                checked += 1
                problem = site.problem(page, link)
                if problem:
                    broken.append(f"{page}: {link} ({problem})")
    assert checked > 1000, f"only {checked} internal links found: is the site built?"
    assert broken == [], f"{len(broken)} broken internal links:\n" + "\n".join(broken[:40])


def test_search_index_locations_resolve(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    broken = [d["location"] for d in index["docs"] if site.problem("index.html", d["location"] or "index.html")]
    assert index["docs"] and broken == [], f"search results that lead nowhere: {broken[:20]}"


def test_only_web_and_mail_links_leave_the_site_and_they_are_listed(site, tmp_path_factory):
    external: dict[str, set[str]] = {}
    odd = []
    for page in site.pages:
        for link in links_of(site.soup(page)):
            kind = classify(link)
            if kind == "external":
                parts = urlsplit(link)
                if parts.scheme in {"http", "https"} and not parts.netloc:
                    odd.append(f"{page}: {link} (no host)")
                external.setdefault(link, set()).add(page)
            elif kind not in {"internal", "inline"}:
                odd.append(f"{page}: {link} ({kind})")
    assert odd == [], "links of an unexpected kind:\n" + "\n".join(odd[:40])
    report = tmp_path_factory.mktemp("links") / "external-links.txt"
    report.write_text(
        "".join(f"{link}\t{len(pages)} page(s), e.g. {min(pages)}\n" for link, pages in sorted(external.items())),
        encoding="utf-8",
    )
    print(f"\n{len(external)} external links (not fetched), listed in {report}")
    assert external, "the bibliography links its sources: external links were expected"
