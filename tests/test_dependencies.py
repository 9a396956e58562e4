"""Every dependency is pinned to an exact version (with hashes for Python packages, integrity hashes for npm),
the environment holds exactly those versions, and the install command the Makefile uses refuses anything
unpinned. The refusal is shown with a tiny wheel made here, so no network is needed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shlex
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import PROJECT_DIR

EXACT_VERSION = re.compile(r"^\d+(\.\d+)*$")


def requirement_entries(text: str) -> list[str]:
    """The requirement lines of a pip requirements file, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", text)
    lines = (line.split(" #", 1)[0].strip() for line in joined.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (exact version, hashes) from requirements.txt."""
    pins = {}
    for entry in requirement_entries((PROJECT_DIR / "requirements.txt").read_text(encoding="utf-8")):
        spec, *options = shlex.split(entry)
        requirement = Requirement(spec)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==" and EXACT_VERSION.match(specifiers[0].version), (
            f"requirements.txt: {spec!r} is not pinned to one exact version with =="
        )
        hashes = [option.split("=", 1)[1] for option in options if option.startswith("--hash=")]
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), (
            f"requirements.txt: {spec!r} has no sha256 hash"
        )
        assert len(hashes) == len(options), f"requirements.txt: {spec!r} has options other than hashes: {options}"
        pins[canonicalize_name(requirement.name)] = (specifiers[0].version, hashes)
    return pins


def test_requirements_txt_pins_every_package_with_a_hash():
    pins = locked()
    assert len(pins) > 20, "requirements.txt should hold the whole dependency tree, not only direct ones"


def test_every_direct_dependency_is_locked():
    pins = locked()
    direct = [Requirement(line) for line in requirement_entries((PROJECT_DIR / "requirements.in").read_text())]
    missing = [str(r) for r in direct if canonicalize_name(r.name) not in pins]
    assert missing == [], f"in requirements.in but not in requirements.txt (run `make lock`): {missing}"
    outside = [
        f"{r.name}=={pins[canonicalize_name(r.name)][0]} does not satisfy {r}"
        for r in direct
        if not r.specifier.contains(pins[canonicalize_name(r.name)][0], prereleases=True)
    ]
    assert outside == [], outside


def test_the_environment_holds_exactly_the_pinned_versions():
    wrong = []
    for name, (version, _) in locked().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "nothing"
        if installed != version:
            wrong.append(f"{name}: pinned {version}, installed {installed}")
    assert wrong == [], "run `make setup`: " + "; ".join(wrong)


def test_npm_dependencies_are_exact_and_locked_with_integrity_hashes():
    package = json.loads((PROJECT_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((PROJECT_DIR / "package-lock.json").read_text(encoding="utf-8"))
    declared = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert declared, "package.json declares no dependencies"
    loose = {name: version for name, version in declared.items() if not re.fullmatch(r"\d+\.\d+\.\d+", version)}
    assert loose == {}, f"package.json: versions must be exact (no ^, ~, ranges or tags): {loose}"
    assert lock["lockfileVersion"] >= 2
    packages = lock["packages"]
    for name, version in declared.items():
        entry = packages.get(f"node_modules/{name}")
        assert entry and entry["version"] == version, f"package-lock.json does not lock {name} at {version}"
    for path, entry in packages.items():
        if path:
            assert re.fullmatch(r"sha512-[A-Za-z0-9+/]+=*", entry.get("integrity", "")), (
                f"package-lock.json: {path} has no sha512 integrity hash"
            )


def test_the_makefile_installs_with_require_hashes_and_npm_ci():
    makefile = (PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes" in pip_install_command(makefile)
    assert re.search(r"^\tnpm ci\b", makefile, re.M), "npm must install from the lock file (npm ci)"


def pip_install_command(makefile: str) -> str:
    (line,) = [
        line.strip() for line in makefile.splitlines() if "pip install" in line and "-r requirements.txt" in line
    ]
    return line


def makefile_install(requirements: Path, wheels: Path) -> subprocess.CompletedProcess:
    """The Makefile's pip install line on `requirements`, as a dry run against `wheels` only (no network),
    ignoring what is installed already (as in the fresh virtualenv `make setup` installs into)."""
    line = pip_install_command((PROJECT_DIR / "Makefile").read_text(encoding="utf-8"))
    line = line.replace("$(BIN)/python", shlex.quote(sys.executable)).replace(
        "-r requirements.txt", f"-r {shlex.quote(str(requirements))}"
    )
    command = shlex.split(line) + ["--dry-run", "--ignore-installed", "--no-index", "--find-links", str(wheels)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def make_wheel(folder: Path, name: str = "pinning_probe", version: str = "1.0") -> Path:
    """A minimal valid wheel, and its sha256."""
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": b"",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }

    def record_line(path: str, data: bytes) -> str:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        return f"{path},sha256={digest},{len(data)}\n"

    record = "".join(record_line(p, d) for p, d in files.items()) + f"{info}/RECORD,,\n"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, data in {**files, f"{info}/RECORD": record.encode()}.items():
            archive.writestr(path, data)
    return wheel


@pytest.fixture
def probe(tmp_path) -> tuple[Path, str]:
    wheel = make_wheel(tmp_path)
    return tmp_path, hashlib.sha256(wheel.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "line, refusal",
    [
        ("pinning-probe", "all requirements must have their versions pinned with =="),
        ("pinning-probe>=1.0 --hash=sha256:{digest}", "all requirements must have their versions pinned with =="),
        ("pinning-probe==1.0", "Hashes are required in --require-hashes mode"),
        ("pinning-probe==1.0 --hash=sha256:" + "0" * 64, "THESE PACKAGES DO NOT MATCH THE HASHES"),
    ],
    ids=["unpinned", "range", "no-hash", "wrong-hash"],
)
def test_the_install_command_refuses_what_is_not_pinned_with_its_hash(probe, line, refusal):
    wheels, digest = probe
    requirements = wheels / "requirements.txt"
    requirements.write_text(line.format(digest=digest) + "\n", encoding="utf-8")
    result = makefile_install(requirements, wheels)
    assert result.returncode != 0 and refusal in result.stderr, result.stderr


def test_the_install_command_accepts_a_pinned_hashed_package(probe):
    wheels, digest = probe
    requirements = wheels / "requirements.txt"
    requirements.write_text(f"pinning-probe==1.0 --hash=sha256:{digest}\n", encoding="utf-8")
    result = makefile_install(requirements, wheels)
    assert result.returncode == 0, result.stderr
