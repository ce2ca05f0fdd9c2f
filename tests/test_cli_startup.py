"""The command line starts fast: help, version and listings load no stage code or web stack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfuse.cli import COMMANDS, cli

#: Modules that take seconds to import (spaCy, SciPy via datasketch, the web stack) or that
#: only stage code needs; none may load for help, version or a listing.
HEAVY = (
    "spacy",
    "scipy",
    "sklearn",
    "datasketch",
    "fastapi",
    "uvicorn",
    "numpy",
    "rich.progress",
    "newsfuse.pipeline",
)

_LOADED = """
import json, sys
from newsfuse.cli import cli
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    print(json.dumps([m for m in {heavy!r} if m in sys.modules]), file=sys.stderr)
"""


def _loaded_by(args: list[str]) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", _LOADED.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[str] = json.loads(proc.stderr.strip().splitlines()[-1])
    return loaded


def test_importing_the_cli_loads_no_heavy_module() -> None:
    code = f"import sys, newsfuse.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["settings"],
        ["stories"],
        ["articles"],
        ["rejects"],
        ["story", "{story}"],
        ["article", "{article}"],
    ],
    ids=lambda a: " ".join(a),
)
def test_light_commands_load_no_heavy_module(samples_db: Path, args: list[str]) -> None:
    with_ids = [
        a.format(story=_first_id(samples_db, "stories"), article=_first_id(samples_db, "articles"))
        for a in args
    ]
    assert _loaded_by(["--db", str(samples_db), *with_ids]) == []


def _first_id(db: Path, listing: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), listing, "--json"])
    first: str = json.loads(result.output.splitlines()[0])["id"]
    return first


def test_help_lists_every_command_with_its_help_line() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command.name is not None
        assert f"  {command.name} " in result.output


_BLAS = """
import json, sys
if sys.argv[1] == "cli":
    from newsfuse.cli import main
    sys.argv = ["newsfuse", "--version"]
    try:
        main()
    except SystemExit:
        pass
import numpy, threadpoolctl
numpy.ones((4, 4)) @ numpy.ones((4, 4))
blas = [p for p in threadpoolctl.threadpool_info() if p["internal_api"] == "openblas"]
print(json.dumps([p["num_threads"] for p in blas]))
"""


def _blas_threads(how: str, given: str | None) -> list[int]:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    proc = subprocess.run(
        [sys.executable, "-c", _BLAS, how], capture_output=True, text=True, check=True, env=env
    )
    found: list[int] = json.loads(proc.stdout.strip().splitlines()[-1])
    if not found:
        pytest.skip("numpy is not linked against OpenBLAS here")
    return found


def test_the_command_gives_numpy_one_blas_thread() -> None:
    assert set(_blas_threads("cli", None)) == {1}


def test_a_blas_thread_count_the_user_sets_is_kept() -> None:
    assert _blas_threads("cli", "2") == _blas_threads("plain", "2")


def test_the_command_and_its_workers_collect_less_often() -> None:
    # The command sets the collector's thresholds, and worker processes (spawned, so they
    # start with Python's defaults) take the thresholds of the process that starts them.
    code = (
        "import gc, sys\n"
        "from newsfuse.cli import COLLECT_AFTER, main\n"
        "from newsfuse.pipeline.workers import in_order\n"
        "sys.argv = ['newsfuse', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert gc.get_threshold() == COLLECT_AFTER, gc.get_threshold()\n"
        "job = \"__import__('gc').get_threshold()\"\n"
        "print(list(in_order(eval, [job, job], 2)) == [COLLECT_AFTER] * 2)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "True"
