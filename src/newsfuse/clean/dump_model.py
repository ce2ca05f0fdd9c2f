"""The line classifier: gradient-boosted trees stored as JSON, evaluated with numpy."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
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
        n_trees = self.leaves.shape[0]
        node = np.zeros((x.shape[0], n_trees), dtype=np.int64)
        tree = np.arange(n_trees)
        line = np.arange(x.shape[0])[:, None]
        for _ in range(self.depth):
            feat = self.split_feature[tree, node]
            right = x[line, feat] > self.split_threshold[tree, node]
            node = 2 * node + 1 + right
        leaf = node - (2**self.depth - 1)
        score = self.bias + self.leaves[tree, leaf].sum(axis=1)
        probs: FloatArray = 1.0 / (1.0 + np.exp(-score))
        return probs

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
