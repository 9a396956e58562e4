"""The whole tree passes the linter and is laid out by the formatter (ruff, settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import PROJECT_DIR


def ruff(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *arguments], cwd=PROJECT_DIR, capture_output=True, text=True)


def test_the_linter_finds_nothing():
    result = ruff("check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_python_file_is_formatted():
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr
