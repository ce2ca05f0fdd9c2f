"""Event coding speed: reading mentions off the parse, and coding stories from them.

Usage::

    .venv/bin/python bench/bench_events.py [--rounds 3]

Reads the PLOVER gold sentences (``../shared/data/events``, ``NEWSFUSE_SHARED_DATA`` overrides
the root) as one-paragraph reports. Three timings, best of ``rounds``, alternating so that load
from other work on the shared machine hits all alike: the spaCy parse alone (the components
analysis runs); reading event mentions off those parses (done once per report, at analysis);
and coding each report as a one-report story from its stored mentions (entity naming, places,
merging: what re-coding a story costs when a report joins it).
"""

from __future__ import annotations

import argparse
import json
import platform
import time

from eval_events import default_data

from newsfuse.evaluate.events import load_gold
from newsfuse.extract.analyse import _NEEDED, analyse
from newsfuse.extract.events.read import article_drafts
from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.merge.events import story_events
from newsfuse.models import Article, Block, Lineage, Metadata, Origin, StoryInput


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    nlp = load_nlp()
    texts = [g.text for g in load_gold(default_data() / "dev.jsonl")]
    articles = [
        Article(
            str(i),
            str(i),
            Origin(record_id=str(i)),
            "text",
            Metadata(published="2024-12-13"),
            (Block(t),),
        )
        for i, t in enumerate(texts)
    ]
    analyses = {a.article_id: a for a in analyse(articles, nlp)}
    lineages = {a.id: Lineage(a.id, None, 0.0, "independent", a.id) for a in articles}
    stories = [
        StoryInput(a.id, [a], {a.id: analyses[a.id]}, {a.id: lineages[a.id]}) for a in articles
    ]
    story_events(stories[0], nlp)  # warm-up
    best = {"parse": float("inf"), "read": float("inf"), "code": float("inf")}
    events = 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        docs = parse(texts, _NEEDED, nlp)
        parsed = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):
            a = analyses[article.id]
            article_drafts(article, a.quotes, a.dates, a.entities.entities, [doc])
        read = time.perf_counter()
        events = sum(len(story_events(s, nlp)) for s in stories)
        ended = time.perf_counter()
        for key, took in (("parse", parsed - started), ("read", read - parsed),
                          ("code", ended - read)):  # fmt: skip
            best[key] = min(best[key], took)
    n = len(texts)
    print(
        json.dumps(
            {
                "sentences": n,
                "events": events,
                "sentences_per_s_parse": n / best["parse"],
                "sentences_per_s_read": n / best["read"],
                "read_over_parse": best["read"] / best["parse"],
                "stories_per_s_code": n / best["code"],
                "ms_per_story_code": 1000 * best["code"] / n,
                "python": platform.python_version(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
