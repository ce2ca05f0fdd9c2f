"""Score quote extraction against PolNeAR attributions, as data/quotes/METRIC.md defines."""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.extract.quotes.find import PARSE_COMPONENTS, find_quotes
from newsfuse.models import Quote

#: Cue last words that make an attribution "reported speech" (METRIC.md, verbatim).
REPORTED_CUES: frozenset[str] = frozenset(
    """said says say saying told tells tell added adds according stated states asked wrote
    writes explained argued noted insisted declared warned announced claimed replied
    acknowledged denied suggested tweeted predicted conceded stressed urged continued
    recalled joked responded""".split()  # noqa: SIM905
)
_QUOTE_MARKS = ('"', "“", "”")
_PRONOUNS = frozenset(
    "i me we us you he him she her it they them his its their our my your this that who".split()  # noqa: SIM905
)
# Capitalised words that say nothing about who spoke ("The official" vs "The campaign").
_EMPTY_CAPITALS = frozenset({"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution (an E line).

    Attributes:
        pieces: Character spans of the Content (a discontinuous span has several).
        source: Text of the Source span, or None when the attribution has none.
        cue: Text of the Cue span, or None.
        direct: Whether the content holds a quotation mark.
        reported: Whether it is a direct quote or its cue's last word is a speech verb.
    """

    pieces: tuple[tuple[int, int], ...]
    source: str | None
    cue: str | None
    direct: bool
    reported: bool


@dataclass(frozen=True)
class GoldArticle:
    """An article text with its gold attributions."""

    name: str
    split: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def load_polnear(
    data_dir: Path, split: str | None = None, limit: int | None = None
) -> list[GoldArticle]:
    """Read the PolNeAR articles of one split (or all) from ``data_dir``.

    Args:
        data_dir: The folder holding metadata.tsv, text/ and attributions/.
        split: "train", "dev" or None for both.
        limit: Keep only the first ``limit`` articles (in metadata order).

    Raises:
        FileNotFoundError: When ``data_dir`` lacks metadata.tsv.
    """
    metadata = data_dir / "metadata.tsv"
    if not metadata.is_file():
        raise FileNotFoundError(f"{metadata} not found: point data_dir at the quotes data folder")
    with metadata.open(encoding="utf-8", newline="") as handle:
        rows = [
            r for r in csv.DictReader(handle, delimiter="\t") if split in (None, r["compartment"])
        ]
    articles: list[GoldArticle] = []
    for row in rows[:limit] if limit is not None else rows:
        name = row["filename"]
        text = (data_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        ann = (data_dir / "attributions" / f"{name}.ann").read_text(encoding="utf-8")
        articles.append(GoldArticle(name, row["compartment"], text, _parse_ann(text, ann)))
    return articles


def _parse_ann(text: str, ann: str) -> tuple[GoldAttribution, ...]:
    """Turn brat standoff lines into attributions (spans are read at their offsets)."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _kind, _, offsets = fields[1].partition(" ")
            pieces = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))
            )
            spans[fields[0]] = pieces
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(role.split(":", 1) for role in fields[1].split()))
    found: list[GoldAttribution] = []
    for roles in events:
        content_pieces = spans.get(roles.get("Content", ""))
        if not content_pieces:
            continue
        content = " ".join(text[a:b] for a, b in content_pieces)
        source = _joined(text, spans.get(roles.get("Source", "")))
        cue = _joined(text, spans.get(roles.get("Cue", "")))
        direct = any(mark in content for mark in _QUOTE_MARKS)
        last = cue.split()[-1].lower() if cue and cue.split() else ""
        found.append(
            GoldAttribution(content_pieces, source, cue, direct, direct or last in REPORTED_CUES)
        )
    return tuple(found)


def _joined(text: str, pieces: tuple[tuple[int, int], ...] | None) -> str | None:
    """The text of a (possibly discontinuous) span, or None."""
    return " ".join(text[a:b] for a, b in pieces) if pieces else None


def paragraphs_of(text: str) -> tuple[list[str], list[int]]:
    """Split an article into its non-empty lines (the title line included) and their offsets."""
    paragraphs: list[str] = []
    offsets: list[int] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(line)
            offsets.append(position)
        position += len(line) + 1
    return paragraphs, offsets


