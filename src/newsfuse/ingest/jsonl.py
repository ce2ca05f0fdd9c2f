"""Split a JSONL feed into one raw document per line; a broken line is rejected alone."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from newsfuse.models import Hints, Origin, RawDocument, Rejected

#: A lone surrogate: JSON may escape one ("\\ud800"), but no UTF-8 text (nor SQLite) holds it.
_SURROGATE = re.compile("[\ud800-\udfff]")

_KNOWN = {"id", "url", "title", "text", "html", "published", "outlet", "byline", "language"}


def records(text: str, path: str | None, base: Hints) -> Iterator[RawDocument | Rejected]:
    """Yield a raw document for each usable line of a JSONL feed.

    Record fields override what the page says; ``base`` (CLI flags) overrides both.
    Blank lines are skipped; a line that is not a JSON object, or has neither ``text`` nor
    ``html``, is rejected with its line number.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = Origin(path=path, line=number)
        try:
            rec = _scrub(json.loads(line))
        except json.JSONDecodeError as exc:
            yield Rejected(origin, "bad_json", f"line {number} is not valid JSON ({exc.msg})")
            continue
        yield record(rec, origin, base)


def record(rec: object, origin: Origin, base: Hints) -> RawDocument | Rejected:
    """One feed record (a JSON object: ``text`` or ``html``, and optional ``id``, ``title``,
    ``published``, ``outlet``, ``url``, ``byline``, ``language``; other keys are kept) as a raw
    document, or rejected with the reason."""
    where = f"line {origin.line}" if origin.line is not None else "the record"
    if not isinstance(rec, dict):
        return Rejected(origin, "bad_json", f"{where} is JSON but not an object")
    rid = rec.get("id")
    origin = Origin(path=origin.path, line=origin.line, record_id=None if rid is None else str(rid))
    body, fmt = _body(rec)
    if body is None:
        return Rejected(origin, "no_text", "the record has no non-empty 'text' or 'html' field")
    hints = Hints(
        title=base.title or _str(rec.get("title")),
        published=base.published or _str(rec.get("published")),
        outlet=base.outlet or _str(rec.get("outlet")),
        url=base.url or _str(rec.get("url")),
        byline=base.byline or _str(rec.get("byline")),
        language=base.language or _str(rec.get("language")),
        extra={**{k: v for k, v in rec.items() if k not in _KNOWN}, **base.extra},
    )
    return RawDocument(origin, fmt, body, hints, via_jsonl=True)


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


def _scrub(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    return value
