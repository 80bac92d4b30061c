"""docs/architecture.md matches the code: every module of the package has its paragraph, in a
layer, and imports only from its own layer and the layers before it.

Imports inside functions count (they are the lazy ones, and just as real); imports under
``if TYPE_CHECKING:`` do not, as they exist only for type checkers.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scoring"
PAGE = (ROOT / "docs" / "architecture.md").read_text("utf-8")


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name inside it (``excel.read``; the package
    itself is ``scoring``)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts) or "scoring"] = path
    return found


def layers() -> dict[str, int]:
    """Each module the page names, by the number of the layer it is under."""
    placed: dict[str, int] = {}
    for number, body in re.findall(r"^## (\d+)\. .*?\n(.*?)(?=^## |\Z)", PAGE, re.S | re.M):
        for paragraph in body.split("\n\n"):
            head = re.split(r" —\s", paragraph)[0] if re.search(r" —\s", paragraph) else ""
            for name in re.findall(r"`([a-z_][a-z0-9_.]*)`", head):
                placed[name] = int(number)
    return placed


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports at run time."""
    tree = ast.parse(path.read_text("utf-8"))
    hidden = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    known = modules()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if id(node) in hidden or not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names if a.name.startswith("scoring")]
            found |= {t.removeprefix("scoring.") or "scoring" for t in targets}
            continue
        if node.level == 0:
            if not (node.module or "").startswith("scoring"):
                continue
            base = node.module.removeprefix("scoring").lstrip(".")
        else:
            up = package[: len(package) - (node.level - 1)] if name != "scoring" else []
            base = ".".join([*up, *([node.module] if node.module else [])])
        for alias in node.names:
            full = f"{base}.{alias.name}".lstrip(".")
            found.add(full if full in known else base or "scoring")
    found.discard(name)
    return found


def test_every_module_has_its_paragraph_and_no_paragraph_is_stale():
    named, real = set(layers()), set(modules())
    assert real - named == set(), "modules docs/architecture.md does not describe"
    assert named - real == set(), "modules docs/architecture.md describes that do not exist"


def test_a_module_imports_only_from_its_layer_and_those_before():
    placed = layers()
    upward = []
    for name, path in modules().items():
        for target in sorted(_imports(name, path)):
            if placed[target] > placed[name]:
                upward.append(
                    f"{name} (layer {placed[name]}) imports {target} (layer {placed[target]})"
                )
    assert upward == []
