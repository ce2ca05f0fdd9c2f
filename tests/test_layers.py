"""The layer contract (pyproject's [tool.importlinter]) holds, and breaks on a bad import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).parent / "lint-imports"

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed")


def _lint(src: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT), "--no-cache", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=src,
    )


def test_the_package_keeps_the_contract() -> None:
    result = _lint(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # The store imports only models and the shared modules.
        ("store/base.py", "import newsfuse.compare.comparison", "The store imports only models"),
        # A stage imports earlier stages only: cleaning comes before stories.
        ("clean/metadata.py", "import newsfuse.stories.compact", "Stages in the order"),
        # The shared vocabulary imports no stage.
        ("models/article.py", "import newsfuse.extract.nlp", "Stages in the order"),
        # Entities read the quote cue words; quotes reading entities back closes a circle.
        (
            "extract/quotes/lexicon.py",
            "import newsfuse.extract.entities.names",
            "No import circles",
        ),
    ],
)
def test_a_bad_import_breaks_the_contract(
    tmp_path: Path, module: str, line: str, broken: str
) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "newsfuse", src / "newsfuse")
    target = src / "newsfuse" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", "utf-8")
    result = _lint(src)
    assert result.returncode != 0
    assert f"{broken}" in result.stdout and "BROKEN" in result.stdout
