"""The macros package is layered, one way down: data, words, Markdown, generated files, the build,
with `env.py` (the catalogue of macros) on top. A module imports from its own layer or the ones below."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import PROJECT_DIR

PACKAGE = PROJECT_DIR / "macros"
LAYERS = ["macros.data", "macros.words", "macros.markdown", "macros.generated", "macros.build", "macros.env"]
# The package's face only re-exports the macros plugin's entry point (define_env, in the top layer).
FACE = PACKAGE / "__init__.py"
MODULES = sorted(path for path in PACKAGE.rglob("*.py") if path != FACE)


def layer_of(module: str) -> int | None:
    for height, layer in enumerate(LAYERS):
        if module == layer or module.startswith(layer + "."):
            return height
    return None


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_DIR).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, package: str) -> set[str]:
    """The package's modules that `source`, a module of `package`, imports (`from a import b` may name a
    module b or a name in a: both are counted, and only the package's own names are kept)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "macros" or name.startswith("macros.")}


def imports_from_above(path: Path) -> list[str]:
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    height = layer_of(own)
    return sorted(
        name for name in imported_modules(path.read_text(encoding="utf-8"), package) if (layer_of(name) or 0) > height
    )


def test_every_module_belongs_to_a_layer():
    assert [module_name(path) for path in MODULES if layer_of(module_name(path)) is None] == []


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_imports_from_a_layer_above_its_own(path):
    assert imports_from_above(path) == []


def test_the_check_sees_an_import_from_above():
    """The check can fail: a data module that imports a renderer, absolutely or relatively, is caught."""
    source = "from macros.markdown.render import esc\nfrom ..generated import worldmap\nimport macros.env\n"
    found = imported_modules(source, "macros.data")
    assert {"macros.markdown.render", "macros.generated.worldmap", "macros.env"} <= found
    assert all(layer_of(name) > 0 for name in found - {"macros.markdown", "macros.generated"})


def docstring_only(path: Path) -> bool:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)


def test_the_readme_names_every_module_in_its_map_of_the_package():
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    package_map = readme.split("| Layer | Module | What it holds |", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`([\w/]+\.py)`", package_map))
    # A layer's __init__.py that holds only its docstring is the layer's row, not a module of its own.
    modules = {path.relative_to(PACKAGE).as_posix() for path in MODULES if not docstring_only(path)}
    assert sorted(modules - named) == []
    assert sorted(named - modules) == [], "the map names a module that is not there"
