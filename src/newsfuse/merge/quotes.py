"""Across a story's reports: one entity per actor, places resolved together, quotes matched."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any

from newsfuse.models import Analysis, QuoteGroup, QuoteVersion, as_dict

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|,\s+(?=[A-Z])")

#: Token-sequence similarity from which two quotes of one speaker are the same words (allowing
#: punctuation, case and quote-mark differences, which tokenising already removes).
SAME_WORDING = 0.97
#: Similarity from which two quotes of one speaker are one statement in different wording
#: ("reopen every school" / "reopen the schools"). Chosen on invented pairs: paraphrases of one
#: sentence score 0.6-0.9, different sentences of one speaker under 0.4.
SAME_STATEMENT = 0.55
#: A shorter quote whose words all appear in order in a longer one is the same statement quoted
#: in part (a partial quote of a full sentence): at least this many words.
MIN_PARTIAL_WORDS = 3
_QUOTED_KINDS = {"direct", "partial", "mixed"}


def match_quotes(
    analyses: Sequence[Analysis], outlets: Mapping[str, str | None]
) -> list[QuoteGroup]:
    """Group the quotes of a story's reports that give one statement of one speaker.

    Only quoted words are compared (reported speech is the writer's paraphrase). Two quotes
    are one statement when their speakers agree and their words are the same, one is part of
    the other, or they are close paraphrases; a group whose versions differ in words is
    flagged ``differs``.

    Args:
        analyses: The analyses of the story's articles.
        outlets: Article id -> outlet name.

    Returns:
        Groups in order of first appearance; single quotes form groups of one.
    """
    items: list[tuple[str | None, QuoteVersion, list[list[str]]]] = []
    for analysis in analyses:
        for i, q in enumerate(analysis.quotes):
            if q.kind in _QUOTED_KINDS:
                version = QuoteVersion(
                    analysis.article_id, i, outlets.get(analysis.article_id), q.text
                )
                items.append((q.speaker_name, version, _sentences(q.text)))
    groups: list[list[int]] = []
    for i, (speaker, version, tokens) in enumerate(items):
        for group in groups:
            head_speaker, head, head_tokens = items[group[0]]
            if head.article_id == version.article_id or not _same_speaker(speaker, head_speaker):
                continue
            if _similar(tokens, head_tokens) >= SAME_STATEMENT:
                group.append(i)
                break
        else:
            groups.append([i])
    out = []
    for group in groups:
        versions = tuple(items[i][1] for i in group)
        same = all(_same_words(items[group[0]][2], items[i][2]) for i in group[1:])
        speaker = next((items[i][0] for i in group if items[i][0]), None)
        out.append(QuoteGroup(speaker, versions, "same" if same else "differs"))
    return out


def _sentences(text: str) -> list[list[str]]:
    """Lower-cased words of each sentence of a quote (quotes are compared sentence by sentence,
    since one outlet may run two quoted sentences together that another prints apart)."""
    parts = [[t.lower() for t in _WORD.findall(p)] for p in _SENTENCE_END.split(text)]
    return [p for p in parts if p]


def _same_speaker(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a == b


def _similar(a: list[list[str]], b: list[list[str]]) -> float:
    """Best similarity of any sentence of one quote with any sentence of the other."""
    return max((_ratio(x, y) for x in a for y in b), default=0.0)


def _ratio(a: list[str], b: list[str]) -> float:
    if _contained(a, b) or _contained(b, a):
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _same_words(a: list[list[str]], b: list[list[str]]) -> bool:
    """Whether every sentence the two quotes share is worded the same."""
    pairs = [(x, y) for x in a for y in b if _ratio(x, y) >= SAME_STATEMENT]
    return all(_ratio(x, y) >= SAME_WORDING for x, y in pairs)


def _contained(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` occurs as a contiguous run of words in ``long``."""
    if len(short) < MIN_PARTIAL_WORDS or len(short) > len(long):
        return False
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def quote_rows(
    analyses: Sequence[Analysis], outlets: Mapping[str, str | None], speaker: str | None = None
) -> list[dict[str, Any]]:
    """A story's quotes as rows: those of one statement grouped across reports (a differing
    wording flagged), then reported speech per article; only ``speaker``'s when given (any
    part of the name, any case).

    Args:
        analyses: The analyses of the story's articles, in article-id order.
        outlets: Article id -> outlet name.
        speaker: Only quotes whose speaker's name contains this.
    """
    by_id = {a.article_id: a for a in analyses}
    rows = []
    for group in match_quotes(analyses, outlets):
        if speaker and speaker.lower() not in (group.speaker or "").lower():
            continue
        first = by_id[group.versions[0].article_id].quotes[group.versions[0].index]
        rows.append(
            {
                "speaker_name": group.speaker,
                "kind": first.kind,
                "cue": first.cue,
                "wording": group.wording,
                "reports": len(group.versions),
                "text": first.text,
                "versions": [as_dict(v) for v in group.versions],
            }
        )
    # Quotes in reported speech are not compared across reports; list them per article.
    for analysis in analyses:
        for i, q in enumerate(analysis.quotes):
            if q.kind == "indirect" and (
                not speaker or speaker.lower() in (q.speaker_name or "").lower()
            ):
                rows.append(
                    {
                        "speaker_name": q.speaker_name,
                        "kind": q.kind,
                        "cue": q.cue,
                        "wording": None,
                        "reports": 1,
                        "text": q.text,
                        "versions": [
                            {
                                "article_id": analysis.article_id,
                                "index": i,
                                "outlet": outlets.get(analysis.article_id),
                                "text": q.text,
                            }
                        ],
                    }
                )
    return rows
