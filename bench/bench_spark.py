"""Spark ``local[2]`` throughput against one ``newsfuse ingest`` process on the same inputs.

Usage: python bench/bench_spark.py [--n 2000]

Writes N ECB+ texts of ``shared/data/stories/docs.jsonl`` (repeated with a numbered sentence
past its 772, as bench/bench_ingest_parse.py does) to one JSONL file, then runs, as separate
processes with start-up included, ``newsfuse ingest`` (one process) and ``newsfuse spark
ingest --master local[2]`` into fresh SQLite stores: the full ingest (clean, store, stories,
analysis, events). Prints texts per second of each (wall time), the CPU time of all their
processes, their ratio, and whether the two stores export the same.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_ingest_parse import _texts, _write

#: Spark on loopback, without its web UI (as tests/test_spark.py runs it).
_SPARK = ["--master", "local[2]", "--conf", "spark.ui.enabled=false"]
_SPARK += ["--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.driver.host=127.0.0.1"]


def _run(db: Path, command: list[str]) -> tuple[float, dict[str, float]]:
    """Wall and CPU seconds of one CLI run (``newsfuse --db DB ...``), the CPU time of every
    process it started included (Spark's JVM and Python workers, read from /proc), by kind:
    ``driver`` (the newsfuse process), ``java``, ``python`` (its children)."""
    env = dict(os.environ, NO_COLOR="1", SPARK_LOCAL_IP="127.0.0.1")
    cpu: dict[int, tuple[str, float]] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "--db", str(db), *command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    done = threading.Event()
    sampler = threading.Thread(target=_sample, args=(proc.pid, cpu, done))
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(err[-3000:])
    print("  " + out.strip().splitlines()[-1])
    kinds = {"driver": 0.0, "java": 0.0, "python": 0.0}
    for pid, (name, seconds) in cpu.items():
        kind = "driver" if pid == proc.pid else "java" if name == "java" else "python"
        kinds[kind] += seconds
    return wall, kinds


def _sample(root: int, cpu: dict[int, tuple[str, float]], done: threading.Event) -> None:
    """Keep the CPU seconds of ``root`` and its descendants up to date until ``done``.

    Sampled every 0.2 s: a process that ends between two samples loses its last 0.2 s.
    """
    tick = os.sysconf("SC_CLK_TCK")
    while not done.wait(0.2):
        parents: dict[int, int] = {}
        times: dict[int, tuple[str, float]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                head, tail = stat.read_text().rsplit(")", 1)
                fields = tail.split()
            except OSError:
                continue
            pid = int(stat.parent.name)
            parents[pid] = int(fields[1])
            name = head.split("(", 1)[1]
            times[pid] = (name, (int(fields[11]) + int(fields[12])) / tick)
        for pid, sample in times.items():
            up = pid
            while up not in (root, 0, 1) and up in parents:
                up = parents[up]
            if up == root:
                cpu[pid] = sample


def _export(db: Path) -> bytes:
    """The store's export as ``newsfuse export`` writes it."""
    command = [sys.executable, "-m", "newsfuse", "--db", str(db), "export"]
    return subprocess.run(command, capture_output=True, check=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--spark-only", action="store_true", help="Skip the one-process run.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        path = tmp / "many.jsonl"
        _write(_texts(args.n), path)
        machine = f"{platform.machine()} Python {platform.python_version()}"
        print(f"machine: {machine}, {os.cpu_count()} cores")
        if not args.spark_only:
            print("newsfuse ingest (one process):")
            plain, plain_cpu = _run(tmp / "plain.db", ["ingest", str(path)])
        print("newsfuse spark ingest --master local[2]:")
        spark, spark_cpu = _run(tmp / "spark.db", ["spark", "ingest", *_SPARK, str(path)])
        same = args.spark_only or _export(tmp / "plain.db") == _export(tmp / "spark.db")
    n, parts = args.n, ", ".join(f"{kind} {cpu:.1f}" for kind, cpu in spark_cpu.items())
    print(f"Spark local[2]: {n / spark:.2f} texts/s ({spark:.1f} s wall; CPU s: {parts})")
    if not args.spark_only:
        cpu = sum(plain_cpu.values())
        print(f"one process: {n / plain:.2f} texts/s ({plain:.1f} s wall, {cpu:.1f} s CPU)")
        print(f"Spark local[2] ÷ one process: {plain / spark:.2f}; same export: {same}")


if __name__ == "__main__":
    main()
