"""Peak memory of ``newsfuse ingest --workers 2``, and whether it grows with the store's size.

Usage: python bench/bench_memory.py [--n 1000] [--rounds 2]

Each round ingests ``--n`` new distinct texts (the ECB+ texts, repeated with a numbered
sentence, as ``bench_ingest_parse.py`` makes them) into the same store, as a separate CLI
process with ``--workers 2``; the resident memory of that process and of every process it
started is read from /proc every 0.2 s. A peak that stays the same from round to round, while
the store grows by ``--n`` articles each time, does not grow with the store's size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_ingest_parse import _texts, _write


def _tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def ingest_peak(path: Path, db: Path) -> tuple[float, float, float, float]:
    """Wall seconds, the ingesting process's peak, the largest worker's peak and the peak of
    all of them together, in MB."""
    command = [sys.executable, "-m", "newsfuse", "--db", str(db), "ingest", "--workers", "2"]
    start = time.perf_counter()
    proc = subprocess.Popen([*command, str(path)], stdout=subprocess.DEVNULL)
    own = worker = total = 0.0
    while proc.poll() is None:
        sizes = {pid: _rss_mb(pid) for pid in _tree(proc.pid)}
        own = max(own, sizes.pop(proc.pid, 0.0))
        worker = max([worker, *sizes.values()])
        total = max(total, own + sum(sizes.values()))
        time.sleep(0.2)
    return time.perf_counter() - start, own, worker, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="Texts per round.")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    rows = _texts(args.n * args.rounds)
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "mem.db"
        for r in range(args.rounds):
            feed = Path(tmp) / f"round{r}.jsonl"
            _write(rows[r * args.n : (r + 1) * args.n], feed)
            wall, own, worker, total = ingest_peak(feed, db)
            print(
                f"round {r + 1}: store {r * args.n} -> {(r + 1) * args.n} texts, {wall:.0f} s; "
                f"peak MB: ingesting process {own:.0f}, largest worker {worker:.0f}, "
                f"all together {total:.0f}"
            )


if __name__ == "__main__":
    main()
