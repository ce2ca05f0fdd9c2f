"""Claims grouped into facts: candidate pairs, the pair model's probability, average linkage.

A group is one fact: every claim that states it, in every report (a report may give it in more
than one sentence). Copies never take part: a claim of a copy that repeats its original's
claim word for word is folded into that claim's group afterwards, so adding or removing a copy
changes no group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from newsfuse.compare.align import (
    Similarity,
    group_claims,
    name_words,
    report_numbers,
    split_group,
)
from newsfuse.compare.context import StoryClaims
from newsfuse.compare.pairs import ClaimPairModel

__all__ = ["FactGroups", "group_facts"]

#: Candidate partners per claim by sentence-embedding cosine, besides the lexical ones. Wide
#: enough that a fact told by every report of a 50-report story finds its partners; the
#: pair model decides.
NEIGHBOURS = 12
#: Candidate pairs by weighted overlap of words, entities, figures and dates
#: (:func:`newsfuse.compare.align.similarity`), whatever their cosine.
LEXICAL = 0.15

#: Pair probabilities of the grouped claims: ``(i, j) -> p`` with ``i < j``.
Probabilities = dict[tuple[int, int], float]
#: (claim, other report) -> the claim's likeliest candidate partners in that report.
Partners = dict[tuple[int, str], set[int]]


class FactGroups:
    """The groups (indices into the claims, in story order) and the pair probabilities.

    Attributes:
        groups: Every claim in a group.
        probability: P(same fact) of any two claims (scored when first asked).
        candidates: The scored candidate pairs, ``(i, j) -> p`` with ``i < j``.
        articles: Each claim's article id, by index.
        partners: (claim, other report) -> its likeliest candidate partners there
            (made from ``candidates`` when not given).
    """

    def __init__(
        self,
        groups: list[list[int]],
        probability: Callable[[int, int], float],
        candidates: Probabilities | None = None,
        articles: Sequence[str] = (),
        partners: Partners | None = None,
    ) -> None:
        self.groups = groups
        self.probability = probability
        self.candidates = candidates or {}
        self.articles = articles
        self.partners = _best_partners(self.candidates, articles) if partners is None else partners

    def support(self, group: Sequence[int]) -> tuple[float, ...]:
        """Per claim of a group, its mean pair probability with the group's other claims
        (1.0 alone): how surely the model holds it to state the group's fact."""
        if len(group) < 2:
            return (1.0,) * len(group)
        return tuple(
            sum(self.probability(a, b) for b in group if b != a) / (len(group) - 1) for a in group
        )

    def linked_apart(self, link: float) -> list[tuple[int, int]]:
        """Pairs of claims of two reports that the model aligns (probability at least
        ``link``, each among the other's likeliest partners in its report) but that sit in
        no group together: the grouping kept them apart (a report states a fact once; average
        linkage). Strongest first."""
        together = {(a, b) for g in self.groups for a in g for b in g}
        found = [
            (p, a, b)
            for (a, b), p in self.candidates.items()
            if p >= link
            and self.articles[a] != self.articles[b]
            and (a, b) not in together
            and _mutual(self.partners, self.articles, a, b)
        ]
        return [(a, b) for _, a, b in sorted(found, key=lambda t: (-t[0], t[1], t[2]))]


