"""Entity extraction speed: articles per second through spaCy alone and through extraction alone.

Usage: python bench/bench_entities.py [--limit 60]

Input: the body paragraphs of the two seed reports and the first ``--limit`` ECB+ documents of
``../shared/data/stories/docs.jsonl`` (title + text; the text is one paragraph). spaCy runs
with the components entity extraction needs (NER and its tok2vec); "extraction" is everything
newsfuse does on top of the parsed Docs (alias matches, datelines, head words, context cues,
titles, surnames, canonical names and types), then the story-level merge and place
resolution per ECB+ topic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import time
from collections import defaultdict
from pathlib import Path

from newsfuse.extract.entities.find import extract_entities
from newsfuse.extract.entities.gazetteer import alternate_index
from newsfuse.extract.entities.heads import heads
from newsfuse.extract.entities.lexicon import lexicon
from newsfuse.extract.entities.places import resolve_places
from newsfuse.extract.entities.types import common_words
from newsfuse.extract.nlp import load_nlp, parse, required_components
from newsfuse.merge.entities import canonicalise_story
from newsfuse.models import ArticleEntities

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _seed_bodies() -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for name, first, last in (("000_be731d162a427716.txt", 8, 34),
                              ("001_c8002c06e19f39ec.txt", 7, 33)):  # fmt: skip
        path = SHARED / "seeds" / name
        if not path.is_file():
            continue
        body: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines()[first - 1 : last]:
            line = line.strip()
            subhead = len(line.split()) < 8 and not line.endswith(".")
            if line and not subhead and "/File Photo" not in line and line not in body:
                body.append(line)
        out.append(("seed", body))
    return out


def _ecb(limit: int) -> list[tuple[str, list[str]]]:
    path = SHARED / "data" / "stories" / "docs.jsonl"
    if not path.is_file():
        return []
    out: list[tuple[str, list[str]]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if len(out) >= limit:
                break
            record = json.loads(line)
            out.append((str(record["topic"]), [record["title"], record["text"]]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=60, help="ECB+ documents to use")
    args = parser.parse_args()
    articles = _seed_bodies() + _ecb(args.limit)
    paragraphs = [p for _, body in articles for p in body]
    words = sum(len(p.split()) for p in paragraphs)

    start = time.perf_counter()
    nlp = load_nlp()
    lexicon()
    heads()
    common_words(nlp)
    alternate_index()
    load_s = time.perf_counter() - start

    parse(paragraphs[:20], nlp=nlp)  # warm-up: first batches allocate
    start = time.perf_counter()
    docs = parse(paragraphs, nlp=nlp)
    spacy_s = time.perf_counter() - start

    start = time.perf_counter()
    found: list[tuple[str, ArticleEntities]] = []
    offset = 0
    for topic, body in articles:
        found.append((topic, extract_entities(body, docs=docs[offset : offset + len(body)])))
        offset += len(body)
    extract_s = time.perf_counter() - start

    start = time.perf_counter()
    by_topic: dict[str, list[ArticleEntities]] = defaultdict(list)
    for topic, entities in found:
        by_topic[topic].append(entities)
    places = 0
    for group in by_topic.values():
        story = canonicalise_story(group)
        names = [e.name for e in story.entities if e.type == "place"]
        places += sum(p is not None for p in resolve_places(names, story.evidence).values())
    story_s = time.perf_counter() - start

    n = len(articles)
    ratio = (extract_s + story_s) / spacy_s
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, 1 process; {dt.date.today().isoformat()}")  # fmt: skip
    print(f"model: {nlp.meta['name']} {nlp.meta['version']}, components: "
          f"{', '.join(required_components(nlp, ['ner']))}")  # fmt: skip
    print(f"articles: {n}  paragraphs: {len(paragraphs)}  words: {words}  stories: "
          f"{len(by_topic)}  places resolved: {places}")  # fmt: skip
    print(f"one-off load (model + word lists + gazetteer): {load_s:.2f} s")
    print(f"spaCy alone:            {n / spacy_s:8.1f} articles/s  ({spacy_s:.2f} s)")
    print(f"extraction alone:       {n / extract_s:8.1f} articles/s  ({extract_s:.3f} s)")
    print(f"story merge + places:   {n / story_s:8.1f} articles/s  ({story_s:.3f} s)")
    print(f"extraction over spaCy:  {100 * ratio:.1f} % (target <= 25 %)")


if __name__ == "__main__":
    main()
