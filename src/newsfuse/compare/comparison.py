"""Compare a story's sources: facts corroborated, single-sourced or in conflict, each cited."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsfuse.compare.align import ALIGN, group_claims, mean_score, similarity
from newsfuse.compare.claims import ClaimFeatures, story_claims
from newsfuse.compare.conflicts import judge
from newsfuse.models import (
    Article,
    Claim,
    ClaimGroup,
    Comparison,
    Lineage,
    Quote,
    Status,
    StoryInput,
)

__all__ = ["compare", "outlet_label", "source_keys"]


def compare(story: StoryInput, align: float = ALIGN) -> Comparison:
    """Split a story's articles into claims, align them across sources and judge each fact.

    Args:
        story: The story's articles with their analyses and lineages.
        align: Similarity from which two claims state one fact (see `compare.align.ALIGN`).

    Returns:
        Every claim, grouped: corroborated (with the number of independent sources and
        their outlets), single-source, or conflicting (with both sides). Articles are taken
        in publication order, then by id, so the result does not depend on input order.
    """
    articles = ordered(story.articles)
    claims, features = story_claims(articles, [story.analyses.get(a.id) for a in articles])
    sim = similarity(claims, features)
    score = sim.score
    source_of = source_keys(articles, story.lineages)
    labels = {a.id: outlet_label(a) for a in articles}
    quotes = {aid: an.quotes for aid, an in story.analyses.items()}
    index = {c.id: i for i, c in enumerate(claims)}

    def pair(x: Claim, y: Claim) -> float:
        return float(score[index[x.id], index[y.id]])

    groups = []
    for members in group_claims(claims, sim, align):
        mine = tuple(claims[i] for i in members)
        groups.append(
            _group(mine, features, pair, source_of, labels, quotes, mean_score(members, score))
        )
    position = {c.id: i for i, c in enumerate(claims)}
    groups.sort(key=lambda g: (-g.sources, position[g.claims[0].id]))
    return Comparison(story.story_id, tuple(claims), tuple(groups), len(set(source_of.values())))


def _group(
    claims: tuple[Claim, ...],
    features: Mapping[str, ClaimFeatures],
    pair: Callable[[Claim, Claim], float],
    source_of: Mapping[str, str],
    labels: Mapping[str, str],
    quotes: Mapping[str, Sequence[Quote]],
    score: float,
) -> ClaimGroup:
    verdict = judge(claims, features, pair, source_of, quotes)
    sources = len({source_of[c.article_id] for c in claims})
    status: Status = (
        "conflicting" if verdict.conflict else "corroborated" if sources > 1 else "single-source"
    )
    outlets = tuple(sorted({labels[c.article_id] for c in claims}))
    return ClaimGroup(
        status, claims, sources, outlets, verdict.conflict, verdict.updates, round(score, 4)
    )


def ordered(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication stamp (undated last), then id: the story order."""
    return sorted(articles, key=lambda a: (a.meta.published or "~", a.id))


def outlet_label(article: Article) -> str:
    """How a brief names an article's outlet: outlet, site name, or the article id."""
    return article.meta.outlet or article.meta.site_name or f"article {article.id[:8]}"


def source_keys(articles: Sequence[Article], lineages: Mapping[str, Lineage]) -> dict[str, str]:
    """Article id -> the key of its independent source, as `dedupe.independent_sources`
    counts them: copies share their original's key, and articles crediting one wire service
    share ``wire:<service>``. An article without a lineage is its own origin."""
    found = {a.id: lineages.get(a.id) for a in articles}
    credit: dict[str, str] = {}
    for lin in sorted((x for x in found.values() if x and x.credit), key=lambda x: x.credit or ""):
        credit[lin.original] = lin.credit or ""
    out = {}
    for aid, found_lin in found.items():
        original = found_lin.original if found_lin else aid
        out[aid] = f"wire:{credit[original]}" if original in credit else original
    return out


def similarity_matrix(story: StoryInput) -> tuple[list[Claim], np.ndarray]:
    """The story's claims and their pairwise similarity (for evaluation and inspection)."""
    articles = ordered(story.articles)
    claims, features = story_claims(articles, [story.analyses.get(a.id) for a in articles])
    return claims, similarity(claims, features).score
