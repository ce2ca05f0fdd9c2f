"""Big stories stay whole: fifty reports of one event form one story, among ECB+'s other events.

ECB+ events have at most 22 reports, so its scores cannot show whether clustering fragments
a story as large as a day of wide coverage makes. Here each of ECB+'s six largest sub-topics
is replaced by 50 reports written from its own documents (each report mixes sentences of
three of them, as outlets retell one event's facts), shuffled among the other documents.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from newsfuse.cluster import StoryIndex, recluster
from newsfuse.models import Article, Block, Metadata, Origin

DATA = (
    Path(
        os.environ.get(
            "NEWSFUSE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
        )
    )
    / "stories"
    / "docs.jsonl"
)
BIG, REPORTS = 6, 50
#: Share of a big story's reports its largest story must hold. Measured: 0.84-1.0 per story
#: incremental and 0.90-1.0 with recluster (docs/bench/stories.md).
WHOLE = 0.8
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _article(aid: str, title: str, paragraphs: list[str]) -> Article:
    blocks = tuple(Block(p) for p in paragraphs if p.strip())
    return Article(aid, aid, Origin(record_id=aid), "text", Metadata(headline=title), blocks)


def _corpus() -> tuple[list[Article], dict[str, str], list[str]]:
    docs: list[dict[str, Any]] = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by[d["subtopic"]].append(d)
    big = [s for s, _ in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:BIG]]
    rng = random.Random(1)
    articles = [_article(d["id"], d["title"], d["text"].split("\n")) for d in docs
                if d["subtopic"] not in big]  # fmt: skip
    gold = {d["id"]: d["subtopic"] for d in docs if d["subtopic"] not in big}
    for s in big:
        sentences = [[x for x in _SENTENCE.split(d["text"]) if len(x.split()) > 4] for d in by[s]]
        for k in range(REPORTS):
            sources = rng.sample(range(len(sentences)), 3)
            body: list[str] = []
            for j in sources:
                body += rng.sample(sentences[j], min(len(sentences[j]), rng.randint(2, 4)))
            rng.shuffle(body)
            aid = f"{s}_report{k}"
            paragraphs = [" ".join(body[m : m + 2]) for m in range(0, len(body), 2)]
            articles.append(_article(aid, by[s][sources[0]]["title"], paragraphs))
            gold[aid] = s
    rng.shuffle(articles)
    return articles, gold, big


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["incremental", "recluster"])
def test_fifty_reports_of_one_event_stay_one_story(mode: str) -> None:
    if not DATA.is_file():
        pytest.skip(f"{DATA} not found")
    articles, gold, big = _corpus()
    if mode == "incremental":
        index = StoryIndex()
        for article in articles:
            index.add(article)
        story = {a.id: index.story_of(a.id) for a in articles}
    else:
        story = {x.article_id: x.story_id for x in recluster(articles)}
    for s in big:
        counts = Counter(story[a] for a, g in gold.items() if g == s)
        assert counts.most_common(1)[0][1] >= WHOLE * REPORTS, (s, counts.most_common(3))
