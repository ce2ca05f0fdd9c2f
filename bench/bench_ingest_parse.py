"""Ingest against the parse: full ingest ÷ spaCy's pipeline alone, and --workers 2 ÷ 1.

Usage: python bench/bench_ingest_parse.py [--n 300] [--workers-n 1000] [--skip-workers]
    [--compare now|later]

Part 1 (one process): the first N ECB+ texts of ``shared/data/stories/docs.jsonl``, parsed by
the English model alone as spaCy ships it (``nlp.pipe``, batch 64, every component), then
ingested in full (clean, store, stories, analysis, comparing unless ``--compare later``,
events) into a fresh store, then parsed again with newsfuse's table versions of spaCy's
attribute ruler and lemmatizer (what newsfuse runs; last, so that the ingest meets their
caches cold); the models are loaded before the clocks start.
Part 2: ``newsfuse ingest --workers 1`` and ``--workers 2`` on M texts (the ECB+ texts,
repeated with a numbered sentence to make each distinct) as separate processes, start-up
included, with the ingesting process's peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsfuse.cli import fewer_collections, one_blas_thread

# As the newsfuse command does before numpy is imported: one OpenBLAS thread; and as it does
# at start, the collector's thresholds.
one_blas_thread(os.environ)
fewer_collections()

DOCS = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories" / "docs.jsonl"


def _texts(n: int) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in DOCS.read_text(encoding="utf-8").splitlines()]
    out = []
    for i in range(n):
        row = dict(rows[i % len(rows)])
        if i >= len(rows):  # a distinct text: its own content key, its own article
            row["id"] = f"{row['id']}-{i}"
            row["text"] = f"{row['text']} Reference number {i} was given to this report."
        out.append(row)
    return out


def _write(rows: list[dict[str, str]], path: Path) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def parse_share(n: int, tmp: Path, compare: str) -> None:
    import spacy

    from newsfuse.extract.nlp import installed_model, load_nlp
    from newsfuse.models import Hints
    from newsfuse.pipeline import ingest_paths
    from newsfuse.settings import load_settings
    from newsfuse.store import open_store

    rows = _texts(n)
    _write(rows, tmp / "docs.jsonl")
    # spaCy's own pipeline, as installed: the measure ingest is held against.
    stock = spacy.load(installed_model("en"))
    nlp = load_nlp()
    wall, cpu = _clock()
    list(stock.pipe([r["text"] for r in rows], batch_size=64))
    spacy_wall, spacy_cpu = time.perf_counter() - wall, time.process_time() - cpu
    del stock
    store = open_store(str(tmp / "one.db"))
    stages: dict[str, list[float]] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        # CPU time of each stage, from its first report to its last.
        stages.setdefault(stage, [time.process_time(), 0.0])[1] = time.process_time()

    wall, cpu = _clock()
    summary = ingest_paths(
        [str(tmp / "docs.jsonl")],
        Hints(),
        store,
        load_settings(env={}, compare=compare),
        progress=progress,
    )
    ingest_wall, ingest_cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.close()
    # After the ingest, so that the ingest meets the components' caches as cold as spaCy's
    # own pipeline did (the lemma and attribute tables fill as they meet new words).
    wall, cpu = _clock()
    list(nlp.pipe([r["text"] for r in rows], batch_size=64))
    own_wall, own_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print("stage CPU s: " + ", ".join(f"{k} {b - a:.1f}" for k, (a, b) in stages.items()))
    print(f"texts: {n}, ingested {summary.ingested}, analysed {summary.analysed}")
    timed = (
        ("spaCy alone", spacy_wall, spacy_cpu),
        ("the same with its rule components as tables", own_wall, own_cpu),
        ("ingest", ingest_wall, ingest_cpu),
    )
    for name, w, c in timed:
        print(f"{name}: {n / w:.1f} texts/s (wall {w:.1f} s, CPU {c:.1f} s)")
    print(f"ingest ÷ spaCy: wall {spacy_wall / ingest_wall:.2f}, CPU {spacy_cpu / ingest_cpu:.2f}")
    compared = stages.get("comparing", [0.0, 0.0])
    rest = ingest_cpu - (compared[1] - compared[0])
    print(f"ingest without comparing stories ÷ spaCy: CPU {spacy_cpu / rest:.2f}")


def _cli_run(path: Path, db: Path, workers: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and peak RSS in MB of one CLI ingest."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    command = [sys.executable, "-c", _RUN, str(db), str(path), str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    cpu, peak = (float(x) for x in done.stdout.split()[-2:])
    return wall, cpu, int(peak)


# The CLI as a child; it prints its own and its workers' CPU time and its own peak RSS (VmHWM:
# ru_maxrss would carry over the forking process's size). A worker's peak is read by sampling
# /proc/<pid>/status while it runs.
_RUN = """
import resource, sys
from newsfuse.cli import main
db, path, workers = sys.argv[1:]
sys.argv = ["newsfuse", "--db", db, "ingest", "--workers", workers, path]
try:
    main()
except SystemExit:
    pass
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(cpu, int(hwm) // 1024)
"""


def workers_speedup(n: int, tmp: Path) -> None:
    _write(_texts(n), tmp / "many.jsonl")
    results: dict[int, list[tuple[float, float, int]]] = {1: [], 2: []}
    for attempt in range(2):  # alternately, the machine's load changes
        for workers in (1, 2):
            db = tmp / f"w{workers}-{attempt}.db"
            results[workers].append(_cli_run(tmp / "many.jsonl", db, workers))
    for workers, runs in results.items():
        wall = min(r[0] for r in runs)
        print(
            f"--workers {workers}: {n / wall:.1f} texts/s (best wall {wall:.1f} s, "
            f"CPU {min(r[1] for r in runs):.1f} s, own peak {max(r[2] for r in runs)} MB); "
            f"{n / wall * 86400:,.0f} per day"
        )
    one, two = (min(r[0] for r in results[w]) for w in (1, 2))
    print(f"--workers 2 ÷ --workers 1: {one / two:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--workers-n", type=int, default=1000)
    parser.add_argument("--skip-workers", action="store_true")
    parser.add_argument("--compare", choices=("now", "later"), default="now")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as d:
        parse_share(args.n, Path(d), args.compare)
        if not args.skip_workers:
            workers_speedup(args.workers_n, Path(d))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"bench process peak RSS: {usage.ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
