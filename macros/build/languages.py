"""The manual in several languages: one MkDocs build per language (mkdocs.yml, mkdocs.<language>.yml).

English is at the site's root and every other language in its folder (site/fr/), each with the same pages
at the same paths, its own search index and its own PDF. What the languages share is not copied into
docs/<language>/: the stylesheets come from docs/assets/, and the abbreviations of includes/<language>/
come before the English ones of includes/.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.structure.files import File, Files

from macros.data.loader import load_or_fail
from macros.words import SOURCE_LANGUAGE, reader_language, words_for

ENGLISH_DOCS = "docs"
SHARED_DOCS = ("assets",)  # folders of docs/ that every language's site carries
SNIPPETS = "pymdownx.snippets"
TOC = "toc"


def configure_build(config, project_dir: Path) -> None:
    """Snippets (the abbreviations appended to every page) look in includes/<language>/ first; only the
    English build writes the error page."""
    language = reader_language(config)
    if language == SOURCE_LANGUAGE:
        return
    # A static host answers every missing address with the site's one 404.html, the English build's, whose
    # language selector leads to the other languages. Another language's copy would link its pages from the
    # server's root (MkDocs gives the error page root-absolute links), so to the English pages.
    config.theme.static_templates.discard("404.html")
    if config.site_url:
        # This language's address: its folder of the site.
        config.site_url = urljoin(config.site_url.rstrip("/") + "/", f"{language}/")
    if TOC in config.mdx_configs:
        # The title of each heading's link to itself, which mkdocs.yml can give in one language only.
        words = words_for(language)
        config.mdx_configs[TOC]["permalink_title"] = words("Permanent link")
    if SNIPPETS not in config.mdx_configs:
        return
    snippets = config.mdx_configs[SNIPPETS]
    own = str(project_dir / "includes" / language)
    snippets["base_path"] = [own, *(p for p in snippets.get("base_path", []) if p != own)]


def shared_files(files: Files, config, project_dir: Path) -> Files:
    """Another language's site gets the stylesheets of docs/assets/ as they are (not copied into docs/<language>/)."""
    if reader_language(config) == SOURCE_LANGUAGE:
        return files
    english_docs = project_dir / ENGLISH_DOCS
    for folder in SHARED_DOCS:
        for path in sorted((english_docs / folder).rglob("*")):
            uri = path.relative_to(english_docs).as_posix()
            if path.is_file() and files.get_file_from_path(uri) is None:
                files.append(File(uri, str(english_docs), config.site_dir, config.use_directory_urls))
    return files


def previously_built(files: Files, config, published_site: Path, folder: str) -> Files:
    """`files` plus the files of `folder` as the last full build wrote them for this language (its folder of
    `published_site`), for a `mkdocs serve` that does not make them again."""
    language = reader_language(config)
    built = published_site if language == SOURCE_LANGUAGE else published_site / language
    for path in sorted((built / folder).rglob("*")):
        uri = path.relative_to(built).as_posix()
        if path.is_file() and files.get_file_from_path(uri) is None:
            files.append(File(uri, str(built), config.site_dir, config.use_directory_urls))
    return files


def untranslated_report(project_dir: Path, language: str) -> str:
    """'fr: 0 data texts and 0 messages not yet translated', for the build's log; '' in English."""
    if language == SOURCE_LANGUAGE:
        return ""
    words = words_for(language)
    manual = load_or_fail(project_dir, language, words.untranslated)
    return f"{language}: {len(manual.untranslated)} data texts and {len(words.missing())} messages not yet translated"
