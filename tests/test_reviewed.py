"""'Last changed' comes from the git history: each page's newest commit, the profiles' from data/, the same
dates in any clone; without a history, none."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.build import reviewed


def commit(repo: Path, files: dict[str, str], day: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "E", "GIT_AUTHOR_EMAIL": "e@example.org", "GIT_COMMITTER_NAME": "E",
           "GIT_COMMITTER_EMAIL": "e@example.org", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}  # fmt: skip
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", day], check=True, env=env)


@pytest.fixture
def repository(tmp_path) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed (the README's setup assumes a git checkout)")
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    commit(repo, {"docs/a.md": "a", "docs/fr/a.md": "a", "data/roster.yml": "r"}, "2025-01-02")
    commit(repo, {"docs/a.md": "a, changed"}, "2025-03-04")
    commit(repo, {"data/roster.yml": "r, changed"}, "2025-05-06")
    return repo


def test_each_page_has_the_date_of_its_last_commit(repository):
    changes = reviewed.last_changes(repository)
    assert reviewed.page_date(changes, "docs", "a.md") == "2025-03-04"
    assert reviewed.page_date(changes, "docs/fr", "a.md") == "2025-01-02"
    assert reviewed.page_date(changes, "docs", "states/chn.md") == "2025-05-06"  # a profile: the data's
    assert reviewed.page_date(changes, "docs", "never-committed.md") is None


def test_a_clone_elsewhere_gives_the_same_dates(repository, tmp_path):
    clone = tmp_path / "elsewhere" / "clone"
    subprocess.run(["git", "clone", "-q", str(repository), str(clone)], check=True)
    assert reviewed.last_changes(clone) == reviewed.last_changes(repository)


def test_without_a_history_no_date_is_shown(tmp_path):
    (tmp_path / "docs").mkdir()
    assert reviewed.last_changes(tmp_path) == {}
