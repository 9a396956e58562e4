"""The publishing workflow (.github/workflows/publish.yml): actionlint finds nothing in it (and does find a
mistake), and it runs the README's two make targets with the site's address set."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import PROJECT_DIR

WORKFLOW = PROJECT_DIR / ".github" / "workflows" / "publish.yml"


def lint(path: Path) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed (the README's setup installs it)"
    result = subprocess.run(
        [node, str(PROJECT_DIR / "tests" / "actionlint.cjs"), str(path)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_actionlint_finds_nothing_in_the_workflow():
    assert lint(WORKFLOW) == []


def test_actionlint_finds_a_mistake(tmp_path):
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("needs: build", "needs: biuld"), encoding="utf-8")
    assert [problem["message"] for problem in lint(broken)] == [
        'job "deploy" needs job "biuld" which does not exist in this workflow'
    ]


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_workflow_tests_builds_and_deploys_on_a_push_to_main(workflow):
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    build = workflow["jobs"]["build"]
    commands = [step.get("run", "") for step in build["steps"]]
    assert commands.index("make test") < commands.index("make build")
    assert build["env"]["CI"] == "true"
    (build_step,) = [step for step in build["steps"] if step.get("run") == "make build"]
    assert "SITE_URL" in build_step["env"]
    uploads = [step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_readme_says_how_to_publish_and_names_the_same_targets():
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert "## Publishing" in readme
    section = readme.split("## Publishing", 1)[1].split("\n## ", 1)[0]
    assert "make test" in section and "make build" in section and "SITE_URL" in section and "fork" in section
