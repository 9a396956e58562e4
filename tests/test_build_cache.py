"""The build cache returns a stored result only for the same inputs, and never half a result."""

from __future__ import annotations

from macros import build_cache


def test_a_result_is_computed_once_for_the_same_inputs_and_again_when_a_byte_changes(tmp_path):
    data = tmp_path / "roster.yml"
    data.write_text("members: []\n")
    calls = []

    def compute():
        calls.append(data.read_text())
        return {"page.md": data.read_text()}

    def result():
        return build_cache.cached(tmp_path / "cache", "files", build_cache.input_key([data], "flag"), compute)

    assert result() == result() == {"page.md": "members: []\n"}
    data.write_text("members: [x]\n")
    assert result() == {"page.md": "members: [x]\n"}
    assert len(calls) == 2


def test_settings_are_part_of_the_key(tmp_path):
    data = tmp_path / "roster.yml"
    data.write_text("members: []\n")
    assert build_cache.input_key([data], "state pages: True") != build_cache.input_key([data], "state pages: False")


def test_a_damaged_entry_is_computed_again(tmp_path):
    cache = tmp_path / "cache"
    assert build_cache.cached(cache, "files", "key", lambda: 1) == 1
    (cache / "files-key.pickle").write_bytes(b"\x80\x05half")
    assert build_cache.cached(cache, "files", "key", lambda: 2) == 2
    assert build_cache.cached(cache, "files", "key", lambda: 3) == 2


def test_only_the_most_recently_used_entries_are_kept(tmp_path):
    cache = tmp_path / "cache"
    for number in range(build_cache.KEPT_ENTRIES + 3):
        build_cache.cached(cache, "files", f"key{number}", lambda: number)
    assert len(list(cache.glob("files-*.pickle"))) == build_cache.KEPT_ENTRIES
    assert not list(cache.glob("tmp*")), "no partial entry left behind"
