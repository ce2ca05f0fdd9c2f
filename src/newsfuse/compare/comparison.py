"""Compare a story's sources: facts corroborated, single-sourced or in conflict, each cited."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsfuse.compare.conflicts import judge
from newsfuse.compare.context import StoryClaims, read_story
from newsfuse.compare.facts import FactGroups, group_facts
from newsfuse.compare.pairs import ClaimPairModel, pair_model
from newsfuse.models import Article, Claim, ClaimGroup, Comparison, Quote, Status, StoryInput

__all__ = ["COMPARE_VERSION", "compare", "outlet_label"]

#: Bump when a change makes :func:`compare` give other results: stored comparisons made by an
#: older version are then made again (newsfuse.pipeline.comparisons).
COMPARE_VERSION = 8


def compare(story: StoryInput, model: ClaimPairModel | None = None) -> Comparison:
    """Split a story's articles into claims, group the claims that state one fact, and judge
    each fact.

    Args:
        story: The story's articles with their analyses and lineages.
        model: The pair model deciding whether two claims state one fact; the shipped one
            (``data/claim_model.json``) when None.

    Returns:
        Every claim in one group: corroborated (with the number of independent sources and
        their outlets), single-source, or conflicting (with both sides). Two claims the pair
        model aligns but the grouping kept in two facts, when they disagree, also make a
        conflicting group of their own. Articles are taken in publication order, then by id,
        so the result does not depend on input order.
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
    for members in facts.groups + _disputes(facts, context, pair, aligned, quotes, chosen.align):
        mine = tuple(claims[i] for i in members)
        groups.append(_group(mine, context, pair, aligned, labels, quotes, facts.support(members)))
    position = {c.id: i for i, c in enumerate(claims)}
    groups.sort(key=lambda g: (-g.sources, position[g.claims[0].id]))
    sources = len(set(context.sources.values()))
    return Comparison(story.story_id, tuple(claims), tuple(groups), sources)


def _disputes(
    facts: FactGroups,
    context: StoryClaims,
    pair: Callable[[Claim, Claim], float],
    aligned: Callable[[Claim, Claim], bool],
    quotes: Mapping[str, Sequence[Quote]],
    link: float,
) -> list[list[int]]:
    """Claims the pair model aligns as one fact that the grouping kept in two facts, and that
    disagree on a slot: each such set is a conflict of its own ("$3.5 billion" in one report's
    fact, "$3.6 billion" in another's). Disputes that share a claim make one conflict."""
    claims, source_of = context.claims, context.sources
    found: list[set[int]] = []
    for i, j in facts.linked_apart(link):
        # judge() passes over two claims of one origin (a copy does not contradict itself).
        pair_of = (claims[i], claims[j])
        if judge(pair_of, context.features, pair, source_of, quotes, aligned).conflict is None:
            continue
        joined = {i, j}
        for dispute in [d for d in found if d & joined]:
            joined |= dispute
            found.remove(dispute)
        found.append(joined)
    return sorted((sorted(d) for d in found), key=lambda d: d[0])


def _group(
    claims: tuple[Claim, ...],
    context: StoryClaims,
    pair: Callable[[Claim, Claim], float],
    aligned: Callable[[Claim, Claim], bool],
    labels: Mapping[str, str],
    quotes: Mapping[str, Sequence[Quote]],
    support: tuple[float, ...],
) -> ClaimGroup:
    """A group judged: its status, sources, outlets, conflict and updates; its score is the
    mean pair probability inside it, the mean of its claims' support."""
    source_of = context.sources
    verdict = judge(claims, context.features, pair, source_of, quotes, aligned)
    sources = len({source_of[c.article_id] for c in claims})
    status: Status = (
        "conflicting" if verdict.conflict else "corroborated" if sources > 1 else "single-source"
    )
    outlets = tuple(sorted({labels[c.article_id] for c in claims}))
    return ClaimGroup(
        status,
        claims,
        sources,
        outlets,
        verdict.conflict,
        verdict.updates,
        round(sum(support) / len(support), 4),
        tuple(round(s, 4) for s in support),
    )


def outlet_label(article: Article) -> str:
    """How a brief names an article's outlet: outlet, site name, or the article id."""
    return article.meta.outlet or article.meta.site_name or f"article {article.id[:8]}"
