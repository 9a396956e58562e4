"""Every built page carries a strict Content-Security-Policy (macros/build/page_policy.py), loads only the
stylesheets it uses, and links to other sites without giving them a hold on it. The browser side (nothing
refused on any page, an injected script refused) is in tests/browser/test_content_security_policy.py."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from macros.build import page_policy
from macros.build.page_policy import PagePolicy, source_hash

from .conftest import PROJECT_DIR, copy_project, run_mkdocs_build

SHIM = PROJECT_DIR / "node_modules" / "iframe-worker" / "shim" / "index.js"
THEME_SCRIPT = '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>'


def policy_of(page_html: str) -> dict[str, list[str]]:
    meta = BeautifulSoup(page_html, "html.parser").select('meta[http-equiv="Content-Security-Policy"]')
    assert len(meta) == 1
    return {name: values for name, *values in (part.split() for part in meta[0]["content"].split(";"))}


def page(body: str) -> str:
    return f'<html><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'


@pytest.fixture(scope="module")
def policy() -> PagePolicy:
    return PagePolicy(page_policy.template_scripts([THEME_SCRIPT]), page_policy.shim_bootstrap(SHIM.read_text()))


def test_a_theme_script_is_allowed_by_its_hash_with_its_address_filled_in(policy):
    script = '__md_scope=new URL("../..",location)'
    applied = policy.applied(page(f"<script>{script}</script>"), "a.md")
    assert source_hash(script) in policy_of(applied)["script-src"]
    assert applied.index("Content-Security-Policy") < applied.index("<script>")


def test_the_policy_is_strict(policy):
    directives = policy_of(policy.applied(page(""), "a.md"))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["style-src"] + directives["style-src-attr"]


@pytest.mark.parametrize(
    "script",
    [
        "<script>alert(1)</script>",
        # The theme's script with more than an address where the address goes.
        '<script>__md_scope=new URL("x",location);alert(1)//",location)</script>',
        '<script type="module">__md_scope=new URL("..",location)</script>',
    ],
)
def test_an_inline_script_no_template_wrote_stops_the_build_naming_the_page(policy, script):
    with pytest.raises(PluginError, match=r"network/members\.md: an inline script the theme did not write"):
        policy.applied(page(script), "network/members.md")


def test_scripts_from_files_and_data_blocks_need_no_hash(policy):
    applied = policy.applied(
        page('<script src="x.js"></script><script id="__config" type="application/json">{"a": 1}</script>'), "a.md"
    )
    assert policy_of(applied)["script-src"] == ["'self'"]


def test_a_page_with_search_allows_the_shim_bootstrap_for_its_own_worker_address(policy):
    worker = "../assets/javascripts/workers/search.js"
    applied = policy.applied(
        page(f'<script id="__config" type="application/json">{{"search": "{worker}"}}</script>'), "a.md"
    )
    bootstrap = policy.shim_bootstrap.replace(page_policy.WORKER_SLOT, worker)
    assert policy_of(applied)["script-src"] == ["'self'", source_hash(bootstrap)]


def test_the_shim_bootstrap_is_the_script_the_shim_writes_into_its_frame():
    bootstrap = page_policy.shim_bootstrap(SHIM.read_text())
    assert bootstrap.startswith('postMessage=function c(s,n){parent.postMessage(s,n||"*")};importScripts=function d(')
    assert f'filename:"{page_policy.WORKER_SLOT}"' in bootstrap
    assert "${" not in bootstrap


def test_a_shim_that_writes_another_frame_is_refused():
    with pytest.raises(PluginError, match="no longer writes the bootstrap script"):
        page_policy.shim_bootstrap("document.write(`<html><body>`)")


def test_a_template_statement_in_a_theme_script_is_refused():
    with pytest.raises(PluginError, match="template statement"):
        page_policy.template_scripts(["<script>{% if x %}a(){% endif %}</script>"])


def test_links_to_other_sites_say_noopener_noreferrer():
    html = '<a href="https://un.org">UN</a> <a href="../x.html">x</a> <a rel="me" href="https://a.org">a</a>'
    assert page_policy.mark_links_to_other_sites(html) == (
        '<a rel="noopener noreferrer" href="https://un.org">UN</a> <a href="../x.html">x</a> '
        '<a rel="me" href="https://a.org">a</a>'
    )


def built_pages(site):
    return sorted(site.rglob("*.html"))


def test_every_page_of_the_published_site_carries_the_policy_before_any_script(made_site):
    """Every page of every language, the profiles and the error page included, as `make build` writes them
    (with the PDF, whose plugin hands each page back after the site's own rewrites)."""
    pages = built_pages(made_site)
    assert len(pages) > 3 * 230
    for path in pages:
        html = path.read_text(encoding="utf-8")
        directives = policy_of(html)
        assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script"), path
        inline = re.findall(r"<script>(.*?)</script>", html, re.S)
        assert inline and {source_hash(script) for script in inline} <= set(directives["script-src"]), path


def test_every_link_of_the_published_site_to_another_site_says_noopener_noreferrer(made_site):
    for page in ("sources.html", "network/organisation.html", "fr/sources.html", "es/network/organisation.html"):
        soup = BeautifulSoup((made_site / page).read_text(encoding="utf-8"), "html.parser")
        external = [a for a in soup.select("a[href]") if a["href"].startswith(("http://", "https://", "//"))]
        assert external, page
        assert all(set(a.get("rel", [])) >= {"noopener", "noreferrer"} for a in external), page
        assert soup.select_one('meta[name="referrer"]')["content"] == "same-origin"


def stylesheets(path) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [link["href"].rpartition("/")[2] for link in soup.select('link[rel="stylesheet"]')]


def test_only_profiles_load_the_profile_stylesheet_and_no_page_loads_the_shim_up_front(made_site):
    for path in built_pages(made_site):
        page = path.relative_to(made_site).as_posix()
        is_profile = re.match(r"((fr|es)/)?(states|organisations)/(?!index)", page) is not None
        assert ("state-profile.css" in stylesheets(path)) == is_profile, page
        assert '<script src="' + "iframe-worker" not in path.read_text(encoding="utf-8")


def css_classes(stylesheet: str) -> set[str]:
    rules = re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.S)
    selectors = " ".join(re.findall(r"([^{}]+)\{", rules))
    return set(re.findall(r"\.(-?[A-Za-z_][\w-]*)", selectors))


@pytest.mark.parametrize("stylesheet", ["extra.css", "state-profile.css"])
def test_every_class_the_manuals_stylesheets_style_is_on_a_page_that_loads_them(made_site, stylesheet):
    css = (PROJECT_DIR / "docs" / "assets" / "stylesheets" / stylesheet).read_text(encoding="utf-8")
    used = set()
    for path in built_pages(made_site):
        if stylesheet in stylesheets(path):
            used |= set(re.findall(r'class="([^"]*)"', path.read_text(encoding="utf-8")))
    used_classes = {name for value in used for name in value.split()}
    assert css_classes(css) - used_classes == set()


def test_a_script_written_into_a_page_stops_the_build_and_names_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    how_to_use = project / "docs" / "start-here" / "how-to-use.md"
    how_to_use.write_text(how_to_use.read_text(encoding="utf-8") + '\n<script>alert("x")</script>\n', encoding="utf-8")
    result = run_mkdocs_build(project, extra_env={"STATE_PAGES": "false"})
    assert result.returncode != 0
    assert "start-here/how-to-use.md: an inline script the theme did not write" in result.stderr
