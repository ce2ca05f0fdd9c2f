"""The package's layout rules: public class names defined once, modules short, faces declared."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import newsfuse

PACKAGE = Path(newsfuse.__file__).resolve().parent


def public_classes() -> dict[str, list[str]]:
    """Class name -> the modules that define it at top level, for names without a ``_``."""
    where: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                where[node.name].append(str(path.relative_to(PACKAGE.parent)))
    return where


def test_public_class_names_are_unique() -> None:
    twice = {name: paths for name, paths in public_classes().items() if len(paths) > 1}
    assert not twice, f"public class names defined more than once: {twice}"


def test_the_scan_sees_the_package() -> None:
    found = public_classes()
    assert found["Article"] == ["newsfuse/models/article.py"]
    assert len(found) > 100


#: The style's limit: a module past it is split along a real seam (docs/pipeline.md).
MAX_LINES = 300


def test_no_module_is_over_the_limit() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_every_package_face_declares_its_api() -> None:
    faces = list(PACKAGE.rglob("__init__.py"))
    missing = [str(p.relative_to(PACKAGE.parent)) for p in faces if "__all__" not in p.read_text()]
    assert not missing, f"package faces without __all__: {missing}"
