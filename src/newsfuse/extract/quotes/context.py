"""Speakers named around a quotation rather than by a cue: labels and introducing paragraphs."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsfuse.extract.nlp import doc_text
from newsfuse.extract.quotes.attribution import Attribution, speaker_extent
from newsfuse.extract.quotes.lexicon import SUBJECT_DEPS

#: The cue recorded for a speaker label ("RAMOS:", "Jeffrey M. Jones:").
LABEL_CUE = "label"
# Longest label, in words ("Former Secretary of State John Kerry" is past it on purpose:
# long capitalised runs before a colon are mostly headlines).
_MAX_LABEL_WORDS = 4
_OPENING_MARKS = "\"“‘'«„ \t"


def label_attribution(doc: Doc, start: int) -> Attribution | None:
    """The speaker of a quotation that follows a label ('Jones: "..."', 'RAMOS: "..."').

    Args:
        doc: The parsed paragraph.
        start: Offset where the quotation's content starts.

    Returns:
        An attribution with cue :data:`LABEL_CUE` and the label as speaker, or None.
    """
    before = doc_text(doc)[:start].rstrip(_OPENING_MARKS)
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon[0].i == 0:
        return None
    words: list[Token] = []
    for token in reversed(doc[: colon[0].i]):
        if not _label_word(token) or len(words) == _MAX_LABEL_WORDS:
            break
        words.append(token)
    if not words:
        return None
    first = words[-1]
    lead = doc[first.i - 1] if first.i > 0 else None
    # A label opens the paragraph or follows a dash or "from" ("More from Jones:").
    if lead is not None and lead.text not in ("-", "—", "–") and lead.lower_ != "from":
        return None
    head = words[0]
    return Attribution(LABEL_CUE, head.i, head.i, first.idx, head.idx + len(head.text))


def _label_word(token: Token) -> bool:
    """A word of a name in a label: capitalised, or an initial ("M.")."""
    return token.text[:1].isupper() and (token.is_alpha or token.text.endswith("."))


def introducing_subject(doc: Doc) -> Attribution | None:
    """The named subject of a paragraph that ends with a colon ("Cruz called them on it:").

    Used when that last sentence has no cue verb: the colon alone says that the next
    paragraph's quotation is what its subject said.

    Args:
        doc: The parsed paragraph before the quotation.
    """
    if len(doc) == 0 or not doc_text(doc).rstrip().endswith(":"):
        return None
    root = list(doc.sents)[-1].root
    for child in root.children:
        if child.dep_ in SUBJECT_DEPS and child.tag_ in ("NNP", "NNPS"):
            start, end = speaker_extent(child)
            return Attribution(root.lower_, root.i, child.i, start, end)
    return None
