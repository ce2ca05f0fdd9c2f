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
from newsfuse.compare.context import StoryClaims, read_story
from newsfuse.compare.pairs import ClaimPairModel
from newsfuse.export import SCHEMA_VERSION, article_record
from newsfuse.ingest import read
from newsfuse.models import Article, Hints
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


def write_export(store: Store, out: Path, model: ClaimPairModel | None = None) -> None:
    """The article and claim records of every story, as ``newsfuse export`` writes them
    (with ``model`` instead of the shipped pair model when given)."""
    with out.open("w", encoding="utf-8") as handle:
        for article in store.iter_articles():
            record = article_record(article, store.story_of(article.id))
            handle.write(json.dumps(record) + "\n")
        for row in store.story_rows():
            comparison = compare(story_input(store, row["id"]), model)
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


def story_pair_rows(store: Store, pairs: Sequence[Mapping[str, Any]]) -> list[list[float] | None]:
    """The pair model's features of gold sentence pairs read in their story, as the comparison
    meets them: each sentence is mapped to the claims overlapping it (as the scorer maps
    them), and the two claims with the highest cosine stand for the pair. None for a pair
    whose reports are in two stories, or whose sentences hold no claim."""
    by_record = {a.origin.record_id: a for a in store.iter_articles()}
    stories: dict[str, Any] = {}
    out: list[list[float] | None] = []
    for pair in pairs:
        first, second = by_record.get(pair["a_id"]), by_record.get(pair["b_id"])
        if first is None or second is None:
            out.append(None)
            continue
        story_id = store.story_of(first.id)
        if story_id is None or story_id != store.story_of(second.id):
            out.append(None)
            continue
        if story_id not in stories:
            stories[story_id] = read_story(story_input(store, story_id))
        context = stories[story_id]
        xs = located(context, first, pair["s1"])
        ys = located(context, second, pair["s2"])
        if not xs or not ys:
            out.append(None)
            continue
        i, j = max(((x, y) for x in xs for y in ys), key=lambda p: context.cosine(*p))
        out.append(context.row(i, j))
    return out


def located(context: StoryClaims, article: Article, sentence: str) -> list[int]:
    """Claims of ``article`` overlapping ``sentence`` by at least half of the shorter of the
    two (the scorer's mapping), by index into ``context.claims``."""
    for p, block in enumerate(article.body):
        at = block.text.find(sentence)
        if at >= 0:
            start, end = at, at + len(sentence)
            return [
                i
                for i, c in enumerate(context.claims)
                if c.article_id == article.id
                and c.paragraph == p
                and (overlap := min(c.end, end) - max(c.start, start)) > 0
                and overlap >= 0.5 * min(c.end - c.start, end - start)
            ]
    return []
