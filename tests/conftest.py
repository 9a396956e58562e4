"""Shared test helpers: copies of the project with chosen data, built with MkDocs like the real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURE_DATA = PROJECT_DIR / "tests" / "fixtures" / "data"
FIXTURE_SITE = PROJECT_DIR / "tests" / "fixtures" / "site"
# What a copy of the project needs to build; node_modules is linked, not copied.
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.fr.yml", "mkdocs.es.yml", "docs", "includes", "overrides", "macros", "data")


def chromium_or_skip(needed_for: str) -> str:
    """The path of the system Chromium. Without it the calling test skips on a developer's machine and fails
    under CI (CI=true), where nothing the product promises may be skipped."""
    executable = shutil.which("chromium")
    if executable is None:
        reason = f"Chromium is not installed (`make system-packages` installs it); needed for {needed_for}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; this check may not be skipped in CI")
        pytest.skip(reason)
    return executable


def soffice_or_skip(needed_for: str) -> str:
    """The path of LibreOffice's command, under the same rule as Chromium's (see chromium_or_skip)."""
    executable = shutil.which("soffice")
    if executable is None:
        reason = f"LibreOffice is not installed (`make system-packages` installs it); needed for {needed_for}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; this check may not be skipped in CI")
        pytest.skip(reason)
    return executable


def copy_project(destination: Path, data_dir: Path | None = None) -> Path:
    """A copy of the project in `destination`, with `data_dir` (default: the real data/) as its data/."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = data_dir if (part == "data" and data_dir is not None) else PROJECT_DIR / part
        target = destination / part
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target)
    (destination / "node_modules").symlink_to(PROJECT_DIR / "node_modules", target_is_directory=True)
    return destination


def copy_fixture_project(destination: Path, data_dir: Path = FIXTURE_DATA) -> Path:
    """A tiny project: the data pages of tests/fixtures/site over `data_dir`, with the real macros."""
    shutil.copytree(FIXTURE_SITE, destination)
    shutil.copytree(PROJECT_DIR / "macros", destination / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data_dir, destination / "data")
    return destination


def run_mkdocs_build(
    project: Path,
    site_dir: Path | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in `project`; returns the finished process (check .returncode, .stderr)."""
    site_dir = site_dir or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


def build_project(destination: Path, data_dir: Path | None = None, extra_env: dict[str, str] | None = None) -> Path:
    """Copy the project (with `data_dir` as data/), build it strictly, return the site folder."""
    project = copy_project(destination, data_dir)
    result = run_mkdocs_build(project, extra_env=extra_env)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr[-5000:]}"
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real manual built once per session from data/ (shared by every test that reads built pages)."""
    return build_project(tmp_path_factory.mktemp("real") / "project")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The tiny fixture site (tests/fixtures/site) built over tests/fixtures/data."""
    project = copy_fixture_project(tmp_path_factory.mktemp("fixture") / "project")
    result = run_mkdocs_build(project)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr[-5000:]}"
    return project / "site"


class _VariableNamesLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with each `!ENV NAME` or `!ENV [NAME, default]` as the variable's name."""


_VariableNamesLoader.add_constructor(
    "!ENV", lambda loader, node: (node.value[0] if isinstance(node, yaml.SequenceNode) else node).value
)
_VariableNamesLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def pdf_group() -> dict:
    """The settings of the `group` plugin that holds to-pdf in mkdocs.yml, its `enabled` read as the name of
    the variable that sets it; empty if there is none."""
    config = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_VariableNamesLoader)
    for plugin in config.get("plugins", []):
        group = plugin.get("group") if isinstance(plugin, dict) else None
        if group and any(isinstance(p, dict) and "to-pdf" in p for p in group.get("plugins", [])):
            return group
    return {}


def pdf_switch() -> dict[str, str]:
    """The environment variable that turns on the to-pdf plugin in mkdocs.yml, set; empty if there is none."""
    variable = pdf_group().get("enabled")
    return {variable: "true"} if isinstance(variable, str) else {}


def build_as_make_does(project: Path) -> Path:
    """`make build`'s command (PDF included) in `project`, the clock left to the build (no SOURCE_DATE_EPOCH)."""
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    environment |= {"NO_MKDOCS_2_WARNING": "1", **pdf_switch()}
    result = subprocess.run(
        [sys.executable, "-m", "macros.build", "--site-dir", "site"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"build failed:\n{result.stderr[-5000:]}"
    return project / "site"


@pytest.fixture(scope="session")
def made_site(tmp_path_factory) -> Path:
    """The real manual as `make build` makes it, PDF included, built once per session."""
    return build_as_make_does(copy_project(tmp_path_factory.mktemp("made") / "project"))
