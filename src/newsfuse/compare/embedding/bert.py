"""The BERT forward pass of all-MiniLM-L6-v2 in numpy (float64), for distilling its token table.

Inference only, no padding: sequences of one length run as one batch. Used at build time by
:mod:`newsfuse.compare.embedding.distil`; nothing at run time needs it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["NumpyBert"]

F64 = npt.NDArray[np.float64]
_N_LAYERS, _N_HEADS, _EPS = 6, 12, 1e-12


class _Gelu:
    """Exact (erf) GELU via cubic Hermite interpolation of math.erf on a 1e-3 grid.

    numpy has no erf; the table is exact at the knots and the interpolation error is
    below 1e-13, far under float16 resolution, and fully deterministic.
    """

    def __init__(self, limit: float = 8.0, step: float = 1e-3) -> None:
        self.limit, self.step = limit, step
        grid = np.arange(-limit, limit + step / 2, step)
        val = np.array([math.erf(x / math.sqrt(2)) for x in grid])
        der = math.sqrt(2 / math.pi) * np.exp(-grid * grid / 2) * step  # d/dt of erf(x/sqrt2)
        # Hermite cubic on each interval as a + b t + c t^2 + d t^3 (one gather per value).
        v0, v1, d0, d1 = val[:-1], val[1:], der[:-1], der[1:]
        self.coef = [
            np.ascontiguousarray(c)
            for c in (v0, d0, 3 * (v1 - v0) - 2 * d0 - d1, 2 * (v0 - v1) + d0 + d1)
        ]

    def __call__(self, x: F64) -> F64:
        z = np.clip(x, -self.limit, self.limit - 1e-9)
        pos = (z + self.limit) / self.step
        idx = pos.astype(np.int64)  # pos >= 0, so truncation is floor
        t = pos - idx
        a, b, c, d = (np.take(coef, idx) for coef in self.coef)
        erf = a + t * (b + t * (c + t * d))
        out: F64 = 0.5 * x * (1.0 + erf)
        return out


def _layer_norm(x: F64, weight: F64, bias: F64) -> F64:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: F64 = (x - mean) / np.sqrt(var + _EPS) * weight + bias
    return out


class NumpyBert:
    """BertModel forward pass (inference, no padding) for all-MiniLM-L6-v2 in float64."""

    def __init__(self, weights: dict[str, Any]) -> None:
        self.w = {
            k: np.asarray(v, dtype=np.float64)
            for k, v in weights.items()
            if not k.endswith("position_ids")
        }
        # Linear weights stored transposed and contiguous: x @ W^T as one 2-D GEMM.
        for name in [
            k
            for k in self.w
            if k.endswith("dense.weight")
            or k.endswith(("query.weight", "key.weight", "value.weight"))
        ]:
            self.w[name] = np.ascontiguousarray(self.w[name].T)
        self.gelu = _Gelu()

    def _linear(self, x: F64, name: str) -> F64:
        flat = x.reshape(-1, x.shape[-1]) @ self.w[f"{name}.weight"] + self.w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def mean_pooled(self, ids: npt.NDArray[np.int64]) -> F64:
        """Mean of the last hidden states of equal-length sequences ``ids`` (batch, length)."""
        w = self.w
        batch, length = ids.shape
        h = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        h = _layer_norm(h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        dim = h.shape[-1]
        head = dim // _N_HEADS
        for layer in range(_N_LAYERS):
            p = f"encoder.layer.{layer}"

            def heads(x: F64) -> F64:
                return x.reshape(batch, length, _N_HEADS, head).transpose(0, 2, 1, 3)

            q = heads(self._linear(h, f"{p}.attention.self.query"))
            k = heads(self._linear(h, f"{p}.attention.self.key"))
            v = heads(self._linear(h, f"{p}.attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head)
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            probs = scores / scores.sum(axis=-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, dim)
            h = _layer_norm(
                self._linear(ctx, f"{p}.attention.output.dense") + h,
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
            )
            inter = self.gelu(self._linear(h, f"{p}.intermediate.dense"))
            h = _layer_norm(
                self._linear(inter, f"{p}.output.dense") + h,
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
            )
        pooled: F64 = h.mean(axis=1)
        return pooled
