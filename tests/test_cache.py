"""The cache between builds returns a stored result only for the same inputs, and never half a result."""

from __future__ import annotations

import shutil

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from macros.data import cache, loader

from .conftest import FIXTURE_DATA


def test_a_result_is_computed_once_for_the_same_inputs_and_again_when_a_byte_changes(tmp_path):
    data = tmp_path / "roster.yml"
    data.write_text("members: []\n")
    calls = []

    def compute():
        calls.append(data.read_text())
        return {"page.md": data.read_text()}

    def result():
        return cache.cached(tmp_path / "cache", "files", cache.input_key([data], "flag"), compute)

    assert result() == result() == {"page.md": "members: []\n"}
    data.write_text("members: [x]\n")
    assert result() == {"page.md": "members: [x]\n"}
    assert len(calls) == 2


def test_settings_are_part_of_the_key(tmp_path):
    data = tmp_path / "roster.yml"
    data.write_text("members: []\n")
    assert cache.input_key([data], "state pages: True") != cache.input_key([data], "state pages: False")


def test_a_damaged_entry_is_computed_again(tmp_path):
    cache_dir = tmp_path / "cache"
    assert cache.cached(cache_dir, "files", "key", lambda: 1) == 1
    (cache_dir / "files-key.pickle").write_bytes(b"\x80\x05half")
    assert cache.cached(cache_dir, "files", "key", lambda: 2) == 2
    assert cache.cached(cache_dir, "files", "key", lambda: 3) == 2


def test_only_the_most_recently_used_entries_are_kept(tmp_path):
    cache_dir = tmp_path / "cache"
    for number in range(cache.KEPT_ENTRIES + 3):
        cache.cached(cache_dir, "files", f"key{number}", lambda number=number: number)
    assert len(list(cache_dir.glob("files-*.pickle"))) == cache.KEPT_ENTRIES
    assert not list(cache_dir.glob("tmp*")), "no partial entry left behind"


def test_the_theme_s_templates_are_kept_compiled_and_an_edited_one_is_compiled_again(made_site, tmp_path):
    compiled = list((made_site.parent / ".cache" / "templates").glob("__jinja2_*.cache"))
    assert len(compiled) > 20  # base.html, its partials and the icons they include
    # As the build sets it up (hooks.on_env): a template edited after it was kept shows as edited.
    (tmp_path / "page.html").write_text("before")
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=jinja2.FileSystemBytecodeCache(str(tmp_path))
    )
    assert environment.get_template("page.html").render() == "before"
    (tmp_path / "page.html").write_text("after")
    fresh = jinja2.Environment(loader=environment.loader, bytecode_cache=environment.bytecode_cache)
    assert fresh.get_template("page.html").render() == "after"


def test_the_validated_data_is_kept_between_builds_and_validated_again_when_a_byte_changes(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    validations = []
    validate = loader.load_manual
    monkeypatch.setattr(
        loader, "load_manual", lambda *args, **kwargs: validations.append(1) or validate(*args, **kwargs)
    )

    def load_in_a_new_build():
        loader._cached.cache_clear()  # a new process: only what is in .cache/ is left
        return loader.load_or_fail(tmp_path)

    first = load_in_a_new_build()
    assert load_in_a_new_build() == first
    assert len(validations) == 1
    assert list((tmp_path / loader.CACHE_DIR).glob("manual-*.pickle"))

    roster = data_dir / "roster.yml"
    roster.write_text(roster.read_text().replace("joined: 2010", "joined: 2011", 1))
    assert [member.joined for member in load_in_a_new_build().roster.members][0] == 2011
    assert len(validations) == 2

    # A bad edit is never answered from the cache: the build stops, naming the file and line.
    roster.write_text(roster.read_text().replace("joined: 2011", "joined: 1850", 1))
    with pytest.raises(PluginError, match=r"roster\.yml:\d+: members\[0\]\.joined"):
        load_in_a_new_build()
