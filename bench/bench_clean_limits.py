"""Wall time and peak memory of cleaning each hostile input, one fresh process per case.

Each case of ``tests/hostile_clean_cases.py`` is written to a file, then a child process
reads it as ``newsfuse ingest`` does and cleans and describes it (``pipeline.process``); the
parent reports the child's wall time, its peak resident memory (``wait4``'s rusage) and the
outcome. A child still running after ``--timeout`` seconds is killed and reported as such.

    PYTHONPATH=src python bench/bench_clean_limits.py [--timeout 60] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from hostile_clean_cases import EXPECTED  # noqa: E402

CHILD = """
import sys, time
from newsfuse import pipeline
from newsfuse.errors import RejectedInput
from newsfuse.ingest import read
from newsfuse.models import Hints, RawDocument
from newsfuse.settings import load_settings
settings = load_settings()
start = time.monotonic()
for item in read([sys.argv[1]], Hints(), settings.max_bytes):
    if isinstance(item, RawDocument):
        try:
            article = pipeline.process(item, settings)
            print("article", len(article.body), "blocks")
        except RejectedInput as exc:
            print(exc.reason)
    else:
        print(getattr(item, "reason", item))
print(f"clean {time.monotonic() - start:.2f}s")
"""


def measure(path: Path, timeout: float) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and the printed outcome of cleaning ``path``."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], env=env, stdout=subprocess.PIPE, text=True
    )
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            child.send_signal(signal.SIGKILL)
            pid, status, usage = os.wait4(child.pid, 0)
            return time.monotonic() - start, usage.ru_maxrss / 1024, f"killed after {timeout:.0f} s"
        time.sleep(0.05)
    wall = time.monotonic() - start
    out = child.stdout.read().strip().replace("\n", "; ") if child.stdout else ""
    return wall, usage.ru_maxrss / 1024, out or f"exit status {status}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    print("| case | size | wall s | peak RSS MB | outcome (expected) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for build, expected in EXPECTED.items():
            if args.only and build.__name__ not in args.only:
                continue
            name, data = build()
            path = Path(tmp) / name
            path.write_bytes(data)
            wall, rss, outcome = measure(path, args.timeout)
            path.unlink()
            size = f"{len(data) / 1e6:.1f} MB"
            cells = [build.__name__, size, f"{wall:.1f}", f"{rss:.0f}", f"{outcome} ({expected})"]
            print("| " + " | ".join(cells) + " |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
