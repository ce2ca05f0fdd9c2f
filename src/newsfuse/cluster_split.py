"""Split refinement of batch stories: a story made of two events is cut in two."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

Vectors = dict[str, dict[str, float]]  # channel -> term -> weight (unit length per channel)
Matrix = npt.NDArray[np.float64]

#: A story is cut in two when the mean similarity between its two parts is below this share
#: of the cohesion (mean pairwise similarity) of the looser part. Relative, where a global
#: threshold is not: two events of one kind are more alike than unrelated stories, but less
#: alike than each event's own reports. Calibrated on the odd ECB+ topics only (grid 0.60-0.72
#: in steps of 0.01 over the average-linkage stories: best recluster B-cubed F1 0.910 at
#: 0.67, 0.898 at 0.65-0.66 and 0.902 at 0.68); even topics 0.921, see docs/bench/stories.md.
SPLIT_RATIO = 0.67
#: Smallest story that is checked: each part must keep two reports, whose one pair says
#: how cohesive it is.
SPLIT_MIN = 4
SPLIT_PART = 2
#: Largest story that is checked. The check reads every pair of its reports, so a cap keeps
#: a large batch linear; stories of one event rarely reach it (ECB+ has at most 30 per event).
SPLIT_MAX = 256
#: Rounds of the 2-means reassignment; it settles in a few on real stories.
ROUNDS = 30


def similarity_matrix(vecs: Sequence[Vectors], weights: Mapping[str, float]) -> Matrix:
    """Weighted channel cosine of every pair of articles, as :func:`average_linkage` scores it."""
    columns: dict[tuple[str, str], int] = {}
    for vec in vecs:
        for channel in weights:
            for term in vec.get(channel, {}):
                columns.setdefault((channel, term), len(columns))
    dense = np.zeros((len(vecs), max(len(columns), 1)))
    total = sum(weights.values())
    for row, vec in enumerate(vecs):
        for channel, w in weights.items():
            scale = np.sqrt(w / total)
            for term, x in vec.get(channel, {}).items():
                dense[row, columns[(channel, term)]] = x * scale
    return dense @ dense.T


def _two_means(sims: Matrix) -> npt.NDArray[np.bool_]:
    """Cut a story in two; ``True`` marks the reports of the second part.

    The seeds are its least similar pair; then each report moves to the part it is closer to
    on average (itself left out) until nothing moves. Ties go to the first part and the seed
    pair is the first least similar one in canonical order, so the cut depends only on the
    set of reports.
    """
    n = len(sims)
    off = sims.copy()
    np.fill_diagonal(off, np.inf)
    i, j = divmod(int(np.argmin(off)), n)
    np.fill_diagonal(off, 0.0)
    second = sims[:, j] > sims[:, i]
    second[i], second[j] = False, True
    for _ in range(ROUNDS):
        member = np.stack([~second, second], axis=1).astype(np.float64)
        counts = member.sum(axis=0)[None, :] - member  # each report's part without itself
        means = np.where(counts > 0, (off @ member) / np.maximum(counts, 1.0), -1.0)
        moved = means[:, 1] > means[:, 0]
        if (moved == second).all() or moved.all() or not moved.any():
            break
        second = moved
    return second


def _cohesion(sims: Matrix, part: list[int]) -> float:
    block = sims[np.ix_(part, part)]
    return float((block.sum() - np.trace(block)) / (len(part) * (len(part) - 1)))


def _split(sims: Matrix, members: list[int]) -> list[list[int]]:
    """The parts of one story, recursively cut while the cut is clear enough."""
    if not SPLIT_MIN <= len(members) <= SPLIT_MAX:
        return [members]
    local = sims[np.ix_(members, members)]
    second = _two_means(local)
    a = [k for k in range(len(members)) if not second[k]]
    b = [k for k in range(len(members)) if second[k]]
    if min(len(a), len(b)) < SPLIT_PART:
        return [members]
    between = float(local[np.ix_(a, b)].mean())
    if between >= SPLIT_RATIO * min(_cohesion(local, a), _cohesion(local, b)):
        return [members]
    return _split(sims, [members[k] for k in a]) + _split(sims, [members[k] for k in b])


def split_stories(
    vecs: Sequence[Vectors], roots: Sequence[int], weights: Mapping[str, float]
) -> list[int]:
    """Cut each story whose reports fall into two clearly apart parts, recursively.

    Args:
        vecs: Unit vectors per channel of each article, in canonical order.
        roots: For each article, the position of the first article of its story.
        weights: Channel weights of the similarity.

    Returns:
        For each article, the position of the first article of its (possibly smaller) story.
    """
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        groups.setdefault(root, []).append(i)
    out = list(roots)
    for members in groups.values():
        if not SPLIT_MIN <= len(members) <= SPLIT_MAX:
            continue
        sims = similarity_matrix([vecs[i] for i in members], weights)
        for part in _split(sims, list(range(len(members)))):
            first = members[part[0]]
            for k in part:
                out[members[k]] = first
    return out
