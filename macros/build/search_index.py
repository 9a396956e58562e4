"""Accents folded in the theme's search: a reader who types "genocide" or "Cote d'Ivoire" finds "génocide"
and "Côte d'Ivoire", as one who types them with their accents does.

The theme's search indexes each field of its index's `config.fields` (its worker builds them generically)
and shows only `title` and `text`, so one more field holds the accented words of a page without their
accents, as often as they occur there (a page ranks for "genocide" as it does for "génocide"): the French
and Spanish indexes grow by an eighth, not by a second copy of the text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.data.countries import unaccented

FOLDED_FIELD = "folded"
_TAG = re.compile(r"<[^>]+>")
# The offline plugin writes the index as a script, which a page opened from disk can load.
_SCRIPT = re.compile(r"^var __index = (.*);?\s*$", re.S)


def folded_words(*texts: str) -> str:
    """The words of `texts` that carry accents, without them, in order of appearance."""
    words = re.split(r"[^\w'’]+", _TAG.sub(" ", " ".join(texts)))
    return " ".join(unaccented(word) for word in words if word and unaccented(word) != word)


def with_folded_words(index: dict) -> dict:
    for doc in index["docs"]:
        words = folded_words(doc.get("title", ""), doc.get("text", ""))
        if words:
            doc[FOLDED_FIELD] = words
    index["config"]["fields"][FOLDED_FIELD] = {"boost": 1.0}
    return index


def fold_accents(site_dir: Path) -> None:
    """Add the folded words to the search index the build wrote (JSON, or the offline plugin's script)."""
    search_dir = site_dir / "search"
    json_index = search_dir / "search_index.json"
    if json_index.is_file():
        index = with_folded_words(json.loads(json_index.read_text(encoding="utf-8")))
        json_index.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    script_index = search_dir / "search_index.js"
    if script_index.is_file():
        match = _SCRIPT.match(script_index.read_text(encoding="utf-8"))
        if match is None:
            raise ValueError(f"{script_index}: expected 'var __index = {{…}}', the offline plugin's format")
        index = with_folded_words(json.loads(match.group(1).rstrip().rstrip(";")))
        script_index.write_text("var __index = " + json.dumps(index, separators=(",", ":")), encoding="utf-8")
