"""Compare a story's sources: facts corroborated, single-sourced or in conflict, each cited."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsfuse.compare.conflicts import judge
from newsfuse.compare.context import StoryClaims, read_story
from newsfuse.compare.facts import group_facts
from newsfuse.compare.pairs import ClaimPairModel, pair_model
from newsfuse.models import Article, Claim, ClaimGroup, Comparison, Quote, Status, StoryInput

__all__ = ["COMPARE_VERSION", "compare", "outlet_label"]

#: Bump when a change makes :func:`compare` give other results: stored comparisons made by an
#: older version are then made again (newsfuse.pipeline.comparisons).
COMPARE_VERSION = 1


def compare(story: StoryInput, model: ClaimPairModel | None = None) -> Comparison:
    """Split a story's articles into claims, group the claims that state one fact, and judge
    each fact.

    Args:
        story: The story's articles with their analyses and lineages.
        model: The pair model deciding whether two claims state one fact; the shipped one
            (``data/claim_model.json``) when None.

    Returns:
        Every claim in one group: corroborated (with the number of independent sources and
        their outlets), single-source, or conflicting (with both sides). Articles are taken
        in publication order, then by id, so the result does not depend on input order.
    """
    context = read_story(story)
    claims = context.claims
    labels = {a.id: outlet_label(a) for a in context.articles}
    quotes = {aid: an.quotes for aid, an in story.analyses.items()}
    chosen = model or pair_model()
    facts = group_facts(context, chosen)
    index = {c.id: i for i, c in enumerate(claims)}

    def pair(x: Claim, y: Claim) -> float:
        return float(context.lexical[index[x.id], index[y.id]])

    def aligned(x: Claim, y: Claim) -> bool:
        return facts.probability(index[x.id], index[y.id]) >= chosen.align

    groups = []
    for members in facts.groups:
        mine = tuple(claims[i] for i in members)
        groups.append(_group(mine, context, pair, aligned, labels, quotes, facts.score(members)))
    position = {c.id: i for i, c in enumerate(claims)}
    groups.sort(key=lambda g: (-g.sources, position[g.claims[0].id]))
    sources = len(set(context.sources.values()))
    return Comparison(story.story_id, tuple(claims), tuple(groups), sources)


def _group(
    claims: tuple[Claim, ...],
    context: StoryClaims,
    pair: Callable[[Claim, Claim], float],
    aligned: Callable[[Claim, Claim], bool],
    labels: Mapping[str, str],
    quotes: Mapping[str, Sequence[Quote]],
    score: float,
) -> ClaimGroup:
    source_of = context.sources
    verdict = judge(claims, context.features, pair, source_of, quotes, aligned)
    sources = len({source_of[c.article_id] for c in claims})
    status: Status = (
        "conflicting" if verdict.conflict else "corroborated" if sources > 1 else "single-source"
    )
    outlets = tuple(sorted({labels[c.article_id] for c in claims}))
    return ClaimGroup(
        status, claims, sources, outlets, verdict.conflict, verdict.updates, round(score, 4)
    )


def outlet_label(article: Article) -> str:
    """How a brief names an article's outlet: outlet, site name, or the article id."""
    return article.meta.outlet or article.meta.site_name or f"article {article.id[:8]}"
