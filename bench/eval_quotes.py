"""Score quote extraction on PolNeAR per split, and time it against spaCy's own pipeline.

Usage::

    .venv/bin/python bench/eval_quotes.py                 # train and dev, all articles
    .venv/bin/python bench/eval_quotes.py --split dev --limit 40

The data folder defaults to ``../shared/data/quotes`` next to the repository;
``NEWSFUSE_SHARED_DATA`` overrides the ``shared/data`` root, ``--data`` the folder itself.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

from newsfuse.evaluate.quotes import evaluate_quotes, load_polnear, paragraphs_of
from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.extract.quotes.find import PARSE_COMPONENTS, find_quotes


def default_data() -> Path:
    """The quotes data folder, honouring ``NEWSFUSE_SHARED_DATA``."""
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "quotes"


def speed(data: Path, split: str | None, limit: int | None, rounds: int = 3) -> dict[str, float]:
    """Articles per second through find_quotes and through the same spaCy pipeline alone.

    Both parse with :data:`PARSE_COMPONENTS` (parser and NER, as the product does). Each
    article is timed both ways in alternation, best of ``rounds``, so that load from other
    work on the shared machine hits both sides alike.
    """
    nlp = load_nlp()
    texts = [paragraphs_of(a.text)[0] for a in load_polnear(data, split, limit)]
    for paragraphs in texts[:5]:
        find_quotes(paragraphs, nlp)  # warm-up
    spacy_seconds = quote_seconds = 0.0
    for paragraphs in texts:
        best_spacy = best_quotes = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            parse(paragraphs, PARSE_COMPONENTS, nlp)
            middle = time.perf_counter()
            find_quotes(paragraphs, nlp)
            ended = time.perf_counter()
            best_spacy = min(best_spacy, middle - started)
            best_quotes = min(best_quotes, ended - middle)
        spacy_seconds += best_spacy
        quote_seconds += best_quotes
    return {
        "articles": float(len(texts)),
        "spacy_articles_per_s": len(texts) / spacy_seconds,
        "quotes_articles_per_s": len(texts) / quote_seconds,
        "overhead": quote_seconds / spacy_seconds - 1.0,
    }


def main() -> None:
    """Print scores per split, then speed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--split", choices=("train", "dev"), action="append")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--speed-limit", type=int, default=84, help="articles timed (dev)")
    parser.add_argument("--speed-only", action="store_true", help="skip the scores")
    args = parser.parse_args()
    nlp = load_nlp()
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, model {nlp.meta['name']}")
    for split in [] if args.speed_only else args.split or ["train", "dev"]:
        scores = evaluate_quotes(args.data, split, args.limit, nlp=nlp)
        shown = "  ".join(f"{key}={value:.3f}" for key, value in scores.items())
        print(f"{split}: {shown}")
    timing = speed(args.data, "dev", args.speed_limit)
    print(
        f"speed on {timing['articles']:.0f} dev articles: spaCy alone "
        f"{timing['spacy_articles_per_s']:.1f} art/s, with quotes "
        f"{timing['quotes_articles_per_s']:.1f} art/s, overhead {timing['overhead']:+.1%}"
    )


if __name__ == "__main__":
    main()
