"""Events extracted per second, against the spaCy parse alone on the same paragraphs.

Usage::

    .venv/bin/python bench/bench_events.py [--rounds 3]

Reads the PLOVER gold sentences (``../shared/data/events``, ``NEWSFUSE_SHARED_DATA`` overrides
the root) as one-paragraph reports. Both sides parse with the same components; the event side
adds trigger finding, actor naming and merging. Best of ``rounds``, alternating, so that load
from other work on the shared machine hits both sides alike.
"""

from __future__ import annotations

import argparse
import json
import platform
import time

from eval_events import default_data

from newsfuse.compare_models import StoryInput
from newsfuse.dedupe import Lineage
from newsfuse.evaluate.events import load_gold
from newsfuse.extract.analyse import analyse
from newsfuse.extract.events import PARSE_COMPONENTS, story_events
from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.models import Article, Block, Metadata, Origin


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
    best_parse = best_events = float("inf")
    events = 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        parse(texts, PARSE_COMPONENTS, nlp)
        middle = time.perf_counter()
        events = sum(len(story_events(s, nlp)) for s in stories)
        ended = time.perf_counter()
        best_parse = min(best_parse, middle - started)
        best_events = min(best_events, ended - middle)
    print(
        json.dumps(
            {
                "sentences": len(texts),
                "events": events,
                "events_per_s": events / best_events,
                "sentences_per_s_events": len(texts) / best_events,
                "sentences_per_s_parse": len(texts) / best_parse,
                "ratio_to_parse": best_events / best_parse,
                "python": platform.python_version(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
