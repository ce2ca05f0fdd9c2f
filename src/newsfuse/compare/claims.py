"""Split a story's articles into claims, each with the entities, figures and dates it states."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.compare.figures import quantities
from newsfuse.compare.words import clauses, content_words
from newsfuse.merge.entities import canonicalise_story
from newsfuse.models import Analysis, Article, Claim, DateRef
from newsfuse.text import sentence_spans

#: Date granularities that place a fact in time (durations, sets and "now" do not).
_DATED = frozenset({"day", "part_of_day", "time", "week", "weekend", "month", "quarter", "year"})


@dataclass(frozen=True)
class _Span:
    """An entity mention of a paragraph, mapped to its story entity."""

    start: int
    end: int
    entity: str
    type: str


@dataclass(frozen=True)
class ClaimFeatures:
    """What the aligner compares: content concepts, entities, figures and dates of a claim."""

    words: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]
    sequence: tuple[str, ...]  # content concepts in order, entities as "E:<id>"

    def all(self) -> frozenset[str]:
        """Every feature, prefixed by kind so that they never collide."""
        return (
            self.words
            | {"E:" + e for e in self.entities}
            | {"Q:" + n for n in self.numbers}
            | {"D:" + d for d in self.dates}
        )


#: Most claims one report contributes to a comparison: its first ones. The comparison's
#: pairwise arrays grow with the square of a story's claims (a 20 MB page of 20,000 sentences
#: needed 8 GB). The longest report of the evaluation data has about 150 sentences (ECB+;
#: BASIL 114), some of which a clause split doubles.
MAX_REPORT_CLAIMS = 400
#: Most claims of a whole story (about 1 GB of pairwise arrays); a story of many reports
#: takes fewer from each, but never fewer than its first LEAD_CLAIMS.
MAX_STORY_CLAIMS = 6000
LEAD_CLAIMS = 12


def story_claims(
    articles: Sequence[Article], analyses: Sequence[Analysis | None], whole: bool = False
) -> tuple[list[Claim], dict[str, ClaimFeatures]]:
    """Split every article of a story into claims, entities resolved across the story.

    Args:
        articles: The story's articles.
        analyses: One analysis per article (None when missing: claims then carry no
            entities, quotes or dates).
        whole: Each paragraph is one claim, uncut (for sentence pairs given as paragraphs,
            as the pair model's training data is).

    Returns:
        The claims in story order and the comparison features of each, by claim id.
    """
    present = [a for a in analyses if a is not None]
    merged = canonicalise_story([a.entities for a in present])
    types = {e.id: e.type for e in merged.entities}
    members = {a.article_id: m for a, m in zip(present, merged.members, strict=True)}
    claims: list[Claim] = []
    features: dict[str, ClaimFeatures] = {}
    limit = min(MAX_REPORT_CLAIMS, max(LEAD_CLAIMS, MAX_STORY_CLAIMS // max(len(articles), 1)))
    for article, analysis in zip(articles, analyses, strict=True):
        spans = _entity_spans(analysis, members.get(article.id, {}), types)
        for claim, feats in _article_claims(article, analysis, spans, whole, limit):
            claims.append(claim)
            features[claim.id] = feats
    return claims, features


def _entity_spans(
    analysis: Analysis | None, members: Mapping[str, str], types: Mapping[str, str]
) -> dict[int, list[_Span]]:
    out: dict[int, list[_Span]] = {}
    if analysis is None:
        return out
    for entity in analysis.entities.entities:
        story_id = members.get(entity.id, entity.id)
        for m in entity.mentions:
            span = _Span(m.start, m.end, story_id, types.get(story_id, entity.type))
            out.setdefault(m.paragraph, []).append(span)
    for spans in out.values():
        spans.sort(key=lambda s: (s.start, s.end))
    return out


def _article_claims(
    article: Article,
    analysis: Analysis | None,
    spans: dict[int, list[_Span]],
    whole: bool,
    limit: int,
) -> list[tuple[Claim, ClaimFeatures]]:
    out: list[tuple[Claim, ClaimFeatures]] = []
    for p, block in enumerate(article.body):
        if len(out) >= limit:
            return out[:limit]
        if block.kind != "paragraph":
            continue  # subheads label a section; they state no fact of their own
        text = block.text
        dates = [
            d.mention
            for d in (analysis.dates if analysis else ())
            if d.paragraph == p and not d.caption
        ]
        date_spans = [(d.start, d.end) for d in dates]
        quote_at = [
            (i, q.start)
            for i, q in enumerate(analysis.quotes if analysis else ())
            if q.paragraph == p
        ]
        parsed = analysis.sentences if analysis else ()
        stored = None if whole or p >= len(parsed) else parsed[p]
        for s, (s_start, s_end) in enumerate(sentence_spans(text, stored)):
            cut = [(s_start, s_end)] if whole else clauses(text, s_start, s_end)
            for k, (start, end) in enumerate(cut):
                mine = [x for x in spans.get(p, []) if start <= x.start < end]
                ents = tuple(dict.fromkeys(x.entity for x in mine))
                refs = tuple(
                    DateRef(d.text, d.value, d.granularity, d.status)
                    for d in dates
                    if start <= d.start < end
                    and d.value
                    and d.granularity in _DATED
                    and d.kind == "date"
                    and d.status != "unresolved"
                )
                local = [(a - start, b - start) for a, b in date_spans if start <= a < end]
                qty = tuple(quantities(text[start:end], local))
                claim = Claim(
                    id=f"{article.id}:{p}.{s}" + (f".{k}" if k else ""),
                    article_id=article.id,
                    outlet=article.meta.outlet,
                    paragraph=p,
                    sentence=s,
                    start=start,
                    end=end,
                    text=text[start:end],
                    entities=ents,
                    places=tuple(e for e in ents if _type(mine, e) == "place"),
                    people=tuple(e for e in ents if _type(mine, e) == "person"),
                    quantities=qty,
                    dates=refs,
                    quotes=tuple(i for i, at in quote_at if start <= at < end),
                    published=article.meta.published,
                )
                out.append((claim, _features(text, start, end, mine, claim)))
    return out[:limit]


def _type(spans: list[_Span], entity: str) -> str:
    return next(s.type for s in spans if s.entity == entity)


def _features(text: str, start: int, end: int, spans: list[_Span], claim: Claim) -> ClaimFeatures:
    """Content concepts outside entity mentions, plus entity ids, figures and day dates."""
    seq: list[tuple[int, str]] = [(s.start, "E:" + s.entity) for s in spans]
    words = set()
    for a, _, word in content_words(text[start:end]):
        if any(s.start <= a + start < s.end for s in spans):
            continue  # the entity id stands for the words of its mention
        words.add(word)
        seq.append((a + start, word))
    seq.sort()
    return ClaimFeatures(
        words=frozenset(words),
        entities=frozenset(claim.entities),
        numbers=frozenset(f"{q.unit}:{q.value:g}" for q in claim.quantities),
        dates=frozenset(d.value[:10] for d in claim.dates if d.granularity == "day"),
        sequence=tuple(w for _, w in seq),
    )
