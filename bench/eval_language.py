"""Print the language detector's accuracy and speed on ../shared/data and the test reports.

Sets: the ECB+ documents and BASIL articles (all English), the extraction pages' gold bodies
(reference: the language their HTML states, where it states one), and the French, German,
Spanish and English reports of tests/multilingual.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from newsfuse.clean.language import code, detect

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
_HTML_LANG = re.compile(rb"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z_-]+)", re.I)


def _jsonl(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        yield from (json.loads(line) for line in fh if line.strip())


def _sets(data: Path) -> dict[str, list[tuple[str, str]]]:
    """Per set, ``(reference language, text)`` pairs."""
    sets: dict[str, list[tuple[str, str]]] = {}
    docs = data / "stories" / "docs.jsonl"
    if docs.exists():
        sets["ECB+ docs"] = [("en", f"{d['title']}\n{d['text']}") for d in _jsonl(docs)]
    basil = data / "compare" / "basil-dev.jsonl"
    if basil.exists():
        sets["BASIL dev"] = [("en", f"{d['title']}\n{d['text']}") for d in _jsonl(basil)]
    gold = data / "extraction" / "gold.jsonl"
    if gold.exists():
        pages = []
        for d in _jsonl(gold):
            html = data / "extraction" / "html" / f"{d['id']}.html.gz"
            if not html.exists():
                continue
            with gzip.open(html) as fh:
                m = _HTML_LANG.search(fh.read(20000))
            if m and d["body"].strip():
                pages.append((code(m.group(1).decode()) or "?", d["body"]))
        sets["extraction (html lang)"] = pages
    sys.path.insert(0, str(ROOT / "tests"))
    from multilingual import REPORTS

    sets["test reports"] = [
        (lang, text) for lang, events in REPORTS.items() for ts in events.values() for text in ts
    ]
    return sets


def main() -> None:
    """Accuracy, lowest confidence, misses and time per text for each set."""
    parser = argparse.ArgumentParser(description=__doc__)
    shared = Path(os.environ.get("NEWSFUSE_SHARED_DATA", DEFAULT_DATA))
    parser.add_argument("--data", type=Path, default=shared)
    args = parser.parse_args()
    began = time.perf_counter()
    detect("warm-up: the model is loaded once per process")
    print(f"model load {time.perf_counter() - began:.2f} s")
    for name, pairs in _sets(args.data).items():
        began = time.perf_counter()
        found = [detect(text) for _, text in pairs]
        elapsed = time.perf_counter() - began
        right = sum(f.language == ref for (ref, _), f in zip(pairs, found, strict=True))
        refs = Counter(ref for ref, _ in pairs)
        low = min(f.confidence for f in found)
        print(
            f"{name}: {right}/{len(pairs)} = {right / len(pairs):.3f} correct; references "
            f"{dict(refs)}; lowest confidence {low:.3f}; "
            f"{1000 * elapsed / len(pairs):.2f} ms per text"
        )
        for (ref, text), f in zip(pairs, found, strict=True):
            if f.language != ref:
                print(f"  miss: {ref} read as {f.language} ({f.confidence:.3f}): {text[:70]!r}")


if __name__ == "__main__":
    main()