def evaluate_quotes(
    data_dir: Path,
    split: str | None = None,
    limit: int | None = None,
    nlp: Language | None = None,
) -> dict[str, float]:
    """Run :func:`find_quotes` on PolNeAR and score it as METRIC.md defines.

    Args:
        data_dir: The folder holding metadata.tsv, text/ and attributions/.
        split: "train", "dev" or None for both.
        limit: Score only the first ``limit`` articles of the split.
        nlp: A loaded spaCy pipeline (loaded once when None).

    Returns:
        direct_* and reported_* precision, recall and F1, speaker_accuracy, and counts.
    """
    totals = dict.fromkeys(
        ("predicted", "matched_any", "gold_direct", "hit_direct", "gold_reported",
         "hit_reported", "speaker_n", "speaker_ok", "quoted", "quoted_ok"),
        0,
    )  # fmt: skip
    articles = load_polnear(data_dir, split, limit)
    model = nlp if nlp is not None else load_nlp()
    for article in articles:
        paragraphs, offsets = paragraphs_of(article.text)
        # Parsed as the product parses (parser and NER), so the scores are the product's.
        docs = parse(paragraphs, PARSE_COMPONENTS, model)
        quotes = find_quotes(paragraphs, docs=docs)
        _score_article(article, quotes, offsets, totals)
    precision = _ratio(totals["matched_any"], totals["predicted"])
    result = {
        "articles": float(len(articles)),
        "predicted": float(totals["predicted"]),
        "gold_direct": float(totals["gold_direct"]),
        "gold_reported": float(totals["gold_reported"]),
        "direct_precision": precision,
        "direct_recall": _ratio(totals["hit_direct"], totals["gold_direct"]),
        "reported_precision": precision,
        "reported_recall": _ratio(totals["hit_reported"], totals["gold_reported"]),
        "speaker_accuracy": _ratio(totals["speaker_ok"], totals["speaker_n"]),
        "speaker_n": float(totals["speaker_n"]),
        # Not in METRIC.md: precision of the predictions that carry quotation marks only.
        "quoted_precision": _ratio(totals["quoted_ok"], totals["quoted"]),
    }
    for subset in ("direct", "reported"):
        p, r = result[f"{subset}_precision"], result[f"{subset}_recall"]
        result[f"{subset}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return result


def _score_article(
    article: GoldArticle, quotes: list[Quote], offsets: list[int], totals: dict[str, int]
) -> None:
    """Add one article's counts to ``totals``."""
    words = [m.start() for m in _WORD.finditer(article.text)]
    predicted = [
        _tokens(words, ((offsets[q.paragraph] + q.start, offsets[q.end_paragraph] + q.end),))
        for q in quotes
    ]
    gold = [_tokens(words, g.pieces) for g in article.attributions]
    every = _match(predicted, gold, range(len(gold)))
    totals["predicted"] += len(quotes)
    totals["matched_any"] += len(every)
    for index, quote in enumerate(quotes):
        if quote.kind != "indirect":
            totals["quoted"] += 1
            totals["quoted_ok"] += index in every
    direct = [i for i, g in enumerate(article.attributions) if g.direct]
    reported = [i for i, g in enumerate(article.attributions) if g.reported]
    direct_pairs = _match(predicted, gold, direct)
    totals["gold_direct"] += len(direct)
    totals["hit_direct"] += len(direct_pairs)
    totals["gold_reported"] += len(reported)
    totals["hit_reported"] += len(_match(predicted, gold, reported))
    for pred, gold_index in direct_pairs.items():
        source = article.attributions[gold_index].source
        if source is not None and source.strip().lower() in _PRONOUNS:
            continue
        totals["speaker_n"] += 1
        totals["speaker_ok"] += _same_speaker(quotes[pred], source)


def _tokens(words: list[int], pieces: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Indices of the word tokens that start inside any of the pieces."""
    found: set[int] = set()
    for start, end in pieces:
        found.update(range(bisect.bisect_left(words, start), bisect.bisect_left(words, end)))
    return frozenset(found)


def _match(
    predicted: list[frozenset[int]], gold: list[frozenset[int]], subset: Sequence[int]
) -> dict[int, int]:
    """One-to-one greedy matching (largest overlap first); returns prediction -> gold index."""
    pairs: list[tuple[float, int, int]] = []
    for p, tokens in enumerate(predicted):
        for g in subset:
            shared = len(tokens & gold[g])
            larger = max(len(tokens), len(gold[g]))
            if larger and shared * 2 >= larger:
                pairs.append((shared / larger, p, g))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _score, p, g in pairs:
        if p not in matched and g not in used:
            matched[p] = g
            used.add(g)
    return matched


def _same_speaker(quote: Quote, source: str | None) -> bool:
    """METRIC.md's speaker test: a shared capitalised word, or one's words inside the other's."""
    if source is None:
        return quote.speaker is None
    gold_words = source.split()
    for guess in (quote.speaker, quote.speaker_name):
        if not guess:
            continue
        words = guess.split()
        capitals = {w for w in words if w[:1].isupper()} - _EMPTY_CAPITALS
        if capitals & set(gold_words):
            return True
        mine, theirs = set(_WORD.findall(guess.lower())), set(_WORD.findall(source.lower()))
        if mine and theirs and (mine <= theirs or theirs <= mine):
            return True
    return False


def _ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator, 0.0 for an empty denominator."""
    return numerator / denominator if denominator else 0.0
