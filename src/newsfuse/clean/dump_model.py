"""The line classifier: gradient-boosted trees stored as JSON, evaluated with numpy."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump_features import FEATURES

FloatArray = npt.NDArray[np.float64]


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

    def predict(self, rows: FloatArray) -> FloatArray:
        """Probability that each row's line belongs to the article body.

        All distinct split tests of all trees are evaluated at once; each tree's outcomes, as
        one integer, index a table that maps them to the leaf the tree would reach.

        Args:
            rows: Feature matrix, one row per line, columns in ``self.features`` order.

        Returns:
            One probability per row.
        """
        if not len(rows):
            return np.zeros(0)
        # The trees were fitted on float32 features (scikit-learn's tree dtype); compare in
        # the same precision so that a value on a threshold goes the same way.
        x = np.asarray(rows, dtype=np.float32).astype(np.float64)
        feature, threshold, node_test = self._tests
        tests = (x[:, feature] > threshold)[:, node_test]  # (lines, trees, nodes)
        code = tests.view(np.uint8) @ self._bit_values  # each tree's outcomes as one integer
        score = self.bias + self._leaf_table[self._tree_rows, code].sum(axis=1)
        probs: FloatArray = 1.0 / (1.0 + np.exp(-score))
        return probs

    @cached_property
    def _tests(self) -> tuple[npt.NDArray[np.intp], FloatArray, npt.NDArray[np.intp]]:
        """The distinct (feature, threshold) tests of all nodes, and each node's test."""
        pairs = np.stack([self.split_feature.astype(np.float64), self.split_threshold], axis=2)
        unique, node_test = np.unique(pairs.reshape(-1, 2), axis=0, return_inverse=True)
        shape = self.split_feature.shape
        return unique[:, 0].astype(np.intp), unique[:, 1], node_test.reshape(shape)

    @cached_property
    def _bit_values(self) -> npt.NDArray[np.unsignedinteger[Any]]:
        n_inner = 2**self.depth - 1
        dtype = np.uint8 if n_inner <= 8 else np.uint16 if n_inner <= 16 else np.uint64
        return (1 << np.arange(n_inner)).astype(dtype)

    @cached_property
    def _tree_rows(self) -> npt.NDArray[np.intp]:
        return np.arange(self.leaves.shape[0])

    @cached_property
    def _leaf_table(self) -> FloatArray:
        """Leaf value of each tree for every combination of its split outcomes."""
        n_inner = 2**self.depth - 1
        outcomes = (np.arange(2**n_inner)[:, None] >> np.arange(n_inner)) & 1  # (codes, nodes)
        node = np.zeros(len(outcomes), dtype=np.intp)
        for _ in range(self.depth):
            node = 2 * node + 1 + outcomes[np.arange(len(outcomes)), node]
        leaf = node - n_inner
        table: FloatArray = self.leaves[:, leaf]  # (trees, codes)
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
                "line model features differ from newsfuse.clean.dump_features.FEATURES; "
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
    text = resources.files("newsfuse").joinpath("data/line_model.json").read_text()
    return LineModel.from_json(json.loads(text))