def group_facts(context: StoryClaims, model: ClaimPairModel) -> FactGroups:
    """Group a story's claims that state one fact.

    Claims that copy an earlier claim of their source word for word (``context.folded``) join
    that claim's group and take no part in grouping. Word overlap alone never joins two claims
    that quote different speakers; the pair model may.

    Args:
        context: The story's claims and what the pair model reads of them.
        model: The pair model (its ``align`` probability links two claims).

    Returns:
        Every claim in one group, or in two when its sentence states a second fact that
        another report states (a pair of its own); groups in story order of their first
        claim.
    """
    folded = context.folded
    active = [i for i in range(len(context.claims)) if i not in folded]
    probs = _probabilities(context, active, model)
    candidates = dict(probs)

    def probability(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in probs:
            probs[key] = float(model.probability([context.row(i, j)])[0])
        return probs[key]

    articles = [c.article_id for c in context.claims]
    base, second = _lexical_groups(context, active)
    speakers = [name_words(view.speakers) for view in context.views]

    def others_said(i: int, j: int) -> bool:
        # Words of two different speakers are two facts, however alike ("He added, ..." and
        # "The State Department said ..."), unless the pair model holds them one. Speakers
        # with a name word in common are one ("Lauten" / "Elizabeth Lauten").
        x, y = speakers[i], speakers[j]
        return bool(x) and bool(y) and not x & y and probability(i, j) < model.align

    base = [part for group in base for part in split_group(group, others_said)]
    second = [part for g in second for part in split_group(g, others_said) if len(part) > 1]
    partners = _best_partners(candidates, articles)
    linked = _average_linkage(base, probs, model.align, probability, articles, partners)
    paired = {i for g in second for i in g}
    # A claim alone in its group says no other report states its fact; one that a
    # second-fact group pairs with another report's claim is not alone.
    groups = [g for g in linked if len(g) > 1 or g[0] not in paired] + second
    for copy, original in sorted(folded.items()):
        for group in groups:
            if original in group:
                group.append(copy)
    ordered = sorted((sorted(g) for g in groups), key=lambda g: g[0])
    return FactGroups(ordered, probability, candidates, articles, partners)


def _probabilities(context: StoryClaims, active: list[int], model: ClaimPairModel) -> Probabilities:
    """P(same fact) of the candidate pairs among ``active`` claims: each claim's nearest
    neighbours by cosine, and the pairs whose weighted overlap is high."""
    if len(active) < 2:
        return {}
    sub = context.vectors[active]
    cosine = sub @ sub.T
    lexical = _among(context.lexical, active)
    n = len(active)
    k = min(NEIGHBOURS, n - 1)
    # Every row's k nearest at once; a claim is never its own neighbour. argpartition selects
    # in each row as it does in a row alone.
    scores = -cosine
    np.fill_diagonal(scores, np.inf)
    near = np.argpartition(scores, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(n), k)
    cols = near.reshape(-1)
    lexical_rows, lexical_cols = np.nonzero(np.triu(lexical >= LEXICAL, k=1))
    # Each pair once, ordered as sorted (i, j) tuples would be.
    keys = np.unique(
        np.concatenate(
            (np.minimum(rows, cols) * n + np.maximum(rows, cols), lexical_rows * n + lexical_cols)
        )
    )
    index = np.asarray(active)
    pairs = list(zip(index[keys // n].tolist(), index[keys % n].tolist(), strict=True))
    # All rows at once: a big story has hundreds of thousands of candidates.
    values = model.probability(context.rows(pairs))
    return {pair: float(p) for pair, p in zip(pairs, values, strict=True)}


def _among(matrix: npt.NDArray[np.float64], active: list[int]) -> npt.NDArray[np.float64]:
    """The rows and columns of ``active`` claims; the matrix itself, not an n x n copy, when
    every claim is active (a story without copies)."""
    if len(active) == len(matrix):
        return matrix  # ``active`` is ascending: all of them is the matrix in its order
    return matrix[np.ix_(active, active)]


#: A report states a fact once; a second sentence of one report joins the fact only when it
#: restates the first this surely (a lead repeated lower down). Set by hand, above any
#: grouping probability the fitting script chooses.
RESTATES = 0.8


def _once_per_report(
    xs: list[int], ys: list[int], article: Sequence[str], probability: Callable[[int, int], float]
) -> bool:
    """Whether two groups may merge: claims of one report in both restate each other."""
    return all(probability(x, y) >= RESTATES for x in xs for y in ys if article[x] == article[y])


#: How many likeliest partners per claim and other report a link may use (mutual).
PARTNERS = 2


def _best_partners(candidates: Probabilities, article: Sequence[str]) -> Partners:
    """(claim, other report) -> its PARTNERS likeliest candidate claims in that report (the
    lower claim first among equally likely ones), chosen for every claim with one sort."""
    if not candidates:
        return {}
    reports, report = report_numbers(article)
    pairs = np.asarray(list(candidates), dtype=np.int64)
    p = np.fromiter(candidates.values(), dtype=np.float64, count=len(candidates))
    a, b = pairs[:, 0], pairs[:, 1]
    apart = report[a] != report[b]
    claim = np.concatenate((a[apart], b[apart]))
    other = np.concatenate((b[apart], a[apart]))
    where = report[other]
    likely = -np.concatenate((p[apart], p[apart]))
    order = np.lexsort((other, likely, where, claim))  # by (claim, report), then (-p, other)
    claim, where, other = claim[order], where[order], other[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (claim[1:] != claim[:-1]) | (where[1:] != where[:-1])
    start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
    kept = np.arange(len(order)) - start < PARTNERS
    out: Partners = {}
    for c, w, o in zip(
        claim[kept].tolist(), where[kept].tolist(), other[kept].tolist(), strict=True
    ):
        out.setdefault((c, reports[w]), set()).add(o)
    return out


def _mutual(best: Partners, article: Sequence[str], a: int, b: int) -> bool:
    """Whether two claims of two reports are each among the other's likeliest partners."""
    return b in best.get((a, article[b]), ()) and a in best.get((b, article[a]), ())


def _lexical_groups(
    context: StoryClaims, active: list[int]
) -> tuple[list[list[int]], list[list[int]]]:
    """The groups word, entity, figure and date overlap alone makes
    (:func:`newsfuse.compare.align.group_claims`: one claim per report), and the pairs of a
    sentence that states a second fact, which stand as groups of their own."""
    over = context.overlap
    sub = Similarity(
        _among(over.score, active), _among(over.words, active), _among(over.entities, active)
    )
    found = [[active[k] for k in g] for g in group_claims([context.claims[i] for i in active], sub)]
    seen: set[int] = set()
    base, second = [], []
    for group in found:
        if seen.isdisjoint(group):
            base.append(group)
            seen.update(group)
        else:
            second.append(group)
    return base, second


def _average_linkage(
    seeds: list[list[int]],
    candidates: Probabilities,
    link: float,
    probability: Callable[[int, int], float],
    article: Sequence[str],
    best: Partners,
) -> list[list[int]]:
    """Merge groups along candidate pairs, strongest first, while the mean probability over
    every pair of claims between the two groups stays at least ``link`` (average linkage: a
    chain of pairwise matches cannot join unrelated facts). Pairs that were no candidate are
    scored when a merge needs them."""
    members: dict[int, list[int]] = {g[0]: list(g) for g in seeds}
    group_of = {i: g[0] for g in seeds for i in g}
    # Only the pairs at least this likely are ever merged along: only they are sorted.
    strong = [(pair, p) for pair, p in candidates.items() if p >= link]
    for (a, b), _ in sorted(strong, key=lambda kv: (-kv[1], kv[0])):
        if article[a] != article[b] and not _mutual(best, article, a, b):
            continue  # not among each other's likeliest partners in the other report
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        xs, ys = members[ga], members[gb]
        if not _once_per_report(xs, ys, article, probability):
            continue
        if sum(probability(x, y) for x in xs for y in ys) / (len(xs) * len(ys)) < link:
            continue
        keep, drop = min(ga, gb), max(ga, gb)
        for x in members[drop]:
            group_of[x] = keep
        members[keep].extend(members.pop(drop))
    return list(members.values())
