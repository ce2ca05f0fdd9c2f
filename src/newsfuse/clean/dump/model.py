"""The line classifier: gradient-boosted trees stored as JSON, evaluated with numpy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.features import FEATURES
from newsfuse.data import load_json

FloatArray = npt.NDArray[np.float64]

# Lines scored at a time: scoring takes ~5 kB a line (every split test of every tree), so a
# chunk holds ~20 MB whatever the page's length; lines are scored independently, so the
# probabilities are those of one pass over all lines.
CHUNK_LINES = 4096


def _unchecked() -> None:
    pass


@dataclass(frozen=True)
class LineModel:
    """Boosted regression trees of one fixed depth, padded to complete binary trees.

    Tree ``t`` keeps its split features and thresholds in breadth-first order
    (``2**depth - 1`` nodes) and its leaf values in ``leaves[t]`` (``2**depth`` leaves), so
    that all trees descend one level at a time over all lines in a single numpy step.
    """

    features: tuple[str, ...]
    depth: int
    bias: float
    split_feature: npt.NDArray[np.int64]  # (trees, 2**depth - 1)
    split_threshold: FloatArray  # (trees, 2**depth - 1)
    leaves: FloatArray  # (trees, 2**depth)
    threshold: float = 0.5  # probability above which a line is body
    meta: dict[str, Any] = field(default_factory=dict)

    def predict(self, rows: FloatArray, check: Callable[[], None] = _unchecked) -> FloatArray:
        """Probability that each row's line belongs to the article body.

        Rows are scored `CHUNK_LINES` at a time, calling ``check`` before each chunk (a
        time budget raises there).

        All distinct split tests of all trees are evaluated at once, one row of outcomes per
        test (lines along the contiguous axis); each tree's outcomes, packed into one small
        integer, index a table that maps them to the leaf the tree would reach.

        Args:
            rows: Feature matrix, one row per line, columns in ``self.features`` order.
            check: Called before each chunk.

        Returns:
            One probability per row.
        """
        if not len(rows):
            return np.zeros(0)
        parts = []
        for start in range(0, len(rows), CHUNK_LINES):
            check()
            parts.append(self._predict(rows[start : start + CHUNK_LINES]))
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def _predict(self, rows: FloatArray) -> FloatArray:
        """`predict` of one chunk of rows, all at once."""
        # The trees were fitted on float32 features (scikit-learn's tree dtype): a value is
        # rounded to float32 and compared with the float64 threshold, which gives the same
        # outcome as comparing it with the threshold rounded down to float32 (`_tests`).
        columns = np.asarray(rows, dtype=np.float32).T
        feature, threshold, node_test = self._tests
        outcome = (columns[feature] > threshold[:, None]).view(np.uint8)  # (tests, lines)
        # (nodes, trees, lines): the outcome of node k of every tree, for each line
        nodes = outcome[node_test].astype(self._node_bits.dtype, copy=False)
        code = (nodes * self._node_bits).sum(axis=0, dtype=self._node_bits.dtype)
        # Leaf values gathered as (lines, trees) and summed along a row: the same order of
        # additions, hence the same probabilities, as a per-line loop over the trees.
        leaf = self._leaf_values.take(code.T + self._tree_offsets)
        score = self.bias + leaf.sum(axis=1)
        probs: FloatArray = 1.0 / (1.0 + np.exp(-score))
        return probs

    @cached_property
    def _tests(
        self,
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float32], npt.NDArray[np.intp]]:
        """The distinct (feature, threshold) tests, and the test of node k of each tree.

        Thresholds are rounded down to float32: for a float32 value x and a float64
        threshold t, with t32 the largest float32 not above t, x > t exactly when x > t32
        (x > t >= t32; and x > t32 makes x at least the next float32, which is above t).
        """
        pairs = np.stack([self.split_feature.astype(np.float64), self.split_threshold], axis=2)
        unique, node_test = np.unique(pairs.reshape(-1, 2), axis=0, return_inverse=True)
        by_node = np.ascontiguousarray(node_test.reshape(self.split_feature.shape).T)
        threshold = unique[:, 1]
        with np.errstate(over="ignore"):  # beyond the float32 range: infinity, then its max
            nearest = threshold.astype(np.float32)
        below = np.where(nearest > threshold, np.nextafter(nearest, np.float32(-np.inf)), nearest)
        return unique[:, 0].astype(np.intp), below.astype(np.float32), by_node

    @cached_property
    def _node_bits(self) -> npt.NDArray[np.unsignedinteger[Any]]:
        """The bit of node k in a tree's outcome code, shaped to multiply `predict`'s nodes."""
        n_inner = 2**self.depth - 1
        dtype = np.uint8 if n_inner <= 8 else np.uint16 if n_inner <= 16 else np.uint64
        bits: npt.NDArray[np.unsignedinteger[Any]] = (1 << np.arange(n_inner)).astype(dtype)
        return bits[:, None, None]

    @cached_property
    def _tree_offsets(self) -> npt.NDArray[np.intp]:
        """Where each tree's row starts in the flattened `_leaf_values`."""
        offsets: npt.NDArray[np.intp] = np.arange(self.leaves.shape[0]) * 2 ** (2**self.depth - 1)
        return offsets

    @cached_property
    def _leaf_values(self) -> FloatArray:
        """Leaf value of each tree for every combination of its split outcomes, flattened."""
        n_inner = 2**self.depth - 1
        outcomes = (np.arange(2**n_inner)[:, None] >> np.arange(n_inner)) & 1  # (codes, nodes)
        node = np.zeros(len(outcomes), dtype=np.intp)
        for _ in range(self.depth):
            node = 2 * node + 1 + outcomes[np.arange(len(outcomes)), node]
        leaf = node - n_inner
        table: FloatArray = np.ascontiguousarray(self.leaves[:, leaf]).ravel()
        return table

    def to_json(self) -> dict[str, Any]:
        """The JSON document `from_json` reads back."""
        return {
            "kind": "gradient_boosted_trees",
            "features": list(self.features),
            "depth": self.depth,
            "bias": self.bias,
            "threshold": self.threshold,
            "meta": self.meta,
            "trees": [
                {"feature": f.tolist(), "threshold": t.tolist(), "leaf": v.tolist()}
                for f, t, v in zip(
                    self.split_feature, self.split_threshold, self.leaves, strict=True
                )
            ],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> LineModel:
        """Build a model from the document `to_json` wrote.

        Raises:
            ValueError: If the model was trained on other features than this code computes.
        """
        if tuple(doc["features"]) != FEATURES:
            raise ValueError(
                "line model features differ from newsfuse.clean.dump.features.FEATURES; "
                "retrain it with scripts/train_line_model.py"
            )
        trees = doc["trees"]
        return cls(
            features=tuple(doc["features"]),
            depth=int(doc["depth"]),
            bias=float(doc["bias"]),
            split_feature=np.array([t["feature"] for t in trees], dtype=np.int64),
            split_threshold=np.array([t["threshold"] for t in trees], dtype=np.float64),
            leaves=np.array([t["leaf"] for t in trees], dtype=np.float64),
            threshold=float(doc["threshold"]),
            meta=dict(doc.get("meta", {})),
        )


@lru_cache(maxsize=1)
def shipped_model() -> LineModel:
    """The model shipped in ``newsfuse/data/line_model.json`` (loaded once)."""
    return LineModel.from_json(load_json("line_model.json"))
