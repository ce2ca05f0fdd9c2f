"""BERT-uncased WordPiece in pure Python: the tokenizer the sentence-embedding table is read with.

It mirrors the ``tokenizers`` package's ``BertNormalizer`` (clean text, CJK spacing, accents
stripped, lower case), ``BertPreTokenizer`` and ``WordPiece`` for the all-MiniLM-L6-v2
vocabulary, without special tokens, as model2vec tokenizes; on every MSRP sentence and a set of
Unicode edge cases it gives the same ids. The package itself would add about 40 MB of
dependencies for what is a few dozen lines here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Final

__all__ = ["WordPieceTokenizer"]

# ASCII fast path: drop C0 controls and DEL except tab/newline/CR (they become spaces).
_ASCII_CLEAN: Final[dict[int, str | None]] = {
    **{c: None for c in range(32) if c not in (9, 10, 13)},
    127: None,
    9: " ",
    10: " ",
    13: " ",
}
# In ASCII every printable non-alphanumeric character is BERT punctuation: a token of its own.
_ASCII_WORDS: Final[re.Pattern[str]] = re.compile(r"[0-9a-z]+|[^\s0-9a-z]")


def _is_whitespace(char: str) -> bool:
    return char in " \t\n\r" or unicodedata.category(char) == "Zs"


def _is_control(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return unicodedata.category(char).startswith("C")


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    # ASCII symbols such as $ + < = > ^ ` | ~ are not Unicode "P*" but BERT splits them too.
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


class WordPieceTokenizer:
    """BERT-uncased WordPiece tokenizer (normaliser, pre-tokenizer, greedy longest match).

    Mirrors ``tokenizers``' ``BertNormalizer(clean_text, handle_chinese_chars, lowercase,
    strip_accents=None)``, ``BertPreTokenizer`` and ``WordPiece(max_input_chars_per_word=100)``
    without special tokens, which is how model2vec tokenizes.

    Args:
        vocab: Token string to id.
        unk_token: The unknown token, which must be in ``vocab``.
        prefix: The continuing-subword prefix.
        max_chars: Words longer than this many characters become ``unk_token``.
    """

    def __init__(
        self,
        vocab: dict[str, int],
        unk_token: str = "[UNK]",
        prefix: str = "##",
        max_chars: int = 100,
        added_tokens: Sequence[str] = (),
    ) -> None:
        self.vocab = vocab
        # Added (special) tokens such as "[UNK]" are matched verbatim in the raw text first.
        self.added = {t: vocab[t] for t in added_tokens if t in vocab}
        self._added_split = (
            re.compile(
                "("
                + "|".join(re.escape(t) for t in sorted(self.added, key=len, reverse=True))
                + ")"
            )
            if self.added
            else None
        )
        self.unk_id = vocab[unk_token]
        self.prefix = prefix
        self.max_chars = max_chars
        self._max_piece = max(len(token) for token in vocab)
        self._cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_tokenizer_json(cls, path: str | Path) -> WordPieceTokenizer:
        """Build the tokenizer from a Hugging Face ``tokenizer.json`` with a WordPiece model.

        Raises:
            ValueError: If the file does not describe an uncased BERT WordPiece tokenizer.
        """
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
        model = spec["model"]
        normalizer = spec.get("normalizer") or {}
        if (
            model.get("type") != "WordPiece"
            or normalizer.get("type") != "BertNormalizer"
            or not normalizer.get("lowercase", False)
        ):
            raise ValueError(
                f"{path}: not an uncased BERT WordPiece tokenizer; rebuild the artefact "
                "with python -m newsfuse.compare.embedding.distil"
            )
        added = [
            t["content"] for t in spec.get("added_tokens") or [] if not t.get("normalized", True)
        ]
        return cls(
            dict(model["vocab"]),
            model.get("unk_token", "[UNK]"),
            model.get("continuing_subword_prefix", "##"),
            int(model.get("max_input_chars_per_word", 100)),
            added,
        )

    @staticmethod
    def normalize(text: str) -> str:
        """Apply BERT-uncased normalisation: clean, space CJK, strip accents, lower-case."""
        out: list[str] = []
        for char in text:
            code = ord(char)
            if code == 0 or code == 0xFFFD or _is_control(char):
                continue
            if _is_whitespace(char):
                out.append(" ")
            elif _is_cjk(code):
                out.append(f" {char} ")
            else:
                out.append(char)
        decomposed = unicodedata.normalize("NFD", "".join(out))
        # Lower-case character by character, as `tokenizers` does (no final-sigma rule).
        return "".join(c.lower() for c in decomposed if unicodedata.category(c) != "Mn")

    @staticmethod
    def pre_tokenize(text: str) -> list[str]:
        """Split normalised text on whitespace and isolate every punctuation character."""
        words: list[str] = []
        for chunk in text.split():
            start = 0
            for i, char in enumerate(chunk):
                if _is_punctuation(char):
                    if i > start:
                        words.append(chunk[start:i])
                    words.append(char)
                    start = i + 1
            if start < len(chunk):
                words.append(chunk[start:])
        return words

    def _wordpiece(self, word: str) -> tuple[int, ...]:
        if len(word) > self.max_chars:
            return (self.unk_id,)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = min(len(word), start + self._max_piece)
            found = -1
            while end > start:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                found = self.vocab.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                return (self.unk_id,)
            ids.append(found)
            start = end
        return tuple(ids)

    def words(self, text: str) -> list[str]:
        """Normalise and pre-tokenize ``text`` into the words WordPiece sees."""
        if text.isascii():
            return _ASCII_WORDS.findall(text.translate(_ASCII_CLEAN).lower())
        return self.pre_tokenize(self.normalize(text))

    def word_ids(self, word: str) -> tuple[int, ...]:
        """Return the WordPiece ids of one pre-tokenized word (memoised; bounded cache)."""
        ids = self._cache.get(word)
        if ids is None:
            ids = self._wordpiece(word)
            if len(self._cache) < 500_000:
                self._cache[word] = ids
        return ids

    def encode(self, text: str) -> list[int]:
        """Return the WordPiece ids of ``text`` (no [CLS]/[SEP] added)."""
        if self._added_split is not None and "[" in text:
            ids: list[int] = []
            for i, part in enumerate(self._added_split.split(text)):
                if i % 2:
                    ids.append(self.added[part])
                elif part:
                    ids.extend(self._encode_plain(part))
            return ids
        return self._encode_plain(text)

    def _encode_plain(self, text: str) -> list[int]:
        ids: list[int] = []
        for word in self.words(text):
            ids.extend(self.word_ids(word))
        return ids
