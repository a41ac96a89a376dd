"""Product code uses no private (underscore) attribute of Wagtail, Django or any other library.

An attribute like `x._foo` is ours when our own code defines `_foo` (a method, a class attribute, a module
name, or `self._foo = …` in our class); anything else is another package's private API, which may change in
any release without notice. Dunder names and Django's documented `_meta` (the model Options API) are public.
`getattr(x, "_foo")`, `hasattr`, `setattr` and `delattr` with a literal name count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCT_PACKAGES = ("valoa", "toolkit", "inspire", "feedback")
PUBLIC_UNDERSCORE_NAMES = {"_meta"}  # Django's documented Options API (docs: "Model _meta API")

# (file, attribute) → why it is unavoidable. Keep this short; every entry is a risk on upgrade.
ALLOWED: dict[tuple[str, str], str] = {}


def product_files() -> list[Path]:
    files = []
    for package in PRODUCT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts:
                continue
            files.append(path)
    return files


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def own_names(trees: dict[Path, ast.AST]) -> set[str]:
    """Underscore names our own code defines."""
    names: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[-1])
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
            ):
                names.add(node.attr)
    return {name for name in names if _is_private(name)}


def private_uses(path: Path, tree: ast.AST, ours: set[str]) -> list[str]:
    found = []
    relative = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute):
            name = node.attr
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr", "setattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            name = node.args[1].value
        if name is None or not _is_private(name) or name in PUBLIC_UNDERSCORE_NAMES or name in ours:
            continue
        if (relative, name) in ALLOWED:
            continue
        found.append(f"{relative}:{node.lineno}: {name}")
    return found


def test_product_code_uses_no_private_attribute_of_another_package():
    trees = {path: ast.parse(path.read_text(), filename=str(path)) for path in product_files()}
    ours = own_names(trees)
    found = [use for path, tree in trees.items() for use in private_uses(path, tree, ours)]
    assert found == [], "Private attributes of other packages:\n" + "\n".join(found)


def test_the_allow_list_has_no_stale_entries():
    trees = {path: ast.parse(path.read_text(), filename=str(path)) for path in product_files()}
    used = {
        (path.relative_to(ROOT).as_posix(), node.attr)
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
    }
    assert set(ALLOWED) <= used, set(ALLOWED) - used


def test_the_check_finds_a_private_attribute(tmp_path):
    """The scan itself works: a use of Django's private request attribute is reported, our own is not."""
    source = (
        "class Ours:\n"
        "    def __init__(self):\n"
        "        self._cache = {}\n"
        "    def get(self, request):\n"
        "        self._cache.clear()\n"
        "        return request._get_raw_host(), getattr(request, '_wagtail_site', None), self.__class__\n"
    )
    path = ROOT / "valoa" / "example.py"
    tree = ast.parse(source)
    found = private_uses(path, tree, own_names({path: tree}))
    assert sorted(use.split(": ")[1] for use in found) == ["_get_raw_host", "_wagtail_site"]
