"""Split a JSONL feed into one raw document per line; a broken line is rejected alone."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

from newsfuse.models import Hints, Origin, RawDocument, Rejected
from newsfuse.settings import Settings
from newsfuse.text import count_words

_KNOWN = {"id", "url", "title", "text", "html", "published", "outlet", "byline", "language"}
# A news record is flat or nests a few levels (authors, images); past this it is no record,
# and storing it would strain every JSON encoder after it (Python's recursion limit is 1000).
MAX_DEPTH = 64
#: A lone surrogate: JSON may escape one ("\\ud800"), but no UTF-8 text (nor SQLite) holds it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WORD = re.compile(r"\w+")


def records(
    text: str,
    path: str | None,
    base: Hints,
    encoding: str = "utf-8",
    confidence: float = 1.0,
    max_records: int = Settings.max_records,
    max_field_chars: int = Settings.max_field_chars,
    min_words: int = 0,
) -> Iterator[RawDocument | Rejected]:
    """Yield a raw document for each usable line of a JSONL feed.

    Record fields override what the page says; ``base`` (CLI flags) overrides both.
    Lines end at ``\\n`` only (JSON strings may hold U+2028 and the other Unicode line
    breaks). Blank lines are skipped; a line that is not a JSON object, or has neither
    ``text`` nor ``html``, is rejected with its line number. Past ``max_records`` records one
    rejection says where reading stopped. A pretty-printed JSON document (not one object per
    line) is read as one record. A record with fewer than ``min_words`` words in all (markup
    included) cannot give that many words of article text: it is rejected before cleaning,
    which keeps a feed of many tiny records fast.
    """
    limits = (max_field_chars, min_words)
    whole = _document(text)
    if whole is not None:
        got = _checked(whole, Origin(path=path), base, encoding, confidence, *limits)
        if isinstance(got, Rejected) and got.reason in ("bad_json", "no_text"):
            got = Rejected(
                got.origin,
                "not_news_record",
                "the input is JSON but not a news record (an object with a non-empty 'text' "
                "or 'html' field); give records as JSONL, one object per line",
            )
        yield got
        return
    count = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = Origin(path=path, line=number)
        count += 1
        if count > max_records:
            yield Rejected(
                origin,
                "too_many_records",
                f"the feed has more than {max_records} records; lines from {number} on were "
                "not read. Split the file or raise NEWSFUSE_MAX_RECORDS",
            )
            return
        yield _checked(_parse(line, number), origin, base, encoding, confidence, *limits)


def record(
    rec: object,
    origin: Origin,
    base: Hints,
    encoding: str = "utf-8",
    confidence: float = 1.0,
    max_field_chars: int = Settings.max_field_chars,
) -> RawDocument | Rejected:
    """One feed record (a JSON object: ``text`` or ``html``, and optional ``id``, ``title``,
    ``published``, ``outlet``, ``url``, ``byline``, ``language``; other keys are kept) as a raw
    document, or rejected with the reason. Lone surrogates (invalid Unicode some encoders let
    through) become U+FFFD; values nested deeper than :data:`MAX_DEPTH` are rejected."""
    return _checked(rec, origin, base, encoding, confidence, max_field_chars, 0)


def _checked(
    rec: object,
    origin: Origin,
    base: Hints,
    encoding: str,
    confidence: float,
    max_field_chars: int,
    min_words: int,
) -> RawDocument | Rejected:
    if isinstance(rec, Rejected):
        return Rejected(origin, rec.reason, rec.message)
    where = f"line {origin.line}" if origin.line is not None else "the record"
    if not isinstance(rec, dict):
        return Rejected(origin, "bad_json", f"{where} is JSON but not an object")
    try:
        fields: dict[str, Any] = _sound(rec)
    except RecursionError:
        return Rejected(origin, "json_too_deep", f"{where} nests deeper than {MAX_DEPTH} levels")
    rid = fields.get("id")
    origin = Origin(path=origin.path, line=origin.line, record_id=None if rid is None else str(rid))
    body, fmt = _body(fields)
    if body is None:
        return Rejected(origin, "no_text", "the record has no non-empty 'text' or 'html' field")
    if len(body) > max_field_chars:
        return Rejected(
            origin,
            "field_too_large",
            f"the record's '{fmt}' field has {len(body)} characters, more than "
            f"{max_field_chars}; raise NEWSFUSE_MAX_FIELD_CHARS to accept it",
        )
    words = _count_words(body, min_words)
    if words < min_words:
        return Rejected(
            origin,
            "no_article_text",
            f"the record's '{fmt}' field has only {words} words (fewer than {min_words}); is "
            "this a news report? Set NEWSFUSE_MIN_BODY_WORDS to accept shorter ones",
        )
    try:
        hints = _hints(fields, base)
    except ValueError as exc:  # a value that has no text form (an integer of 5,000 digits)
        return Rejected(origin, "bad_json", f"{where} has a value that cannot be read: {exc}")
    return RawDocument(
        origin, fmt, body, hints, encoding, via_jsonl=True, encoding_confidence=confidence
    )


def _hints(rec: dict[str, Any], base: Hints) -> Hints:
    return Hints(
        title=base.title or _str(rec.get("title")),
        published=base.published or _str(rec.get("published")),
        outlet=base.outlet or _str(rec.get("outlet")),
        url=base.url or _str(rec.get("url")),
        byline=base.byline or _str(rec.get("byline")),
        language=base.language or _str(rec.get("language")),
        extra={**{k: v for k, v in rec.items() if k not in _KNOWN}, **base.extra},
    )


def _parse(line: str, number: int) -> object:
    """The JSON value of one line, or why it is none (as a Rejected without origin)."""
    try:
        return _loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(Origin(), "bad_json", f"line {number} is not valid JSON ({exc.msg})")
    except RecursionError:
        return Rejected(Origin(), "json_too_deep", f"line {number} nests too deep to read")
    except ValueError as exc:  # an integer too long to convert (Python's 4300-digit limit)
        return Rejected(Origin(), "bad_json", f"line {number} cannot be read: {exc}")


def _document(text: str) -> object | None:
    """``text`` parsed as one JSON document, when it is one and not a one-line record (a
    pretty-printed object, or an array); None otherwise (the lines are read one by one)."""
    body = text.strip()
    if body[:1] not in ("{", "["):
        return None
    try:
        value = _loads(body)
    except (ValueError, RecursionError):
        return None  # not one document: the line reader says what is wrong with which line
    return None if isinstance(value, dict) and "\n" not in body else value


def _loads(text: str) -> Any:
    # NaN and Infinity (and numbers too large for a float) are no JSON values: read as null,
    # so that what is stored and exported is valid JSON.
    return json.loads(text, parse_constant=lambda _: None, parse_float=_finite)


def _finite(token: str) -> float | None:
    value = float(token)
    return value if math.isfinite(value) else None


def _sound(value: Any) -> Any:
    """``value`` with lone surrogates replaced; RecursionError past :data:`MAX_DEPTH`."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise RecursionError(f"nested deeper than {MAX_DEPTH}")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return _fix(value)


def _fix(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {_fix(k): _fix(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fix(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _count_words(text: str, enough: int) -> int:
    """Words in ``text`` as the clean body's are counted (:func:`~newsfuse.text.count_words`),
    up to ``enough``: a long text is not scanned to its end."""
    tokens = 0
    for tokens, _ in enumerate(_WORD.finditer(text), start=1):
        if tokens >= enough:
            return tokens
    return count_words(text, tokens)


def _body(rec: dict[str, Any]) -> tuple[str | None, Any]:
    for key, fmt in (("html", "html"), ("text", "text")):
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            return value, fmt
    return None, "text"


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
