"""Results kept between builds in `.cache/`, keyed by a hash of every file they are computed from.

A build in a fresh process (`make build`, each `mkdocs serve` reload of a page edit) then skips the work
whose inputs did not change: the state pages, the map and the open data are the same for the same data,
code and country tables. A changed byte in any input gives a new key; stale entries are pruned.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

Value = TypeVar("Value")

# Entries kept per kind of result: the current one and a few recent ones (switching branches back and forth).
KEPT_ENTRIES = 4


def input_key(files: Iterable[Path], *settings: str) -> str:
    """A hash of the files' names and contents and of `settings`."""
    digest = hashlib.sha256()
    for setting in settings:
        digest.update(setting.encode() + b"\0")
    for path in sorted(files):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cached(cache_dir: Path, kind: str, key: str, compute: Callable[[], Value]) -> Value:
    """`compute()`, or its result stored under `kind` and `key` by an earlier build."""
    entry = cache_dir / f"{kind}-{key}.pickle"
    try:
        with entry.open("rb") as stored:
            value = pickle.load(stored)
        entry.touch()  # pruning keeps the entries used last
        return value
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    value = compute()
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed: a build interrupted mid-write, or two at once, never leave half an entry.
    with tempfile.NamedTemporaryFile("wb", dir=cache_dir, delete=False) as partial:
        pickle.dump(value, partial, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial.name, entry)
    _prune(cache_dir, kind)
    return value


def _prune(cache_dir: Path, kind: str) -> None:
    entries = sorted(cache_dir.glob(f"{kind}-*.pickle"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for stale in entries[KEPT_ENTRIES:]:
        stale.unlink(missing_ok=True)
