"""Run every benchmark script in bench/ in turn and let each print its numbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    for script in sorted(HERE.glob("*.py")):
        # build_store.py makes a store for bench_web.py --db; it measures nothing itself.
        if script.name in {"run_all.py", "build_store.py"}:
            continue
        print(f"== {script.name}", flush=True)
        subprocess.run([sys.executable, str(script)], check=False)


if __name__ == "__main__":
    main()
