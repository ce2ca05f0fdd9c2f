"""Command-line start-up: wall time of light commands, each run in a fresh process.

Usage: python bench/bench_startup.py [--runs 9]

Builds a store from ``samples/`` in a temporary folder the way ``make demo`` does (without
analysis, which these commands do not read), then times ``newsfuse --help``, ``--version`` and
the light listings against it, each ``--runs`` times in a fresh subprocess, and prints the
median and the fastest run. Aim: ``--help`` under 0.5 s, ``stories`` under 1 s.

Runs are timed as an installed package runs: with its bytecode cached (a first, untimed run
writes it; ``PYTHONDONTWRITEBYTECODE`` is cleared for the runs).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
#: The inputs ``make demo`` ingests.
DEMO_INPUTS = ("*.txt", "*.html", "*.html.gz", "*.jsonl")


def newsfuse() -> list[str]:
    """The ``newsfuse`` command of this Python environment."""
    script = Path(sys.executable).parent / "newsfuse"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsfuse"]


def build_demo(db: Path) -> None:
    """Ingest the samples into ``db`` as ``make demo`` does."""
    inputs = sorted(str(p) for pattern in DEMO_INPUTS for p in SAMPLES.glob(pattern))
    subprocess.run(
        [*newsfuse(), "--db", str(db), "ingest", "--no-analyse", *inputs],
        check=False,
        capture_output=True,
    )


def wall_times(args: list[str], runs: int) -> list[float]:
    """Seconds of each of ``runs`` runs of ``newsfuse ARGS``, each in a fresh process; none
    when the command fails (an older version may lack it)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    if subprocess.run([*newsfuse(), *args], capture_output=True, env=env).returncode:
        return []
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*newsfuse(), *args], check=True, capture_output=True, env=env)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "demo.db"
        build_demo(db)
        first = subprocess.run(
            [*newsfuse(), "--db", str(db), "stories", "--json", "--limit", "1"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()[0]
        story = json.loads(first)["id"]
        commands = {
            "--help": ["--help"],
            "--version": ["--version"],
            "stories": ["--db", str(db), "stories"],
            "articles": ["--db", str(db), "articles"],
            "story ID": ["--db", str(db), "story", story],
            "rejects": ["--db", str(db), "rejects"],
            "settings": ["settings"],
        }
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, {date.today().isoformat()}, load "
            f"{os.getloadavg()[0]:.1f}"
        )
        for name, argv in commands.items():
            times = wall_times(argv, args.runs)
            if not times:
                print(f"newsfuse {name:<10} fails")
                continue
            print(
                f"newsfuse {name:<10} median {statistics.median(times):.3f} s  "
                f"fastest {min(times):.3f} s  ({args.runs} runs)"
            )


if __name__ == "__main__":
    main()
