"""'Last changed' on every page: the date of the newest commit that changed the page's file (a state or
organisation profile: the newest that changed data/), read once per build from git. Commit dates travel
with the history, so the same commit gives the same dates in any folder or clone; a copy without its git
history (a release unpacked) shows none rather than a guess.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

GENERATED_FOLDERS = ("states/", "organisations/")


def last_changes(project_dir: Path, paths: tuple[str, ...] = ("docs", "data")) -> dict[str, str]:
    """Each file under `paths` (relative to the project) and the date (YYYY-MM-DD) of the newest commit
    that changed it; empty when the project is not a git checkout."""
    git = shutil.which("git")
    if git is None or not (project_dir / ".git").exists():
        return {}
    result = subprocess.run(
        [git, "-C", str(project_dir), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", *paths],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    for commit in result.stdout.split("\0")[1:]:
        day, *files = commit.strip().splitlines()
        for name in files:
            dates.setdefault(name, day)  # newest first: the first date seen is the last change
    return dates


def page_date(changes: dict[str, str], docs_dir: str, src_uri: str) -> str | None:
    """The last change of a page, `src_uri` inside `docs_dir` (relative to the project)."""
    if src_uri.startswith(GENERATED_FOLDERS):
        data = [day for name, day in changes.items() if name.startswith("data/")]
        return max(data) if data else None
    return changes.get(f"{docs_dir}/{src_uri}")
