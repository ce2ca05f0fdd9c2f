"""Which language an article is written in: the caller's word, the page's, and the text's own.

The text is read by py3langid (a naive Bayes classifier over byte n-grams, 97 languages, 4.5 MB,
no network). A page's ``<html lang>`` or content-language meta is kept, unless the text says
confidently that it is another language: templates often state ``lang="en"`` for every page of
a site, and an English reader run on a French report does more harm than the reverse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

#: Letters needed before the text is judged: on fewer, a headline-sized snippet, the classifier
#: guesses (a bare name "Hugh Jackman" scores 0.05 for English, see docs/benchmarks.md).
MIN_LETTERS = 20
#: Confidence under which the text is not judged at all. Calibrated on the 772 English ECB+
#: documents, the 135 BASIL articles and the extraction pages (docs/benchmarks.md): all but two
#: ECB+ texts score over 0.5 for English, and those two (one-line items) fall to None.
MIN_CONFIDENCE = 0.5
#: Confidence at which the text overrules a page that states another language. On the
#: extraction pages every text/markup disagreement (4 of 147) scored 1.000 and the text was
#: right each time (German pages marked "en", English ones marked "de"); the lowest score of
#: a test report in its own language is 0.913 (Spanish, near Catalan and Galician).
OVERRULE_PAGE = 0.9
#: Characters of the text the classifier reads: the lead settles it, and the cost is linear.
READ_CHARS = 5000

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Detected:
    """What the text alone says: an ISO 639-1 code (None when it cannot tell) and how sure."""

    language: str | None
    confidence: float


@cache
def _identifier() -> Any:
    """The classifier, loaded once per process (about 2 s: the model is xz-compressed)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Detected:
    """The language ``text`` is written in, by its character n-grams.

    Args:
        text: Plain text; only its first :data:`READ_CHARS` characters are read.

    Returns:
        The language and the classifier's confidence; no language when the text has fewer
        than :data:`MIN_LETTERS` letters or the best guess is under :data:`MIN_CONFIDENCE`.
    """
    text = text[:READ_CHARS]
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        return Detected(None, 0.0)
    lang, confidence = _identifier().classify(text)
    confidence = float(confidence)
    return Detected(str(lang) if confidence >= MIN_CONFIDENCE else None, confidence)


def language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None when it cannot tell."""
    return detect(text).language


def choose(hint: str | None, page: str | None, text: str) -> str | None:
    """The article's language: the caller's hint, else the page's unless the text overrules it.

    Args:
        hint: A language the caller gave (CLI flag, JSONL field): always kept.
        page: What the page's markup states (``en-GB``, ``fr_FR``, ``de``), if anything.
        text: The article text.

    Returns:
        An ISO 639-1 code in lower case, or None when nothing says.
    """
    if hint:
        return code(hint)
    stated = code(page)
    found = detect(text)
    if stated and (found.language in (None, stated) or found.confidence < OVERRULE_PAGE):
        return stated
    return found.language


def code(value: str | None) -> str | None:
    """The primary language subtag of a language tag: ``en-GB`` -> ``en``; None for blank."""
    if not value or not value.strip():
        return None
    return value.strip().split("-")[0].split("_")[0].lower() or None
