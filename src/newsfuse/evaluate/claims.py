"""Score claim comparison on gold sentence pairs (claims-dev) with the data set's own scorer.

The gold (``compare/claims-dev.jsonl``) pairs sentences of three outlets' reports of one event
as ``same``, ``conflict`` or ``different``; ``compare/score_claims.py`` (beside it, standard
library) reads a ``newsfuse export`` and scores it. Here the events' reports are ingested as
JSONL records (``id``, ``title``, ``text``, ``published``, ``outlet``), clustered and analysed as
any ingest does, and the article and claim records are written in the export format.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsfuse import pipeline
from newsfuse.compare.comparison import compare
from newsfuse.export import SCHEMA_VERSION, article_record
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import Settings
from newsfuse.store import Store, open_store
from newsfuse.store.stories import story_input
from newsfuse.views import comparison_rows


def load_gold(data_dir: Path, events: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The gold pairs of ``claims-dev.jsonl``, only those of ``events`` when given."""
    path = data_dir / "claims-dev.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: pass the compare folder of the shared data")
    wanted = set(events) if events is not None else None
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [r for r in rows if wanted is None or r["event"] in wanted]


def event_records(
    data_dir: Path, events: Iterable[str], dated: bool = True
) -> list[dict[str, Any]]:
    """The reports of ``events`` from ``basil-dev.jsonl`` as JSONL ingest records."""
    wanted = set(events)
    out = []
    with (data_dir / "basil-dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["subtopic"] in wanted:
                record = {k: row[k] for k in ("id", "title", "text", "outlet")}
                if dated:
                    record["published"] = row["date"]
                out.append(record)
    return out


def build_store(records: Sequence[Mapping[str, Any]], db: Path) -> Store:
    """Ingest ``records`` into a new store at ``db``: cleaned, clustered and analysed."""
    source = db.with_suffix(".jsonl")
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = open_store(str(db))
    settings = Settings(db=str(db))
    pipeline.ingest(read([str(source)], Hints(), settings.max_bytes), store, settings)
    pipeline.assign_stories(store)
    pipeline.analyse_pending(store)
    return store


def write_export(store: Store, out: Path) -> None:
    """The article and claim records of every story, as ``newsfuse export`` writes them."""
    with out.open("w", encoding="utf-8") as handle:
        for article in store.iter_articles():
            record = article_record(article, store.story_of(article.id))
            handle.write(json.dumps(record) + "\n")
        for row in store.story_rows():
            comparison = compare(story_input(store, row["id"]))
            for i, group in enumerate(comparison_rows(comparison)):
                record = {"type": "claim", "schema": SCHEMA_VERSION, "story_id": row["id"]}
                record.update(index=i, **group)
                handle.write(json.dumps(record) + "\n")


def score(data_dir: Path, gold: Path, export: Path) -> dict[str, Any]:
    """The data set's scorer (``score_claims.py --json``) on ``export``."""
    result = subprocess.run(
        [sys.executable, str(data_dir / "score_claims.py"), str(gold), str(export), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, Any] = json.loads(result.stdout)
    return data
